// queries.test.ts — the typed reads: executions in event order with filters and paging, counts, known
// ExecIDs; undecodable reports and settlements kept; connection metadata without secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openJournalReader } from '../../../electron/core/journal/open-reader.ts';
import { acceptAll, er, heartbeat, openJournal, openReportingJournal, settlementReport, storedMessages, tempDir } from './journal-fixtures.ts';

test('executions iterate in TransactTime order (then storage order), filtered by time, market and side, paged', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [
      er(1, { execId: '1;3', symbol: 'MKT-A', side: '1', transactTime: '20261124-14:00:03.000' }),
      er(2, {
        execId: '1;1', symbol: 'MKT-B', side: '2', transactTime: '20261124-14:00:01.000',
        extra: [[1703, 2], [1704, '1.00'], [1705, 'PAYOUT'], [1704, '-0.4300'], [1705, 'BALANCE']],
      }),
      er(3, { execId: '1;2', symbol: 'MKT-A', side: '2', transactTime: '20261124-14:00:02.000' }),
      er(4, { execId: '1;4', symbol: 'MKT-A', side: '1', transactTime: '20261124-14:00:02.000' }),
      heartbeat(5),
      er(6, { execId: '1;5', symbol: 'MKT-B', side: '1', transactTime: '20261124-14:00:09.000' }),
    ]);
    journal.close();

    const reader = openJournalReader(path);
    const ids = (filter: Parameters<typeof reader.executions>[0] = {}) => [...reader.executions(filter)].map((e) => e.execId);
    assert.deepEqual(ids(), ['1;1', '1;2', '1;4', '1;3', '1;5']);
    assert.deepEqual(ids({ market: 'MKT-A' }), ['1;2', '1;4', '1;3']);
    assert.deepEqual(ids({ side: '1' }), ['1;4', '1;3', '1;5']);
    const t2 = Date.UTC(2026, 10, 24, 14, 0, 2);
    const t9 = Date.UTC(2026, 10, 24, 14, 0, 9);
    assert.deepEqual(ids({ from: t2, to: t9 }), ['1;2', '1;4', '1;3'], 'from inclusive, to exclusive');
    assert.deepEqual(ids({ limit: 2, offset: 1 }), ['1;2', '1;4']);
    assert.equal(reader.executionCount(), 5);
    assert.equal(reader.executionCount({ market: 'MKT-A', side: '1', limit: 1 }), 2, 'counts ignore paging');
    assert.deepEqual([...reader.knownExecIds()].sort(), ['1;1', '1;2', '1;3', '1;4', '1;5']);

    const first = [...reader.executions({ limit: 1 })][0]!;
    assert.equal(first.eventAt, Date.UTC(2026, 10, 24, 14, 0, 1));
    assert.equal(first.symbol, 'MKT-B');
    assert.equal(first.side, '2');
    assert.equal(first.lastQty, '1.00');
    assert.equal(first.lastPx, '0.4200');
    assert.equal(first.fee, '0.0100');
    assert.equal(first.msgSeqNum, 2);
    assert.equal(first.rawId, 2, 'the id of the message that carried it');
    assert.equal(first.balanceChange, '-0.4300', 'the BALANCE entry, not the PAYOUT one');
    assert.deepEqual([...reader.executions({ market: 'MKT-A' })].map((e) => e.balanceChange), [null, null, null]);
    // What is not a column is read back from the stored frame.
    const full = reader.executionReport(first.rawId);
    assert.equal(full?.report.trdMatchId, 'tm-1;1');
    assert.equal(full?.report.aggressor, true);
    assert.equal(full?.report.orderQty, '10.00');
    assert.equal(full?.message.receivedAt, 1_790_000_000_000 + 2);
    assert.equal(reader.executionReport(99), undefined);
    reader.close();
  } finally {
    dir.remove();
  }
});

test('an ExecutionReport that cannot be decoded keeps its bytes and the reason; nothing is lost', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const { journal, reported } = openReportingJournal(path);
    const bad = er(1, { execId: '2;1', execType: '0', ordStatus: '0', extra: [[1057, 'maybe']] }); // AggressorIndicator must be Y or N
    acceptAll(journal, [bad, er(2, { execId: '2;2' })]);
    journal.close();
    assert.deepEqual(reported, ['2;2']);
    const reader = openJournalReader(path);
    const stored = reader.undecodable();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.msgType, '8');
    assert.equal(stored[0]!.errorKind, 'bad-value');
    assert.equal(stored[0]!.tag, 1057);
    assert.deepEqual(stored[0]!.raw, bad.raw);
    assert.equal(reader.rawMessageCount(), 2);
    reader.close();
  } finally {
    dir.remove();
  }
});

test('settlement reports are stored once per report id, with their key fields as received', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    acceptAll(journal, [settlementReport(1, 'rep-1', 'MKT-A'), settlementReport(2, 'rep-2', 'MKT-B'), settlementReport(3, 'rep-1', 'MKT-A')]);
    journal.close();
    const reader = openJournalReader(path);
    const rows = reader.settlements();
    assert.deepEqual(rows.map((s) => [s.reportId, s.symbol, s.marketResult, s.settlementPrice, s.clearingBusinessDate, s.lastFragment]), [
      ['rep-1', 'MKT-A', 'yes', '100', '20261124', 'Y'],
      ['rep-2', 'MKT-B', 'yes', '100', '20261124', 'Y'],
    ]);
    assert.equal(reader.rawMessageCount(), 3);
    reader.close();
  } finally {
    dir.remove();
  }
});

test('connections: where, when, logon and why it ended; raw rows refer to their connection; secrets refused', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const journal = openJournal(path);
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    const id = journal.recordConnection({ host: 'fix.elections.kalshi.com', port: 8230, apiKeyId: 'key-123', startedAt: 1000 });
    journal.recordLogon(1200);
    acceptAll(journal, [heartbeat(1)]);
    journal.commit();
    journal.recordDisconnect(5000, 'exchange logout: maintenance');
    assert.throws(() => journal.recordConnection({ host: 'h', port: 1, apiKeyId: '-----BEGIN PRIVATE KEY-----', startedAt: 0 }), /never stores secrets/);
    journal.close();

    const reader = openJournalReader(path);
    assert.deepEqual(reader.connections(), [{
      id, senderCompId: journal.session.senderCompId, targetCompId: 'KalshiRT', host: 'fix.elections.kalshi.com', port: 8230,
      apiKeyId: 'key-123', startedAt: 1000, loggedOnAt: 1200, endedAt: 5000, endReason: 'exchange logout: maintenance',
    }]);
    assert.equal(reader.sessionState(journal.session.senderCompId, 'KalshiRT')?.lastLogonAt, 1200);
    reader.close();
    assert.deepEqual(storedMessages(path).map((m) => m.connectionId), [id]);
  } finally {
    dir.remove();
  }
});

test('a slow read is reported by name', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    openJournal(path).close();
    const slow: string[] = [];
    const reader = openJournalReader(path, { slowQueryMs: 0, onSlowQuery: (name) => slow.push(name) });
    reader.executionCount();
    reader.lastExecIdByIndex('any-key');
    reader.close();
    assert.deepEqual(slow, ['executionCount', 'lastExecIdByIndex']);
  } finally {
    dir.remove();
  }
});
