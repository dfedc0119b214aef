// verify.ts — recomputes a journal's hash chain from the first raw message to the last and names the
// first row that does not match (changed bytes or fields, a removed row, removed newest rows). Opens the
// file read-only and reads it in one snapshot, so it can run while a recorder is writing. Never repairs.
import type Database from 'better-sqlite3';
import { assertNever } from '../../../shared/assert-never.ts';
import { journalCall } from './errors.ts';
import { GENESIS_HASH, rowHash } from './hash-chain.ts';
import { openJournalDatabase } from './open-database.ts';

export type ChainBreak =
  /** The row's bytes or fields (or its stored hash) differ from what was chained. */
  | 'hash-mismatch'
  /** Row ids jump: the rows between were removed. The named row is the first one after the hole. */
  | 'row-missing'
  /** The newest rows were removed: the chain head records a later row. The named row is the first missing id. */
  | 'tail-missing'
  /** Rows follow the last one any commit recorded: they were appended by something other than the journal. */
  | 'row-added';

export function describeChainBreak(reason: ChainBreak): string {
  switch (reason) {
    case 'hash-mismatch':
      return 'This message row was changed after it was recorded (its contents no longer match the hash chain).';
    case 'row-missing':
      return 'Message rows were removed from the journal just before this row.';
    case 'tail-missing':
      return 'The most recent message rows were removed from the journal, starting at this row.';
    case 'row-added':
      return 'Message rows were added to the journal outside Fillwatch, starting at this row.';
    default:
      return assertNever(reason, 'chain break');
  }
}

export interface BrokenRow {
  readonly id: number;
  /** null when the row itself is gone (tail-missing). */
  readonly msgSeqNum: number | null;
  readonly receivedAt: number | null;
}

export type VerifyResult =
  | { readonly ok: true; readonly rows: number }
  | { readonly ok: false; readonly rows: number; readonly firstBrokenRow: BrokenRow; readonly reason: ChainBreak; readonly description: string };

interface RawRow {
  id: number; session_id: number; connection_id: number | null; epoch: number; msg_seq_num: number;
  msg_type: string; poss_dup: number; received_at: number; raw: Buffer; hash: Buffer;
}

/** Verifies the journal at `path`. `rows` counts the rows that verified before any break. Throws JournalError if the file cannot be read. */
export function verifyJournal(path: string): VerifyResult {
  const db = openJournalDatabase(path, { readOnly: true });
  try {
    return journalCall(`verifying ${path}`, () => db.transaction(() => verifyChain(db))());
  } finally {
    db.close();
  }
}

function broken(rows: number, firstBrokenRow: BrokenRow, reason: ChainBreak): VerifyResult {
  return { ok: false, rows, firstBrokenRow, reason, description: describeChainBreak(reason) };
}

function verifyChain(db: Database.Database): VerifyResult {
  const head = db.prepare('SELECT last_raw_id, last_hash FROM chain_head WHERE id = 1').get() as { last_raw_id: number; last_hash: Buffer } | undefined;
  const headId = head?.last_raw_id ?? 0;
  let prev: Buffer = GENESIS_HASH;
  let rows = 0;
  let last: BrokenRow | undefined;
  let headRow: BrokenRow | undefined;
  let hashAtHead: Buffer = GENESIS_HASH;
  for (const value of db.prepare('SELECT * FROM raw_messages ORDER BY id').iterate()) {
    const row = value as RawRow;
    const at: BrokenRow = { id: row.id, msgSeqNum: row.msg_seq_num, receivedAt: row.received_at };
    if (row.id !== rows + 1) return broken(rows, at, 'row-missing');
    const computed = rowHash(prev, {
      id: row.id,
      sessionId: row.session_id,
      connectionId: row.connection_id,
      epoch: row.epoch,
      msgSeqNum: row.msg_seq_num,
      receivedAt: row.received_at,
      possDup: row.poss_dup === 1,
      msgType: row.msg_type,
      raw: row.raw,
    });
    if (!computed.equals(row.hash)) return broken(rows, at, 'hash-mismatch');
    prev = computed;
    rows++;
    last = at;
    if (row.id === headId) {
      headRow = at;
      hashAtHead = computed;
    }
    if (row.id === headId + 1) return broken(rows - 1, at, 'row-added');
  }
  if (head === undefined) return { ok: true, rows };
  if (headId > rows) return broken(rows, { id: rows + 1, msgSeqNum: null, receivedAt: null }, 'tail-missing');
  if (!hashAtHead.equals(head.last_hash)) {
    // Every row matched its stored hash, yet the chain does not end where the last commit recorded:
    // rows up to the head were rewritten together with their hashes. Name the newest one.
    return broken(rows - 1, headRow ?? last ?? { id: headId, msgSeqNum: null, receivedAt: null }, 'hash-mismatch');
  }
  return { ok: true, rows };
}
