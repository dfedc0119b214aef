// pnl-command.ts — `fillwatch pnl --db F`: positions and P&L per market from the journal's trades and
// settlement reports, with totals by event and by day, as a table or JSON. Exact decimals throughout
// (shared/decimal.ts).
import { PositionBook } from '../../shared/positions/position-book.ts';
import { replayBook } from '../core/positions/replay-book.ts';
import { PositionError } from '../../shared/positions/fill.ts';
import { toString as decimalText, type Decimal } from '../../shared/decimal.ts';
import { ExitCode, UsageError } from './cli-error.ts';
import { openReaderFor } from './journal-reader.ts';
import { oneOf, parseFlags, requireFlag } from './parse-flags.ts';

export const pnlUsage = 'fillwatch pnl --db journal.db [--format table|json] [--time-zone America/New_York] [--api-key-id <uuid>]';

export function runPnl(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  // Prices are read in the unit stored with each execution (the Logon's 21005), never guessed.
  const values = parseFlags(argv, { db: { type: 'string' }, format: { type: 'string' }, 'time-zone': { type: 'string' }, 'api-key-id': { type: 'string' } });
  const db = requireFlag('db', values.db);
  const format = oneOf('format', values.format ?? 'table', ['table', 'json']);
  const book = buildBook(db, values['time-zone'], values['api-key-id'], err);
  const markets = book.markets();
  const totals = book.totals();
  if (format === 'json') {
    out(JSON.stringify({ markets, totals: { all: totals.all, byEvent: Object.fromEntries(totals.byEvent), byDay: Object.fromEntries(totals.byDay) } }, decimalsAsText, 2));
    return ExitCode.ok;
  }
  const d = (x: Decimal | null, dp = 2) => (x === null ? '' : decimalText(x, dp, 'half-even'));
  const rows = markets.map((m) => [m.symbol, decimalText(m.position, 2, 'half-even'), m.heldSide ?? '', d(m.avgEntryPrice, 4), d(m.mark, 4), d(m.realized), d(m.unrealized), d(m.fees, 4), d(m.net)]);
  const all = totals.all;
  rows.push(['TOTAL', '', '', '', '', d(all.realized), d(all.unrealized), d(all.fees, 4), d(all.net)]);
  table(out, ['market', 'position', 'held', 'avg entry', 'mark', 'realized', 'unrealized', 'fees', 'net'], rows);
  out('');
  table(out, ['event', 'markets', 'realized', 'unrealized', 'fees', 'net'],
    [...totals.byEvent].map(([event, t]) => [event, String(t.markets), d(t.realized), d(t.unrealized), d(t.fees, 4), d(t.net)]));
  out('');
  table(out, ['day', 'fills', 'contracts', 'realized', 'fees', 'net'],
    [...totals.byDay].map(([day, t]) => [day, String(t.fills), d(t.contracts), d(t.realized), d(t.fees, 4), d(t.net)]));
  return ExitCode.ok;
}

/**
 * The journal replayed the one way P&L is defined (core/positions/replay-book.ts): every account in it,
 * or one API key's sessions (what the app's P&L view shows for that account).
 */
function buildBook(path: string, timeZone: string | undefined, apiKeyId: string | undefined, err: (line: string) => void): PositionBook {
  checkTimeZone(timeZone); // a wrong command line is answered before any file is touched
  const reader = openReaderFor(path);
  try {
    return replayBook(reader, {
      ...(timeZone === undefined ? {} : { timeZone }),
      ...(apiKeyId === undefined ? {} : { senderCompId: apiKeyId }),
      onSkipped: (what, error) => err(`fillwatch: skipped ${what}: ${error.message}`),
    }).book;
  } finally {
    reader.close();
  }
}

function checkTimeZone(timeZone: string | undefined): void {
  try {
    if (timeZone !== undefined) new PositionBook({ timeZone });
  } catch (error) {
    if (error instanceof PositionError && error.kind === 'bad-time-zone') throw new UsageError(`--time-zone must be an IANA name such as America/New_York, not "${timeZone}"`);
    throw error;
  }
}

function decimalsAsText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? decimalText(value as Decimal) : value;
}

function table(out: (line: string) => void, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  out(line(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out(line(r));
}
