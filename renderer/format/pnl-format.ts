// pnl-format.ts — how the P&L view writes the core's exact figures. Display only: values arrive as
// exact decimal text and are re-rendered through shared/decimal.ts and shared/money.ts (never Number):
// dollar amounts to the cent (half-even, like `fillwatch pnl`), fees to $0.0001 (Kalshi's fee unit),
// prices as sent; a cell's title always carries the exact value.
import { abs, parse, sign, toString } from '../../shared/decimal.ts';
import { formatUsd } from '../../shared/money.ts';

/** '$1,234.56', '-$0.42' (half-even to the cent); a loss under half a cent reads '-$0.00', as its colour says. */
export function formatMoney(text: string): string {
  const value = parse(text);
  const shown = formatUsd(value);
  return sign(value) < 0 && !shown.startsWith('-') ? `-${shown}` : shown;
}

/** Fees to Kalshi's $0.0001: '$0.0175'. */
export function formatFeeAmount(text: string): string {
  return formatUsd(parse(text), 4);
}

/** A price in dollars as exact as it came, at least to the cent: '$0.42', '$0.4250' → '$0.425'. */
export function formatPriceDollars(text: string | null): string {
  if (text === null) return '';
  const canonical = toString(parse(text));
  const dot = canonical.indexOf('.');
  const padded = dot < 0 ? `${canonical}.00` : canonical.length - dot - 1 < 2 ? `${canonical}0` : canonical;
  return padded.startsWith('-') ? `-$${padded.slice(1)}` : `$${padded}`;
}

/** Contracts: '6', '2.5'. */
export function formatContracts(text: string): string {
  return toString(abs(parse(text)));
}

/** 'pos' | 'neg' | 'zero', for the cell's colour (the sign is always written too). */
export function toneOf(text: string): 'pos' | 'neg' | 'zero' {
  const s = sign(parse(text));
  return s > 0 ? 'pos' : s < 0 ? 'neg' : 'zero';
}

/** '6 Yes', '4 No', 'Flat': a No position is a negative Yes one. */
export function formatHeld(position: string, heldSide: 'yes' | 'no' | null): string {
  if (heldSide === null) return 'Flat';
  return `${formatContracts(position)} ${heldSide === 'yes' ? 'Yes' : 'No'}`;
}

/** How much of a fee total was estimated: the view marks 'est.' on the cell. */
export function feeEstimate(fees: string, estimatedFees: string): 'none' | 'part' | 'all' {
  const estimated = parse(estimatedFees);
  if (sign(estimated) === 0) return 'none';
  return estimated === parse(fees) ? 'all' : 'part';
}

/** The cell's explanation of its fees. */
export function feeTitle(fees: string, estimatedFees: string): string {
  switch (feeEstimate(fees, estimatedFees)) {
    case 'none': return `$${fees} as the exchange reported (MiscFeeAmt 137)`;
    case 'all': return `$${fees}, all estimated with Kalshi's taker formula (the exchange sent no fee)`;
    case 'part': return `$${fees}, of which $${estimatedFees} estimated with Kalshi's taker formula (the exchange sent no fee on some fills)`;
  }
}

export interface SettlementLike {
  readonly result: 'yes' | 'no' | 'scalar';
  readonly yesValue: string;
  readonly grossPayout: string;
  readonly reportedPayout: string | null;
  readonly fee: string;
}

/** 'Yes', 'No', 'Scalar $0.3060' — what the market resolved to. */
export function formatSettlementResult(s: SettlementLike): string {
  return s.result === 'scalar' ? `Scalar ${formatPriceDollars(s.yesValue)}` : s.result === 'yes' ? 'Yes' : 'No';
}

/** True when Kalshi's reported payout plus its fee differs from what our position should have paid. */
export function payoutDiffers(s: SettlementLike): boolean {
  return s.reportedPayout !== null && parse(s.reportedPayout) + parse(s.fee) !== parse(s.grossPayout);
}
