// group-commit.test.ts — messages are committed in batches, and the expected inbound number moves only
// together with the messages it covers: what was not flushed does not exist after a reopen, and what
// was flushed is all there, with the number right after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import { acceptAll, er, heartbeat, openJournal, SESSION, storedMessages, storedSeqs, tempDir } from './journal-fixtures.ts';

test('a fresh session has no numbers; after a reset and a flush they are persisted', () => {
  const dir = tempDir();
  try {
    const journal = openJournal(dir.file('j.db'));
    assert.equal(journal.load(), undefined);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    journal.setNextOutbound(2);
    journal.close();
    const again = openJournal(dir.file('j.db'));
    assert.deepEqual(again.load(), { nextInbound: 1, nextOutbound: 2 });
    again.close();
  } finally {
    dir.remove();
  }
});

test('the expected inbound number is committed with the messages, and not before', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const writer = openJournal(path);
    writer.resetSequences({ nextInbound: 1, nextOutbound: 2 });
    acceptAll(writer, [er(1, { execId: '4;1' }), heartbeat(2), er(3, { execId: '4;2' })]);
    writer.commit();
    acceptAll(writer, [er(4, { execId: '4;3' }), er(5, { execId: '4;4' })]);
    assert.equal(writer.pendingCount, 2);

    // A second process (a restart after a crash) sees only the committed batch.
    const restarted = openJournal(path);
    assert.deepEqual(restarted.load(), { nextInbound: 4, nextOutbound: 2 });
    assert.deepEqual(storedSeqs(path), [1, 2, 3]);
    assert.deepEqual([...restarted.knownExecIds()].sort(), ['4;1', '4;2']);

    writer.commit();
    assert.deepEqual(restarted.load(), { nextInbound: 6, nextOutbound: 2 });
    assert.deepEqual(storedSeqs(path), [1, 2, 3, 4, 5]);
    restarted.close();
    writer.close();
  } finally {
    dir.remove();
  }
});

test('accept() commits by itself when the batch reaches batchMaxMessages', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const committed: string[][] = [];
    const journal = openJournal(path, { batchMaxMessages: 3, onCommitted: (records) => committed.push(records.map((r) => r.execId)) });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [1, 2, 3, 4, 5, 6, 7].map((seq) => er(seq, { execId: `9;${seq}` })));
    assert.equal(journal.pendingCount, 1);
    assert.deepEqual(committed, [['9;1', '9;2', '9;3'], ['9;4', '9;5', '9;6']]);
    assert.deepEqual(storedSeqs(path), [1, 2, 3, 4, 5, 6]);
    journal.close();
    assert.deepEqual(committed.at(-1), ['9;7'], 'close() commits the rest');
    assert.deepEqual(storedSeqs(path), [1, 2, 3, 4, 5, 6, 7]);
  } finally {
    dir.remove();
  }
});

test('a reset commits the old sequence first, then starts a new epoch for the lower numbers', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [heartbeat(1), heartbeat(2), heartbeat(3)]);
    // The exchange restarted at 1 (weekly maintenance): pending messages of the old numbering go first.
    journal.resetSequences({ nextInbound: 1, nextOutbound: 5 });
    assert.equal(journal.pendingCount, 0);
    acceptAll(journal, [heartbeat(1), heartbeat(2)]);
    journal.close();

    const rows = storedMessages(path).map((m) => ({ epoch: m.epoch, msg_seq_num: m.msgSeqNum }));
    const db = new Database(path, { readonly: true });
    const session = db.prepare('SELECT next_inbound, next_outbound, epoch FROM sessions').get();
    db.close();
    assert.deepEqual(rows, [
      { epoch: 0, msg_seq_num: 1 }, { epoch: 0, msg_seq_num: 2 }, { epoch: 0, msg_seq_num: 3 },
      { epoch: 1, msg_seq_num: 1 }, { epoch: 1, msg_seq_num: 2 },
    ]);
    assert.deepEqual(session, { next_inbound: 3, next_outbound: 5, epoch: 1 });
  } finally {
    dir.remove();
  }
});

test('a forward jump (KalshiNR gap) keeps the epoch', () => {
  const dir = tempDir();
  try {
    const journal = openJournal(dir.file('j.db'));
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [heartbeat(1)]);
    journal.resetSequences({ nextInbound: 10, nextOutbound: 1 });
    acceptAll(journal, [heartbeat(10)]);
    journal.close();
    const reader = openJournal(dir.file('j.db'));
    assert.equal(reader.reader.sessionState(SESSION.senderCompId, SESSION.targetCompId)?.epoch, 0);
    assert.deepEqual(reader.load(), { nextInbound: 11, nextOutbound: 1 });
    reader.close();
  } finally {
    dir.remove();
  }
});

test('setNextOutbound is durable at once, together with anything pending', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [heartbeat(1)]);
    journal.setNextOutbound(7);
    const other = openJournal(path);
    assert.deepEqual(other.load(), { nextInbound: 2, nextOutbound: 7 });
    other.close();
    journal.close();
  } finally {
    dir.remove();
  }
});

test('load() starts a run from the committed numbers and drops what was never committed', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [heartbeat(1), heartbeat(2)]);
    journal.commit();
    acceptAll(journal, [heartbeat(3), heartbeat(4)]);
    assert.deepEqual(journal.load(), { nextInbound: 3, nextOutbound: 1 });
    assert.equal(journal.pendingCount, 0);
    // The resumed session receives 3 and 4 again; they are stored once.
    acceptAll(journal, [heartbeat(3), heartbeat(4)]);
    journal.close();
    assert.deepEqual(storedSeqs(path), [1, 2, 3, 4]);
  } finally {
    dir.remove();
  }
});

test('onCommitted gets the new executions after the commit, with their decoded fields', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const seen: ExecutionRecord[] = [];
    let visibleAtCallback = -1;
    const journal = openJournal(path, {
      onCommitted: (records) => {
        seen.push(...records);
        const probe = openJournal(path);
        visibleAtCallback = probe.executionCount();
        probe.close();
      },
    });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [er(1, { execId: '4;1', orderId: 'ord-A', lastQty: '3.00', lastPx: '0.5500', transactTime: '20261124-14:05:09.123' }), heartbeat(2)]);
    assert.equal(seen.length, 0, 'nothing is reported before the commit');
    journal.commit();
    assert.equal(visibleAtCallback, 1, 'the execution is stored when it is reported');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.execId, '4;1');
    assert.equal(seen[0]!.orderId, 'ord-A');
    assert.equal(seen[0]!.lastQty, '3.00');
    assert.equal(seen[0]!.lastPx, '0.5500');
    assert.equal(seen[0]!.fee, '0.0100');
    assert.equal(seen[0]!.msgSeqNum, 1);
    journal.close();
  } finally {
    dir.remove();
  }
});

test('an in-memory journal (no file) commits and reads through one connection', () => {
  const journal = openJournal(':memory:');
  journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
  acceptAll(journal, [er(1, { execId: '3;1' }), er(2, { execId: '3;2' })]);
  journal.commit();
  assert.equal(journal.executionCount(), 2);
  assert.deepEqual(journal.load(), { nextInbound: 3, nextOutbound: 1 });
  journal.close();
});
