// journal-tamper.ts — what a tamperer (or a bad disk) does to a journal file, for the tests of
// verifyJournal: change a stored message's bytes or receive time, with or without fixing up its
// per-message check. Works on an open better-sqlite3 handle, with no regard for the journal's rules.
import type Database from 'better-sqlite3';
import { INDEX_ENTRY_BYTES, indexEntry, messageCheck } from '../../../electron/core/journal/segment.ts';

export interface SegmentRow {
  id: number; session_id: number; connection_id: number | null; epoch: number; count: number; first_seq: number; last_seq: number;
  first_received_at: number; last_received_at: number; hash: Buffer; idx: Buffer; frames: Buffer;
}

/** The segment holding message `id`. */
export function segmentOf(db: Database.Database, id: number): SegmentRow {
  const row = db.prepare('SELECT * FROM segments WHERE id <= ? ORDER BY id DESC LIMIT 1').get(id) as SegmentRow | undefined;
  if (row === undefined || id >= row.id + row.count) throw new Error(`No segment holds message ${id}.`);
  return row;
}

/**
 * XORs `mask` into the byte at `at` of message `id` (negative `at` counts from the frame's end). With
 * `fixCheck` the message's CRC is recomputed, as a tamperer who knows the format would.
 */
export function flipMessageByte(db: Database.Database, id: number, at: number, mask = 0x01, fixCheck = false): void {
  const segment = segmentOf(db, id);
  const index = id - segment.id;
  const entry = indexEntry(segment.idx, segment.frames, index)!;
  const frames = Buffer.from(segment.frames);
  const offset = at >= 0 ? entry.start + at : entry.end + at;
  frames[offset] = frames[offset]! ^ mask;
  const idx = Buffer.from(segment.idx);
  if (fixCheck) idx.writeUInt32BE(messageCheck(frames.subarray(entry.start, entry.end), entry.receivedAt, id), index * INDEX_ENTRY_BYTES + 4);
  db.prepare('UPDATE segments SET frames = ?, idx = ? WHERE id = ?').run(frames, idx, segment.id);
}

/** Sets the stored receive time of message `id` (its index entry), leaving its check as it was. */
export function setReceivedAt(db: Database.Database, id: number, receivedAt: number): void {
  const segment = segmentOf(db, id);
  const idx = Buffer.from(segment.idx);
  idx.writeBigUInt64BE(BigInt(receivedAt), (id - segment.id) * INDEX_ENTRY_BYTES + 8);
  db.prepare('UPDATE segments SET idx = ? WHERE id = ?').run(idx, segment.id);
}
