// time.ts — FIX UTCTimestamp text <-> epoch milliseconds. Kalshi always sends and requires
// 'YYYYMMDD-HH:MM:SS.mmm' (kalshi-fix.md §2.2, §3); we also accept no fraction or micro/nanoseconds
// because standard FIX allows them. Never reads the clock: callers pass the instant in.

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

/** 'YYYYMMDD-HH:MM:SS.mmm' in UTC; the exact bytes the Logon signature covers (§2.2). */
export function formatUtcTimestamp(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Cannot format a non-finite instant (${epochMs}) as a FIX timestamp.`);
  const d = new Date(Math.floor(epochMs));
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} does not fit a FIX timestamp.`);
  return (
    String(year).padStart(4, '0') +
    pad2(d.getUTCMonth() + 1) +
    pad2(d.getUTCDate()) +
    '-' +
    pad2(d.getUTCHours()) +
    ':' +
    pad2(d.getUTCMinutes()) +
    ':' +
    pad2(d.getUTCSeconds()) +
    '.' +
    pad3(d.getUTCMilliseconds())
  );
}

/** Reads `count` decimal digits at `at`, or -1 if any is not a digit. */
function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Epoch ms of 'YYYYMMDD-HH:MM:SS[.fff|.ffffff|.fffffffff]' (UTC), or undefined when the text is not
 * exactly that. Sub-millisecond digits are truncated. A leap second (:60) is accepted as FIX allows
 * and lands on the next second.
 */
export function parseUtcTimestamp(text: string): number | undefined {
  const len = text.length;
  if (len !== 17 && len !== 21 && len !== 24 && len !== 27) return undefined;
  if (text.charCodeAt(8) !== 45 /* - */ || text.charCodeAt(11) !== 58 || text.charCodeAt(14) !== 58) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 4, 2);
  const day = digits(text, 6, 2);
  const hour = digits(text, 9, 2);
  const minute = digits(text, 12, 2);
  const second = digits(text, 15, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return undefined;
  let ms = 0;
  if (len > 17) {
    if (text.charCodeAt(17) !== 46 /* . */) return undefined;
    ms = digits(text, 18, 3);
    if (ms < 0 || (len > 21 && digits(text, 21, len - 21) < 0)) return undefined;
  }
  if (day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's days_from_civil): what Date
 * would compute, without allocating one per timestamp (the journal reads one per ExecutionReport).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
