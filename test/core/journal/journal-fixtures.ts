// journal-fixtures.ts — shared helpers for the journal tests: a temp folder per test with real SQLite
// files, and inbound FIX messages (ExecutionReports, settlements, heartbeats) built with the real encoder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FieldList } from '../../../electron/core/fix/encode.ts';
import type { FixMessage } from '../../../electron/core/fix/decode.ts';
import Database from 'better-sqlite3';
import { Journal, type JournalOptions } from '../../../electron/core/journal/journal.ts';
import { allMessages, type StoredMessage } from '../../../electron/core/journal/message-reader.ts';
import { API_KEY_ID, inbound } from '../../support/fix-builders.ts';

export const SESSION = { senderCompId: API_KEY_ID, targetCompId: 'KalshiRT' } as const;

export interface TempDir {
  readonly path: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'fillwatch-journal-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export function openJournal(path: string, options: Partial<JournalOptions> = {}): Journal {
  return Journal.open(path, { session: SESSION, ...options });
}

/** A journal on a new file (sequences from 1) that lists the ExecIDs it reports as committed, in order. */
export function openReportingJournal(path: string, options: Partial<JournalOptions> = {}): { journal: Journal; reported: string[] } {
  const reported: string[] = [];
  const journal = openJournal(path, { ...options, onCommitted: (records) => reported.push(...records.map((r) => r.execId)) });
  journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
  return { journal, reported };
}

/** Every message stored in the file, in id order (read on a connection of its own). */
export function storedMessages(path: string): StoredMessage[] {
  const db = new Database(path, { readonly: true });
  try {
    return [...allMessages(db)].map((m) => ({ ...m, raw: Buffer.from(m.raw) }));
  } finally {
    db.close();
  }
}

/** MsgSeqNum of every stored message, in id order. */
export function storedSeqs(path: string): (number | null)[] {
  return storedMessages(path).map((m) => m.msgSeqNum);
}

export interface ErOptions {
  readonly execId: string;
  readonly orderId?: string;
  readonly symbol?: string;
  readonly side?: '1' | '2';
  readonly execType?: string;
  readonly ordStatus?: string;
  readonly transactTime?: string;
  readonly lastQty?: string;
  readonly lastPx?: string;
  readonly possDup?: boolean;
  /** Extra body fields appended after the standard ones. */
  readonly extra?: FieldList;
}

/** An ExecutionReport from KalshiRT with the given ExecID (a Trade unless execType says otherwise). */
export function er(msgSeqNum: number, options: ErOptions): FixMessage {
  const execType = options.execType ?? 'F';
  const body: (readonly [number, string | number])[] = [
    [37, options.orderId ?? 'ord-1'], [11, `cl-${msgSeqNum}`], [17, options.execId], [150, execType], [39, options.ordStatus ?? '1'],
    [54, options.side ?? '1'], [55, options.symbol ?? 'KXHIGHNY-26NOV24-B52.5'], [38, '10.00'], [44, '0.4200'],
  ];
  if (execType === 'F') body.push([32, options.lastQty ?? '1.00'], [31, options.lastPx ?? '0.4200']);
  body.push([14, '1.00'], [151, '9.00'], [6, '0.4200']);
  if (options.transactTime !== undefined) body.push([60, options.transactTime]);
  if (execType === 'F') body.push([136, 1], [137, '0.0100'], [138, 'USD'], [139, '4'], [891, '0'], [880, `tm-${options.execId}`], [1057, 'Y']);
  body.push(...(options.extra ?? []));
  return inbound('8', msgSeqNum, body, options.possDup === true ? { possDup: true } : {});
}

export function heartbeat(msgSeqNum: number): FixMessage {
  return inbound('0', msgSeqNum);
}

export function settlementReport(msgSeqNum: number, reportId: string, symbol = 'KXHIGHNY-26NOV24-B52.5'): FixMessage {
  return inbound('UMS', msgSeqNum, [
    [20105, reportId], [55, symbol], [715, '20261124'], [20106, 1], [20107, 'yes'], [893, 'Y'], [730, '100'],
    [20108, 1], [20109, 'party-1'], [20110, 24], [704, '10.00'], [705, '0.00'],
  ]);
}

/** Accepts messages in order as the session would (next expected = MsgSeqNum + 1). */
export function acceptAll(journal: Journal, messages: readonly FixMessage[], receivedAt = 1_790_000_000_000): void {
  for (const m of messages) journal.accept(m, m.msgSeqNum + 1, receivedAt + m.msgSeqNum);
}
