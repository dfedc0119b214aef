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

/** FIX UTCTimestamp '20261124-14:00:01.250' → '14:00:01.250' (the grid's column says UTC). */
export function formatTime(transactTime: string | null): string {
  if (transactTime === null) return '';
  const fix = /^\d{8}-(\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)$/.exec(transactTime);
  if (fix !== null) return fix[1]!;
  const iso = /^\d{4}-\d{2}-\d{2}T(\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)Z$/.exec(transactTime);
  return iso !== null ? iso[1]! : transactTime;
}

/** '20261124-14:00:01.250' → '2026-11-24 14:00:01.250 UTC', for a tooltip. */
export function formatTimestamp(transactTime: string | null): string {
  if (transactTime === null) return 'No TransactTime';
  const fix = /^(\d{4})(\d{2})(\d{2})-(.+)$/.exec(transactTime);
  return fix === null ? transactTime : `${fix[1]}-${fix[2]}-${fix[3]} ${fix[4]} UTC`;
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
