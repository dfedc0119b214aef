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
  // Date.UTC treats years 0–99 as 1900–1999; setUTCFullYear avoids that and lets us reject 31 Feb.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime() + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}
