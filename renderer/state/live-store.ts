// live-store.ts — the renderer's live state in one zustand store: the Live view's rows (bounded, keyed
// by journal position), the accounts with their statuses, recent alerts and log lines, demo mode, and
// how the window's sync with main is going. Changes arrive as whole snapshots or batches (one store
// update per batch, never per execution; batches that come faster than frames as one update per frame,
// frame-gate.ts); components select the slice they show, and the Live grid draws only its new rows
// (views/Live/row-layer.ts).
import { create } from 'zustand';
import type { AccountView, Alert, AppSnapshot, DemoStatus, IpcError, LiveBatch, LogLine } from '../../shared/ipc/contract.ts';
import { afterUpdate, quietFor, type CatchUp } from './catch-up.ts';
import { addExecutions, LIVE_ROWS_KEPT, NO_ROWS, rowsFromSnapshot, type LiveRows } from './live-rows.ts';

const ALERTS_KEPT = 100;
const LOGS_KEPT = 300;

export type SyncStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'failed'; readonly error: IpcError; readonly retryInMs: number };

export interface LiveState {
  readonly rows: LiveRows;
  readonly accounts: ReadonlyMap<string, AccountView>;
  /** Newest first. */
  readonly alerts: readonly Alert[];
  /** Newest first. */
  readonly logs: readonly LogLine[];
  readonly demo: DemoStatus | null;
  readonly sync: SyncStatus;
  /** Alerts seen by the user (the Alerts tab shows the rest as a count). */
  readonly alertsSeen: number;
  /** A burst being caught up on: the grid keeps showing catchUp.shown meanwhile (catch-up.ts). */
  readonly catchUp: CatchUp | null;
  applySnapshot(snapshot: AppSnapshot): void;
  applyBatch(batch: LiveBatch): void;
  /** Several batches in order, as one update (frame-gate.ts). */
  applyBatches(batches: readonly LiveBatch[]): void;
  syncFailed(error: IpcError, retryInMs: number): void;
  markAlertsSeen(): void;
  /** Ends the catch-up if no burst came for CATCH_UP_QUIET_MS; else the ms still to wait (0 when none runs). */
  endCatchUpIfQuiet(now: number): number;
}

export const useLiveStore = create<LiveState>()((set, get) => ({
  rows: NO_ROWS,
  accounts: new Map(),
  alerts: [],
  logs: [],
  demo: null,
  sync: { kind: 'connecting' },
  alertsSeen: 0,
  catchUp: null,
  applySnapshot: (snapshot) => set({
    rows: rowsFromSnapshot(snapshot, LIVE_ROWS_KEPT),
    accounts: new Map(snapshot.accounts.map((a) => [a.account.id, a])),
    alerts: snapshot.alerts.slice(0, ALERTS_KEPT),
    logs: snapshot.logs.slice(0, LOGS_KEPT),
    demo: snapshot.demo,
    sync: { kind: 'live' },
    // A snapshot replaces the rows: the grid shows them now.
    catchUp: null,
  }),
  applyBatch: (batch) => get().applyBatches([batch]),
  applyBatches: (batches) => set((state) => {
    const now = performance.now();
    const arrived = batches.reduce((n, b) => n + b.executions.length, 0);
    let next: Pick<LiveState, 'rows' | 'accounts' | 'alerts' | 'logs'>;
    if (batches.length === 1) {
      next = withBatch(state, batches[0]!, now);
    } else {
      // Batches held for one frame (a catch-up): their executions are added once, so only the newest
      // LIVE_ROWS_KEPT of all of them are built, not every batch's rows in turn.
      next = state;
      for (const batch of batches) next = withBatch(next, { ...batch, executions: [] }, 0);
      next = { ...next, rows: addExecutions(next.rows, batches.flatMap((b) => b.executions), true, LIVE_ROWS_KEPT, now) };
    }
    return { ...next, catchUp: afterUpdate(state.catchUp, arrived, state.rows, next.rows, now) };
  }),
  syncFailed: (error, retryInMs) => set({ sync: { kind: 'failed', error, retryInMs } }),
  markAlertsSeen: () => set((state) => ({ alertsSeen: state.alerts.length })),
  endCatchUpIfQuiet: (now) => {
    const { catchUp } = get();
    if (catchUp === null) return 0;
    const wait = quietFor(catchUp, now);
    if (wait === 0) set({ catchUp: null });
    return wait;
  },
}));

/** The rows the Live grid shows: during a catch-up, the catch-up's (catch-up.ts), else all of them. */
export const rowsShown = (state: Pick<LiveState, 'rows' | 'catchUp'>): LiveRows => state.catchUp?.shown ?? state.rows;

function withBatch(state: Pick<LiveState, 'rows' | 'accounts' | 'alerts' | 'logs'>, batch: LiveBatch, now: number): Pick<LiveState, 'rows' | 'accounts' | 'alerts' | 'logs'> {
  return {
    rows: addExecutions(state.rows, batch.executions, true, LIVE_ROWS_KEPT, now),
    accounts: batch.statuses.length === 0 ? state.accounts : withStatuses(state.accounts, batch.statuses),
    alerts: batch.alerts.length === 0 ? state.alerts : [...[...batch.alerts].reverse(), ...state.alerts].slice(0, ALERTS_KEPT),
    logs: batch.logs.length === 0 ? state.logs : [...[...batch.logs].reverse(), ...state.logs].slice(0, LOGS_KEPT),
  };
}

function withStatuses(accounts: ReadonlyMap<string, AccountView>, statuses: LiveBatch['statuses']): ReadonlyMap<string, AccountView> {
  const next = new Map(accounts);
  for (const status of statuses) {
    const known = next.get(status.accountId);
    // A status for an account this window does not know yet: the next snapshot (or accounts.list) brings it.
    if (known !== undefined) next.set(status.accountId, { account: known.account, status });
  }
  return next;
}
