// request-handlers.ts — what each request of the contract does, over the LiveFeed. Payloads arrive
// already checked by the IpcDoor; these only decide, and refuse with a kind when they must.
import type { SettingsRequestName } from '../accounts/account-settings.ts';
import type { HistoryRequestName } from '../history/history-handlers.ts';
import { IpcRequestError, type RequestHandlers } from './ipc-door.ts';
import type { LiveFeed } from '../live/live-feed.ts';

/** What one set of services answers: everything but Settings' accounts and keys and History (the app runtime's). */
export type ServiceHandlers = Omit<RequestHandlers, SettingsRequestName | HistoryRequestName>;

/** Every request but the notification rules (electron/main/notifications answers those) and Settings'. */
export function liveRequestHandlers(feed: LiveFeed): Omit<ServiceHandlers, `notifications.${string}`> {
  return {
    'app.snapshot': ({ limit }) => feed.snapshot(limit),
    'accounts.list': () => feed.accounts(),
    'positions.get': ({ accountId }) => {
      if (!feed.hasAccount(accountId)) throw new IpcRequestError('not-found', `No account "${accountId}" is configured.`);
      return feed.positions(accountId);
    },
    'demo.status': () => feed.demoStatus(),
  };
}
