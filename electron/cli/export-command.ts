// export-command.ts — `fillwatch export --db F --format csv|jsonl [filters]`: the recorded executions,
// filtered, in event order, to stdout or --out. Streams rows, so a 1M-row journal exports in constant
// memory. CSV follows RFC 4180, and text cells that a spreadsheet would run as a formula are defused.
import type { WriteStream } from 'node:fs';
import type { ExecutionFilter, StoredExecution } from '../core/journal/index.ts';
import { ExitCode } from './cli-error.ts';
import { openReaderFor } from './journal-reader.ts';
import { oneOf, parseFlags, requireFlag } from './parse-flags.ts';
import { parseTimeArg } from './time-arg.ts';
import { openOutputStream } from './output-file.ts';

export const exportUsage = 'fillwatch export --db journal.db --format csv|jsonl [--from T] [--to T] [--market TICKER] [--side buy|sell] [--out FILE]';

const COLUMNS = [
  'execId', 'orderId', 'clOrdId', 'origClOrdId', 'symbol', 'side', 'execType', 'ordStatus', 'lastQty', 'lastPx',
  'cumQty', 'leavesQty', 'avgPx', 'fee', 'transactTime', 'msgSeqNum', 'possDup', 'text',
] as const satisfies ReadonlyArray<keyof StoredExecution>;

export async function runExport(argv: string[], stdout: NodeJS.WritableStream): Promise<number> {
  const values = parseFlags(argv, {
    db: { type: 'string' }, format: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, market: { type: 'string' }, side: { type: 'string' }, out: { type: 'string' },
  });
  const db = requireFlag('db', values.db);
  const format = oneOf('format', values.format ?? 'csv', ['csv', 'jsonl']);
  const filter: ExecutionFilter = {
    ...(values.from === undefined ? {} : { from: parseTimeArg('from', values.from) }),
    ...(values.to === undefined ? {} : { to: parseTimeArg('to', values.to) }),
    ...(values.market === undefined ? {} : { market: values.market }),
    ...(values.side === undefined ? {} : { side: parseSide(values.side) }),
  };
  const reader = openReaderFor(db);
  let sink: NodeJS.WritableStream | WriteStream;
  try {
    // After the journal opened, so a bad --db does not truncate an existing --out file.
    sink = values.out === undefined ? stdout : openOutputStream(values.out, 'export file');
  } catch (error) {
    reader.close();
    throw error;
  }
  try {
    if (format === 'csv') await write(sink, COLUMNS.join(',') + '\r\n');
    let batch = '';
    for (const row of reader.executions(filter)) {
      batch += format === 'csv' ? csvLine(row) : JSON.stringify(pick(row)) + '\n';
      if (batch.length > 1 << 16) {
        await write(sink, batch);
        batch = '';
      }
    }
    await write(sink, batch);
  } finally {
    reader.close();
    if (sink !== stdout) await new Promise<void>((resolve) => (sink as WriteStream).end(resolve));
  }
  return ExitCode.ok;
}

function parseSide(text: string): string {
  const side = oneOf('side', text.toLowerCase(), ['buy', 'sell', '1', '2']);
  return side === 'buy' || side === '1' ? '1' : '2';
}

function pick(row: StoredExecution): Record<string, unknown> {
  return Object.fromEntries(COLUMNS.map((c) => [c, row[c]]));
}

function csvLine(row: StoredExecution): string {
  return COLUMNS.map((c) => csvCell(row[c])).join(',') + '\r\n';
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A leading = + - @ (or tab/CR) makes spreadsheets evaluate the cell; numbers are left alone.
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (stream.write(text)) {
      resolve();
      return;
    }
    const onDrain = () => { stream.off('error', onError); resolve(); };
    const onError = (error: Error) => { stream.off('drain', onDrain); reject(error); };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
