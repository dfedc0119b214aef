// commit-policy.test.ts — when the journal commits: flush() (after each socket chunk) may hold messages
// for up to commitDelayMs so a burst of small chunks commits together; commit(), close() and the
// sequence writes commit at once; a deferred commit that fails is reported and makes the next flush()
// throw. Whatever the policy, another connection never sees a next inbound number ahead of the stored
// messages (property-tested over random sequences of accept/flush/commit/wait).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { assertFailedCommitKeptThenStored, assertStoredInOrder, journalOp, overfill, runOp, T0 } from './commit-fixtures.ts';
import { BURST_BATCH_MESSAGES } from '../../../electron/core/journal/batch-writer.ts';
import { BURST_AUTOCHECKPOINT_PAGES, WAL_AUTOCHECKPOINT_PAGES } from '../../../electron/core/journal/open-database.ts';
import { er, heartbeat, openJournal, storedSeqs, tempDir } from './journal-fixtures.ts';

const fill = (seq: number) => er(seq, { execId: `5;${seq}`, orderId: `ord-${seq}` });

test('flush() holds a small batch for commitDelayMs, then one commit stores every chunk of it', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const commits: string[][] = [];
    const journal = openJournal(path, { commitDelayMs: 30, onCommitted: (r) => commits.push(r.map((x) => x.execId)) });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    for (let seq = 1; seq <= 6; seq++) {
      journal.accept(fill(seq), seq + 1, T0);
      if (seq % 2 === 0) journal.flush(); // three socket chunks of two messages
    }
    assert.deepEqual(storedSeqs(path), [], 'nothing is committed yet');
    assert.equal(journal.pendingCount, 6);
    const other = openJournal(path);
    assert.deepEqual(other.load(), { nextInbound: 1, nextOutbound: 1 }, 'the stored number did not move either');
    await sleep(80);
    assert.deepEqual(commits, [['5;1', '5;2', '5;3', '5;4', '5;5', '5;6']], 'one commit, reported once');
    assert.deepEqual(storedSeqs(path), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(other.load(), { nextInbound: 7, nextOutbound: 1 });
    other.close();
    journal.close();
  } finally {
    dir.remove();
  }
});

test('flush() commits at once once the oldest queued message has waited commitDelayMs', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path, { commitDelayMs: 20 });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    journal.accept(heartbeat(1), 2, T0);
    await sleep(25);
    journal.accept(heartbeat(2), 3, T0);
    journal.flush();
    assert.deepEqual(storedSeqs(path), [1, 2], 'committed by flush() itself');
    journal.close();
  } finally {
    dir.remove();
  }
});

const PAGE_BYTES = 16_384;

/**
 * `commits` commits of `perCommit` executions each (many orders and markets, so every commit dirties
 * index pages all over); the -wal file's size after them, which is the most the flow ever wrote between
 * two checkpoints (the file is reused from its start after one), and whether every message was stored.
 */
function walAfterFlow(commits: number, perCommit: number): { walBytes: number; allStored: boolean } {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path, { commitDelayMs: 0 });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    let seq = 1;
    for (let commit = 0; commit < commits; commit++) {
      for (let i = 0; i < perCommit; i++, seq++) {
        journal.accept(er(seq, { execId: `5;${seq}`, orderId: `ord-${seq % 997}`, symbol: `KXTEST-26DEC02-B${seq % 53}` }), seq + 1, T0 + seq);
      }
      journal.flush();
    }
    const walBytes = statSync(`${path}-wal`).size;
    journal.close();
    return { walBytes, allStored: storedSeqs(path).length === seq - 1 };
  } finally {
    dir.remove();
  }
}

test('a steady flow of small commits keeps the WAL small: each checkpoint copies a few MiB, not a second of flow', () => {
  // A checkpoint runs inside the commit that crosses wal_autocheckpoint, so the WAL's size bounds how
  // long such a commit stalls the flow (open-database.ts).
  const { walBytes, allStored } = walAfterFlow(500, 5);
  assert.ok(allStored, 'every message stored');
  assert.ok(walBytes > WAL_AUTOCHECKPOINT_PAGES * PAGE_BYTES / 2, `the flow wrote well past a checkpoint's worth (WAL ${walBytes} B)`);
  assert.ok(walBytes <= (WAL_AUTOCHECKPOINT_PAGES + 64) * PAGE_BYTES, `WAL ${walBytes} B: more than ${WAL_AUTOCHECKPOINT_PAGES} pages between checkpoints`);
});

test('a catch-up\'s big batches let the WAL grow past the steady limit: fewer, larger checkpoints', () => {
  const { walBytes, allStored } = walAfterFlow(10, BURST_BATCH_MESSAGES * 2);
  assert.ok(allStored, 'every message stored');
  assert.ok(walBytes > (WAL_AUTOCHECKPOINT_PAGES + 64) * PAGE_BYTES, `WAL ${walBytes} B: checkpointed at the steady flow's limit during a catch-up`);
  assert.ok(walBytes <= (BURST_AUTOCHECKPOINT_PAGES + 256) * PAGE_BYTES, `WAL ${walBytes} B`);
});

test('commitDelayMs 0: every flush() commits; commit() commits whatever the delay', () => {
  const dir = tempDir();
  try {
    const eager = openJournal(dir.file('a.db'), { commitDelayMs: 0 });
    eager.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    eager.accept(heartbeat(1), 2, T0);
    eager.flush();
    assert.deepEqual(storedSeqs(dir.file('a.db')), [1]);
    eager.close();

    const lazy = openJournal(dir.file('b.db'), { commitDelayMs: 60_000 });
    lazy.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    lazy.accept(heartbeat(1), 2, T0);
    lazy.flush();
    assert.deepEqual(storedSeqs(dir.file('b.db')), []);
    lazy.commit();
    assert.deepEqual(storedSeqs(dir.file('b.db')), [1]);
    lazy.accept(heartbeat(2), 3, T0);
    lazy.flush();
    lazy.close(); // commits and cancels the timer (a pending timer would keep this test alive for a minute)
    assert.deepEqual(storedSeqs(dir.file('b.db')), [1, 2]);
  } finally {
    dir.remove();
  }
});

test('socket reads that bring a backlog, burstReads in a row, stretch the batch to burstDelayMs (or batchMaxMessages); small reads keep commitDelayMs', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const commits: number[] = [];
    const journal = openJournal(path, { commitDelayMs: 10, burstDelayMs: 150, burstReadMessages: 8, burstReads: 2, batchMaxMessages: 40, onCommitted: (r) => commits.push(r.length) });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    let seq = 1;
    const read = (n: number) => {
      for (let i = 0; i < n; i++, seq++) journal.accept(fill(seq), seq + 1, T0);
      journal.flush();
    };
    read(2); // a trickle: commits within commitDelayMs
    await sleep(60);
    assert.deepEqual(commits, [2]);
    read(10); // one big read (what a stall leaves behind in a steady flow): no stretch
    await sleep(60);
    assert.deepEqual(commits, [2, 10], 'one big read commits within commitDelayMs');
    read(2); // the flow is back to normal: the run of big reads ends
    await sleep(60);
    assert.deepEqual(commits, [2, 10, 2]);
    read(10);
    read(10); // two big reads in a row: a backlog, the batch may wait for more
    await sleep(60);
    assert.deepEqual(commits, [2, 10, 2], 'still queued after commitDelayMs');
    assert.equal(journal.pendingCount, 20);
    read(10);
    read(10); // 40 pending: batchMaxMessages commits at once
    assert.deepEqual(commits, [2, 10, 2, 40]);
    read(10); // still in the run of big reads
    await sleep(60);
    assert.deepEqual(commits, [2, 10, 2, 40], 'the burst goes on');
    await sleep(190);
    assert.deepEqual(commits, [2, 10, 2, 40, 10], 'committed by burstDelayMs');
    read(2); // the backlog is drained: a small read ends the run
    await sleep(60);
    assert.deepEqual(commits, [2, 10, 2, 40, 10, 2]);
    assert.equal(storedSeqs(path).length, 66);
    journal.close();
  } finally {
    dir.remove();
  }
});

test('load() drops queued messages and their timer: nothing of them is committed later', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path, { commitDelayMs: 10 });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    journal.accept(heartbeat(1), 2, T0);
    journal.flush();
    assert.deepEqual(journal.load(), { nextInbound: 1, nextOutbound: 1 });
    await sleep(40);
    assert.deepEqual(storedSeqs(path), []);
    journal.close();
  } finally {
    dir.remove();
  }
});

test('a deferred commit that fails is reported, keeps the batch, and the next flush() throws; it commits once space returns', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const errors: unknown[] = [];
    const reported: string[] = [];
    // A delay long enough that accepting 200 messages on a loaded machine never reaches it before the
    // first flush() (which must defer), short enough to wait for.
    const journal = openJournal(path, { commitDelayMs: 1_000, onCommitError: (e) => errors.push(e), onCommitted: (r) => reported.push(...r.map((x) => x.execId)) });
    overfill(journal, fill);
    journal.flush();
    await sleep(1_500); // the timer's commit fails
    assertFailedCommitKeptThenStored(journal, path, fill, errors, reported);
    journal.close();
  } finally {
    dir.remove();
  }
});

test('whatever the order of accepts, flushes, commits and waits, the stored number is one past the stored messages', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(journalOp(30, false), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 50 }), async (ops, batchMaxMessages) => {
      const dir = tempDir();
      const path = dir.file('j.db');
      const journal = openJournal(path, { commitDelayMs: 3, batchMaxMessages });
      const observer = openJournal(path);
      try {
        journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
        let seq = 1;
        for (const op of ops) {
          seq = await runOp(journal, op, seq);
          const stored = storedSeqs(path);
          assertStoredInOrder(stored);
          assert.equal(observer.load()?.nextInbound, stored.length + 1, 'the stored number matches the stored messages');
        }
        journal.close();
        assert.equal(storedSeqs(path).length, seq - 1, 'close() commits the rest');
      } finally {
        journal.close();
        observer.close();
        dir.remove();
      }
    }),
    { numRuns: 20 },
  );
});
