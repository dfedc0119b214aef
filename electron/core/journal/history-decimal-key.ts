// history-decimal-key.ts — decimal text as an exact integer that SQLite can compare and index: the
// value in micro-units (10^-6, shared/decimal.ts's scale). The journal keeps prices and quantities as
// the exchange's text ("0.4200", "12.50"), which does not sort by value, and a float would not be
// exact; an INTEGER of micro-units is both. Owns the SQL expression (a VIRTUAL generated column in
// migration 0003, so rows store nothing extra) and the same mapping for filter bounds. Never parses
// floats.
import { DecimalError, parse } from '../../../shared/decimal.ts';
import { HistoryQueryError } from '../../../shared/history/history-error.ts';

/**
 * The key of a missing value (an ack has no LastPx) and of one this key cannot hold exactly (more than
 * 6 decimal places, or 10+ integer digits: never sent by Kalshi). Below every real key, so missing
 * values sort first in ascending order; a range filter never matches it.
 */
export const ABSENT_DECIMAL_KEY = Number.MIN_SAFE_INTEGER;
/** The largest |key| of a real value: 9 integer digits and 6 decimals stay below 2^53. */
const MAX_INTEGER_DIGITS = 9;

/**
 * SQL for the key of a decimal-text column (text as the FIX decoder accepts it: `-?digits[.digits]`):
 * the digits without the point, as an integer, times 10^(6 − decimals). Few function calls on purpose:
 * SQLite evaluates it per row to build an index key or to sort (~0.5 µs; an earlier form with twice
 * the calls measured 1.5 µs). Changing it changes what migration 0003 created: write a new migration.
 */
export function decimalKeySql(column: string): string {
  const dot = `instr(${column}, '.')`;
  const decimals = `(CASE ${dot} WHEN 0 THEN 0 ELSE length(${column}) - ${dot} END)`;
  const wholeDigits = `length(ltrim(CASE ${dot} WHEN 0 THEN ${column} ELSE substr(${column}, 1, ${dot} - 1) END, '-0'))`;
  return `(CASE WHEN ${column} IS NULL OR ${wholeDigits} > ${MAX_INTEGER_DIGITS}`
    + ` OR (${decimals} > 6 AND rtrim(substr(${column}, ${dot} + 7), '0') <> '') THEN ${ABSENT_DECIMAL_KEY}`
    // More than 6 decimals, all zeros past the 6th: drop them.
    + ` WHEN ${decimals} > 6 THEN CAST(replace(substr(${column}, 1, ${dot} + 6), '.', '') AS INTEGER)`
    + ` ELSE CAST(replace(${column}, '.', '') AS INTEGER) * CAST(substr('1000000', 1, 7 - ${decimals}) AS INTEGER) END)`;
}

/** The smallest and largest key a range bound can take (bounds beyond them match the same rows). */
const LOWEST_BOUND = ABSENT_DECIMAL_KEY + 1;
const HIGHEST_BOUND = Number.MAX_SAFE_INTEGER;

/** The key of a filter bound, exactly; a bound that is not a plain decimal is a 'bad-filter'. */
export function decimalBoundKey(text: string, field: string): number {
  let micros: bigint;
  try {
    micros = parse(text);
  } catch (error) {
    if (error instanceof DecimalError) throw new HistoryQueryError('bad-filter', `${field} ${JSON.stringify(text)}: ${error.message}`);
    throw error;
  }
  if (micros < BigInt(LOWEST_BOUND)) return LOWEST_BOUND;
  if (micros > BigInt(HIGHEST_BOUND)) return HIGHEST_BOUND;
  return Number(micros);
}

/** [low, high] keys of an inclusive range; an absent end is open (but never admits a missing value). */
export function decimalRangeKeys(range: { readonly min?: string; readonly max?: string }, field: string): { low: number; high: number } {
  return {
    low: range.min === undefined ? LOWEST_BOUND : decimalBoundKey(range.min, `${field}.min`),
    high: range.max === undefined ? HIGHEST_BOUND : decimalBoundKey(range.max, `${field}.max`),
  };
}
