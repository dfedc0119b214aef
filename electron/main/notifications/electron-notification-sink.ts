// electron-notification-sink.ts — the desktop notification itself: Electron's Notification shows what
// the NotificationService hands over; a click calls `onClick` with what to highlight (electron-app.ts
// focuses the window and tells the page). No runtime `electron` import: the class is passed in.
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { NotificationTargetWire } from '../../../shared/ipc/contract.ts';
import type { NotificationSink } from './notification-service.ts';

export type ShownNotification = Pick<Notification, 'on' | 'show'>;

export interface NotificationClass {
  new (options: NotificationConstructorOptions): ShownNotification;
  isSupported(): boolean;
}

/** At most this many notifications are kept referenced (for their click handler) at once. */
const KEEP = 50;

export function electronNotificationSink(Notification: NotificationClass, onClick: (target: NotificationTargetWire | null) => void): NotificationSink {
  // A Notification that is garbage-collected loses its click handler (electron/electron#12690), so
  // the ones on screen stay referenced until closed (or until many newer ones pushed them out).
  const live = new Set<ShownNotification>();
  return {
    show: (notification) => {
      if (!Notification.isSupported()) return;
      const shown = new Notification({
        title: notification.title,
        body: notification.body,
        urgency: notification.urgency === 'critical' ? 'critical' : 'normal',
        silent: notification.urgency !== 'critical',
      });
      live.add(shown);
      if (live.size > KEEP) live.delete(live.values().next().value!);
      shown.on('click', () => onClick(notification.target));
      shown.on('close', () => void live.delete(shown));
      shown.show();
    },
  };
}
