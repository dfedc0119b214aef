// catch-up.ts — when the Live grid stops drawing for a while. A catch-up (a reconnect's resend, a
// drop-copy backfill) brings executions by the thousand, far faster than anyone reads them; drawing a
// fresh screenful of them every frame kept the window's main thread busy (bench item 9: 12–34 tasks
// over 50 ms in a 100k-execution catch-up, each frame laying out ~1,100 new boxes) and showed nothing
// readable. So while an update brings a burst, the grid keeps the rows it showed and the view says how
// far the catch-up got; once no burst has come for a moment it draws the newest rows, once. A long one
// (a flood that does not stop) still shows its newest rows every few seconds, so the grid never looks
// stuck. The store keeps every row as it comes (counts, History, notifications are unaffected). Pure:
// the store applies it, connect-live.ts owns the timer.
import type { LiveRows } from './live-rows.ts';

/**
 * Executions in one store update that make it a burst. The steady flow brings a frame's worth (bench
 * item 9: ~17–27 at 1,000 a second); a backlog being drained comes in batches of up to 1,000.
 */
export const CATCH_UP_ROWS = 200;
/** No burst for this long ends the catch-up: the grid draws again. */
export const CATCH_UP_QUIET_MS = 300;
/** While a catch-up lasts, the grid shows its newest rows this often (one screenful drawn, not a stream). */
export const CATCH_UP_REFRESH_MS = 2_000;

export interface CatchUp {
  /** Executions received since it began. */
  readonly received: number;
  /** performance.now() of the last burst. */
  readonly lastBurstAt: number;
  /** The rows the grid shows meanwhile: those it showed when it began, then the newest every CATCH_UP_REFRESH_MS. */
  readonly shown: LiveRows;
  /** performance.now() when `shown` was taken. */
  readonly shownAt: number;
}

/** The catch-up after an update that brought `arrived` executions, turning rows that were `before` into `after`. */
export function afterUpdate(current: CatchUp | null, arrived: number, before: LiveRows, after: LiveRows, now: number): CatchUp | null {
  if (current === null) return arrived >= CATCH_UP_ROWS ? { received: arrived, lastBurstAt: now, shown: before, shownAt: now } : null;
  if (arrived === 0) return current;
  const refresh = now - current.shownAt >= CATCH_UP_REFRESH_MS;
  return {
    received: current.received + arrived,
    lastBurstAt: arrived >= CATCH_UP_ROWS ? now : current.lastBurstAt,
    shown: refresh ? after : current.shown,
    shownAt: refresh ? now : current.shownAt,
  };
}

/** Ms until the catch-up may end (0: it may end now). */
export function quietFor(catchUp: CatchUp, now: number): number {
  return Math.max(0, catchUp.lastBurstAt + CATCH_UP_QUIET_MS - now);
}
