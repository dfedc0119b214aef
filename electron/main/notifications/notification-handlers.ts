// notification-handlers.ts — the notification rules' requests (Settings → Notifications). Payloads
// arrive already checked against the contract by the IpcDoor.
import type { RequestHandlers } from '../ipc/ipc-door.ts';
import type { NotificationService } from './notification-service.ts';

export function notificationRequestHandlers(service: NotificationService): Pick<RequestHandlers, `notifications.${string}` & keyof RequestHandlers> {
  return {
    'notifications.getRules': () => service.rules(),
    'notifications.setRules': ({ rules }) => service.setRules(rules),
  };
}
