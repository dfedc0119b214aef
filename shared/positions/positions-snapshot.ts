// positions-snapshot.ts — a PositionBook's state as plain, cloneable data (arrays instead of Maps;
// decimals stay bigint fixed point, which structured clone and IPC carry exactly), for readers in
// another thread or process: the CLI, Electron's main, the renderer's P&L view.
import type { MarketPnl } from './market-ledger.ts';
import type { PnlSeriesSnapshot } from './pnl-series.ts';
import type { PositionBook } from './position-book.ts';
import type { DayTotals, PnlTotals } from './totals.ts';

export interface PositionsSnapshot {
  readonly markets: readonly MarketPnl[];
  readonly totals: {
    readonly all: PnlTotals;
    readonly byEvent: ReadonlyArray<readonly [event: string, totals: PnlTotals]>;
    readonly byDay: ReadonlyArray<readonly [day: string, totals: DayTotals]>;
  };
  /** The IANA zone of the `byDay` days. */
  readonly timeZone: string;
  /** Cumulative net P&L over time. */
  readonly series: PnlSeriesSnapshot;
}

export interface SnapshotOptions {
  /** Days of `byDay` in this zone (default the book's); throws PositionError 'bad-time-zone'. */
  readonly timeZone?: string;
}

export function positionsSnapshot(book: PositionBook, options: SnapshotOptions = {}): PositionsSnapshot {
  const totals = book.totals(options.timeZone);
  return {
    markets: book.markets(),
    totals: { all: totals.all, byEvent: [...totals.byEvent], byDay: [...totals.byDay] },
    timeZone: options.timeZone ?? book.timeZone,
    series: book.pnlSeries(),
  };
}
