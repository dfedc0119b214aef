// decimal.ts: exact fixed-point decimals for money, prices and quantities.
//
// Owns the one representation every Fillwatch amount uses: a `Decimal` is a bigint counting
// micro-units (10^-6), branded so that plain `+`/`*` on two Decimals does not type-check as a
// Decimal. Six places is enough for everything Kalshi sends: prices have at most 4 dp in dollars
// (2 dp more in cents), quantities 2 dp, and their product, the fee intermediates and the
// settlement value 100.01 × $0.3060 = $30.60306 stay within 6 dp (fixed-point migration page).
// A bare bigint (no wrapper object) keeps the P&L hot loop allocation-light, and a Decimal can
// go to SQLite as an INTEGER (micros) and across structured clone unchanged; across JSON it
// goes as `toString(x)`.
//
// Never: binary floats for values, rounding without a mode named by the caller, locale
// formatting (money.ts), node: imports (the renderer uses this file too).
import { assertNever } from './assert-never.ts';

declare const microUnits: unique symbol;
/** An exact decimal with 6 fractional digits, stored as a bigint of micro-units. */
export type Decimal = bigint & { readonly [microUnits]: true };

/** How to drop digits: toward −∞, toward +∞, to the nearest with ties to even, toward 0. */
export type RoundingMode = 'floor' | 'ceil' | 'half-even' | 'trunc';

/** Fractional digits a Decimal holds. */
export const PLACES = 6;
const SCALE = 1_000_000n;

const POW10: readonly bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));
const POW10_NUMBER: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

export type DecimalErrorKind =
  | 'not-a-decimal'
  | 'too-many-places'
  | 'division-by-zero'
  | 'inexact'
  | 'bad-places';

const SENTENCES: Record<DecimalErrorKind, string> = {
  'not-a-decimal': 'The text is not a plain decimal number (digits, an optional leading "-" and one "." between digits).',
  'too-many-places': 'The number has more decimal places than allowed and no rounding mode was given.',
  'division-by-zero': 'Division by zero.',
  inexact: 'The exact result needs more than 6 decimal places.',
  'bad-places': 'The number of decimal places must be a whole number in the allowed range.',
};

export class DecimalError extends Error {
  readonly kind: DecimalErrorKind;
  constructor(kind: DecimalErrorKind, detail: string) {
    super(`${SENTENCES[kind]} (${detail})`);
    this.name = 'DecimalError';
    this.kind = kind;
  }
}

const of = (micros: bigint): Decimal => micros as Decimal;

export const ZERO: Decimal = of(0n);
export const ONE: Decimal = of(SCALE);

// ---------------------------------------------------------------------------------------------
// Construction

/**
 * Parses a plain decimal string: `-?\d+(\.\d+)?`. No exponent, no '+', no spaces, no '.5'.
 * More than 6 places is accepted when the extra digits are zeros (the value is still exact),
 * otherwise it is an error unless `mode` says how to round.
 */
export function parse(text: string, mode?: RoundingMode): Decimal {
  const n = text.length;
  const start = n > 0 && text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  let dot = -1;
  let acc = 0; // the digits as an integer; exact while the fast path below applies
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) acc = acc * 10 + (c - 48);
    else if (c === 46 && dot < 0) dot = i;
    else throw new DecimalError('not-a-decimal', JSON.stringify(text));
  }
  const intLen = (dot < 0 ? n : dot) - start;
  const fracLen = dot < 0 ? 0 : n - dot - 1;
  if (intLen === 0 || (dot >= 0 && fracLen === 0)) {
    throw new DecimalError('not-a-decimal', JSON.stringify(text));
  }
  const negative = start === 1;
  // Fast path (prices, quantities, fees): at most 15 significant digits once scaled, so the
  // float arithmetic above and below is integer-exact (< 2^53) and one BigInt() call suffices.
  if (intLen <= 9 && fracLen <= PLACES) {
    const micros = BigInt(acc * (POW10_NUMBER[PLACES - fracLen] as number));
    return of(negative ? -micros : micros);
  }
  const digits = dot < 0 ? text.slice(start) : text.slice(start, dot) + text.slice(dot + 1);
  const scaled = negative ? -BigInt(digits) : BigInt(digits); // units of 10^-fracLen
  if (fracLen <= PLACES) return of(scaled * pow10(PLACES - fracLen));
  const divisor = pow10(fracLen - PLACES);
  if (scaled % divisor === 0n) return of(scaled / divisor);
  if (mode === undefined) throw new DecimalError('too-many-places', `${JSON.stringify(text)} has ${fracLen}`);
  return of(divRound(scaled, divisor, mode));
}

/** Whole or fractional cents (at most 4 dp, e.g. tag 730 "30.60") → dollars. */
export function fromCents(cents: string | bigint | number): Decimal {
  if (typeof cents === 'bigint') return of(cents * (SCALE / 100n));
  if (typeof cents === 'number') {
    if (!Number.isSafeInteger(cents)) throw new DecimalError('not-a-decimal', `${cents} is not a safe integer`);
    return of(BigInt(cents) * (SCALE / 100n));
  }
  const value = parse(cents);
  if (value % 100n !== 0n) throw new DecimalError('too-many-places', `${JSON.stringify(cents)} cents needs more than 4`);
  return of(value / 100n);
}

/** An integer (e.g. a contract count) as a Decimal. */
export function fromInteger(n: bigint | number): Decimal {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) {
    throw new DecimalError('not-a-decimal', `${n} is not a safe integer`);
  }
  return of(BigInt(n) * SCALE);
}

/** Storage form: the raw count of micro-units (e.g. an SQLite INTEGER column). */
export const toMicros = (x: Decimal): bigint => x;
export const fromMicros = (micros: bigint): Decimal => of(micros);

// ---------------------------------------------------------------------------------------------
// Exact arithmetic (never rounds)

export const add = (a: Decimal, b: Decimal): Decimal => of(a + b);
export const sub = (a: Decimal, b: Decimal): Decimal => of(a - b);
export const neg = (a: Decimal): Decimal => of(-a);
export const abs = (a: Decimal): Decimal => (a < 0n ? of(-a) : a);
export const cmp = (a: Decimal, b: Decimal): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);
export const eq = (a: Decimal, b: Decimal): boolean => a === b;
export const isZero = (a: Decimal): boolean => a === 0n;
export const sign = (a: Decimal): -1 | 0 | 1 => (a < 0n ? -1 : a > 0n ? 1 : 0);
export const min = (a: Decimal, b: Decimal): Decimal => (a <= b ? a : b);
export const max = (a: Decimal, b: Decimal): Decimal => (a >= b ? a : b);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = 0n;
  for (const v of values) total += v;
  return of(total);
}

/** a × b when it fits 6 dp exactly (always true for a 2-dp quantity times a 4-dp price). */
export function mulExact(a: Decimal, b: Decimal): Decimal {
  const product = a * b; // units of 10^-12
  if (product % SCALE !== 0n) throw new DecimalError('inexact', `${toString(a)} × ${toString(b)}`);
  return of(product / SCALE);
}

// ---------------------------------------------------------------------------------------------
// Rounded arithmetic: one exact intermediate, rounded once, to `dp` places (0..6)

/** x rounded to `dp` places. */
export function round(x: Decimal, dp: number, mode: RoundingMode): Decimal {
  const unit = pow10(PLACES - checkPlaces(dp));
  return of(divRound(x, unit, mode) * unit);
}

/** a × b rounded to `dp` places. */
export function mul(a: Decimal, b: Decimal, dp: number, mode: RoundingMode): Decimal {
  const drop = pow10(2 * PLACES - checkPlaces(dp));
  return of(divRound(a * b, drop, mode) * pow10(PLACES - dp));
}

/** The product of all factors, computed exactly and rounded once (fee formulas: rate·C·P·(1−P)). */
export function product(factors: readonly Decimal[], dp: number, mode: RoundingMode): Decimal {
  checkPlaces(dp);
  if (factors.length === 0) return ONE;
  let exact = 1n;
  for (const f of factors) exact *= f; // units of 10^-(6·n)
  return of(divRound(exact, pow10(PLACES * factors.length - dp), mode) * pow10(PLACES - dp));
}

/** a ÷ b rounded to `dp` places. */
export function div(a: Decimal, b: Decimal, dp: number, mode: RoundingMode): Decimal {
  return mulDiv(a, ONE, b, dp, mode);
}

/** a × b ÷ c with a single rounding to `dp` places (the share of a cost basis: basis × closed ÷ held). */
export function mulDiv(a: Decimal, b: Decimal, c: Decimal, dp: number, mode: RoundingMode): Decimal {
  if (c === 0n) throw new DecimalError('division-by-zero', `${toString(a)} × ${toString(b)} ÷ 0`);
  // a·b is in 10^-12 units; ÷ c (10^-6) leaves 10^-6; to land on 10^-dp units scale by 10^dp / 10^6.
  let numerator = a * b * pow10(checkPlaces(dp));
  let denominator = c * SCALE;
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  return of(divRound(numerator, denominator, mode) * pow10(PLACES - dp));
}

// ---------------------------------------------------------------------------------------------
// Formatting

/**
 * Canonical text: no trailing zeros without `dp` ('-0.42', '10', '0.000001'); exactly `dp`
 * places with it ('10.00'). Dropping non-zero digits needs a `mode`, or it is an error.
 */
export function toString(x: Decimal, dp?: number, mode?: RoundingMode): string {
  let value: bigint = x;
  let places = PLACES;
  if (dp !== undefined) {
    if (!Number.isInteger(dp) || dp < 0 || dp > 30) throw new DecimalError('bad-places', String(dp));
    if (dp < PLACES) {
      const unit = pow10(PLACES - dp);
      if (value % unit !== 0n) {
        if (mode === undefined) throw new DecimalError('too-many-places', `${toString(x)} to ${dp}`);
        value = divRound(value, unit, mode);
      } else {
        value /= unit;
      }
      places = dp;
    }
  }
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  let frac = digits.slice(digits.length - places);
  if (dp === undefined) frac = frac.replace(/0+$/, '');
  else if (dp > PLACES) frac = frac.padEnd(dp, '0');
  return (negative ? '-' : '') + whole + (frac.length > 0 ? '.' + frac : '');
}

// ---------------------------------------------------------------------------------------------
// Internals

function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

function checkPlaces(dp: number): number {
  if (!Number.isInteger(dp) || dp < 0 || dp > PLACES) throw new DecimalError('bad-places', `${dp} (0..${PLACES})`);
  return dp;
}

/** n ÷ d for d > 0, rounded by `mode`. BigInt division truncates toward zero. */
function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  switch (mode) {
    case 'trunc':
      return q;
    case 'floor':
      return n < 0n ? q - 1n : q;
    case 'ceil':
      return n > 0n ? q + 1n : q;
    case 'half-even': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice < d || (twice === d && (q & 1n) === 0n)) return q;
      return n < 0n ? q - 1n : q + 1n;
    }
    default:
      return assertNever(mode, 'rounding mode');
  }
}
