// The app runtime end to end under Node: demo mode while no account is configured, then the first real
// account saved through the IpcDoor (key imported from a file, a custom host with its CA: the project's
// Kalshi simulator over real TLS) ends the demo — windows told to resync, the real journal recorded,
// the demo's kept apart — and a restart brings the account back from accounts.json and the keychain.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { IpcResult, LiveBatch, SettingsView } from '../../shared/ipc/contract.ts';
import { AppRuntime, type AppRuntimeOptions } from '../../electron/main/app-runtime.ts';
import { IpcDoor, trustOrigins } from '../../electron/main/ipc/ipc-door.ts';
import { generateKeyPair } from '../../electron/core/signing/index.ts';
import { KalshiSimulator } from '../../electron/simulator/simulator.ts';
import { MemoryKeychain } from './support/memory-keychain.ts';

const ours = { url: 'app://fillwatch/index.html', isMainFrame: true };

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the app runtime', { timeout: 90_000 }, () => {
  test('demo until the first real account is saved, then that account, in its own journal; a restart resumes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-runtime-'));
    const apiKeyId = randomUUID();
    const pair = generateKeyPair();
    const simulator = new KalshiSimulator({ accounts: [{ apiKeyId, publicKeyPem: pair.publicKeyPem, seed: 3 }], ratePerSecond: 40, streamWhileDisconnected: true });
    const { host, port } = await simulator.start();
    const keyFile = join(dir, 'key.pem');
    const caFile = join(dir, 'ca.pem');
    writeFileSync(keyFile, pair.privateKeyPem);
    writeFileSync(caFile, simulator.caCertPem ?? '');
    const keychain = new MemoryKeychain();
    const logLines: string[] = [];
    const options: AppRuntimeOptions = {
      log: (line) => logLines.push(line),
      dataDir: dir, journalPath: join(dir, 'journal.db'), demo: { accounts: 1, reportsPerSecond: 20, seed: 9 }, keychain,
      pickFile: async (purpose) => (purpose === 'private-key' ? keyFile : caFile), writeClipboard: () => {}, statusPollMs: 100,
    };
    let runtime = await AppRuntime.start(options);
    try {
      const door = () => new IpcDoor(runtime.handlers, trustOrigins(['app://fillwatch']));
      const call = async <T>(name: string, payload: unknown) => await door().handle(`fillwatch:${name}`, ours, payload) as IpcResult<T>;
      const batches: LiveBatch[] = [];
      const resyncs: string[] = [];
      runtime.onBatch((b) => batches.push(b));
      runtime.onResync((r) => resyncs.push(r.reason));

      assert.equal(runtime.demoActive, true);
      assert.equal(runtime.journalPath, join(dir, 'demo-journal.db'));
      await until('demo fills', () => batches.some((b) => b.executions.length > 0));
      const demoAccount = batches.flatMap((b) => b.executions)[0]!.accountId;

      const imported = await call('keys.import', { apiKeyId });
      assert.ok(imported.ok);
      const picked = await call<{ picked: true; pickId: string }>('tls.pickCaCertificate', {});
      assert.ok(picked.ok && picked.value.picked);
      const saved = await call<SettingsView>('accounts.save', {
        account: {
          id: null, label: 'Sim desk', apiKeyId, environment: 'custom', target: 'KalshiRT', host, port, dropCopy: false, dropCopyPort: null,
          caCertificate: { pickId: picked.value.pickId }, generatedKeyId: null,
        },
      });
      assert.ok(saved.ok, saved.ok ? '' : saved.error.message);
      assert.equal(saved.value.demo, false);
      assert.equal(runtime.demoActive, false);
      assert.equal(runtime.journalPath, join(dir, 'journal.db'));
      assert.deepEqual(resyncs, ['Demo mode ended: Fillwatch now records your accounts.']);

      const snapshot = await call<{ demo: { active: boolean }; accounts: { account: { id: string } }[] }>('app.snapshot', {});
      assert.ok(snapshot.ok);
      assert.equal(snapshot.value.demo.active, false);
      assert.deepEqual(snapshot.value.accounts.map((a) => a.account.id), [apiKeyId]);
      const tested = await call<{ connected: boolean }>('accounts.testConnection', { id: apiKeyId });
      assert.ok(tested.ok && tested.value.connected, JSON.stringify(tested));
      const before = batches.length;
      await until('the real account\'s fills', () => batches.slice(before).some((b) => b.executions.some((e) => e.accountId === apiKeyId)));
      assert.ok(batches.slice(before).every((b) => b.executions.every((e) => e.accountId !== demoAccount)), 'no demo fill after the switch');

      await runtime.close();
      const real = new Database(join(dir, 'journal.db'), { readonly: true });
      const accountsInJournal = real.prepare('SELECT DISTINCT a.api_key_id FROM executions e JOIN accounts a ON a.id = e.account_id').pluck().all();
      real.close();
      assert.deepEqual(accountsInJournal, [apiKeyId], 'the real journal holds only the real account');

      // Restarted: the account comes back from accounts.json, its key from the keychain; no demo.
      runtime = await AppRuntime.start(options);
      assert.equal(runtime.demoActive, false);
      await until('logged on again', async () => (await runtime.services.recorder.accounts()).some((s) => s.accountId === apiKeyId && s.phase === 'active'));
      const keyBody = pair.privateKeyPem.split('\n')[1]!;
      assert.ok(logLines.every((line) => !line.includes('PRIVATE KEY') && !line.includes(keyBody)), 'the key never reaches a log line');
    } finally {
      await runtime.close();
      await simulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
