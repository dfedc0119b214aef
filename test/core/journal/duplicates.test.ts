// duplicates.test.ts — exactly once by ExecID: a report resent (PossDup), replayed after a reset or seen
// on two sessions is stored once and reported once; its raw message is still kept. Pending reports
// (ExecID '-1;-1') are told apart by the wider dedupe key. A replayed older report never rolls an
// order's state back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { verifyJournal } from '../../../electron/core/journal/verify.ts';
import { acceptAll, er, openJournal, openReportingJournal, SESSION, storedMessages, tempDir } from './journal-fixtures.ts';

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test('the same ExecID accepted twice (PossDup resend) is stored once and reported once', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const { journal, reported } = openReportingJournal(path);
    acceptAll(journal, [er(1, { execId: '4;7' }), er(2, { execId: '4;8' })]);
    journal.commit();
    // Across batches: the exchange resends 4;7 (a new MsgSeqNum, PossDupFlag=Y).
    acceptAll(journal, [er(3, { execId: '4;7', possDup: true })]);
    journal.commit();
    // Within one batch.
    acceptAll(journal, [er(4, { execId: '4;9' }), er(5, { execId: '4;9', possDup: true })]);
    journal.close();

    assert.deepEqual(reported, ['4;7', '4;8', '4;9']);
    assert.equal(count(path, 'SELECT count(*) AS n FROM executions'), 3);
    assert.equal(storedMessages(path).filter((m) => m.raw.includes('\x0135=8\x01')).length, 5, 'every message is kept as received');
  } finally {
    dir.remove();
  }
});

test('an execution seen on two sessions sharing one file (RT then a DC replay) is stored once', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const rtReported: string[] = [];
    const dcReported: string[] = [];
    const rt = openJournal(path, { onCommitted: (r) => rtReported.push(...r.map((x) => x.execId)) });
    const dc = openJournal(path, { session: { senderCompId: SESSION.senderCompId, targetCompId: 'KalshiDC' }, onCommitted: (r) => dcReported.push(...r.map((x) => x.execId)) });
    rt.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    dc.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(rt, [er(1, { execId: '5;1' }), er(2, { execId: '5;2' })]);
    rt.commit();
    acceptAll(dc, [er(1, { execId: '5;2' }), er(2, { execId: '5;3' })]);
    dc.commit();
    assert.deepEqual(rtReported, ['5;1', '5;2']);
    assert.deepEqual(dcReported, ['5;3']);
    assert.deepEqual([...rt.knownExecIds()].sort(), ['5;1', '5;2', '5;3']);
    acceptAll(rt, [er(3, { execId: '5;4' })]);
    rt.commit();
    dc.close();
    rt.close();
    assert.deepEqual(verifyJournal(path), { ok: true, rows: 5 }, 'two writers extend one unbroken chain');
  } finally {
    dir.remove();
  }
});

test('pending reports all carry ExecID -1;-1 and are kept apart by order, type and time', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const reported: string[] = [];
    const journal = openJournal(path, { onCommitted: (records) => reported.push(...records.map((r) => `${r.orderId}/${r.execType}`)) });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    const pending = (seq: number, orderId: string, execType: string, possDup = false) =>
      er(seq, { execId: '-1;-1', orderId, execType, ordStatus: execType, transactTime: '20261124-14:05:09.123', possDup });
    acceptAll(journal, [pending(1, 'ord-A', 'A'), pending(2, 'ord-B', 'A'), pending(3, 'ord-A', '6'), pending(4, 'ord-A', 'A', true)]);
    journal.close();
    assert.deepEqual(reported, ['ord-A/A', 'ord-B/A', 'ord-A/6']);
    assert.equal(count(path, "SELECT count(*) AS n FROM executions WHERE exec_id = '-1;-1'"), 3);
    const reader = openJournal(path);
    assert.equal(reader.knownExecIds().size, 0, 'pending ExecIDs are not sequenced ExecIDs');
    reader.close();
  } finally {
    dir.remove();
  }
});

test('an order shows its newest state; a replayed older report does not roll it back', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [
      er(1, { execId: '6;1', orderId: 'ord-Z', execType: '0', ordStatus: '0', transactTime: '20261124-14:00:00.000' }),
      er(2, { execId: '6;2', orderId: 'ord-Z', execType: 'F', ordStatus: '1', transactTime: '20261124-14:00:01.000' }),
    ]);
    journal.commit();
    acceptAll(journal, [er(3, { execId: '6;3', orderId: 'ord-Z', execType: '4', ordStatus: '4', transactTime: '20261124-14:00:05.000' })]);
    journal.commit();
    // A drop-copy replay brings an older fill of the same order that was missed before.
    acceptAll(journal, [er(4, { execId: '6;0', orderId: 'ord-Z', execType: 'F', ordStatus: '1', transactTime: '20261124-13:59:59.000' })]);
    journal.close();

    const reader = openJournal(path);
    const order = reader.reader.order('ord-Z');
    assert.equal(order?.ordStatus, '4');
    assert.equal(order?.lastExecType, '4');
    assert.equal(order?.orderQty, '10.00', 'read from the newest report\'s frame');
    assert.equal(order?.price, '0.4200');
    assert.equal(reader.reader.order('ord-none'), undefined);
    assert.deepEqual(reader.reader.orderLifecycle('ord-Z').map((e) => e.execId), ['6;1', '6;2', '6;3', '6;0'], 'the lifecycle is every report, as stored');
    reader.close();
    // The orders view (for SQL users) derives the same state, plus where the order began.
    const db = new Database(path, { readonly: true });
    assert.deepEqual(db.prepare("SELECT ord_status, last_exec_type, first_raw_id, last_raw_id FROM orders WHERE order_id = 'ord-Z'").all(), [
      { ord_status: '4', last_exec_type: '4', first_raw_id: 1, last_raw_id: 3 },
    ]);
    db.close();
  } finally {
    dir.remove();
  }
});

test('lastExecIdByIndex compares ExecIDs as integers per exchange index, never as strings', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [er(1, { execId: '4;9' }), er(2, { execId: '4;10' }), er(3, { execId: '3;99' }), er(4, { execId: '7;1;1' })]);
    journal.commit();
    assert.deepEqual(journal.lastExecIdByIndex(), new Map([[0, '4;10'], [1, '7;1;1']]));
    // An older one replayed later does not move the head back; a newer clock does move it.
    acceptAll(journal, [er(5, { execId: '4;2' }), er(6, { execId: '10;1' }), er(7, { execId: '6;5;1' })]);
    journal.close();
    const reader = openJournal(path);
    assert.deepEqual(reader.lastExecIdByIndex(), new Map([[0, '10;1'], [1, '7;1;1']]));
    reader.close();
  } finally {
    dir.remove();
  }
});
