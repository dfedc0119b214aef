// ToastLog.tsx — notifications inside the window, bottom right: what Electron shows on the desktop
// (and all the harness can show). Each is dismissable, and one about an execution opens Live with that
// row highlighted. Calm over a streaming grid: a normal toast closes by itself after a few seconds (not
// while the pointer or focus is on the log), a newer one replaces it, and the rest wait behind one
// small button that lists them all (openToasts in notification-store.ts). Screen readers hear each
// notification once from a separate, visually hidden polite log that only ever gains entries: toasts
// closing and reopening on screen are never announced again.
import { useEffect, useRef, useState } from 'react';
import type { NotificationWire } from '../../../shared/ipc/contract.ts';
import { openToasts, TOAST_OPEN_MS, useNotificationStore } from '../../state/notification-store.ts';
import './ToastLog.css';

// UTC, as the Live grid's Time column.
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

export function ToastLog() {
  const toasts = useNotificationStore((s) => s.toasts);
  const dismiss = useNotificationStore((s) => s.dismiss);
  const clear = useNotificationStore((s) => s.clear);
  const highlight = useNotificationStore((s) => s.highlightTarget);
  const [expanded, setExpanded] = useState(false);
  // Pointer or focus on the log: nothing closes under the user's hand.
  const [held, setHeld] = useState(false);
  const now = useClosingClock(toasts, held);
  const open = expanded ? toasts : openToasts(toasts, now.arrivedAt, now.at);
  const waiting = toasts.length - open.length;
  useEffect(() => { if (toasts.length === 0) setExpanded(false); }, [toasts.length]);

  return (
    <section
      className="toast-log"
      aria-label="Notifications"
      hidden={toasts.length === 0}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget)) setHeld(false); }}
    >
      <div role="log" aria-live="polite" aria-relevant="additions" className="visually-hidden">
        {[...toasts].reverse().map((toast) => <p key={toast.id}>{toast.title}. {toast.body}</p>)}
      </div>
      <div className="toast-list">
        {open.map((toast) => <Toast key={toast.id} toast={toast} onShow={highlight} onDismiss={dismiss} />)}
      </div>
      <div className="toast-footer">
        {waiting > 0 || expanded ? (
          <button type="button" className="toast-button toast-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Fewer' : `${waiting} more notification${waiting === 1 ? '' : 's'}`}
          </button>
        ) : null}
        {toasts.length > 1 ? <button type="button" className="toast-button toast-clear" onClick={clear}>Dismiss all</button> : null}
      </div>
    </section>
  );
}

function Toast({ toast, onShow, onDismiss }: {
  readonly toast: NotificationWire;
  readonly onShow: (target: NonNullable<NotificationWire['target']>) => void;
  readonly onDismiss: (id: number) => void;
}) {
  return (
    <div className={`toast toast-${toast.urgency}`} data-notification-id={toast.id} data-exec-id={toast.target?.execId ?? undefined}>
      <div className="toast-text">
        <p className="toast-title">{toast.title}</p>
        <p className="toast-body">
          {toast.body} · <time dateTime={new Date(toast.at).toISOString()}>{time.format(toast.at)} UTC</time>
        </p>
      </div>
      <div className="toast-actions">
        {toast.target === null || (toast.target.execId === null && toast.target.alertId === undefined) ? null : (
          <button type="button" className="toast-button" onClick={() => onShow(toast.target!)}>Show</button>
        )}
        <button type="button" className="toast-button toast-dismiss" aria-label={`Dismiss: ${toast.title}`} onClick={() => onDismiss(toast.id)}>
          ×
        </button>
      </div>
    </div>
  );
}

/**
 * When this window first listed each toast, and a clock that ticks when the next open one is due to
 * close (one timer, none with nothing left to close). While held the clock stands still at the moment
 * the hold began: what is open stays open, and nothing moves under the pointer.
 */
function useClosingClock(toasts: readonly NotificationWire[], held: boolean): { readonly at: number; readonly arrivedAt: ReadonlyMap<number, number> } {
  const arrivedAt = useRef(new Map<number, number>()).current;
  // A tick only re-renders; the time read below is the render's own.
  const [tick, setTick] = useState(0);
  const heldAt = useRef<number | undefined>(undefined);
  const seen = performance.now();
  if (held) heldAt.current ??= seen;
  else heldAt.current = undefined;
  for (const t of toasts) if (!arrivedAt.has(t.id)) arrivedAt.set(t.id, seen);
  for (const id of arrivedAt.keys()) if (!toasts.some((t) => t.id === id)) arrivedAt.delete(id);
  useEffect(() => {
    if (held) return undefined;
    const current = performance.now();
    const due = toasts
      .filter((t) => t.urgency !== 'critical')
      .map((t) => (arrivedAt.get(t.id) ?? current) + TOAST_OPEN_MS)
      .filter((d) => d > current);
    if (due.length === 0) return undefined;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(...due) - current + 1);
    return () => clearTimeout(timer);
  }, [toasts, held, tick, arrivedAt]);
  return { at: heldAt.current ?? seen, arrivedAt };
}
