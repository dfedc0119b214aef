// tamper.test.ts — verifyJournal recomputes the hash chain and names the first message that was
// changed, removed or added behind the journal's back, whether through SQL or by editing the file's
// bytes. Messages live in segments (one per commit); the test journal has three.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { buildSegment } from '../../../electron/core/journal/segment.ts';
import { verifyJournal, type BrokenRow, type VerifyResult } from '../../../electron/core/journal/verify.ts';
import { acceptAll, er, heartbeat, openJournal, tempDir } from './journal-fixtures.ts';
import { flipMessageByte, segmentOf, setReceivedAt } from './journal-tamper.ts';

const RECEIVED_AT = 1_790_000_000_000;
/** The first message id of each segment of journalWith20 (commits of 7, 8 and 5 messages). */
const SEGMENTS = [1, 8, 16];

/** A closed journal with 20 messages (seq 1..20; ids equal seqs), committed in three batches. */
function journalWith20(path: string): void {
  const journal = openJournal(path);
  journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
  const messages = Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? heartbeat(i + 1) : er(i + 1, { execId: `77;${i + 1}` })));
  acceptAll(journal, messages.slice(0, 7), RECEIVED_AT);
  journal.commit();
  acceptAll(journal, messages.slice(7, 15), RECEIVED_AT);
  journal.commit();
  acceptAll(journal, messages.slice(15), RECEIVED_AT);
  journal.close();
}

function withDb(path: string, work: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    work(db);
  } finally {
    db.close();
  }
}

function assertBrokenAt(result: VerifyResult, reason: string, row: BrokenRow, rowsBefore = row.id - 1): void {
  assert.equal(result.ok, false, 'verification fails');
  if (result.ok) return;
  assert.equal(result.reason, reason);
  assert.deepEqual(result.firstBrokenRow, row);
  assert.equal(result.rows, rowsBefore, 'messages before the break verified');
}

/** Message `id` as verify names it (seq = id, received at RECEIVED_AT + id unless given). */
function rowAt(id: number, receivedAt = RECEIVED_AT + id): BrokenRow {
  const segmentId = SEGMENTS.filter((s) => s <= id).at(-1)!;
  return { id, segment: { id: segmentId, index: id - segmentId }, msgSeqNum: id, receivedAt };
}

function scenario(name: string, tamper: (db: Database.Database) => void, check: (result: VerifyResult) => void): void {
  test(name, () => {
    const dir = tempDir();
    try {
      const path = dir.file('j.db');
      journalWith20(path);
      assert.deepEqual(verifyJournal(path), { ok: true, rows: 20 });
      withDb(path, tamper);
      check(verifyJournal(path));
    } finally {
      dir.remove();
    }
  });
}

scenario('one flipped byte in one message (SQL update of its segment) names exactly that message', (db) => {
  flipMessageByte(db, 9, -20);
}, (result) => assertBrokenAt(result, 'hash-mismatch', rowAt(9)));

test('one flipped byte in the file itself names exactly that message', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    journalWith20(path); // closed: the WAL is checkpointed into the file
    const bytes = readFileSync(path);
    const needle = Buffer.from('\x0117=77;14\x01', 'latin1'); // the ExecID field of seq 14's raw bytes
    const at = bytes.indexOf(needle);
    assert.ok(at > 0 && bytes.indexOf(needle, at + 1) < 0, 'the field occurs once in the file');
    bytes[at + 5] = bytes[at + 5]! ^ 0x04; // '7' -> '3' inside the raw message
    writeFileSync(path, bytes);
    assertBrokenAt(verifyJournal(path), 'hash-mismatch', rowAt(14));
  } finally {
    dir.remove();
  }
});

scenario('a changed receive time of one message names that message', (db) => {
  setReceivedAt(db, 4, RECEIVED_AT + 99);
}, (result) => assertBrokenAt(result, 'hash-mismatch', rowAt(4, RECEIVED_AT + 99)));

scenario("a changed field of a segment's header names the segment's first message", (db) => {
  db.prepare('UPDATE segments SET last_seq = 99 WHERE id = 8').run();
}, (result) => assertBrokenAt(result, 'hash-mismatch', rowAt(8)));

scenario("a message rewritten together with its check is caught by the segment hash, named at the segment's start", (db) => {
  flipMessageByte(db, 12, -20, 0x01, true);
}, (result) => assertBrokenAt(result, 'hash-mismatch', rowAt(8)));

scenario('a removed segment names the first message after the hole', (db) => {
  db.prepare('DELETE FROM segments WHERE id = 8').run();
}, (result) => assertBrokenAt(result, 'row-missing', rowAt(16), 7));

scenario('removing the newest messages is detected through the chain head', (db) => {
  db.prepare('DELETE FROM segments WHERE id = 16').run();
}, (result) => assertBrokenAt(result, 'tail-missing', { id: 16, segment: null, msgSeqNum: null, receivedAt: null }));

scenario('a segment appended outside the journal, even with a correct hash, is detected', (db) => {
  const last = segmentOf(db, 20);
  const message = { raw: heartbeat(21).raw, msgSeqNum: 21, receivedAt: RECEIVED_AT + 21 };
  const s = buildSegment(last.hash, { id: 21, sessionId: 1, connectionId: null, epoch: 0 }, [message]);
  const h = s.header;
  db.prepare('INSERT INTO segments VALUES (?,?,?,?,?,?,?,?,?,?,?,?)')
    .run(h.id, h.sessionId, h.connectionId, h.epoch, h.count, h.firstSeq, h.lastSeq, h.firstReceivedAt, h.lastReceivedAt, s.hash, s.index, s.frames);
}, (result) => assertBrokenAt(result, 'row-added', { id: 21, segment: { id: 21, index: 0 }, msgSeqNum: 21, receivedAt: RECEIVED_AT + 21 }));

scenario('rewriting the newest segment together with its hash is still detected', (db) => {
  const prev = segmentOf(db, 15).hash;
  const newest = segmentOf(db, 16);
  const messages = [16, 17, 18, 19, 20].map((seq) => ({
    raw: seq === 20 ? heartbeat(20).raw : er(seq, { execId: `77;${seq}`, lastQty: '900.00' }).raw,
    msgSeqNum: seq,
    receivedAt: RECEIVED_AT + seq,
  }));
  const s = buildSegment(prev, { id: 16, sessionId: newest.session_id, connectionId: newest.connection_id, epoch: newest.epoch }, messages);
  db.prepare('UPDATE segments SET idx = ?, frames = ?, hash = ? WHERE id = 16').run(s.index, s.frames, s.hash);
}, (result) => assertBrokenAt(result, 'hash-mismatch', rowAt(16)));
