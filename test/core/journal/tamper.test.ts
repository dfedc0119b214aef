// tamper.test.ts — verifyJournal recomputes the hash chain and names the first row that was changed,
// removed or added behind the journal's back, whether through SQL or by editing the file's bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { rowHash } from '../../../electron/core/journal/hash-chain.ts';
import { verifyJournal, type BrokenRow, type VerifyResult } from '../../../electron/core/journal/verify.ts';
import { acceptAll, er, heartbeat, openJournal, tempDir } from './journal-fixtures.ts';

const RECEIVED_AT = 1_790_000_000_000;

/** A closed journal with 20 messages (seq 1..20; ids equal seqs), committed in three batches. */
function journalWith20(path: string): void {
  const journal = openJournal(path);
  journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
  const messages = Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? heartbeat(i + 1) : er(i + 1, { execId: `77;${i + 1}` })));
  acceptAll(journal, messages.slice(0, 7), RECEIVED_AT);
  journal.flush();
  acceptAll(journal, messages.slice(7, 15), RECEIVED_AT);
  journal.flush();
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

/** Row `id` (seq = id, received at RECEIVED_AT + id unless given) is the first broken one. */
function assertBrokenAt(result: VerifyResult, reason: string, row: BrokenRow, rowsBefore = row.id - 1): void {
  assert.equal(result.ok, false, 'verification fails');
  if (result.ok) return;
  assert.equal(result.reason, reason);
  assert.deepEqual(result.firstBrokenRow, row);
  assert.equal(result.rows, rowsBefore, 'rows before the break verified');
}

const rowAt = (id: number, msgSeqNum = id): BrokenRow => ({ id, msgSeqNum, receivedAt: RECEIVED_AT + id });

function scenario(name: string, tamper: (db: Database.Database, path: string) => void, check: (result: VerifyResult) => void): void {
  test(name, () => {
    const dir = tempDir();
    try {
      const path = dir.file('j.db');
      journalWith20(path);
      assert.deepEqual(verifyJournal(path), { ok: true, rows: 20 });
      withDb(path, (db) => tamper(db, path));
      check(verifyJournal(path));
    } finally {
      dir.remove();
    }
  });
}

scenario('one flipped byte in one raw message (SQL update) names exactly that row', (db) => {
  const raw = db.prepare('SELECT raw FROM raw_messages WHERE id = 9').pluck().get() as Buffer;
  raw[raw.length - 20] = raw[raw.length - 20]! ^ 0x01;
  db.prepare('UPDATE raw_messages SET raw = ? WHERE id = 9').run(raw);
}, (result) => assertBrokenAt(result, 'hash-mismatch', rowAt(9)));

test('one flipped byte in the file itself names exactly that row', () => {
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

scenario('a changed field (MsgSeqNum) of a row is detected', (db) => {
  db.prepare('UPDATE raw_messages SET msg_seq_num = 99 WHERE id = 4').run();
}, (result) => assertBrokenAt(result, 'hash-mismatch', rowAt(4, 99)));

scenario('a removed row names the row after the hole', (db) => {
  db.prepare('DELETE FROM raw_messages WHERE id = 12').run();
}, (result) => assertBrokenAt(result, 'row-missing', rowAt(13), 11));

scenario('removing the newest rows is detected through the chain head', (db) => {
  db.pragma('foreign_keys = OFF'); // a tamperer is not bound by our constraints
  db.prepare('DELETE FROM raw_messages WHERE id >= 18').run();
}, (result) => assertBrokenAt(result, 'tail-missing', { id: 18, msgSeqNum: null, receivedAt: null }));

scenario('a row appended outside the journal, even with a correct hash, is detected', (db) => {
  const last = db.prepare('SELECT hash FROM raw_messages WHERE id = 20').pluck().get() as Buffer;
  const raw = heartbeat(21).raw;
  const fields = { id: 21, sessionId: 1, connectionId: null, epoch: 0, msgSeqNum: 21, receivedAt: RECEIVED_AT + 21, possDup: false, msgType: '0', raw };
  db.prepare('INSERT INTO raw_messages (id, session_id, connection_id, epoch, msg_seq_num, msg_type, poss_dup, received_at, raw, hash) VALUES (21, 1, NULL, 0, 21, ?, 0, ?, ?, ?)')
    .run('0', RECEIVED_AT + 21, raw, rowHash(last, fields));
}, (result) => assertBrokenAt(result, 'row-added', rowAt(21)));

scenario('rewriting the newest row together with its hash is still detected', (db) => {
  const prev = db.prepare('SELECT hash FROM raw_messages WHERE id = 19').pluck().get() as Buffer;
  const raw = er(20, { execId: '77;20', lastQty: '900.00' }).raw;
  const fields = { id: 20, sessionId: 1, connectionId: null, epoch: 0, msgSeqNum: 20, receivedAt: RECEIVED_AT + 20, possDup: false, msgType: '8', raw };
  db.prepare("UPDATE raw_messages SET raw = ?, msg_type = '8', hash = ? WHERE id = 20").run(raw, rowHash(prev, fields));
}, (result) => assertBrokenAt(result, 'hash-mismatch', rowAt(20)));
