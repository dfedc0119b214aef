// request-handlers.ts — what each request of the contract does, over the LiveFeed. Payloads arrive
// already checked by the IpcDoor; these only decide, and refuse with a kind when they must.
import type { SettingsRequestName } from '../accounts/account-settings.ts';
import type { HistoryRequestName } from '../history/history-handlers.ts';
import type { SurveillanceRequestName } from '../surveillance/surveillance-handlers.ts';
import { IpcRequestError, type RequestHandlers } from './ipc-door.ts';
import type { LiveFeed } from '../live/live-feed.ts';

/** What one set of services answers: everything but Settings' accounts and keys, History and surveillance (the app runtime's). */
export type ServiceHandlers = Omit<RequestHandlers, SettingsRequestName | HistoryRequestName | SurveillanceRequestName>;

/** Every request but the notification rules (electron/main/notifications answers those) and Settings'. */
export function liveRequestHandlers(feed: LiveFeed): Omit<ServiceHandlers, `notifications.${string}`> {
  return {
    'app.snapshot': ({ limit }) => feed.snapshot(limit),
    'accounts.list': () => feed.accounts(),
    'positions.get': ({ accountId, timeZone }) => {
      if (!feed.hasAccount(accountId)) throw new IpcRequestError('not-found', `No account "${accountId}" is configured.`);
      if (timeZone !== undefined && !isTimeZone(timeZone)) {
        throw new IpcRequestError('rejected', `"${timeZone}" is not a time zone this computer knows; choose one such as America/New_York or UTC.`);
      }
      return feed.positions(accountId, timeZone);
    },
    'session.get': () => feed.sessions(),
    'demo.status': () => feed.demoStatus(),
  };
}

/** An IANA zone name Intl knows (the engine would refuse any other). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
