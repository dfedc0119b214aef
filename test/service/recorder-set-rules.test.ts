// New surveillance rules in a running recorder (Settings' save → RecorderApi.setRules), across the
// worker thread, against the simulator over TLS: nothing is raised under the first rules; after
// setRules the next orders raise alerts of the new version; a worker that dies is restarted with the
// rules last set (the host keeps them), not the ones it was started with.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { SurveillanceAlert } from '../../shared/surveillance/alert.ts';
import { parseRulesDocument } from '../../shared/surveillance/rules-document.ts';
import { RecorderHost } from '../../electron/core/service/recorder-host.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';
import { tempDir } from '../core/journal/journal-fixtures.ts';

const OFF = { enabled: false };
const QUIET = { positionLimit: OFF, largeFill: OFF, crossAccount: OFF, orderToTrade: OFF, offHours: OFF, feedIntegrity: OFF, dailyCaps: OFF };
const V1 = parseRulesDocument({ version: 1, ...QUIET });
const V2 = parseRulesDocument({ version: 2, ...QUIET, restrictedList: { entries: [{ prefix: 'KX', reason: 'test: every series' }] } });

describe('RecorderApi.setRules', () => {
  test('applies from the next commit, across the worker, and survives a worker restart', { timeout: 60_000 }, async () => {
    const { simulator, port, caPem } = await startSimulator({ ratePerSecond: 60, totalReports: 1_200, seed: 5 });
    const dir = tempDir('fw-set-rules-');
    const host = new RecorderHost({
      journalPath: dir.file('journal.db'), rules: V1, signerFor: () => (fields) => signLogon(testKeys().key, fields),
      backoff: { initialMs: 20, maxMs: 200, minMs: 0 }, tickMs: 50,
    });
    const told: SurveillanceAlert[] = [];
    let executions = 0;
    let restarted = false;
    host.onEvent((e) => {
      if (e.type === 'alerts') told.push(...e.alerts);
      if (e.type === 'executions') executions += e.executions.length;
      if (e.type === 'engine-restarted') restarted = true;
    });
    const account: AccountConfig = { id: 'a', label: 'a', apiKeyId: API_KEY_ID, environment: 'custom', listener: { host: 'localhost', port, target: 'KalshiRT' }, tls: { caPem } };
    try {
      await host.api.addAccount(account);
      await waitFor(() => executions >= 40, '40 executions under version 1', 20_000);
      assert.equal(told.length, 0, 'version 1 raises nothing');

      await host.api.setRules(V2);
      await waitFor(() => told.length > 0, 'a restricted-list alert under version 2', 20_000);
      assert.ok(told.every((a) => a.ruleId === 'restricted-list' && a.rulesVersion === 2));

      await host.crashForTest();
      await waitFor(() => restarted, 'the worker restarted', 10_000);
      const before = told.length;
      await waitFor(() => told.length > before, 'alerts after the restart', 20_000);
      assert.ok(told.slice(before).every((a) => a.rulesVersion === 2), 'the restarted worker runs the rules last set');
      assert.equal(new Set(told.map((a) => a.id)).size, told.length, 'each alert told once');
    } finally {
      await host.close();
      await simulator.stop();
      dir.remove();
    }
  });
});
