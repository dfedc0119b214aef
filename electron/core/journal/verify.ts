// verify.ts — recomputes a journal's hash chain from the first stored message to the last and names
// the first message that does not match (changed bytes or fields, removed or added messages, removed
// newest messages). Covers the schema-1 raw_messages rows an upgraded journal kept, then the segments
// that chain on from them (segment.ts). Opens the file read-only and reads it in one snapshot, so it can
// run while a recorder is writing. Never repairs. verifyAll adds the audit chain of alerts, reviews and
// exports (verify-audit.ts), anchored to this chain, in the same snapshot.
import type Database from 'better-sqlite3';
import { assertNever } from '../../../shared/assert-never.ts';
import { journalCall } from './errors.ts';
import { GENESIS_HASH, HASH_BYTES, rowHash } from './hash-chain.ts';
import { openJournalDatabase } from './open-database.ts';
import { frameAt, INDEX_ENTRY_BYTES, indexEntry, messageCheck, segmentHash, seqOfFrame, type SegmentHeader } from './segment.ts';
import { anchorIds, verifyAuditChain, type AuditVerifyResult } from './verify-audit.ts';

export type ChainBreak =
  /** The message's bytes or fields (or the stored hash over them) differ from what was chained. */
  | 'hash-mismatch'
  /** Message ids jump: the messages between were removed. The named message is the first one after the hole. */
  | 'row-missing'
  /** The newest messages were removed: the chain head records a later one. The named id is the first missing one. */
  | 'tail-missing'
  /** Messages follow the last one any commit recorded: they were added by something other than the journal. */
  | 'row-added';

export function describeChainBreak(reason: ChainBreak): string {
  switch (reason) {
    case 'hash-mismatch':
      return 'This message was changed after it was recorded (its contents no longer match the hash chain).';
    case 'row-missing':
      return 'Messages were removed from the journal just before this one.';
    case 'tail-missing':
      return 'The most recent messages were removed from the journal, starting at this one.';
    case 'row-added':
      return 'Messages were added to the journal outside Fillwatch, starting at this one.';
    default:
      return assertNever(reason, 'chain break');
  }
}

export interface BrokenRow {
  /** Message id (continuous over the journal: what executions.raw_id refers to). */
  readonly id: number;
  /** Where the message is stored: its segment (the segment's first message id) and its index in it; null for a schema-1 row or a message that is gone. */
  readonly segment: { readonly id: number; readonly index: number } | null;
  /** null when the message itself is gone (tail-missing) or its bytes no longer hold one. */
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

interface SegmentRow {
  id: number; session_id: number; connection_id: number | null; epoch: number; count: number; first_seq: number; last_seq: number;
  first_received_at: number; last_received_at: number; hash: Buffer; idx: Buffer; frames: Buffer;
}

/** Verifies the message chain of the journal at `path` (verifyAll adds the audit chain). `rows` counts the messages that verified before any break. Throws JournalError if the file cannot be read. */
export function verifyJournal(path: string): VerifyResult {
  const db = openJournalDatabase(path, { readOnly: true });
  try {
    return journalCall(`verifying ${path}`, () => db.transaction(() => verifyChain(db))());
  } finally {
    db.close();
  }
}

/** The message chain and the audit chain, checked in one read snapshot. */
export interface FullVerifyResult {
  readonly messages: VerifyResult;
  readonly audit: AuditVerifyResult;
}

/** Verifies both chains of the journal at `path`. Throws JournalError if the file cannot be read. */
export function verifyAll(path: string): FullVerifyResult {
  const db = openJournalDatabase(path, { readOnly: true });
  try {
    return journalCall(`verifying ${path}`, () => db.transaction(() => {
      const links = new Map<number, Buffer | undefined>(anchorIds(db).map((id) => [id, undefined]));
      const messages = verifyChain(db, links);
      return { messages, audit: verifyAuditChain(db, links, messages.ok) };
    })());
  } finally {
    db.close();
  }
}

/** `rows`: the messages that verified before the break (by default all before the named one). */
function broken(firstBrokenRow: BrokenRow, reason: ChainBreak, rows = firstBrokenRow.id - 1): VerifyResult {
  return { ok: false, rows, firstBrokenRow, reason, description: describeChainBreak(reason) };
}

/** The chain so far: the last message id verified and its link, plus what the chain head recorded. */
interface Walk {
  lastId: number;
  prev: Buffer;
  readonly headId: number;
  /** The link computed at the head's message, once reached. */
  hashAtHead: Buffer | undefined;
  /** The first message at or before the head whose link ends at the head (for a rewritten tail). */
  headMessage: BrokenRow | undefined;
  /** Message ids whose link the audit chain needs, filled in as the walk passes them. */
  readonly links: Map<number, Buffer | undefined> | undefined;
}

function verifyChain(db: Database.Database, links?: Map<number, Buffer | undefined>): VerifyResult {
  const head = db.prepare('SELECT last_raw_id, last_hash FROM chain_head WHERE id = 1').get() as { last_raw_id: number; last_hash: Buffer } | undefined;
  const walk: Walk = { lastId: 0, prev: GENESIS_HASH, headId: head?.last_raw_id ?? 0, hashAtHead: head === undefined || head.last_raw_id === 0 ? GENESIS_HASH : undefined, headMessage: undefined, links };
  const legacy = verifyLegacyRows(db, walk);
  if (legacy !== undefined) return legacy;
  for (const value of db.prepare('SELECT * FROM segments ORDER BY id').iterate()) {
    const result = verifySegment(value as SegmentRow, walk);
    if (result !== undefined) return result;
  }
  if (head === undefined) return { ok: true, rows: walk.lastId };
  if (walk.headId > walk.lastId) return broken({ id: walk.lastId + 1, segment: null, msgSeqNum: null, receivedAt: null }, 'tail-missing');
  if (walk.hashAtHead === undefined || !walk.hashAtHead.equals(head.last_hash)) {
    // Every message matched its stored links, yet the chain does not end where the last commit
    // recorded: the newest messages were rewritten together with their links. Name the newest ones.
    return broken(walk.headMessage ?? { id: walk.headId, segment: null, msgSeqNum: null, receivedAt: null }, 'hash-mismatch');
  }
  return { ok: true, rows: walk.lastId };
}

/** Schema-1 rows, one link each (hash-chain.ts rowHash). */
function verifyLegacyRows(db: Database.Database, walk: Walk): VerifyResult | undefined {
  for (const value of db.prepare('SELECT * FROM raw_messages ORDER BY id').iterate()) {
    const row = value as RawRow;
    const at: BrokenRow = { id: row.id, segment: null, msgSeqNum: row.msg_seq_num, receivedAt: row.received_at };
    if (row.id !== walk.lastId + 1) return broken(at, 'row-missing', walk.lastId);
    if (row.id === walk.headId + 1) return broken(at, 'row-added');
    const computed = rowHash(walk.prev, {
      id: row.id, sessionId: row.session_id, connectionId: row.connection_id, epoch: row.epoch, msgSeqNum: row.msg_seq_num,
      receivedAt: row.received_at, possDup: row.poss_dup === 1, msgType: row.msg_type, raw: row.raw,
    });
    if (!computed.equals(row.hash)) return broken(at, 'hash-mismatch');
    walk.prev = computed;
    walk.lastId = row.id;
    if (walk.links?.has(row.id) === true) walk.links.set(row.id, computed);
    if (row.id === walk.headId) {
      walk.hashAtHead = computed;
      walk.headMessage = at;
    }
  }
  return undefined;
}

/** Message `index` of a segment as a BrokenRow, with whatever of it can still be read. */
function messageAt(segment: SegmentRow, index: number): BrokenRow {
  const entry = indexEntry(segment.idx, segment.frames, index);
  const frame = frameAt(segment.idx, segment.frames, index);
  return {
    id: segment.id + index,
    segment: { id: segment.id, index },
    msgSeqNum: frame === undefined ? null : seqOfFrame(frame),
    receivedAt: entry === undefined ? null : entry.receivedAt,
  };
}

/**
 * One segment: ids continue the chain, the per-message checks locate a damaged message, and the
 * segment hash (over every stored byte) decides. A mismatch no check explains (the header, the layout
 * or a message with a forged check was changed) names the segment's first message.
 */
function verifySegment(segment: SegmentRow, walk: Walk): VerifyResult | undefined {
  const first = messageAt(segment, 0);
  if (segment.id !== walk.lastId + 1) return broken(first, 'row-missing', walk.lastId);
  if (segment.id === walk.headId + 1) return broken(first, 'row-added');
  const header: SegmentHeader = {
    id: segment.id, sessionId: segment.session_id, connectionId: segment.connection_id, epoch: segment.epoch, count: segment.count,
    firstSeq: segment.first_seq, lastSeq: segment.last_seq, firstReceivedAt: segment.first_received_at, lastReceivedAt: segment.last_received_at,
  };
  const sane = segment.count > 0 && segment.idx.length === segment.count * INDEX_ENTRY_BYTES && segment.hash.length === HASH_BYTES;
  if (!sane) return broken(first, 'hash-mismatch');
  for (let i = 0; i < segment.count; i++) {
    const entry = indexEntry(segment.idx, segment.frames, i);
    if (entry === undefined) return broken(messageAt(segment, i), 'hash-mismatch');
    if (messageCheck(segment.frames.subarray(entry.start, entry.end), entry.receivedAt, segment.id + i) !== entry.check) {
      return broken(messageAt(segment, i), 'hash-mismatch');
    }
  }
  const computed = segmentHash(walk.prev, header, segment.idx, segment.frames);
  if (!computed.equals(segment.hash)) return broken(first, 'hash-mismatch');
  walk.prev = computed;
  walk.lastId = segment.id + segment.count - 1;
  if (walk.links?.has(walk.lastId) === true) walk.links.set(walk.lastId, computed);
  if (walk.headId >= segment.id && walk.headId <= walk.lastId) {
    // A commit always ends a segment, so the head is this segment's last message.
    walk.hashAtHead = walk.headId === walk.lastId ? computed : undefined;
    walk.headMessage = first;
  }
  return undefined;
}
