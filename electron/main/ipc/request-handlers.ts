// request-handlers.ts — what each request of the contract does, over the LiveFeed. Payloads arrive
// already checked by the IpcDoor; these only decide, and refuse with a kind when they must.
import { IpcRequestError, type RequestHandlers } from './ipc-door.ts';
import type { LiveFeed } from '../live/live-feed.ts';

/** Every request but the notification rules (electron/main/notifications answers those). */
export function liveRequestHandlers(feed: LiveFeed): Omit<RequestHandlers, `notifications.${string}`> {
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
