// The other rules live in the recorder service against the simulator over real TLS (the first file,
// surveillance-simulator.test.ts, has cross-account trades, a cancel storm and off-hours fills): one
// account on a Tuesday morning in New York under a restricted prefix, a large-fill threshold whose
// alerts an allow-list entry suppresses, a market position limit, a daily fill cap and a loss limit;
// then an NR session whose feed skips sequence numbers. Expected alerts are derived from the journal's
// own rows (SQL, not the engine): one restricted-list alert per order, one suppressed large-fill alert
// per order with a fill of 10 or more, the fill cap on exactly the 25th fill, a sequence-gap alert per
// skipped range; and live equals a replay of the journal, content and order.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { SurveillanceAlert } from '../../shared/surveillance/alert.ts';
import { parseRulesDocument, type RulesDocument } from '../../shared/surveillance/rules-document.ts';
import { RecorderService } from '../../electron/core/service/recorder-service.ts';
import { openJournalReader } from '../../electron/core/journal/index.ts';
import { replaySurveillance } from '../../electron/core/surveillance/index.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import type { FaultRequest } from '../../electron/simulator/faults.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';
import { tempDir } from '../core/journal/journal-fixtures.ts';

/** Tuesday 2026-11-24 10:00 in New York: inside the default trading hours. */
const TUESDAY_MORNING = Date.UTC(2026, 10, 24, 15, 0, 0);

const RULES = parseRulesDocument({
  version: 7,
  offHours: { enabled: false }, crossAccount: { enabled: false }, orderToTrade: { enabled: false },
  restrictedList: { entries: [{ prefix: 'KX', reason: 'Research blackout on every series' }] },
  largeFill: { fillContracts: '10', fillNotional: null, orderContracts: null, orderNotional: null },
  positionLimit: { warnPercent: 80, limits: [{ scope: 'market', prefix: '', contracts: '60' }] },
  dailyCaps: { maxFills: 25, maxOrders: null, lossLimit: '1', warnPercent: 80 },
  allowList: [{ id: 'desk-hedges', rule: 'large-fill', account: API_KEY_ID, reason: 'Desk A hedges in size', who: 'Dana Reyes', expires: '2027-06-30' }],
});

interface Row { exec_id: string; order_id: string; exec_type: string; last_qty: string | null; symbol: string }

/** Records `reports` ERs of one account under `rules`; returns what was told live, the replay, and the journal's rows. */
async function record(options: { reports: number; target: 'KalshiRT' | 'KalshiNR'; faults?: FaultRequest[]; rules: RulesDocument; settleWhen: (n: number) => boolean }) {
  const { simulator, port, caPem } = await startSimulator({ totalReports: options.reports, ratePerSecond: 500, startTimeMs: TUESDAY_MORNING, seed: 29, markets: 4, faults: options.faults ?? [] });
  const dir = tempDir('fw-surveil-rules-');
  const journalPath = dir.file('journal.db');
  const service = new RecorderService({ journalPath, rules: options.rules, signerFor: () => (fields) => signLogon(testKeys().key, fields), backoff: { initialMs: 20, maxMs: 200, minMs: 0 }, tickMs: 50 });
  const told: SurveillanceAlert[] = [];
  let recorded = 0;
  service.onEvent((e) => {
    if (e.type === 'alerts') told.push(...e.alerts);
    if (e.type === 'executions') recorded += e.executions.length;
  });
  const account: AccountConfig = { id: 'a', label: 'Desk A', apiKeyId: API_KEY_ID, environment: 'custom', listener: { host: 'localhost', port, target: options.target }, tls: { caPem } };
  try {
    service.addAccount(account);
    await waitFor(() => options.settleWhen(recorded), 'the stream recorded', 30_000);
    await new Promise((r) => setTimeout(r, 300)); // nothing more to come
  } finally {
    await service.close();
    await simulator.stop();
  }
  const reader = openJournalReader(journalPath);
  const replayed = (() => { try { return replaySurveillance(reader, options.rules).alerts; } finally { reader.close(); } })();
  const db = new Database(journalPath, { readonly: true });
  const rows = db.prepare(`SELECT CASE WHEN instr(exec_key, '|') > 0 THEN substr(exec_key, instr(exec_key, '|') + 1) ELSE exec_key END AS exec_id,
    order_id, exec_type, last_qty, symbol FROM executions ORDER BY raw_id`).all() as Row[];
  db.close();
  return { told, replayed, rows, done: () => dir.remove() };
}

const ids = (alerts: readonly SurveillanceAlert[], rule: string) => alerts.filter((a) => a.ruleId === rule);

describe('surveillance rules against the simulator: restricted list, large fills (allow-listed), limits, caps, feed gaps', () => {
  test('every alert derived from the journal\'s rows; live equals replay', async () => {
    const REPORTS = 160;
    const run = await record({ reports: REPORTS, target: 'KalshiRT', rules: RULES, settleWhen: (n) => n === REPORTS });
    try {
      const { told, replayed, rows } = run;
      assert.deepEqual(told, replayed, 'live alerts equal the replay, content and order');
      assert.equal(new Set(told.map((a) => a.id)).size, told.length, 'each alert told once');

      // Restricted list: every series starts with KX, so every order raises exactly one alert.
      const restricted = ids(told, 'restricted-list');
      assert.deepEqual(restricted.map((a) => a.evidence.orderIds[0]).sort(), [...new Set(rows.map((r) => r.order_id))].sort());
      assert.ok(restricted.every((a) => a.severity === 'high' && a.suppressedBy === null));

      // Large fills: one per order with a fill of 10 contracts or more, all suppressed by the allow-list entry.
      const bigOrders = new Set(rows.filter((r) => r.exec_type === 'F' && Number(r.last_qty) >= 10).map((r) => r.order_id));
      assert.ok(bigOrders.size > 0, 'the seed trades in size');
      const large = ids(told, 'large-fill');
      assert.deepEqual(large.map((a) => a.evidence.orderIds[0]).sort(), [...bigOrders].sort());
      assert.ok(large.every((a) => a.suppressedBy === 'desk-hedges'));
      assert.ok(told.filter((a) => a.ruleId !== 'large-fill').every((a) => a.suppressedBy === null), 'the entry suppresses its rule only');

      // Daily fill cap: exactly one alert, on the 25th fill of the day.
      const fills = rows.filter((r) => r.exec_type === 'F');
      assert.ok(fills.length >= 25);
      const capped = ids(told, 'daily-caps').filter((a) => /fill/i.test(a.title));
      assert.equal(capped.length, 1);
      assert.deepEqual(capped[0]!.evidence.executions.map((e) => e.execId), [fills[24]!.exec_id]);

      // Daily loss: the day's net went through the $1.00 limit on a fill of the journal; the sentence says by how much.
      const loss = ids(told, 'daily-caps').filter((a) => /loss/i.test(a.title));
      assert.ok(loss.length > 0, 'the seed loses more than a dollar');
      for (const alert of loss) {
        const [, net, limit] = /net P&L on 2026-11-24 is -\$(\d+\.\d\d) \(realized − fees\), \d+% of its \$(\d+\.\d\d) daily loss limit\./.exec(alert.text) ?? [];
        assert.ok(net !== undefined && Number(net) >= Number(limit) * (alert.severity === 'high' ? 1 : 0.8), alert.text);
        assert.ok(fills.some((r) => r.exec_id === alert.evidence.executions[0]!.execId), 'cites a fill of the journal');
      }

      // Position limit: alerts only in markets traded, warnings before breaches in each market.
      const position = ids(told, 'position-limit');
      const traded = new Set(fills.map((r) => r.symbol));
      assert.ok(position.length > 0, 'the seed holds more than 48 contracts in a market');
      assert.ok(position.every((a) => a.market !== null && traded.has(a.market)));
      for (const market of new Set(position.map((a) => a.market))) {
        const titles = position.filter((a) => a.market === market).map((a) => a.severity);
        assert.ok(titles.indexOf('high') === -1 || titles.indexOf('medium') === -1 || titles.indexOf('medium') < titles.indexOf('high'), `${market}: warned before the breach`);
      }
    } finally {
      run.done();
    }
  });

  test('an NR feed that skips sequence numbers: one sequence-gap alert per skipped range, naming it', async () => {
    const REPORTS = 90;
    const rules = parseRulesDocument({ version: 8, offHours: { enabled: false }, largeFill: { enabled: false }, positionLimit: { enabled: false }, dailyCaps: { enabled: false }, orderToTrade: { enabled: false }, crossAccount: { enabled: false }, feedIntegrity: { positionMismatch: false } });
    const run = await record({ reports: REPORTS, target: 'KalshiNR', rules, faults: [{ every: 40, fault: { kind: 'seq-gap', skip: 3 } }], settleWhen: (n) => n >= REPORTS - 6 });
    try {
      const { told, replayed } = run;
      assert.deepEqual(told, replayed);
      const gaps = told.filter((a) => a.ruleId === 'feed-integrity' && /gap/i.test(a.title));
      assert.equal(gaps.length, 2, 'two skipped ranges');
      for (const gap of gaps) {
        const [, from, to] = /never received MsgSeqNum (\d+) to (\d+) .*not resent/.exec(gap.text) ?? [];
        assert.equal(Number(to) - Number(from) + 1, 3, gap.text);
      }
    } finally {
      run.done();
    }
  });
});
