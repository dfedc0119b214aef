// live-rows.ts — the Live view's rows as plain data, and the two ways they change: a snapshot replaces
// them, a batch adds to them. Keyed by journal position, so an execution that reaches the window twice
// (in a snapshot and in the batch that was in flight when it was taken) is shown once; bounded to the
// newest `keep`, newest first. Pure functions: the zustand store calls them, tests call them directly.
import type { AppSnapshot, LiveExecutionWire } from '../../shared/ipc/contract.ts';

export interface LiveRow {
  readonly execution: LiveExecutionWire;
  /** Arrived while the window watched (highlighted briefly), not from a snapshot. */
  readonly arrivedLive: boolean;
  /** When it arrived (performance.now()), so a row drawn later (scrolled back into view) is not highlighted anew. */
  readonly arrivedAt?: number;
}

export interface LiveRows {
  /** Journal positions, newest first. */
  readonly order: readonly number[];
  readonly byPosition: ReadonlyMap<number, LiveRow>;
}

export const NO_ROWS: LiveRows = { order: [], byPosition: new Map() };

/** The Live view's default window: enough for a busy afternoon at a glance, small enough to stay light. */
export const LIVE_ROWS_KEPT = 500;

export function rowsFromSnapshot(snapshot: Pick<AppSnapshot, 'executions'>, keep = LIVE_ROWS_KEPT): LiveRows {
  return addExecutions(NO_ROWS, snapshot.executions, false, keep);
}

/**
 * Adds executions (any order); ones already held are ignored; the oldest beyond `keep` are dropped. Of
 * a batch larger than the window (a catch-up brings thousands at once) only the newest `keep` can be
 * shown, so only those are sorted and stored.
 */
export function addExecutions(rows: LiveRows, executions: readonly LiveExecutionWire[], arrivedLive: boolean, keep = LIVE_ROWS_KEPT, arrivedAt?: number): LiveRows {
  // New positions, each once (a batch, or batches merged for a frame, may repeat one): so the newest
  // `keep` below are `keep` distinct rows.
  const seen = new Set<number>();
  let fresh: LiveExecutionWire[] = [];
  for (const e of executions) {
    if (rows.byPosition.has(e.position) || seen.has(e.position)) continue;
    seen.add(e.position);
    fresh.push(e);
  }
  if (fresh.length === 0) return rows;
  if (fresh.length > keep) fresh = fresh.sort((a, b) => b.position - a.position).slice(0, keep);
  const byPosition = new Map(rows.byPosition);
  const added: number[] = [];
  for (const execution of fresh) {
    byPosition.set(execution.position, arrivedAt === undefined ? { execution, arrivedLive } : { execution, arrivedLive, arrivedAt });
    added.push(execution.position);
  }
  added.sort(descending);
  // The common case: everything new is newer than what is shown, so prepend without a full sort.
  const order = rows.order.length === 0 || added[added.length - 1]! > rows.order[0]!
    ? [...added, ...rows.order]
    : [...added, ...rows.order].sort(descending);
  for (const evicted of order.splice(keep)) byPosition.delete(evicted);
  return { order, byPosition };
}

const descending = (a: number, b: number) => b - a;
