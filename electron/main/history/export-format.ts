// export-format.ts — the bytes of a History export, page by page: CSV (RFC 4180: quoted where needed,
// CRLF line ends, UTF-8 without a byte-order mark) and JSON (one array, a row object per line, so a
// large file streams). Pure: the export job writes what these return. Cells are formula-safe: a
// spreadsheet runs a cell that starts with = + - @ tab or CR as a formula (OWASP "CSV injection"), so
// such text gets a leading apostrophe — except a plain number in a numeric column, whose '-' is a sign.
import type { ExportColumn } from '../../../shared/history/export-columns.ts';
import type { HistoryRow } from '../../../shared/history/history-page.ts';
import type { ExportFormat } from '../../../shared/ipc/contract.ts';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell: neutralised if a spreadsheet would read it as a formula, then quoted if needed. */
export function csvCell(value: string | null, numeric: boolean): string {
  if (value === null || value === '') return '';
  const safe = FORMULA_START.test(value) && !(numeric && PLAIN_NUMBER.test(value)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}

export interface ExportEncoder {
  /** Written before the first row. */
  start(): string;
  /** A page of rows (`first`: no row was written before it). */
  rows(rows: readonly HistoryRow[], first: boolean): string;
  /** Written after the last row. */
  end(): string;
}

export function csvEncoder(columns: readonly ExportColumn[]): ExportEncoder {
  return {
    start: () => csvLine(columns.map((c) => csvCell(c.header, false))),
    rows: (rows) => rows.map((r) => csvLine(columns.map((c) => csvCell(c.csv(r), c.numeric)))).join(''),
    end: () => '',
  };
}

/** `[` row objects keyed by column id, one per line `]`; codes and exact decimal text as values. */
export function jsonEncoder(columns: readonly ExportColumn[]): ExportEncoder {
  const object = (r: HistoryRow): string => JSON.stringify(Object.fromEntries(columns.map((c) => [c.id, c.json(r)])));
  return {
    start: () => '[',
    rows: (rows, first) => rows.map((r, i) => `${first && i === 0 ? '\n' : ',\n'}${object(r)}`).join(''),
    end: () => '\n]\n',
  };
}

export function encoderFor(format: ExportFormat, columns: readonly ExportColumn[]): ExportEncoder {
  return format === 'csv' ? csvEncoder(columns) : jsonEncoder(columns);
}

/** The whole file for a list of rows (tests, and small exports). */
export function encodeAll(format: ExportFormat, columns: readonly ExportColumn[], rows: readonly HistoryRow[]): string {
  const encoder = encoderFor(format, columns);
  return encoder.start() + (rows.length === 0 ? '' : encoder.rows(rows, true)) + encoder.end();
}
