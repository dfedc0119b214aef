// The main-side services for real: demo mode's simulator over TLS, the recorder in its worker thread,
// the LiveFeed and the request handlers behind the IpcDoor. Fills flow into batches and snapshots;
// positions come back as exact decimal text; no key material appears in anything a window receives.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServices } from '../../electron/main/app-services.ts';
import { IpcDoor, trustOrigins } from '../../electron/main/ipc/ipc-door.ts';
import { requestChannel, requests, type LiveBatch } from '../../shared/ipc/contract.ts';
import { waitFor } from '../support/simulator-fixture.ts';
import { unusedSettingsHandlers, unusedHistoryHandlers, unusedSurveillanceHandlers } from './support/samples.ts';

const ours = { url: 'app://fillwatch/index.html', isMainFrame: true };

describe('app services in demo mode', () => {
  test('demo fills reach batches and the snapshot; positions are exact text; nothing secret crosses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-app-'));
    const services = await startAppServices({ journalPath: join(dir, 'journal.db'), demo: { accounts: 2, reportsPerSecond: 40, seed: 7 }, statusPollMs: 100 });
    const door = new IpcDoor({ ...services.handlers, ...unusedSettingsHandlers(), ...unusedHistoryHandlers(), ...unusedSurveillanceHandlers() }, trustOrigins(['app://fillwatch']));
    const batches: LiveBatch[] = [];
    services.feed.onBatch((b) => batches.push(b));
    try {
      await waitFor(() => batches.flatMap((b) => b.executions).length >= 30, '30 demo executions in batches', 20_000);
      const snapshot = await door.handle(requestChannel('app.snapshot'), ours, { limit: 10 });
      assert.ok(snapshot.ok);
      const value = requests['app.snapshot'].response.parse(snapshot.value);
      assert.equal(value.executions.length, 10);
      assert.equal(value.demo.active, true);
      assert.deepEqual(value.accounts.map((a) => [a.account.id, a.account.demo, a.status.phase]), [['demo-1', true, 'active'], ['demo-2', true, 'active']]);
      const positions = await door.handle(requestChannel('positions.get'), ours, { accountId: 'demo-1' });
      assert.ok(positions.ok, JSON.stringify(positions));
      const view = requests['positions.get'].response.parse(positions.value);
      assert.ok(view.markets.length > 0);
      assert.match(view.totals.net, /^-?\d+(\.\d+)?$/);
      const missing = await door.handle(requestChannel('positions.get'), ours, { accountId: 'nope' });
      assert.equal(missing.ok ? 'ok' : missing.error.kind, 'not-found');
      const everything = JSON.stringify([batches, snapshot, positions, await door.handle(requestChannel('accounts.list'), ours, {})]);
      assert.doesNotMatch(everything, /PRIVATE KEY|BEGIN CERTIFICATE/);
      // Positions are unique and increasing across both accounts (one journal).
      const seen = batches.flatMap((b) => b.executions.map((e) => e.position));
      assert.deepEqual(seen, [...new Set(seen)].sort((a, b) => a - b));
    } finally {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
