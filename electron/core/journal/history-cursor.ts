// history-cursor.ts — the opaque strings History hands out: a cursor (one place in one sort order: the
// row's sort key, event time and row id) and a journal position (the highest execution row id a read
// saw). Encodes and checks them; a string that does not decode is the caller's error, never a crash.
import { Buffer } from 'node:buffer';
import { HistoryQueryError } from '../../../shared/history/history-error.ts';
import type { HistoryCursor, JournalPosition } from '../../../shared/history/history-page.ts';
import type { HistorySortColumn } from '../../../shared/history/history-sort.ts';
import type { KeyType } from './history-columns.ts';

/** A decoded cursor: the sort key (absent for the time sort), then event time and row id. */
export interface CursorPlace {
  readonly key: string | number | undefined;
  readonly eventAt: number;
  readonly rowId: number;
}

const CURSOR_VERSION = 'h1';

export function encodeCursor(column: HistorySortColumn, place: CursorPlace): HistoryCursor {
  const parts = place.key === undefined ? [CURSOR_VERSION, column, place.eventAt, place.rowId] : [CURSOR_VERSION, column, place.key, place.eventAt, place.rowId];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url') as HistoryCursor;
}

/** The place a cursor names, checked against the sort it is used with. */
export function decodeCursor(cursor: unknown, column: HistorySortColumn, keyType: KeyType | undefined): CursorPlace {
  const bad = (why: string): HistoryQueryError => new HistoryQueryError('bad-cursor', why);
  if (typeof cursor !== 'string') throw bad('not a string');
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a History cursor');
  }
  if (!Array.isArray(parts) || parts[0] !== CURSOR_VERSION) throw bad('not a History cursor');
  if (parts[1] !== column) throw bad(`made for the sort by ${String(parts[1])}, not by ${column}`);
  const hasKey = keyType !== undefined;
  if (parts.length !== (hasKey ? 5 : 4)) throw bad('wrong length');
  const [eventAt, rowId] = parts.slice(-2) as unknown[];
  if (!Number.isSafeInteger(eventAt) || !Number.isSafeInteger(rowId)) throw bad('bad event time or row id');
  if (!hasKey) return { key: undefined, eventAt: eventAt as number, rowId: rowId as number };
  const key: unknown = parts[2];
  if (keyType === 'text' ? typeof key !== 'string' : !Number.isSafeInteger(key)) throw bad('bad sort key');
  return { key: key as string | number, eventAt: eventAt as number, rowId: rowId as number };
}

const POSITION_PREFIX = 'jp1.';

export function encodePosition(rowId: number): JournalPosition {
  return `${POSITION_PREFIX}${rowId}` as JournalPosition;
}

export function decodePosition(position: unknown): number {
  if (typeof position === 'string' && position.startsWith(POSITION_PREFIX)) {
    const digits = position.slice(POSITION_PREFIX.length);
    const rowId = Number(digits);
    if (/^(0|[1-9]\d*)$/.test(digits) && Number.isSafeInteger(rowId)) return rowId;
  }
  throw new HistoryQueryError('bad-position', typeof position === 'string' ? position : typeof position);
}
