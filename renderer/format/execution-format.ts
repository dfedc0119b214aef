// execution-format.ts — how an execution's fields read on screen. Display only: values stay exact
// decimal text until here, are re-rendered through shared/decimal.ts (never Number), and nothing is
// rounded: a price of 0.4250 shows as $0.425, a quantity of 2.50 as 2.5.
import { parse, toString } from '../../shared/decimal.ts';

export type PriceUnit = 'dollars' | 'cents';

/** What happened, as a short word, and a kind the grid styles (fills stand out, rejects warn). */
export type ExecutionKind = 'new' | 'partial' | 'fill' | 'cancel' | 'replace' | 'reject' | 'other';

const ORD_STATUS: Readonly<Record<string, string>> = {
  '0': 'New', '1': 'Partially filled', '2': 'Filled', '4': 'Canceled', '5': 'Replaced', '6': 'Pending cancel',
  '8': 'Rejected', A: 'Pending new', C: 'Expired', E: 'Pending replace',
};

/** Takes plain strings: a value outside Kalshi's documented set still gets a row ('other'), never a crash. */
export function executionKind(r: { readonly execType: string; readonly ordStatus: string; readonly leavesQty: string }): ExecutionKind {
  switch (r.execType) {
    case '0': return 'new';
    case 'F': return r.ordStatus === '2' || isZero(r.leavesQty) ? 'fill' : 'partial';
    case '4': case 'C': return 'cancel';
    case '5': return 'replace';
    case '8': return 'reject';
    default: return 'other';
  }
}

const KIND_LABELS: Readonly<Record<ExecutionKind, string>> = {
  new: 'New', partial: 'Partial', fill: 'Fill', cancel: 'Cancel', replace: 'Replace', reject: 'Reject', other: 'Other',
};

export function kindLabel(kind: ExecutionKind, execType: string): string {
  return kind === 'other' ? `ExecType ${execType}` : KIND_LABELS[kind];
}

export function ordStatusLabel(code: string): string {
  return ORD_STATUS[code] ?? code;
}

/** Tag 54 on Kalshi is always about the Yes contract: Sell Yes ≡ Buy No. */
export function sideLabel(side: string): string {
  return side === '1' ? 'Buy Yes' : side === '2' ? 'Sell Yes' : side;
}

/** '4.00' → '4', '2.50' → '2.5'. */
export function formatQty(text: string | null): string {
  return text === null ? '' : toString(parse(text));
}

/** '0.4200' dollars → '$0.42', '0.4250' → '$0.425'; cents '42' → '42¢'. At least 2 places for dollars. */
export function formatPrice(text: string | null, unit: PriceUnit): string {
  if (text === null) return '';
  const canonical = toString(parse(text));
  if (unit === 'cents') return `${canonical}¢`;
  return `$${atLeastTwoPlaces(canonical)}`.replace('$-', '-$');
}

/** A fee in dollars: '0.0200' → '$0.02', '0.0175' → '$0.0175'. */
export function formatFee(text: string | null): string {
  return formatPrice(text, 'dollars');
}

/** A UTC timestamp, FIX ('20261124-14:00:01.250') or ISO ('2026-11-24T14:00:01.250Z'), split for display. */
interface UtcParts { readonly date: string; readonly clock: string; readonly fraction: string; readonly ms: number }

function utcParts(text: string): UtcParts | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[-T](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z?$/.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, fraction = ''] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return { date: `${y}-${mo}-${d}`, clock: `${h}:${mi}:${s}`, fraction, ms };
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/Universal', 'Universal', 'Zulu']);
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The date and clock time of `ms` in `timeZone` (formatters cached: one per zone). */
function zoned(ms: number, timeZone: string): { date: string; clock: string } {
  let format = zoneFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    zoneFormats.set(timeZone, format);
  }
  const part = (type: string, parts: Intl.DateTimeFormatPart[]) => parts.find((p) => p.type === type)?.value ?? '';
  const parts = format.formatToParts(ms);
  return { date: `${part('year', parts)}-${part('month', parts)}-${part('day', parts)}`, clock: `${part('hour', parts)}:${part('minute', parts)}:${part('second', parts)}` };
}

const labelFormats = new Map<string, Intl.DateTimeFormat>();

/** 'UTC', 'EST', 'GMT+1': the zone's short name at `at`, for a column header or a tooltip (formatters cached: one per zone). */
export function zoneLabel(timeZone: string, at = Date.now()): string {
  if (UTC_NAMES.has(timeZone)) return 'UTC';
  let format = labelFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    labelFormats.set(timeZone, format);
  }
  return format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** A UTC timestamp's clock time in `timeZone` (default UTC), every fraction digit kept: '14:00:01.250'. */
export function formatTime(transactTime: string | null, timeZone = 'UTC'): string {
  if (transactTime === null) return '';
  const parts = utcParts(transactTime);
  if (parts === null) return transactTime;
  return `${UTC_NAMES.has(timeZone) ? parts.clock : zoned(parts.ms, timeZone).clock}${parts.fraction}`;
}

/** '20261124-14:00:01.250' → '2026-11-24 14:00:01.250 UTC' (or in `timeZone`), for a tooltip. */
export function formatTimestamp(transactTime: string | null, timeZone = 'UTC'): string {
  if (transactTime === null) return 'No TransactTime';
  const parts = utcParts(transactTime);
  if (parts === null) return transactTime;
  const { date, clock } = UTC_NAMES.has(timeZone) ? parts : zoned(parts.ms, timeZone);
  return `${date} ${clock}${parts.fraction} ${zoneLabel(timeZone, parts.ms)}`;
}

function atLeastTwoPlaces(canonical: string): string {
  const dot = canonical.indexOf('.');
  if (dot < 0) return `${canonical}.00`;
  const places = canonical.length - dot - 1;
  return places >= 2 ? canonical : `${canonical}${'0'.repeat(2 - places)}`;
}

/** True for '0', '0.00', '-0.0'. */
export function isZero(text: string): boolean {
  return /^-?0+(\.0+)?$/.test(text);
}
