// scaled-decimal.ts — wire text for the simulator's exact amounts. Quantities are integer hundredths
// of a contract, prices and money integer ten-thousandths of a dollar ("pips"); this module only
// turns those integers into FIX decimal strings. Never does arithmetic on binary floats.

/** 1 contract = 100 qty units (granularity 0.01, kalshi-fix.md §4.1). */
export const QTY_SCALE = 100;
/** $1 = 10 000 pips (subpenny prices have up to 4 dp, §6). */
export const PIPS_PER_DOLLAR = 10_000;
/** 1¢ = 100 pips. */
export const PIPS_PER_CENT = 100;

/** `value / 10^scale` as text with between minFraction and `scale` fraction digits. */
export function formatScaled(value: number, scale: number, minFraction = scale): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Scaled amount must be a safe integer, got ${String(value)}.`);
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  while (fraction.length > minFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const text = fraction.length > 0 ? `${whole}.${fraction}` : whole;
  return negative && value !== 0 ? `-${text}` : text;
}

/** '10.00', '2.50': Kalshi writes quantities with at least (here exactly) 2 dp since v1.0.18. */
export function formatQty(qtyUnits: number): string {
  return formatScaled(qtyUnits, 2);
}

/** '0.4150' — decimal dollars with 4 dp, as with UseDollars(21005)=Y. */
export function formatDollarPrice(pips: number): string {
  return formatScaled(pips, 4);
}

/** '42', or '41.5' for a sub-cent price that integer cents cannot express. */
export function formatCentPrice(pips: number): string {
  return formatScaled(pips, 2, 0);
}

/** Money in dollars, 2 to 4 dp: '0.02', '-1.70', '0.0175' (fees and CollateralAmountChange). */
export function formatMoney(pips: number): string {
  return formatScaled(pips, 4, 2);
}

/** Integer division rounding half away from zero, for averages of exact amounts (BigInt: no float step). */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError('divRoundHalfUp needs a safe integer numerator and a positive safe integer denominator.');
  }
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d; // truncates toward zero
  const r = n - q * d;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice >= d) return Number(r < 0n ? q - 1n : q + 1n);
  return Number(q);
}
