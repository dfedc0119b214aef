// The surveillance rules live in the recorder service, against the simulator over real TLS: three
// accounts on one simulator — B takes the other side of every order and trade of A (same market,
// price, quantity, ExecID and TrdMatchID), C runs a cancel storm — on a Saturday night in New York.
// Expected: a cross-account alert for A and B in each market they traded, a cancel storm for C, one
// off-hours alert per account, every alert stored in the journal and told once; and the alerts told
// live are exactly what a replay of the journal gives (`fillwatch surveil`), content and order.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { SurveillanceAlert } from '../../shared/surveillance/alert.ts';
import { parseRulesDocument } from '../../shared/surveillance/rules-document.ts';
import { RecorderService } from '../../electron/core/service/recorder-service.ts';
import { openJournalReader } from '../../electron/core/journal/index.ts';
import { replaySurveillance } from '../../electron/core/surveillance/index.ts';
import { generateKeyPair, importPrivateKeyPem, signLogon, type SigningKey } from '../../electron/core/signing/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';
import { tempDir } from '../core/journal/journal-fixtures.ts';

const B_KEY = '7d1e2f3a-0b4c-4d5e-8f60-718293a4b5c6';
const C_KEY = '5b0c9d8e-1f2a-4b3c-9d4e-5f6a7b8c9d0e';
/** Saturday 2026-11-28 03:00 in New York: every fill is off-hours. */
const SATURDAY_NIGHT = Date.UTC(2026, 10, 28, 8, 0, 0);
const REPORTS = 120;

const RULES = parseRulesDocument({
  version: 3,
  positionLimit: { enabled: false }, largeFill: { enabled: false }, dailyCaps: { enabled: false }, feedIntegrity: { enabled: false },
  orderToTrade: { windowSeconds: 60, minOrders: 20, maxOrdersPerFill: 10, minCancels: 15, maxCancelPercent: 60 },
  crossAccount: { oppositeWithinSeconds: 0 }, // the same TrdMatchID only: each match is one exchange trade
});

describe('surveillance rules in the recorder service, against the simulator', () => {
  test('cross-account trades, a cancel storm and off-hours fills; live alerts equal the replay', async () => {
    const b = generateKeyPair();
    const c = generateKeyPair();
    const keys = new Map<string, SigningKey>([[API_KEY_ID, testKeys().key], [B_KEY, importPrivateKeyPem(b.privateKeyPem)], [C_KEY, importPrivateKeyPem(c.privateKeyPem)]]);
    const { simulator, port, caPem } = await startSimulator({
      totalReports: REPORTS, ratePerSecond: 400, startTimeMs: SATURDAY_NIGHT, seed: 13,
      accounts: [
        { apiKeyId: API_KEY_ID, publicKeyPem: testKeys().publicKeyPem },
        { apiKeyId: B_KEY, publicKeyPem: b.publicKeyPem, counterpartyOf: API_KEY_ID },
        { apiKeyId: C_KEY, publicKeyPem: c.publicKeyPem, seed: 7, mix: 'cancel-storm' },
      ],
    });
    const dir = tempDir('fw-surveil-');
    const journalPath = dir.file('journal.db');
    const service = new RecorderService({
      journalPath, rules: RULES,
      signerFor: (apiKeyId) => (fields) => signLogon(keys.get(apiKeyId)!, fields),
      backoff: { initialMs: 20, maxMs: 200, minMs: 0 }, tickMs: 50,
    });
    const told: SurveillanceAlert[] = [];
    const recorded = new Map<string, number>();
    const tradedByA = new Set<string>();
    service.onEvent((e) => {
      if (e.type === 'alerts') told.push(...e.alerts);
      if (e.type === 'executions') recorded.set(e.accountId, (recorded.get(e.accountId) ?? 0) + e.executions.length);
      if (e.type === 'executions' && e.accountId === 'a') for (const x of e.executions) if (x.record.execType === 'F') tradedByA.add(x.record.symbol);
      if (e.type === 'service-error') assert.fail(e.text);
    });
    const account = (id: string, apiKeyId: string): AccountConfig => ({ id, label: id, apiKeyId, environment: 'custom', listener: { host: 'localhost', port, target: 'KalshiRT' }, tls: { caPem } });
    try {
      service.addAccount(account('a', API_KEY_ID));
      service.addAccount(account('b', B_KEY));
      service.addAccount(account('c', C_KEY));
      await waitFor(() => ['a', 'b', 'c'].every((id) => recorded.get(id) === REPORTS), 'every account fully recorded', 30_000);

      const byRule = (rule: string, account?: string) => told.filter((a) => a.ruleId === rule && (account === undefined || a.accountIds.includes(account)));
      // Every trade of A has B on the other side: one alert per market they traded (then the episode runs on).
      const reader = openJournalReader(journalPath);
      let replayed: SurveillanceAlert[];
      try {
        replayed = replaySurveillance(reader, RULES).alerts;
      } finally {
        reader.close();
      }
      const cross = byRule('cross-account');
      assert.deepEqual(cross.map((a) => a.market).sort(), [...tradedByA].sort());
      for (const alert of cross) {
        assert.deepEqual(alert.accountIds, [B_KEY, API_KEY_ID].sort());
        assert.match(alert.text, /one trade \(TrdMatchID [0-9a-f-]{36}\): a possible wash trade\.$/);
        const [x, y] = alert.evidence.executions;
        assert.equal(x!.execId, y!.execId, 'both sides of one trade carry the one ExecID');
      }
      assert.ok(byRule('order-to-trade', C_KEY).some((a) => a.title === 'Cancel storm'), 'C storms');
      assert.deepEqual(byRule('order-to-trade', API_KEY_ID), [], 'A trades as much as it orders');
      for (const key of [API_KEY_ID, B_KEY, C_KEY]) {
        assert.deepEqual(byRule('off-hours', key).map((a) => a.title), ['Off-hours fill'], `one off-hours alert for ${key}`);
      }
      assert.ok(told.every((a) => a.rulesVersion === 3));
      assert.deepEqual(told, replayed, 'live alerts = replay alerts');
      assert.deepEqual(service.listAlerts().map((a) => a.id).sort(), told.map((a) => a.id).sort(), 'each stored once');
    } finally {
      await service.close();
      await simulator.stop();
      dir.remove();
    }
  });
});
