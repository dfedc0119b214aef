// writer-thread.test.ts — a journal opened with writer: 'thread' commits on a worker thread while the
// caller goes on accepting: the commit policy's promises still hold. Another connection never sees a
// next inbound number that disagrees with the stored messages (read in one snapshot), executions are
// reported only once another connection can read them, a background commit that fails keeps its batch
// ahead of newer messages and makes the next flush() throw, and a writer that falls behind stops the
// caller at two batches (kill -9 rounds are in crash-safety.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { JournalError } from '../../../electron/core/journal/errors.ts';
import { allMessages } from '../../../electron/core/journal/message-reader.ts';
import { assertFailedCommitKeptThenStored, assertStoredInOrder, journalOp, overfill, runOp, T0 } from './commit-fixtures.ts';
import { er, heartbeat, openJournal, storedSeqs, tempDir } from './journal-fixtures.ts';

const fill = (seq: number) => er(seq, { execId: `7;${seq}`, orderId: `ord-${seq}` });

/** Stored MsgSeqNums and the session's next inbound number, read in one transaction of another connection. */
function snapshot(path: string): { seqs: (number | null)[]; nextInbound: number | null } {
  const db = new Database(path, { readonly: true });
  try {
    return db.transaction(() => ({
      seqs: [...allMessages(db)].map((m) => m.msgSeqNum),
      nextInbound: (db.prepare('SELECT next_inbound FROM sessions').pluck().get() as number | null | undefined) ?? null,
    }))();
  } finally {
    db.close();
  }
}

test('writer thread: whatever the order of accepts, flushes, commits and waits, a snapshot shows the number one past the stored messages', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(journalOp(60, true), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 50 }), async (ops, batchMaxMessages) => {
      const dir = tempDir();
      const path = dir.file('j.db');
      const journal = openJournal(path, { commitDelayMs: 3, batchMaxMessages, writer: 'thread' });
      try {
        journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
        let seq = 1;
        for (const op of ops) {
          seq = await runOp(journal, op, seq);
          assert.ok(journal.pendingCount <= 2 * batchMaxMessages, 'at most the batch in flight and one more are held');
          const seen = snapshot(path);
          assertStoredInOrder(seen.seqs);
          assert.equal(seen.nextInbound, seen.seqs.length + 1, 'the stored number matches the stored messages');
        }
        journal.close();
        assert.equal(storedSeqs(path).length, seq - 1, 'close() commits the rest');
      } finally {
        journal.close();
        dir.remove();
      }
    }),
    { numRuns: 20 },
  );
});

test('writer thread: executions are reported once another connection can read them, each once, in order', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const reported: string[] = [];
    const journal = openJournal(path, {
      writer: 'thread',
      batchMaxMessages: 25,
      onCommitted: (records) => {
        const stored = new Set(storedSeqs(path));
        for (const r of records) assert.ok(stored.has(r.msgSeqNum), `${r.execId} reported before it was stored`);
        reported.push(...records.map((r) => r.execId));
      },
    });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    for (let seq = 1; seq <= 300; seq++) {
      journal.accept(fill(seq), seq + 1, T0 + seq);
      if (seq % 40 === 0) {
        journal.flush();
        await yieldToLoop();
      }
    }
    journal.accept(fill(1), 301, T0); // a resent copy of a stored execution: stored raw, not reported again
    journal.close();
    assert.deepEqual(reported, Array.from({ length: 300 }, (_, i) => `7;${i + 1}`));
    assert.equal(storedSeqs(path).length, 301);
  } finally {
    dir.remove();
  }
});

test('writer thread: a background commit that fails is reported, keeps its batch ahead of newer messages, and the next flush() throws', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const errors: unknown[] = [];
    const reported: string[] = [];
    const journal = openJournal(path, { writer: 'thread', commitDelayMs: 5, onCommitError: (e) => errors.push(e), onCommitted: (r) => reported.push(...r.map((x) => x.execId)) });
    overfill(journal, fill);
    journal.flush();
    for (let i = 0; i < 100 && errors.length === 0; i++) await sleep(10);
    assertFailedCommitKeptThenStored(journal, path, fill, errors, reported);
    journal.close();
  } finally {
    dir.remove();
  }
});

test('writer thread: after a failed background commit, accept() at batchMaxMessages commits on the spot and throws', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const errors: unknown[] = [];
    const journal = openJournal(path, { writer: 'thread', batchMaxMessages: 100, onCommitError: (e) => errors.push(e) });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    journal.setMaxPageCount(1);
    for (let seq = 1; seq <= 100; seq++) journal.accept(fill(seq), seq + 1, T0); // the 100th hands the batch off
    for (let i = 0; i < 100 && errors.length === 0; i++) await sleep(10);
    assert.equal(errors.length, 1);
    // The failed batch is queued again, so the next message already fills a batch.
    assert.throws(() => journal.accept(fill(101), 102, T0), (e) => e instanceof JournalError && e.kind === 'disk-full');
    journal.setMaxPageCount(1_000_000);
    journal.close();
    assert.deepEqual(storedSeqs(path), Array.from({ length: 101 }, (_, i) => i + 1));
  } finally {
    dir.remove();
  }
});

test('writer thread: load() waits for the commit in flight and resumes after it', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path, { writer: 'thread', commitDelayMs: 0 });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    for (let seq = 1; seq <= 50; seq++) journal.accept(heartbeat(seq), seq + 1, T0);
    journal.flush(); // handed to the writer thread
    assert.deepEqual(journal.load(), { nextInbound: 51, nextOutbound: 1 });
    journal.close();
  } finally {
    dir.remove();
  }
});
