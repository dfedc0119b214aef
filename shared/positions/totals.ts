// totals.ts: sums of market P&L by event, and the per-day flow accumulator.
//
// Owns aggregation only: no position logic. Event totals are snapshots summed on demand (O(markets));
// day totals are flows (what was realized and paid in fees on that day) accumulated per fill into
// quarter hours and merged into days when asked, because unrealized P&L is a point-in-time value
// that belongs to no day.
import { type Decimal, ZERO, add, sub } from '../decimal.ts';
import type { MarketPnl, PnlFigures } from './market-ledger.ts';

/** The figures of `markets` markets, summed. */
export interface PnlTotals extends PnlFigures {
  readonly markets: number;
}

export interface DayTotals {
  readonly fills: number;
  /** Contracts traded (both sides). */
  readonly contracts: Decimal;
  /** Σ qty × Yes price of the fills. */
  readonly notional: Decimal;
  /** Realized on this day by fills and settlements. */
  readonly realized: Decimal;
  readonly fees: Decimal;
  readonly estimatedFees: Decimal;
  /** realized − fees. */
  readonly net: Decimal;
}

export function sumMarkets(markets: Iterable<MarketPnl>): PnlTotals {
  let count = 0;
  let realized = ZERO;
  let unrealized = ZERO;
  let fees = ZERO;
  let estimatedFees = ZERO;
  let cash = ZERO;
  for (const m of markets) {
    count++;
    realized = add(realized, m.realized);
    unrealized = add(unrealized, m.unrealized);
    fees = add(fees, m.fees);
    estimatedFees = add(estimatedFees, m.estimatedFees);
    cash = add(cash, m.cash);
  }
  return { markets: count, realized, unrealized, fees, estimatedFees, net: sub(add(realized, unrealized), fees), cash };
}

export function totalsByEvent(markets: Iterable<MarketPnl>): Map<string, PnlTotals> {
  const groups = new Map<string, MarketPnl[]>();
  for (const m of markets) {
    const group = groups.get(m.event);
    if (group === undefined) groups.set(m.event, [m]);
    else group.push(m);
  }
  const result = new Map<string, PnlTotals>();
  for (const [event, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    result.set(event, sumMarkets(group));
  }
  return result;
}

/** Mutable per-day flows; `snapshot()` gives the read-only form. */
export class DayFlows {
  fills = 0;
  contracts: Decimal = ZERO;
  notional: Decimal = ZERO;
  realized: Decimal = ZERO;
  fees: Decimal = ZERO;
  estimatedFees: Decimal = ZERO;

  addFill(contracts: Decimal, notional: Decimal, realized: Decimal, fee: Decimal, feeEstimated: boolean): void {
    this.fills++;
    this.contracts = add(this.contracts, contracts);
    this.notional = add(this.notional, notional);
    this.realized = add(this.realized, realized);
    this.fees = add(this.fees, fee);
    if (feeEstimated) this.estimatedFees = add(this.estimatedFees, fee);
  }

  addSettlement(realized: Decimal, fee: Decimal): void {
    this.realized = add(this.realized, realized);
    this.fees = add(this.fees, fee);
  }

  snapshot(): DayTotals {
    return {
      fills: this.fills,
      contracts: this.contracts,
      notional: this.notional,
      realized: this.realized,
      fees: this.fees,
      estimatedFees: this.estimatedFees,
      net: sub(this.realized, this.fees),
    };
  }

  /** Adds another period's flows to these (a day is the sum of its quarter hours). */
  merge(other: DayFlows): void {
    this.fills += other.fills;
    this.contracts = add(this.contracts, other.contracts);
    this.notional = add(this.notional, other.notional);
    this.realized = add(this.realized, other.realized);
    this.fees = add(this.fees, other.fees);
    this.estimatedFees = add(this.estimatedFees, other.estimatedFees);
  }

  clone(): DayFlows {
    return Object.assign(new DayFlows(), this);
  }
}
