// ToastLog.tsx — notifications inside the window, bottom right: what Electron shows on the desktop
// (and all the harness can show). A polite live region, so a screen reader reads each new one without
// interrupting; each is dismissable, and one about an execution opens Live with that row highlighted.
import { useNotificationStore } from '../../state/notification-store.ts';
import './ToastLog.css';

// UTC, as the Live grid's Time column.
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

export function ToastLog() {
  const toasts = useNotificationStore((s) => s.toasts);
  const dismiss = useNotificationStore((s) => s.dismiss);
  const clear = useNotificationStore((s) => s.clear);
  const highlight = useNotificationStore((s) => s.highlightTarget);
  return (
    <section className="toast-log" aria-label="Notifications" hidden={toasts.length === 0}>
      <div role="log" aria-live="polite" aria-relevant="additions" className="toast-list">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.urgency}`} data-notification-id={toast.id} data-exec-id={toast.target?.execId ?? undefined}>
            <div className="toast-text">
              <p className="toast-title">{toast.title}</p>
              <p className="toast-body">
                {toast.body} · <time dateTime={new Date(toast.at).toISOString()}>{time.format(toast.at)} UTC</time>
              </p>
            </div>
            <div className="toast-actions">
              {toast.target === null || (toast.target.execId === null && toast.target.alertId === undefined) ? null : (
                <button type="button" className="toast-button" onClick={() => highlight(toast.target!)}>Show</button>
              )}
              <button type="button" className="toast-button toast-dismiss" aria-label={`Dismiss: ${toast.title}`} onClick={() => dismiss(toast.id)}>
                ×
              </button>
            </div>
          </div>
        ))}
      </div>
      {toasts.length > 1 ? <button type="button" className="toast-button toast-clear" onClick={clear}>Dismiss all</button> : null}
    </section>
  );
}
