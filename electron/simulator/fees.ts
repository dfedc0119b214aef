// fees.ts — the money side of one simulated fill: position change, trade fee and balance delta, all
// in exact integers. Owns the simulator's fee and cash model (kalshi-fix.md §6); never formats text.
//
// Model (the docs leave details open, so these are our stated choices):
// * trade fee = ceil to $0.0001 of rate·C·P·(1−P), rate 0.07 for the taker and 0.0175 for the maker;
// * MiscFeeAmt(137) carries that trade fee alone;
// * CollateralAmountChange(1704) = floor to $0.0001 of (signed cash from the trade − trade fee),
//   i.e. a direct member's balance precision. So 1704 is never more than 137 away from the revenue.
// * Cash: buying Yes that closes a No position pays back 1 − P per contract, opening pays −P; selling
//   Yes that closes a Yes position receives P, opening (buying No) pays −(1 − P).
import { PIPS_PER_DOLLAR } from './scaled-decimal.ts';

export interface Position {
  /** Net Yes held, qty units (hundredths). */
  long: number;
  /** Net No held, qty units. At most one of long/short is non-zero. */
  short: number;
}

export interface FillMoney {
  readonly position: Position;
  readonly feePips: number;
  readonly balanceChangePips: number;
}

const DOLLAR = BigInt(PIPS_PER_DOLLAR);

/** ceil(a / b) for b > 0 and a ≥ 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** floor(a / b) toward −∞ for b > 0. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** Trade fee in pips for `qtyUnits` (hundredths of a contract) at `pricePips`. */
export function tradeFeePips(qtyUnits: number, pricePips: number, taker: boolean): number {
  const q = BigInt(qtyUnits);
  const p = BigInt(pricePips);
  // fee$ = rate · (q/100) · (p/1e4) · ((1e4−p)/1e4); in pips that is rate · q·p·(1e4−p) / 1e6.
  const core = q * p * (DOLLAR - p);
  return Number(taker ? ceilDiv(7n * core, 100_000_000n) : ceilDiv(175n * core, 10_000_000_000n));
}

/** Applies a fill to `before` and returns the new position, fee and balance delta. Pure. */
export function applyFill(before: Position, side: 'buy' | 'sell', qtyUnits: number, pricePips: number, taker: boolean): FillMoney {
  const p = pricePips;
  let long = before.long;
  let short = before.short;
  // Cash in micro-dollars: qty units (1/100) × pips (1/10 000).
  let cash: number;
  if (side === 'buy') {
    const closing = Math.min(qtyUnits, short);
    const opening = qtyUnits - closing;
    short -= closing;
    long += opening;
    cash = closing * (PIPS_PER_DOLLAR - p) - opening * p;
  } else {
    const closing = Math.min(qtyUnits, long);
    const opening = qtyUnits - closing;
    long -= closing;
    short += opening;
    cash = closing * p - opening * (PIPS_PER_DOLLAR - p);
  }
  const feePips = tradeFeePips(qtyUnits, p, taker);
  const balanceMicro = BigInt(cash) - BigInt(feePips) * 100n;
  return { position: { long, short }, feePips, balanceChangePips: Number(floorDiv(balanceMicro, 100n)) };
}
