// surveillance-facts.test.ts — what the journal tells the surveillance rules, live (CommittedBatch) and
// read back (JournalReader.surveillanceFacts): the same sequence breaks (a KalshiNR gap, a Reset moving
// the number on, a restart in a new epoch; not a GapFill, not drop copy), the same ExecID conflicts (a
// copy with other content; not an identical one, not one whose decimals differ only in zeros), and
// TrdMatchID/LongQty/ShortQty/Price beside each execution. Migration 0006 fills those in for old rows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { Journal, openJournalReader, type CommittedBatch } from '../../../electron/core/journal/index.ts';
import { MIGRATIONS, runMigrations } from '../../../electron/core/journal/migrations/index.ts';
import { inbound } from '../../support/fix-builders.ts';
import { er, heartbeat, SESSION, tempDir } from './journal-fixtures.ts';

const T = 1_790_000_000_000;

function collect(path: string, target = 'KalshiRT') {
  const batches: CommittedBatch[] = [];
  const journal = Journal.open(path, { session: { ...SESSION, targetCompId: target }, commitDelayMs: 0, onCommittedBatch: (b) => batches.push(b) });
  return { journal, batches };
}

function facts(path: string) {
  const reader = openJournalReader(path);
  try {
    const f = reader.surveillanceFacts();
    return { ...f, executions: [...f.executions] };
  } finally {
    reader.close();
  }
}

describe('surveillance facts', () => {
  test('sequence breaks live equal the ones read back', () => {
    const dir = tempDir();
    try {
      const path = dir.file('j.db');
      const { journal, batches } = collect(path);
      journal.accept(heartbeat(1), 2, T + 1);
      journal.accept(heartbeat(2), 3, T + 2);
      journal.flush();
      // KalshiNR skipped 3..5: the session moves its number, then stores 6.
      journal.resetSequences({ nextInbound: 6, nextOutbound: 2 });
      journal.accept(er(6, { execId: '1;6' }), 7, T + 6);
      // A GapFill over admin messages 7..9: no hole.
      journal.accept(inbound('4', 7, [[123, 'Y'], [36, 10]]), 10, T + 7);
      journal.accept(heartbeat(10), 11, T + 10);
      journal.flush();
      // A Reset moving the number from 11 to 20 without a resend: a hole.
      journal.accept(inbound('4', 11, [[36, 20]]), 20, T + 11);
      journal.accept(heartbeat(20), 21, T + 20);
      journal.flush();
      // A reset Logon: numbering starts again (a new epoch).
      journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
      journal.accept(inbound('A', 1, [[98, 0], [108, 30]]), 2, T + 100);
      journal.close();

      const live = batches.flatMap((b) => b.sequenceBreaks);
      assert.deepEqual(live.map((b) => [b.cause, b.expected, b.received, b.sinceMs - T, b.untilMs - T]), [
        ['gap', 3, 6, 2, 6],
        ['gap', 11, 20, 10, 11],
        ['restart', 21, 1, 20, 100],
      ]);
      const back = facts(path).breaks;
      assert.deepEqual(back.map(({ apiKeyId: _k, ...b }) => b), live);
      assert.deepEqual([...new Set(back.map((b) => b.apiKeyId))], [SESSION.senderCompId]);
    } finally {
      dir.remove();
    }
  });

  test('the tracker resumes from the stored messages after a restart of the process, and drop copy is not tracked', () => {
    const dir = tempDir();
    try {
      const path = dir.file('j.db');
      const first = collect(path);
      first.journal.accept(heartbeat(1), 2, T + 1);
      first.journal.accept(inbound('4', 2, [[123, 'Y'], [36, 5]]), 5, T + 2); // ends on a GapFill
      first.journal.close();
      const second = collect(path);
      second.journal.accept(heartbeat(5), 6, T + 5); // straight on: no hole
      second.journal.accept(heartbeat(8), 9, T + 8); // 6..7 missing
      second.journal.close();
      const dc = collect(path, 'KalshiDC');
      dc.journal.accept(heartbeat(1), 2, T + 9);
      dc.journal.accept(heartbeat(7), 8, T + 9); // drop copy: never a break
      dc.journal.close();
      const live = [...first.batches, ...second.batches, ...dc.batches].flatMap((b) => b.sequenceBreaks);
      assert.deepEqual(live.map((b) => [b.cause, b.expected, b.received]), [['gap', 6, 8]]);
      assert.deepEqual(facts(path).breaks.map(({ apiKeyId: _k, ...b }) => b), live);
    } finally {
      dir.remove();
    }
  });

  test('an ExecID again with other content is a conflict; the same content (zeros aside) is not', () => {
    const dir = tempDir();
    try {
      const path = dir.file('j.db');
      const { journal, batches } = collect(path);
      // The same report again (as a drop-copy replay brings it; er() names ClOrdID after its MsgSeqNum).
      journal.accept(er(1, { execId: '2;1', lastQty: '1.00' }), 2, T + 1);
      journal.accept(er(1, { execId: '2;1', lastQty: '1' }), 3, T + 2); // zeros only
      journal.accept(er(1, { execId: '2;1', lastQty: '2.00', ordStatus: '2' }), 4, T + 3);
      journal.close();
      const live = batches.flatMap((b) => b.conflicts);
      assert.deepEqual(live, [{ rawId: 3, execId: '2;1', firstRawId: 1, fields: ['ordStatus', 'lastQty'], receivedAt: T + 3 }]);
      assert.deepEqual(facts(path).conflicts.map(({ apiKeyId: _k, ...c }) => c), live);
    } finally {
      dir.remove();
    }
  });

  test('TrdMatchID, LongQty, ShortQty and Price travel beside the record, live and read back', () => {
    const dir = tempDir();
    try {
      const path = dir.file('j.db');
      const { journal, batches } = collect(path);
      journal.accept(er(1, { execId: '3;1', extra: [[704, '10.00'], [705, '0.00']] }), 2, T + 1);
      journal.close();
      const e = batches[0]!.executions[0]!;
      assert.deepEqual([e.trdMatchId, e.longQty, e.shortQty, e.price], ['tm-3;1', '10.00', '0.00', '0.4200']);
      const back = facts(path).executions[0]!;
      assert.deepEqual([back.trdMatchId, back.longQty, back.shortQty, back.price, back.apiKeyId], ['tm-3;1', '10.00', '0.00', '0.4200', SESSION.senderCompId]);
    } finally {
      dir.remove();
    }
  });

  test('migration 0006 fills the new columns of rows stored before it from their frames', () => {
    const dir = tempDir();
    try {
      const path = dir.file('j.db');
      {
        const db = new Database(path);
        runMigrations(db, MIGRATIONS.filter((m) => m.version <= 5));
        db.close();
      }
      // Store with a schema-5 writer's columns: simulate by storing now and blanking the new columns.
      const { journal } = collect(path);
      journal.accept(er(1, { execId: '4;1', extra: [[704, '3.00'], [705, '0.00']] }), 2, T + 1);
      journal.close();
      const db = new Database(path);
      db.exec('UPDATE executions SET trd_match_id = NULL, long_qty = NULL, short_qty = NULL, price = NULL');
      db.exec('DROP TABLE exec_conflicts; ALTER TABLE executions DROP COLUMN trd_match_id; ALTER TABLE executions DROP COLUMN long_qty; ALTER TABLE executions DROP COLUMN short_qty; ALTER TABLE executions DROP COLUMN price; PRAGMA user_version = 5');
      runMigrations(db);
      assert.deepEqual(db.prepare('SELECT trd_match_id, long_qty, short_qty, price FROM executions').all(), [{ trd_match_id: 'tm-4;1', long_qty: '3.00', short_qty: '0.00', price: '0.4200' }]);
      db.close();
    } finally {
      dir.remove();
    }
  });
});
