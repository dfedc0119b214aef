// rational.ts: a slow, obviously-correct reference for the decimal tests.
//
// Exact rationals n/d over bigint, reduced, d > 0, and rounding of a rational to a number of
// decimal places written from the definitions (floor/ceil/nearest), independent of the
// divRound in shared/decimal.ts. Test support only.
import type { RoundingMode } from '../../shared/decimal.ts';

export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function q(n: bigint, d = 1n): Q {
  if (d === 0n) throw new Error('zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** A plain decimal string as a rational (no validation beyond what BigInt does). */
export function qFromString(text: string): Q {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '0', frac = ''] = body.split('.');
  const n = BigInt(whole + frac) * (negative ? -1n : 1n);
  return q(n, 10n ** BigInt(frac.length));
}

/** A Decimal's micro-units as a rational. */
export const qFromMicros = (micros: bigint): Q => q(micros, 1_000_000n);

export const qAdd = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const qMul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const qDiv = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);

function floorDiv(n: bigint, d: bigint): bigint {
  // d > 0
  const t = n / d;
  return n < 0n && t * d !== n ? t - 1n : t;
}

/** x rounded to `dp` places, returned in micro-units (dp ≤ 6). */
export function qRoundToMicros(x: Q, dp: number, mode: RoundingMode): bigint {
  const scale = 10n ** BigInt(dp);
  const scaledN = x.n * scale; // x·10^dp = scaledN / x.d
  const lo = floorDiv(scaledN, x.d);
  const exact = lo * x.d === scaledN;
  const hi = exact ? lo : lo + 1n;
  let chosen: bigint;
  if (mode === 'floor') chosen = lo;
  else if (mode === 'ceil') chosen = hi;
  else if (mode === 'trunc') chosen = x.n < 0n ? hi : lo;
  else {
    // distance to lo vs hi, compared as rationals: (scaledN/d − lo) vs (hi − scaledN/d)
    const toLo = scaledN - lo * x.d;
    const toHi = hi * x.d - scaledN;
    if (toLo < toHi) chosen = lo;
    else if (toHi < toLo) chosen = hi;
    else chosen = lo % 2n === 0n ? lo : hi;
  }
  return chosen * 10n ** BigInt(6 - dp);
}

/** True when x has at most 6 decimal places. */
export const qIsMicro = (x: Q): boolean => (1_000_000n * x.n) % x.d === 0n;
