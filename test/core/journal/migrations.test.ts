// migrations.test.ts — the migration runner: versions via PRAGMA user_version, each migration applied
// once (reopening never re-runs one), newer files and foreign SQLite files refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { JournalError } from '../../../electron/core/journal/errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, runMigrations, type Migration } from '../../../electron/core/journal/migrations/index.ts';
import { openJournalDatabase } from '../../../electron/core/journal/open-database.ts';
import { tempDir } from './journal-fixtures.ts';

test('the migration list is numbered 1, 2, 3… without gaps', () => {
  assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
  assert.equal(LATEST_SCHEMA_VERSION, MIGRATIONS.length);
});

test('runMigrations applies each pending migration once, in order, and records the version', () => {
  const dir = tempDir();
  const db = new Database(dir.file('m.db'));
  try {
    const calls: number[] = [];
    const list: Migration[] = [1, 2, 3].map((version) => ({ version, name: `m${version}`, up: (d) => { calls.push(version); d.exec(`CREATE TABLE t${version} (x INTEGER) STRICT`); } }));
    assert.deepEqual(runMigrations(db, list.slice(0, 2)), { from: 0, to: 2 });
    assert.deepEqual(calls, [1, 2]);
    assert.deepEqual(runMigrations(db, list), { from: 2, to: 3 }, 'a later build only runs the new one');
    assert.deepEqual(calls, [1, 2, 3]);
    assert.deepEqual(runMigrations(db, list), { from: 3, to: 3 });
    assert.deepEqual(calls, [1, 2, 3], 'nothing re-runs');
  } finally {
    db.close();
    dir.remove();
  }
});

test('a failing migration leaves the previous version and no partial tables', () => {
  const dir = tempDir();
  const db = new Database(dir.file('m.db'));
  try {
    const list: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: 'boom', up: (d) => { d.exec('CREATE TABLE b (x INTEGER) STRICT'); throw new Error('boom'); } },
    ];
    assert.throws(() => runMigrations(db, list), /boom/);
    assert.equal(db.pragma('user_version', { simple: true }), 1);
    assert.equal((db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'b'").get() as { n: number }).n, 0);
  } finally {
    db.close();
    dir.remove();
  }
});

test('reopening a journal keeps its data and does not re-run migrations', () => {
  const dir = tempDir();
  try {
    const first = openJournalDatabase(dir.file('j.db'));
    first.prepare("INSERT INTO sessions (sender_comp_id, target_comp_id, next_inbound) VALUES ('k', 'KalshiRT', 42)").run();
    first.close();
    const again = openJournalDatabase(dir.file('j.db'));
    try {
      assert.equal(again.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
      assert.deepEqual(again.prepare('SELECT next_inbound FROM sessions').all(), [{ next_inbound: 42 }]);
      assert.equal((again.prepare('SELECT count(*) AS n FROM chain_head').get() as { n: number }).n, 1, 'seed rows are not inserted twice');
    } finally {
      again.close();
    }
  } finally {
    dir.remove();
  }
});

test('a journal from a newer Fillwatch is refused with newer-schema', () => {
  const dir = tempDir();
  try {
    const db = openJournalDatabase(dir.file('j.db'));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(() => openJournalDatabase(dir.file('j.db')), (e) => e instanceof JournalError && e.kind === 'newer-schema');
  } finally {
    dir.remove();
  }
});

test('another application\'s SQLite file is refused as corrupt and left untouched', () => {
  const dir = tempDir();
  try {
    const other = new Database(dir.file('other.db'));
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    assert.throws(() => openJournalDatabase(dir.file('other.db')), (e) => e instanceof JournalError && e.kind === 'corrupt');
    const check = new Database(dir.file('other.db'), { readonly: true });
    const names = check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    check.close();
    assert.deepEqual(names, ['notes']);
  } finally {
    dir.remove();
  }
});
