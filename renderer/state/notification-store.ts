// notification-store.ts — the window's toast log: the notifications main sent while this page was open
// (newest first, a handful kept; a reload starts empty, and main never resends one), and the execution
// a clicked notification asked to highlight. Kept apart from the live store: nothing here is journal data.
import { create } from 'zustand';
import type { NotificationTargetWire, NotificationWire } from '../../shared/ipc/contract.ts';

export const TOASTS_KEPT = 3;

export interface NotificationsState {
  /** Newest first. */
  readonly toasts: readonly NotificationWire[];
  /** The execution to show and highlight; `nonce` changes on every click, so the same one can be asked twice. */
  readonly highlight: { readonly target: NotificationTargetWire; readonly nonce: number } | null;
  /** The ExecID whose row shows the "notified" highlight right now (state, so a re-render keeps it). */
  readonly notifiedExecId: string | null;
  setNotifiedExecId(execId: string | null): void;
  add(notification: NotificationWire): void;
  dismiss(id: number): void;
  clear(): void;
  highlightTarget(target: NotificationTargetWire): void;
}

/** Adds one notification on top; a repeat of an id already listed is ignored. */
export function addToast(toasts: readonly NotificationWire[], notification: NotificationWire, kept = TOASTS_KEPT): readonly NotificationWire[] {
  if (toasts.some((t) => t.id === notification.id)) return toasts;
  return [notification, ...toasts].slice(0, kept);
}

/** How long a normal toast stays open on its own; a critical one stays until dismissed. */
export const TOAST_OPEN_MS = 6_000;
/** At most this many toasts open at once over the view (the rest wait behind the "more" button). */
export const TOASTS_OPEN = 2;

/**
 * The toasts left open over the view (newest first): the critical ones, and the newest normal one while
 * it is under TOAST_OPEN_MS old, at most TOASTS_OPEN — so a steady stream of fills leaves one toast in
 * the corner, each replacing the last, not a stack over the grid. `arrivedAt` is when this window first
 * listed each (ms, same clock as `now`).
 */
export function openToasts(toasts: readonly NotificationWire[], arrivedAt: ReadonlyMap<number, number>, now: number): readonly NotificationWire[] {
  const newestNormal = toasts.find((t) => t.urgency !== 'critical');
  const fresh = newestNormal !== undefined && now - (arrivedAt.get(newestNormal.id) ?? now) < TOAST_OPEN_MS;
  return toasts.filter((t) => t.urgency === 'critical' || (fresh && t === newestNormal)).slice(0, TOASTS_OPEN);
}

export const useNotificationStore = create<NotificationsState>()((set) => ({
  toasts: [],
  highlight: null,
  notifiedExecId: null,
  setNotifiedExecId: (execId) => set({ notifiedExecId: execId }),
  add: (notification) => set((s) => ({ toasts: addToast(s.toasts, notification) })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  clear: () => set({ toasts: [] }),
  highlightTarget: (target) => set((s) => ({ highlight: { target, nonce: (s.highlight?.nonce ?? 0) + 1 } })),
}));
