// message-reader.ts — reads stored raw inbound messages back by id, from segments (schema 2 on) or
// from the raw_messages rows an upgraded journal kept from schema 1. Message ids are continuous across
// both (segment.ts). Never writes, never verifies (verify.ts does); a damaged index yields no message.
import type Database from 'better-sqlite3';
import { frameAt, indexEntry, seqOfFrame } from './segment.ts';

export interface StoredMessage {
  /** Message id: what executions.raw_id, settlements.raw_id and undecodable.raw_id refer to. */
  readonly id: number;
  /** The segment holding it (the id of the segment's first message), or null for a schema-1 row. */
  readonly segmentId: number | null;
  readonly sessionId: number;
  readonly connectionId: number | null;
  readonly epoch: number;
  /** MsgSeqNum(34) as read from the frame; null if the stored bytes lack a readable one. */
  readonly msgSeqNum: number | null;
  readonly receivedAt: number;
  readonly raw: Buffer;
}

interface SegmentRow {
  id: number; session_id: number; connection_id: number | null; epoch: number; count: number; idx: Buffer; frames: Buffer;
}

interface LegacyRow {
  id: number; session_id: number; connection_id: number | null; epoch: number; msg_seq_num: number; received_at: number; raw: Buffer;
}

export class MessageReader {
  readonly #segmentOf: Database.Statement<[number], SegmentRow>;
  readonly #legacy: Database.Statement<[number], LegacyRow>;
  readonly #count: Database.Statement<[], { n: number }>;
  /** The last segment read: lookups of neighbouring messages (an export's details) reuse it. */
  #cached: SegmentRow | undefined;

  constructor(db: Database.Database) {
    this.#segmentOf = db.prepare('SELECT id, session_id, connection_id, epoch, count, idx, frames FROM segments WHERE id <= ? ORDER BY id DESC LIMIT 1');
    this.#legacy = db.prepare('SELECT id, session_id, connection_id, epoch, msg_seq_num, received_at, raw FROM raw_messages WHERE id = ?');
    this.#count = db.prepare('SELECT (SELECT count(*) FROM raw_messages) + (SELECT coalesce(sum(count), 0) FROM segments) AS n');
  }

  /** The message with this id, or undefined. Segments are immutable once committed, so caching one is safe. */
  message(id: number): StoredMessage | undefined {
    let segment = this.#cached;
    if (segment === undefined || id < segment.id || id >= segment.id + segment.count) {
      segment = this.#segmentOf.get(id);
      if (segment !== undefined && id < segment.id + segment.count) this.#cached = segment;
    }
    if (segment !== undefined && id < segment.id + segment.count) return messageOf(segment, id - segment.id);
    const row = this.#legacy.get(id);
    if (row === undefined) return undefined;
    return {
      id: row.id, segmentId: null, sessionId: row.session_id, connectionId: row.connection_id, epoch: row.epoch,
      msgSeqNum: row.msg_seq_num, receivedAt: row.received_at, raw: row.raw,
    };
  }

  /** How many messages are stored. */
  count(): number {
    return this.#count.get()!.n;
  }
}

function messageOf(segment: SegmentRow, index: number): StoredMessage | undefined {
  const entry = indexEntry(segment.idx, segment.frames, index);
  const raw = frameAt(segment.idx, segment.frames, index);
  if (entry === undefined || raw === undefined) return undefined;
  return {
    id: segment.id + index, segmentId: segment.id, sessionId: segment.session_id, connectionId: segment.connection_id,
    epoch: segment.epoch, msgSeqNum: seqOfFrame(raw), receivedAt: entry.receivedAt, raw,
  };
}

/** Every stored message in id order: the schema-1 rows first, then the segments. For tests and tools. */
export function* allMessages(db: Database.Database): IterableIterator<StoredMessage> {
  for (const value of db.prepare('SELECT id, session_id, connection_id, epoch, msg_seq_num, received_at, raw FROM raw_messages ORDER BY id').iterate()) {
    const row = value as LegacyRow;
    yield { id: row.id, segmentId: null, sessionId: row.session_id, connectionId: row.connection_id, epoch: row.epoch, msgSeqNum: row.msg_seq_num, receivedAt: row.received_at, raw: row.raw };
  }
  for (const value of db.prepare('SELECT id, session_id, connection_id, epoch, count, idx, frames FROM segments ORDER BY id').iterate()) {
    const segment = value as SegmentRow;
    for (let i = 0; i < segment.count; i++) {
      const message = messageOf(segment, i);
      if (message !== undefined) yield message;
    }
  }
}
