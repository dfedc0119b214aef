// migration-0001.test.ts — the initial schema: every table exists and is STRICT, the file is marked as a
// Fillwatch journal, and the chain head starts at the genesis hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { FILLWATCH_APPLICATION_ID, migrate0001 } from '../../../electron/core/journal/migrations/0001-init.ts';
import { tempDir } from './journal-fixtures.ts';

const TABLES = ['chain_head', 'connections', 'exec_id_heads', 'executions', 'orders', 'raw_messages', 'sessions', 'settlements', 'undecodable'];

function migratedDb(): { db: Database.Database; done: () => void } {
  const dir = tempDir();
  const db = new Database(dir.file('j.db'));
  migrate0001(db);
  return { db, done: () => { db.close(); dir.remove(); } };
}

test('0001 creates every journal table, all STRICT', () => {
  const { db, done } = migratedDb();
  try {
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; strict: number }[];
    assert.deepEqual(tables.map((t) => t.name), TABLES);
    for (const t of tables) assert.equal(t.strict, 1, `${t.name} is STRICT`);
  } finally {
    done();
  }
});

test('0001 marks the file as a Fillwatch journal and seeds the chain head with the genesis hash', () => {
  const { db, done } = migratedDb();
  try {
    assert.equal(db.pragma('application_id', { simple: true }), FILLWATCH_APPLICATION_ID);
    const head = db.prepare('SELECT last_raw_id, last_hash FROM chain_head').all() as { last_raw_id: number; last_hash: Buffer }[];
    assert.equal(head.length, 1);
    assert.equal(head[0]!.last_raw_id, 0);
    assert.deepEqual(head[0]!.last_hash, Buffer.alloc(32));
  } finally {
    done();
  }
});

test('0001 tables reject values of the wrong type (STRICT) and duplicate ExecIDs (UNIQUE)', () => {
  const { db, done } = migratedDb();
  try {
    assert.throws(() => db.prepare("INSERT INTO sessions (sender_comp_id, target_comp_id, next_inbound) VALUES ('a', 'b', 'seven')").run(), /cannot store TEXT value in INTEGER column/);
    db.prepare("INSERT INTO sessions (sender_comp_id, target_comp_id) VALUES ('a', 'b')").run();
    db.prepare("INSERT INTO raw_messages (id, session_id, epoch, msg_seq_num, msg_type, poss_dup, received_at, raw, hash) VALUES (1, 1, 0, 1, '8', 0, 0, x'00', x'00')").run();
    const insert = db.prepare(
      "INSERT INTO executions (exec_key, exec_id, order_id, cl_ord_id, symbol, side, exec_type, ord_status, cum_qty, leaves_qty, avg_px, event_at, msg_seq_num, poss_dup, received_at, raw_id) VALUES ('4;7', '4;7', 'o', 'c', 'S', '1', 'F', '1', '1', '0', '0.4', 0, 1, 0, 0, 1)",
    );
    insert.run();
    assert.throws(() => insert.run(), /UNIQUE constraint failed: executions.exec_key/);
  } finally {
    done();
  }
});
