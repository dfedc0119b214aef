// connect-notifications.ts — feeds the toast log from main's `notifications.shown` events and follows
// clicks on desktop notifications (`notifications.clicked`). Called once at startup.
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import { useNotificationStore } from './notification-store.ts';

export function connectNotifications(api: FillwatchApi): () => void {
  const store = useNotificationStore.getState();
  const stops = [api.on.notification(store.add), api.on.notificationClicked(store.highlightTarget)];
  return () => { for (const stop of stops) stop(); };
}
