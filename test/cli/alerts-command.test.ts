// `fillwatch alerts`: the journal's alerts for an auditor, exactly — CSV (RFC 4180, formula-safe,
// evidence ExecIDs, rules version, the review trail) and JSON (every alert's history, the chain heads
// it was read at) — filtered by state and rule; each export recorded in the journal's audit chain with
// the SHA-256 of what it wrote; one-line errors for a missing journal, a file that is not ours and a
// bad flag.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AlertStore } from '../../electron/core/alerts/alert-store.ts';
import { verifyAll } from '../../electron/core/journal/verify.ts';
import { runAlerts } from '../../electron/cli/alerts-command.ts';
import { runCli } from '../../electron/cli/main.ts';
import type { CliIo } from '../../electron/cli/record-command.ts';
import { tempDir } from '../core/journal/journal-fixtures.ts';
import { alertOf, API_KEY_ID as K, journalWithExecutions, T0 } from '../core/alerts/alert-fixtures.ts';

const NOW = T0 + 60_000;
const EXPORTED = T0 + 3_600_000;

const A = alertOf({ id: 'large-fill:77;2' });
const B = alertOf({
  id: 'restricted-list:KXFED-26DEC', ruleId: 'restricted-list', severity: 'critical', market: 'KXFED-26DEC-H0', raisedAt: T0 + 1000,
  title: 'Restricted market', text: '-Desk A traded KXFED-26DEC-H0, on the restricted list since 2026-11-01.',
  evidence: { executions: [{ accountId: K, execId: '77;4' }, { accountId: K, execId: '77;5' }], orderIds: ['ord-B'], note: '@list entry 4' },
});
const C = alertOf({
  id: 'off-hours:A|2026-11-24', ruleId: 'off-hours', severity: 'low', raisedAt: T0 + 2000, title: '=HYPERLINK("http://evil")',
  text: 'Fill at 03:00 New York time.', suppressedBy: 'allow-1: night desk (Ann, until 2026-12-31)', evidence: { executions: [{ accountId: K, execId: '77;2' }], orderIds: [] },
});

function setUp() {
  const dir = tempDir('fillwatch-alerts-cli-');
  const db = dir.file('journal.db');
  journalWithExecutions(db);
  const store = AlertStore.open(db, { now: () => NOW });
  store.record([A, B, C]);
  store.review(A.id, 'acknowledged', 'Ann Officer', 'Hedge, says "desk".', NOW);
  store.review(A.id, 'closed', 'Bob CCO', '=SUM(A1) checked\nwith the desk', NOW + 1000);
  const heads = store.heads();
  store.close();
  return { dir, db, heads };
}

function exportsRecorded(db: string): { alert_id: string | null; record: string }[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT alert_id, record FROM alert_exports ORDER BY id').all() as { alert_id: string | null; record: string }[];
  } finally {
    conn.close();
  }
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

describe('fillwatch alerts', () => {
  test('CSV, exactly: open first, suppressed last, formula-safe cells, evidence ExecIDs, the review trail; the export recorded', () => {
    const { dir, db } = setUp();
    try {
      let out = '';
      assert.equal(runAlerts(['--db', db, '--format', 'csv'], (t) => { out += t; }, { now: () => EXPORTED, user: 'auditor' }), 0);
      const expected = [
        'id,state,suppressedBy,ruleId,rulesVersion,severity,raisedAt,recordedAt,accounts,market,title,text,evidenceExecIds,evidenceOrderIds,evidenceNote,reviews',
        `restricted-list:KXFED-26DEC,open,,restricted-list,3,critical,2026-11-24T14:00:01.000Z,2026-11-24T14:01:00.000Z,${K},KXFED-26DEC-H0,Restricted market,`
          + `"'-Desk A traded KXFED-26DEC-H0, on the restricted list since 2026-11-01.","${K}:77;4\n${K}:77;5",ord-B,'@list entry 4,`,
        `large-fill:77;2,closed,,large-fill,3,high,2026-11-24T14:00:00.000Z,2026-11-24T14:01:00.000Z,${K},KXHIGHNY-26NOV24-B52.5,Large fill,`
          + `"Desk A bought 500 Yes in KXHIGHNY-26NOV24-B52.5 at 0.42, at or above the 250 contract threshold.",${K}:77;2,ord-A,,`
          + `"2026-11-24T14:01:00.000Z open -> acknowledged by Ann Officer: Hedge, says ""desk"".\n`
          + `2026-11-24T14:01:01.000Z acknowledged -> closed by Bob CCO: =SUM(A1) checked / with the desk"`,
        `off-hours:A|2026-11-24,open,"allow-1: night desk (Ann, until 2026-12-31)",off-hours,3,low,2026-11-24T14:00:02.000Z,2026-11-24T14:01:00.000Z,${K},`
          + `KXHIGHNY-26NOV24-B52.5,"'=HYPERLINK(""http://evil"")",Fill at 03:00 New York time.,${K}:77;2,,,`,
      ].map((l) => `${l}\r\n`).join('');
      assert.equal(out, expected);
      const [recorded] = exportsRecorded(db);
      assert.deepEqual(JSON.parse(recorded!.record), {
        command: 'alerts', alertId: null, user: 'auditor', format: 'csv', filter: {},
        files: [{ name: '(stdout)', bytes: Buffer.byteLength(out), sha256: sha256(out) }], at: EXPORTED,
      });
      assert.equal(recorded!.alert_id, null);
      assert.deepEqual(verifyAll(db).audit, { ok: true, entries: 6 }, 'the export is a link of the audit chain');
    } finally {
      dir.remove();
    }
  });

  test('JSON, exactly: each alert with its history, the filter, the chain heads; --state and --rule filter', () => {
    const { dir, db, heads } = setUp();
    try {
      let out = '';
      assert.equal(runAlerts(['--db', db, '--format', 'json', '--state', 'closed', '--rule', 'large-fill'], (t) => { out += t; }, { now: () => EXPORTED, user: 'auditor' }), 0);
      const expected = {
        format: 'fillwatch-alerts/1',
        exportedAt: '2026-11-24T15:00:00.000Z',
        exportedBy: 'auditor',
        filter: { state: 'closed', rule: 'large-fill' },
        journal: {
          file: db,
          messageChainHead: { messageId: 5, sha256: heads.messages.lastHash.toString('hex') },
          auditChainHead: { entryId: 5, sha256: heads.audit.lastHash.toString('hex') },
        },
        alerts: [{
          ...A, state: 'closed', recordedAt: NOW, reviewCount: 2, lastReviewAt: NOW + 1000,
          history: [
            { kind: 'raised', auditId: 1, at: NOW },
            { kind: 'review', auditId: 4, alertId: A.id, from: 'open', to: 'acknowledged', reviewer: 'Ann Officer', comment: 'Hedge, says "desk".', at: NOW },
            { kind: 'review', auditId: 5, alertId: A.id, from: 'acknowledged', to: 'closed', reviewer: 'Bob CCO', comment: '=SUM(A1) checked\nwith the desk', at: NOW + 1000 },
          ],
        }],
      };
      assert.deepEqual(JSON.parse(out), expected);
      assert.equal(out, JSON.stringify(JSON.parse(out), null, 2) + '\n', 'two-space JSON, one trailing newline');
      assert.equal(JSON.parse(exportsRecorded(db)[0]!.record).filter.rule, 'large-fill');
    } finally {
      dir.remove();
    }
  });

  test('--out: written whole once recorded (no .part left), the record names the file and its hash', async () => {
    const { dir, db } = setUp();
    try {
      const file = dir.file('alerts.csv');
      const io: CliIo = { out: () => {}, err: () => {}, onSignal: () => () => {} };
      assert.equal(await runCli(['alerts', '--db', db, '--format', 'csv', '--state', 'open', '--out', file], io), 0);
      const bytes = readFileSync(file);
      assert.match(bytes.toString('utf8'), /^id,state,/);
      assert.equal(bytes.toString('utf8').split('\r\n').length, 4, 'header, two open alerts, end');
      assert.deepEqual(readdirSync(dir.path).sort(), ['alerts.csv', 'journal.db', 'journal.db-shm', 'journal.db-wal'].filter((f) => existsSync(dir.file(f))).sort());
      assert.deepEqual(JSON.parse(exportsRecorded(db)[0]!.record).files, [{ name: file, bytes: bytes.length, sha256: sha256(bytes) }]);
    } finally {
      dir.remove();
    }
  });

  test('one-line errors: a missing journal, a file that is not ours, a bad --state', async () => {
    const dir = tempDir('fillwatch-alerts-cli-');
    try {
      const run = async (argv: string[]) => {
        const err: string[] = [];
        const code = await runCli(argv, { out: () => {}, err: (l) => err.push(l), onSignal: () => () => {} });
        return { code, err };
      };
      const missing = dir.file('none.db');
      assert.deepEqual(await run(['alerts', '--db', missing]), { code: 1, err: [`fillwatch: cannot read "${missing}": no such file`] });
      assert.equal(existsSync(missing), false, 'no journal is created');
      const other = dir.file('other.db');
      const conn = new Database(other);
      conn.exec('CREATE TABLE notes (x TEXT)');
      conn.close();
      assert.deepEqual(await run(['alerts', '--db', other]), {
        code: 1, err: [`fillwatch: cannot read "${other}": The journal file is damaged or is not a Fillwatch journal. (the file is an SQLite database of another application)`],
      });
      writeFileSync(dir.file('text.db'), 'not sqlite at all, just text that is long enough to be a header......................');
      const text = await run(['alerts', '--db', dir.file('text.db')]);
      assert.equal(text.code, 1);
      assert.match(text.err[0]!, /^fillwatch: cannot read ".*text\.db": The journal file is damaged or is not a Fillwatch journal\./);
      const bad = await run(['alerts', '--db', missing, '--state', 'pending']);
      assert.equal(bad.code, 2);
      assert.equal(bad.err[0], 'fillwatch: --state must be open, acknowledged, escalated or closed, not "pending"');
      assert.match(bad.err[1]!, /^usage: fillwatch alerts --db/);
    } finally {
      dir.remove();
    }
  });
});
