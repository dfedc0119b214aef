// The recorder in a worker thread: the same calls and events as in-process, the Logon signed on the
// host's thread (the key never crosses), and a crashed worker restarted with its accounts resuming
// from the journal.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { ServiceEvent } from '../../shared/service/service-events.ts';
import { RecorderHost } from '../../electron/core/service/recorder-host.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';

async function setUp(reports: number, rate = 0) {
  const { simulator, port, caPem } = await startSimulator({ totalReports: reports, ratePerSecond: rate });
  const dir = mkdtempSync(join(tmpdir(), 'fw-host-'));
  const signedOn: number[] = [];
  const key = testKeys().key;
  const host = new RecorderHost({
    journalPath: join(dir, 'journal.db'),
    backoff: { initialMs: 20, maxMs: 200, minMs: 0 },
    tickMs: 50,
    signerFor: () => (fields) => { signedOn.push(threadId); return signLogon(key, fields); },
  });
  const events: ServiceEvent[] = [];
  host.onEvent((e) => events.push(e));
  const account: AccountConfig = { id: 'a', label: 'Desk A', apiKeyId: API_KEY_ID, environment: 'custom', listener: { host: 'localhost', port, target: 'KalshiRT' }, tls: { caPem } };
  const recorded = () => events.flatMap((e) => (e.type === 'executions' ? e.executions : []));
  return { simulator, host, events, account, recorded, signedOn, cleanUp: async () => { await host.close(); await simulator.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

describe('RecorderHost (the service in a worker thread)', () => {
  test('records every execution in the worker; the Logon is signed on the host thread', async () => {
    const s = await setUp(200);
    try {
      await s.host.api.addAccount(s.account);
      await waitFor(() => s.recorded().length === 200, '200 executions through the worker');
      assert.deepEqual(s.recorded().map((x) => x.record.execId).sort(), [...s.simulator.execIdsFor(API_KEY_ID)].sort());
      assert.notEqual(s.host.workerThreadId, threadId);
      assert.deepEqual(s.signedOn, [threadId]);
      const [status] = await s.host.api.accounts();
      assert.equal(status?.phase, 'active');
      const positions = await s.host.api.positions('a');
      assert.ok(positions.markets.length > 0 && typeof positions.totals.all.net === 'bigint', 'decimals cross the thread as exact bigints');
      // History queries run in the worker too, on their own read connection.
      const count = await s.host.api.history('count', { accounts: [API_KEY_ID] }, { exact: true });
      assert.deepEqual(count, { value: 200, exact: true });
      const page = await s.host.api.history('page', { filter: {}, sort: { column: 'time', direction: 'desc' }, limit: 50 });
      assert.equal(page.rows.length, 50);
      await assert.rejects(s.host.api.history('page', { filter: {}, sort: { column: 'time', direction: 'desc' }, limit: 0 }));
    } finally {
      await s.cleanUp();
    }
  });

  test('an error in the worker comes back typed, with its sentence', async () => {
    const s = await setUp(1);
    try {
      await assert.rejects(s.host.api.positions('nope'), (e: Error) => e.name === 'RecorderServiceError' && /No account with id "nope"/.test(e.message));
    } finally {
      await s.cleanUp();
    }
  });

  test('a crashed worker is reported, restarted, and its account resumes from the journal without doubles', async () => {
    const s = await setUp(400, 300);
    try {
      await s.host.api.addAccount(s.account);
      await waitFor(() => s.recorded().length >= 50, 'some executions before the crash');
      // Whoever resyncs on engine-restarted (the Live feed) asks at once which accounts there are: the
      // restarted worker answers with its accounts back, not an empty engine.
      const askedOnRestart: Promise<string[]>[] = [];
      const asking = s.host.onEvent((e) => { if (e.type === 'engine-restarted') askedOnRestart.push(s.host.api.configs().then((c) => c.map((x) => x.id))); });
      await s.host.crashForTest();
      await waitFor(() => s.events.some((e) => e.type === 'service-error' && /restarting/.test(e.text)), 'the crash report');
      await waitFor(() => askedOnRestart.length === 1, 'engine-restarted');
      assert.deepEqual(await askedOnRestart[0], [s.account.id], 'the accounts are configured again before the restart is announced');
      asking.dispose();
      await waitFor(() => new Set(s.recorded().map((x) => x.record.execId)).size === 400, 'all 400 after the restart', 20_000);
      const ids = s.recorded().map((x) => x.record.execId);
      assert.equal(ids.length, new Set(ids).size, 'an execution was delivered twice across the restart');
      assert.equal(s.host.restarts, 1);
    } finally {
      await s.cleanUp();
    }
  });
});
