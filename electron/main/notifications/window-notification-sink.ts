// window-notification-sink.ts — pushes events of the notification part of the IPC contract to every
// window showing our page (never to a page that navigated elsewhere): each notification for the
// window's toast log, and "this one was clicked" so the page highlights its execution.
import type { WebContents } from 'electron';
import { eventChannel, type EventName, type EventOf } from '../../../shared/ipc/contract.ts';
import { originOf } from '../ipc/ipc-door.ts';
import { APP_ORIGIN } from '../security.ts';
import type { NotificationSink } from './notification-service.ts';

export type PageTarget = Pick<WebContents, 'isDestroyed' | 'getURL' | 'send'>;

export function sendToPages<N extends EventName>(targets: () => readonly PageTarget[], name: N, payload: EventOf<N>, origin = APP_ORIGIN): void {
  for (const contents of targets()) {
    if (!contents.isDestroyed() && originOf(contents.getURL()) === origin) contents.send(eventChannel(name), payload);
  }
}

/** The in-page toast log's sink (harmless next to the desktop notification: the page only lists it). */
export function windowNotificationSink(targets: () => readonly PageTarget[], origin = APP_ORIGIN): NotificationSink {
  return { show: (notification) => sendToPages(targets, 'notifications.shown', notification, origin) };
}
