// exec-id.ts — Kalshi ExecIDs as integer tuples. An ExecID is 'clock;event' on exchange index 0 and
// 'clock;event;index' on others; within one index they order as (clock, event) compared as integers,
// never as strings (kalshi-fix.md §4.1, §5). Pure; knows nothing about storage.

export interface ExecIdParts {
  readonly exchangeIndex: number;
  /** Digit strings without leading zeros, so any length compares exactly. */
  readonly clock: string;
  readonly event: string;
}

// Up to 18 digits per part: always fits SQLite's signed 64-bit INTEGER.
const EXEC_ID = /^(\d{1,18});(\d{1,18})(?:;(\d{1,9}))?$/;

function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return i === 0 ? digits : digits.slice(i);
}

/** The parts of a sequenced ExecID, or undefined for pending ('-1;-1') and anything not of that form. */
export function parseExecId(execId: string): ExecIdParts | undefined {
  const m = EXEC_ID.exec(execId);
  if (m === null) return undefined;
  return { exchangeIndex: m[3] === undefined ? 0 : Number(m[3]), clock: stripZeros(m[1]!), event: stripZeros(m[2]!) };
}

function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders two ExecIDs of the same exchange index: negative, zero or positive. */
export function compareExecIdParts(a: ExecIdParts, b: ExecIdParts): number {
  return compareDigits(a.clock, b.clock) || compareDigits(a.event, b.event);
}
