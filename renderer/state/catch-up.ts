// catch-up.ts — when the Live grid stops drawing for a while. A catch-up (a reconnect's resend, a
// drop-copy backfill) brings executions by the thousand, far faster than anyone reads them; drawing a
// fresh screenful of them every frame kept the window's main thread busy (bench item 9: 12–34 tasks
// over 50 ms in a 100k-execution catch-up, each frame laying out ~1,100 new boxes) and showed nothing
// readable. So while an update brings a burst, the grid keeps the rows it showed and the view says how
// far the catch-up got; once no burst has come for a moment it draws the newest rows, once. The store
// keeps every row as it comes (counts, History, notifications are unaffected). Pure: the store applies
// it, connect-live.ts owns the timer.
import type { LiveRows } from './live-rows.ts';

/**
 * Executions in one store update that make it a burst. The steady flow brings a frame's worth (bench
 * item 9: ~17–27 at 1,000 a second); a backlog being drained comes in batches of up to 1,000.
 */
export const CATCH_UP_ROWS = 200;
/** No burst for this long ends the catch-up: the grid draws again. */
export const CATCH_UP_QUIET_MS = 300;

export interface CatchUp {
  /** Executions received since it began. */
  readonly received: number;
  /** performance.now() of the last burst. */
  readonly lastBurstAt: number;
  /** The rows the grid showed when it began, kept on screen meanwhile. */
  readonly shown: LiveRows;
}

/** The catch-up after an update that brought `arrived` executions to rows that were `before`. */
export function afterUpdate(current: CatchUp | null, arrived: number, before: LiveRows, now: number): CatchUp | null {
  if (current === null) return arrived >= CATCH_UP_ROWS ? { received: arrived, lastBurstAt: now, shown: before } : null;
  if (arrived === 0) return current;
  return { ...current, received: current.received + arrived, lastBurstAt: arrived >= CATCH_UP_ROWS ? now : current.lastBurstAt };
}

/** Ms until the catch-up may end (0: it may end now). */
export function quietFor(catchUp: CatchUp, now: number): number {
  return Math.max(0, catchUp.lastBurstAt + CATCH_UP_QUIET_MS - now);
}
