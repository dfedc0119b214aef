// replay.ts — what `fillwatch pnl` and `fillwatch export` do over a recorded store, as library calls
// (the same calls the CLI commands make): P&L reads the journal's trade rows (or every JSONL record)
// and rebuilds the positions book and its totals; export writes every execution as a CSV row. Reads
// only; the CSV goes to the path given.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { openJournalReader } from '../../electron/core/journal/index.ts';
import { PositionBook } from '../../shared/positions/position-book.ts';
import { PositionError } from '../../shared/positions/fill.ts';
import type { ExecutionRecord } from '../../shared/records/execution-record.ts';
import { fillFromExecution, fillFromTrade } from '../../electron/core/positions/fill-from-execution.ts';
import type { Fill } from '../../shared/positions/fill.ts';
import type { StoreKind } from '../pipeline.ts';

/** Every stored execution, in stored order. */
export function* storedExecutions(kind: StoreKind, path: string): Generator<ExecutionRecord> {
  if (kind === 'journal') {
    const reader = openJournalReader(path);
    try {
      yield* reader.executions();
    } finally {
      reader.close();
    }
    return;
  }
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line !== '') yield JSON.parse(line) as ExecutionRecord;
  }
}

/** What `fillwatch pnl` reads: the journal's trade rows, or (JSONL) every record, as fills. */
function* storedFills(kind: StoreKind, path: string): Generator<Fill | undefined> {
  if (kind !== 'journal') {
    for (const record of storedExecutions(kind, path)) yield fillFromExecution(record, 'dollars');
    return;
  }
  const reader = openJournalReader(path);
  try {
    for (const trade of reader.trades()) yield fillFromTrade(trade);
  } finally {
    reader.close();
  }
}

function journalExecutionCount(path: string): number {
  const reader = openJournalReader(path);
  try {
    return reader.executionCount();
  } finally {
    reader.close();
  }
}

/** Reads every stored execution and does nothing with it: the share of P&L and export that is reading. */
export function replayRead(kind: StoreKind, path: string): number {
  let n = 0;
  for (const record of storedExecutions(kind, path)) if (record.execId !== '') n++;
  return n;
}

export interface PnlReplay {
  readonly executions: number;
  readonly fills: number;
  readonly markets: number;
  readonly refused: number;
}

/** Rebuilds positions and P&L totals (all, by event, by day) from the store. */
export function replayPnl(kind: StoreKind, path: string): PnlReplay {
  // The store already holds each ExecID once, so the book need not remember them.
  const book = new PositionBook({ dedupe: 'none' });
  let executions = 0;
  let refused = 0;
  for (const fill of storedFills(kind, path)) {
    if (kind !== 'journal') executions++;
    if (fill === undefined) continue;
    try {
      book.apply(fill);
    } catch (error) {
      if (!(error instanceof PositionError)) throw error;
      refused++;
    }
  }
  if (kind === 'journal') executions = journalExecutionCount(path);
  const totals = book.totals();
  if (book.fillCount > 0 && totals.byDay.size === 0) throw new Error('The P&L replay produced no day totals.');
  return { executions, fills: book.fillCount, markets: book.markets().length, refused };
}

const COLUMNS = [
  'execId', 'orderId', 'clOrdId', 'origClOrdId', 'symbol', 'side', 'execType', 'ordStatus', 'lastQty', 'lastPx',
  'cumQty', 'leavesQty', 'avgPx', 'transactTime', 'msgSeqNum', 'possDup', 'fee', 'text',
] as const satisfies ReadonlyArray<keyof ExecutionRecord>;

const FLUSH_CHARS = 1 << 20;

/** Writes every stored execution as one RFC 4180 CSV row (values verbatim, never reformatted). */
export function replayExport(kind: StoreKind, path: string, outPath: string): { rows: number; bytes: number } {
  const fd = openSync(outPath, 'w');
  let rows = 0;
  let bytes = 0;
  try {
    let text = `${COLUMNS.join(',')}\n`;
    for (const record of storedExecutions(kind, path)) {
      let line = '';
      for (let i = 0; i < COLUMNS.length; i++) {
        if (i > 0) line += ',';
        line += csvCell(record[COLUMNS[i]!]);
      }
      text += `${line}\n`;
      rows++;
      if (text.length >= FLUSH_CHARS) {
        bytes += writeSync(fd, text);
        text = '';
      }
    }
    bytes += writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return { rows, bytes };
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
