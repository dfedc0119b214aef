// session-store.ts — the Session view's figures as main last answered them (session.get), how the read
// went, and the event log's filter. Replaced whole on each read (once a second while the view is open).
import { create } from 'zustand';
import type { AccountSessionWire, IpcError } from '../../../shared/ipc/contract.ts';
import { ALL_LOGS, type LogFilter } from './event-log.ts';

export interface SessionState {
  readonly sessions: readonly AccountSessionWire[] | null;
  readonly error: IpcError | null;
  readonly readAt: number | null;
  readonly logFilter: LogFilter;
  set(patch: Partial<Omit<SessionState, 'set'>>): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  sessions: null,
  error: null,
  readAt: null,
  logFilter: ALL_LOGS,
  set: (patch) => set(patch),
}));

/** How often the open Session view reads the figures again: counters move, nothing is pushed per message. */
export const SESSION_POLL_MS = 1_000;

/** Reads session.get now and every SESSION_POLL_MS (one read at a time); the result stops it. */
export function connectSession(read: () => Promise<{ ok: true; value: readonly AccountSessionWire[] } | { ok: false; error: IpcError }>): () => void {
  let busy = false;
  let stopped = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const answer = await read();
      if (stopped) return;
      if (answer.ok) useSessionStore.getState().set({ sessions: answer.value, error: null, readAt: Date.now() });
      else useSessionStore.getState().set({ error: answer.error });
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), SESSION_POLL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
