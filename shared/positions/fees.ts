// fees.ts: the fee estimate used when a Trade ER carries no MiscFeeAmt (137).
//
// Owns one formula and nothing else; the ledger flags every amount from here as estimated.
// Never used when Kalshi sent 137: the exchange's number always wins (kalshi-fix.md §6).
import { type Decimal, parse, product, sub, ONE } from '../decimal.ts';

/** Published general taker rate. Maker fees (0.0175 on some series) and series-specific rates are unknown here. */
const TAKER_RATE: Decimal = parse('0.07');

/**
 * Taker trade fee 0.07 · C · P · (1 − P), P the Yes price in dollars (the formula is symmetric, so
 * the No price gives the same), computed exactly and rounded UP to $0.0001, as Kalshi's fee-rounding
 * page specifies for the trade fee: https://docs.kalshi.com/getting_started/fee_rounding
 * (older third-party pages round up to the cent; that is outdated). The rounding fee and rebate on
 * that page depend on the member's balance precision and the order's accumulator, which a listener
 * cannot see, so this is an estimate of the trade fee only.
 */
export function estimateTakerFee(contracts: Decimal, yesPrice: Decimal): Decimal {
  return product([TAKER_RATE, contracts, yesPrice, sub(ONE, yesPrice)], 4, 'ceil');
}
