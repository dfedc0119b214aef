// positions-snapshot.ts — a PositionBook's state as plain, cloneable data (arrays instead of Maps;
// decimals stay bigint fixed point, which structured clone and IPC carry exactly), for readers in
// another thread or process: the CLI, Electron's main, the renderer's P&L view.
import type { MarketPnl } from './market-ledger.ts';
import type { PositionBook } from './position-book.ts';
import type { DayTotals, PnlTotals } from './totals.ts';

export interface PositionsSnapshot {
  readonly markets: readonly MarketPnl[];
  readonly totals: {
    readonly all: PnlTotals;
    readonly byEvent: ReadonlyArray<readonly [event: string, totals: PnlTotals]>;
    readonly byDay: ReadonlyArray<readonly [day: string, totals: DayTotals]>;
  };
}

export function positionsSnapshot(book: PositionBook): PositionsSnapshot {
  const totals = book.totals();
  return { markets: book.markets(), totals: { all: totals.all, byEvent: [...totals.byEvent], byDay: [...totals.byDay] } };
}
