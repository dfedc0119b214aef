// money.ts: Kalshi's price units and the display of dollar amounts.
//
// Owns the conversion of a Yes price as received (tags 31/44/6: whole cents by default, dollars
// with ≤ 4 dp when the session set 21005=Y) to a Decimal in dollars, the No price (1 − Yes), and
// the one dollar formatter the renderer uses. Never: arithmetic on floats, guessing the unit
// from the text (the session's 21005 setting decides it, so the caller passes it).
import { assertNever } from './assert-never.ts';
import { type Decimal, type RoundingMode, ONE, cmp, fromCents, parse, sub, toString } from './decimal.ts';

/** The unit of a price tag on the wire: 'dollars' when the session set 21005=Y, else 'cents'. */
export type PriceUnit = 'dollars' | 'cents';

/** A price as received → dollars. Cents may carry up to 4 dp (e.g. 730 "30.60"). */
export function parsePrice(text: string, unit: PriceUnit): Decimal {
  switch (unit) {
    case 'dollars':
      return parse(text);
    case 'cents':
      return fromCents(text);
    default:
      return assertNever(unit, 'price unit');
  }
}

/** The No price for a Yes price: sell Yes at p ≡ buy No at 1 − p. */
export function noPrice(yesPrice: Decimal): Decimal {
  return sub(ONE, yesPrice);
}

/** True when 0 ≤ p ≤ 1 dollar, the range of any binary-contract price or settlement value. */
export function isUnitPrice(p: Decimal): boolean {
  return cmp(p, ONE) <= 0 && p >= 0n;
}

/**
 * '$1,234.56', '-$0.42'. Display only: `dp` places (default 2), rounded with `mode`
 * (default half-even, so a column of rounded amounts has no systematic bias).
 */
export function formatUsd(x: Decimal, dp = 2, mode: RoundingMode = 'half-even'): string {
  const text = toString(x, dp, mode);
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return (negative ? '-$' : '$') + grouped + (dot < 0 ? '' : body.slice(dot));
}
