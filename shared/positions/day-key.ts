// day-key.ts: which calendar day a fill or settlement counts toward.
//
// Owns parsing TransactTime (60) and mapping an instant to a 'YYYY-MM-DD' day in one time zone.
// The default zone is America/New_York because Kalshi's ClearingBusinessDate (715) is the Eastern
// calendar date of TransactTime (kalshi-fix.md §4.1), so "today's P&L" matches Kalshi's own days;
// pass 'UTC' for UTC days. Uses Intl (present in Node and Chromium), never node: modules.
import { PositionError } from './fill.ts';

export const DEFAULT_TIME_ZONE = 'America/New_York';

/** The day key of records without a time. */
export const UNDATED = 'undated';

/** Epoch milliseconds of an instant given as text (see parseUtcTime) or as epoch milliseconds. */
export function toEpochMs(time: string | number): number {
  if (typeof time === 'number') {
    if (!Number.isFinite(time)) throw new PositionError('bad-time', String(time));
    return time;
  }
  return parseUtcTime(time);
}

/**
 * Epoch milliseconds of a FIX UTCTimestamp (`YYYYMMDD-HH:MM:SS[.f{1,9}]`) or an ISO-8601 UTC time
 * (`YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z`); throws PositionError 'bad-time'. Hand-rolled rather than a
 * RegExp because it runs once per fill on a million-fill replay.
 */
export function parseUtcTime(text: string): number {
  const iso = text.charCodeAt(4) === 45; // '-' after the year
  const year = digitsAt(text, 0, 4);
  const month = iso ? digitsAt(text, 5, 2) : digitsAt(text, 4, 2);
  const day = iso ? digitsAt(text, 8, 2) : digitsAt(text, 6, 2);
  const t = iso ? 11 : 9; // start of HH
  const hour = digitsAt(text, t, 2);
  const minute = digitsAt(text, t + 3, 2);
  const second = digitsAt(text, t + 6, 2);
  const separatorsOk = iso
    ? text.charCodeAt(7) === 45 && text.charCodeAt(10) === 84 // '-', 'T'
    : text.charCodeAt(8) === 45;
  let end = text.length;
  if (iso) {
    if (text.charCodeAt(end - 1) !== 90) throw badTime(text); // 'Z'
    end--;
  }
  let millis = 0;
  const fracStart = t + 9;
  if (end > t + 8) {
    const fracLen = end - fracStart;
    if (text.charCodeAt(t + 8) !== 46 || fracLen < 1 || fracLen > 9) throw badTime(text); // '.'
    const frac = digitsAt(text, fracStart, fracLen);
    if (frac < 0) throw badTime(text);
    millis = fracLen >= 3 ? Math.floor(frac / 10 ** (fracLen - 3)) : frac * 10 ** (3 - fracLen);
  }
  // FIX allows second 60 (a leap second); Date.UTC rolls it into the next minute, which is fine.
  if (
    !separatorsOk ||
    text.charCodeAt(t + 2) !== 58 ||
    text.charCodeAt(t + 5) !== 58 ||
    end < t + 8 ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 60
  ) {
    throw badTime(text);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/** The integer in text[from, from + length), or -1 if any of it is not a digit or out of range. */
function digitsAt(text: string, from: number, length: number): number {
  if (from + length > text.length) return -1;
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function badTime(text: string): PositionError {
  return new PositionError('bad-time', JSON.stringify(text));
}

// Every time-zone offset in use since 1970 is a whole number of quarter hours, so every instant in
// one quarter hour falls on the same local day; caching per quarter hour makes Intl run about
// once per 15 minutes of trading instead of once per fill.
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** Maps instants to local 'YYYY-MM-DD' days in one IANA time zone. */
export class DayKeyer {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, string>();

  constructor(timeZone: string = DEFAULT_TIME_ZONE) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      throw new PositionError('bad-time-zone', JSON.stringify(timeZone));
    }
    this.timeZone = timeZone;
  }

  dayOf(epochMs: number): string {
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    let day = this.cache.get(bucket);
    if (day === undefined) {
      day = this.compute(bucket * QUARTER_HOUR_MS);
      this.cache.set(bucket, day);
    }
    return day;
  }

  private compute(epochMs: number): string {
    let year = '';
    let month = '';
    let day = '';
    for (const part of this.format.formatToParts(epochMs)) {
      if (part.type === 'year') year = part.value;
      else if (part.type === 'month') month = part.value;
      else if (part.type === 'day') day = part.value;
    }
    return `${year}-${month}-${day}`;
  }
}
