// journal-errors.test.ts — when the journal cannot write it says why, with one JournalError kind per
// cause (disk full, read-only, corrupt, locked, cannot open), stores nothing half-way, stays readable,
// and resumes once the cause is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describeJournalErrorKind, JournalError, journalErrorKindOf, type JournalErrorKind } from '../../../electron/core/journal/errors.ts';
import { verifyJournal } from '../../../electron/core/journal/verify.ts';
import { acceptAll, er, heartbeat, openJournal, openReportingJournal, tempDir } from './journal-fixtures.ts';

function isJournalError(kind: JournalErrorKind): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof JournalError, `expected a JournalError, got ${String(error)}`);
    assert.equal(error.kind, kind);
    assert.ok(error.message.startsWith(describeJournalErrorKind(kind)), 'the message starts with the sentence for its kind');
    return true;
  };
}

const ers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => er(from + i, { execId: `8;${from + i}`, orderId: `ord-${from + i}` }));

test('every kind has its own sentence, and SQLite codes map to kinds', () => {
  const kinds: JournalErrorKind[] = ['disk-full', 'read-only', 'corrupt', 'locked', 'io-error', 'cannot-open', 'newer-schema'];
  const sentences = kinds.map(describeJournalErrorKind);
  assert.equal(new Set(sentences).size, kinds.length);
  assert.equal(journalErrorKindOf('SQLITE_FULL'), 'disk-full');
  assert.equal(journalErrorKindOf('SQLITE_READONLY_DBMOVED'), 'read-only');
  assert.equal(journalErrorKindOf('SQLITE_CORRUPT'), 'corrupt');
  assert.equal(journalErrorKindOf('SQLITE_NOTADB'), 'corrupt');
  assert.equal(journalErrorKindOf('SQLITE_BUSY'), 'locked');
  assert.equal(journalErrorKindOf('SQLITE_IOERR_WRITE'), 'io-error');
  assert.equal(journalErrorKindOf('SQLITE_CANTOPEN'), 'cannot-open');
  assert.equal(journalErrorKindOf('SQLITE_CONSTRAINT_UNIQUE'), undefined, 'a constraint failure is a bug, not a storage condition');
});

test('disk full: disk-full error, nothing half-stored, still readable, and the same batch commits once space returns', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const { journal, reported } = openReportingJournal(path);
    acceptAll(journal, ers(1, 5));
    journal.commit();
    const db = new Database(path, { readonly: true });
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.close();
    journal.setMaxPageCount(pages + 1);
    acceptAll(journal, ers(6, 400));
    assert.throws(() => journal.commit(), isJournalError('disk-full'));

    assert.equal(journal.pendingCount, 395, 'the batch is kept for a retry');
    assert.equal(journal.executionCount(), 5, 'readers see the last commit');
    const other = openJournal(path);
    assert.deepEqual(other.load(), { nextInbound: 6, nextOutbound: 1 }, 'the sequence did not move without its messages');
    other.close();
    assert.deepEqual(verifyJournal(path), { ok: true, rows: 5 });

    journal.setMaxPageCount(1_000_000);
    journal.commit();
    assert.equal(journal.executionCount(), 400);
    assert.deepEqual(reported, Array.from({ length: 400 }, (_, i) => `8;${i + 1}`), 'each execution reported exactly once');
    journal.close();
    assert.deepEqual(verifyJournal(path), { ok: true, rows: 400 });
  } finally {
    dir.remove();
  }
});

test('disk full: a restarted recorder resumes from the stored number and the resent messages are stored once', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, ers(1, 3));
    journal.commit();
    journal.setMaxPageCount(1);
    acceptAll(journal, ers(4, 600));
    assert.throws(() => journal.close(), isJournalError('disk-full'));

    const restarted = openJournal(path);
    const resume = restarted.load();
    assert.deepEqual(resume, { nextInbound: 4, nextOutbound: 1 });
    acceptAll(restarted, ers(resume.nextInbound, 600)); // KalshiRT resends from 4
    restarted.close();
    const reader = openJournal(path);
    assert.equal(reader.executionCount(), 600);
    assert.equal(reader.reader.rawMessageCount(), 600);
    reader.close();
  } finally {
    dir.remove();
  }
});

test('read-only: a journal opened read-only loads and reads but refuses to commit', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const writer = openJournal(path);
    writer.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(writer, ers(1, 2));
    writer.close();

    const journal = openJournal(path, { readOnly: true });
    assert.deepEqual(journal.load(), { nextInbound: 3, nextOutbound: 1 });
    assert.equal(journal.executionCount(), 2);
    acceptAll(journal, ers(3, 4));
    assert.throws(() => journal.commit(), isJournalError('read-only'));
    assert.throws(() => journal.close(), isJournalError('read-only'));
    assert.equal(openJournal(path, { readOnly: true }).executionCount(), 2);
  } finally {
    dir.remove();
  }
});

test('read-only: a write-protected file cannot be opened for recording', { skip: process.getuid?.() === 0 ? 'root ignores file permissions' : false }, () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    openJournal(path).close();
    chmodSync(path, 0o444);
    chmodSync(dir.path, 0o555);
    try {
      assert.throws(() => openJournal(path), isJournalError('read-only'));
    } finally {
      chmodSync(dir.path, 0o755);
    }
  } finally {
    dir.remove();
  }
});

test('corrupt: a file that is not a database, and a journal whose pages were overwritten', () => {
  const dir = tempDir();
  try {
    const garbage = dir.file('garbage.db');
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    assert.throws(() => openJournal(garbage), isJournalError('corrupt'));

    const damaged = dir.file('damaged.db');
    const writer = openJournal(damaged);
    writer.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(writer, ers(1, 50));
    writer.close();
    const bytes = readFileSync(damaged);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize); // keep page 1 (header + schema), wreck every other page
    writeFileSync(damaged, bytes);
    assert.throws(() => { const j = openJournal(damaged); j.load(); j.close(); }, isJournalError('corrupt'));
  } finally {
    dir.remove();
  }
});

test('locked: another writer holding the lock past the timeout gives locked; the retry succeeds once it lets go', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path, { busyTimeoutMs: 20 });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    acceptAll(journal, [heartbeat(1), heartbeat(2)]);
    assert.throws(() => journal.commit(), isJournalError('locked'));
    other.exec('ROLLBACK');
    other.close();
    journal.commit();
    assert.deepEqual(journal.load(), { nextInbound: 3, nextOutbound: 1 });
    journal.close();
  } finally {
    dir.remove();
  }
});

test('cannot-open: a journal in a folder that does not exist', () => {
  const dir = tempDir();
  try {
    assert.throws(() => openJournal(dir.file('missing/j.db')), isJournalError('cannot-open'));
    assert.throws(() => openJournal(dir.file('absent.db'), { readOnly: true }), isJournalError('cannot-open'));
  } finally {
    dir.remove();
  }
});
