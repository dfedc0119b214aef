// pnl-wire.ts — one account's PositionsSnapshot (bigint decimals, tuples) as the contract's
// PositionsView: every field picked by name, every decimal as its exact text (decimal.ts toString), so
// the renderer formats only at display and shows exactly what `fillwatch pnl` computes.
import { toString as decimalText, type Decimal } from '../../../shared/decimal.ts';
import type { MarketPosition, PositionsView } from '../../../shared/ipc/contract.ts';
import type { MarketPnl } from '../../../shared/positions/market-ledger.ts';
import type { PositionsSnapshot } from '../../../shared/positions/positions-snapshot.ts';
import type { DayTotals, PnlTotals } from '../../../shared/positions/totals.ts';

const text = (x: Decimal): string => decimalText(x);
const optionalText = (x: Decimal | null): string | null => (x === null ? null : decimalText(x));

function pnl(t: Pick<PnlTotals, 'realized' | 'unrealized' | 'fees' | 'estimatedFees' | 'net'>) {
  return { realized: text(t.realized), unrealized: text(t.unrealized), fees: text(t.fees), estimatedFees: text(t.estimatedFees), net: text(t.net) };
}

const totals = (t: PnlTotals) => ({ markets: t.markets, ...pnl(t) });

function day(day: string, t: DayTotals) {
  return {
    day, fills: t.fills, contracts: text(t.contracts), notional: text(t.notional), realized: text(t.realized), fees: text(t.fees),
    estimatedFees: text(t.estimatedFees), net: text(t.net),
  };
}

export function toMarketPosition(m: MarketPnl): MarketPosition {
  const s = m.settlement;
  return {
    symbol: m.symbol, event: m.event, position: text(m.position), heldSide: m.heldSide, avgEntryPrice: optionalText(m.avgEntryPrice),
    mark: optionalText(m.mark), markSource: m.markSource, ...pnl(m), fills: m.fills, settled: s !== null, costBasis: text(m.costBasis),
    boughtQty: text(m.boughtQty), soldQty: text(m.soldQty), serverPosition: optionalText(m.serverPosition), positionMismatches: m.positionMismatches,
    settlement: s === null ? null : {
      result: s.result, yesValue: text(s.yesValue), at: s.epochMs, position: text(s.position), grossPayout: text(s.grossPayout),
      reportedPayout: optionalText(s.reportedPayout), fee: text(s.fee),
    },
  };
}

export function toPositionsView(accountId: string, snapshot: PositionsSnapshot): PositionsView {
  const series = snapshot.series;
  return {
    accountId,
    markets: snapshot.markets.map(toMarketPosition),
    totals: totals(snapshot.totals.all),
    byEvent: snapshot.totals.byEvent.map(([event, t]) => ({ event, totals: totals(t) })),
    timeZone: snapshot.timeZone,
    byDay: snapshot.totals.byDay.map(([d, t]) => day(d, t)),
    series: { bucketMs: series.bucketMs, undated: text(series.undated), points: series.points.map((p) => ({ at: p.at, net: text(p.net) })) },
  };
}
