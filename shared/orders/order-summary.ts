// order-summary.ts — an order at a glance from its executions in the journal: how much filled, in how
// many fills, at what average price, and whether that agrees with the exchange's newest report on the
// order (CumQty 14, AvgPx 6). A shortfall means the journal lacks some of the order's fills — recorded
// before this journal began, or missed — and the drawer says so instead of showing a quiet average.
// Exact decimals (shared/decimal.ts); prices stay in the account's unit.
import { add, cmp, div, isZero, mul, parse, round, sub, toString, ZERO, type Decimal } from '../decimal.ts';

/** What the summary reads of each execution (a History row has these fields). */
export interface OrderStep {
  readonly rowId: number;
  readonly eventAt: number;
  readonly execType: string;
  readonly ordStatus: string;
  readonly lastQty: string | null;
  readonly lastPx: string | null;
  readonly cumQty: string;
  readonly leavesQty: string;
  readonly avgPx: string;
}

export interface OrderSummary {
  /** Trades (ExecType F) with a quantity, in this journal. */
  readonly fills: number;
  /** Their LastQty, summed. */
  readonly filledQty: string;
  /** Their LastPx weighted by LastQty (6 places, half-even); null with no fills. */
  readonly averagePx: string | null;
  /** The newest report's CumQty, LeavesQty, OrdStatus and AvgPx (null while nothing filled). */
  readonly reportedCumQty: string;
  readonly openQty: string;
  readonly ordStatus: string;
  readonly reportedAvgPx: string | null;
  /** CumQty beyond the journal's fills (their reports are not in it); null when they account for all of it. */
  readonly missingQty: string | null;
  /** The journal's fills beyond CumQty (the exchange never counted them); null when they do not exceed it. */
  readonly excessQty: string | null;
  /**
   * Whether the fills' average is the reported AvgPx to its last place (±1 there: rounding or
   * truncation); null when there is nothing to compare.
   */
  readonly averageAgrees: boolean | null;
}

export function summarizeOrder(steps: readonly OrderStep[]): OrderSummary | null {
  if (steps.length === 0) return null;
  // Newest by TransactTime, a later arrival winning a tie (as the journal's orders view decides).
  const newest = steps.reduce((a, b) => (b.eventAt > a.eventAt || (b.eventAt === a.eventAt && b.rowId > a.rowId) ? b : a));
  let fills = 0;
  let filled: Decimal = ZERO;
  let notional: Decimal = ZERO;
  for (const step of steps) {
    if (step.execType !== 'F' || step.lastQty === null || step.lastPx === null) continue;
    const qty = parse(step.lastQty);
    if (isZero(qty)) continue;
    fills++;
    filled = add(filled, qty);
    // Exact for Kalshi's 2-place quantities and 4-place prices; anything finer rounds at the 6th place.
    notional = add(notional, mul(qty, parse(step.lastPx), 6, 'half-even'));
  }
  const average = isZero(filled) ? null : div(notional, filled, 6, 'half-even');
  const reportedCum = parse(newest.cumQty);
  const reportedAvg = isZero(reportedCum) ? null : newest.avgPx;
  const missing = sub(reportedCum, filled);
  return {
    fills,
    filledQty: toString(filled),
    averagePx: average === null ? null : toString(average),
    reportedCumQty: newest.cumQty,
    openQty: newest.leavesQty,
    ordStatus: newest.ordStatus,
    reportedAvgPx: reportedAvg,
    missingQty: cmp(missing, ZERO) > 0 ? toString(missing) : null,
    excessQty: cmp(missing, ZERO) < 0 ? toString(sub(ZERO, missing)) : null,
    averageAgrees: average === null || reportedAvg === null || cmp(missing, ZERO) !== 0 ? null : sameToItsPlaces(average, reportedAvg),
  };
}

/** summarizeOrder, or why it could not add the figures up (a stored decimal that does not read), for a view to say. */
export function readOrder(steps: readonly OrderStep[]): OrderSummary | { readonly unreadable: string } | null {
  try {
    return summarizeOrder(steps);
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
}

/** `average` rounded to the places `reported` is written with, within one unit of its last place. */
function sameToItsPlaces(average: Decimal, reported: string): boolean {
  const places = Math.min(6, reported.includes('.') ? reported.length - reported.indexOf('.') - 1 : 0);
  const unit = parse(places === 0 ? '1' : `0.${'0'.repeat(places - 1)}1`);
  const gap = sub(round(average, places, 'half-even'), parse(reported));
  return cmp(gap, unit) <= 0 && cmp(gap, sub(ZERO, unit)) >= 0;
}
