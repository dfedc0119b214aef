// After the recorder engine restarts, Live has no hole: executions the journal committed whose events
// died with the worker are read back (changesSince from the newest one seen) and batched to windows;
// ones that also arrive live meanwhile are not added twice; the snapshot stays newest-first by position.
// First with a scripted recorder (which rows were lost is exact), then with the real worker killed
// mid-stream, the feed compared with the journal file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { HistoryRow, JournalPosition } from '../../shared/history/history-page.ts';
import type { LiveBatch } from '../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../shared/service/recorder-api.ts';
import { EventBatcher } from '../../electron/main/ipc/event-batcher.ts';
import { LiveFeed } from '../../electron/main/live/live-feed.ts';
import { RecorderHost } from '../../electron/core/service/recorder-host.ts';
import { SigningKeys } from '../../electron/main/keys/signing-keys.ts';
import { generateKeyPair, importPrivateKeyPem } from '../../electron/core/signing/index.ts';
import { KalshiSimulator } from '../../electron/simulator/simulator.ts';
import { accountConfig, fakeRecorder } from './support/fake-recorder.ts';
import { ManualTimer } from './support/manual-timer.ts';
import { recordNo } from './support/samples.ts';

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the Live feed after an engine restart', () => {
  test('rows committed but never announced are read back once, in place; a row that also arrives live is not doubled', async () => {
    const a = accountConfig('a');
    const recorder = fakeRecorder([a]);
    // The journal: positions 1…8 committed; the feed will only hear of 1…5 before the engine dies.
    const journal: HistoryRow[] = Array.from({ length: 8 }, (_, i) => ({ ...recordNo(i + 1), rowId: i + 1, account: a.apiKeyId, eventAt: 0, balanceChange: null }));
    const reads: string[] = [];
    const hooks: { duringRefill?: () => void } = {};
    (recorder.api as { history: RecorderApi['history'] }).history = (async (method: string, ...args: unknown[]) => {
      reads.push(method);
      if (method === 'positionAfterRow') return `p${String(args[0])}` as JournalPosition;
      if (method === 'changesSince') {
        hooks.duringRefill?.();
        const from = Number(String(args[0]).slice(1));
        return { rows: journal.filter((r) => r.rowId > from), position: `p${journal.at(-1)!.rowId}`, more: false };
      }
      throw new Error(`unexpected ${method}`);
    }) as RecorderApi['history'];
    const timer = new ManualTimer();
    const feed = new LiveFeed(recorder.api, { batcher: new EventBatcher({ timer }), statusPollMs: 3_600_000 });
    const batches: LiveBatch[] = [];
    feed.onBatch((b) => batches.push(b));
    recorder.commit(5);
    timer.advance(100);
    // Position 9 commits (and is announced) by the restarted engine while the feed reads the journal back.
    hooks.duringRefill = () => {
      journal.push({ ...recordNo(9), rowId: 9, account: a.apiKeyId, eventAt: 0, balanceChange: null });
      recorder.fire({ type: 'executions', accountId: 'a', executions: [{ position: 9, record: recordNo(9) }] });
    };
    recorder.fire({ type: 'engine-restarted', text: 'The recorder engine was restarted; resyncing from the journal.' });
    await until('the refill', () => feed.snapshot(100).executions.length === 9);
    timer.advance(100);
    assert.deepEqual(reads, ['positionAfterRow', 'changesSince']);
    assert.deepEqual(feed.snapshot(100).executions.map((e) => e.position), [9, 8, 7, 6, 5, 4, 3, 2, 1], 'newest first, no hole, no double');
    const delivered = batches.flatMap((b) => b.executions.map((e) => e.position));
    assert.deepEqual([...delivered].sort((x, y) => x - y), [1, 2, 3, 4, 5, 6, 7, 8, 9], 'each position reached windows exactly once');
    assert.equal(feed.snapshot(100).executions.find((e) => e.position === 7)?.accountId, 'a');
    feed.dispose();
  });

  test('rows read back belong to the accounts known before the crash, though the restarted engine does not list them yet', async () => {
    const a = accountConfig('a');
    const configured = [a];
    const recorder = fakeRecorder(configured);
    const journal: HistoryRow[] = Array.from({ length: 6 }, (_, i) => ({ ...recordNo(i + 1), rowId: i + 1, account: a.apiKeyId, eventAt: 0, balanceChange: null }));
    (recorder.api as { history: RecorderApi['history'] }).history = (async (method: string, ...args: unknown[]) => {
      if (method === 'positionAfterRow') return `p${String(args[0])}` as JournalPosition;
      if (method === 'changesSince') return { rows: journal.filter((r) => r.rowId > Number(String(args[0]).slice(1))), position: 'p6', more: false };
      throw new Error(`unexpected ${method}`);
    }) as RecorderApi['history'];
    const timer = new ManualTimer();
    const feed = new LiveFeed(recorder.api, { batcher: new EventBatcher({ timer }), statusPollMs: 3_600_000 });
    await feed.refreshAccounts();
    assert.equal(feed.accounts().length, 1);
    recorder.commit(3);
    // The engine dies and comes back empty-handed for a moment: configs() lists nothing yet.
    configured.length = 0;
    recorder.fire({ type: 'engine-restarted', text: 'The recorder engine was restarted; resyncing from the journal.' });
    await until('the refill', () => feed.snapshot(100).executions.length === 6);
    assert.deepEqual(feed.snapshot(100).executions.map((e) => [e.position, e.accountId]), [[6, 'a'], [5, 'a'], [4, 'a'], [3, 'a'], [2, 'a'], [1, 'a']]);
    feed.dispose();
  });

  test('a read back that fails is not forgotten: the next restart reads from where the first should have, past the rows that came live since', async () => {
    const a = accountConfig('a');
    const recorder = fakeRecorder([a]);
    // Committed: 1…10. Heard before the first crash: 1…3. The second engine announces 8…10, then dies too.
    const journal: HistoryRow[] = Array.from({ length: 10 }, (_, i) => ({ ...recordNo(i + 1), rowId: i + 1, account: a.apiKeyId, eventAt: 0, balanceChange: null }));
    let failReads = true;
    const froms: number[] = [];
    (recorder.api as { history: RecorderApi['history'] }).history = (async (method: string, ...args: unknown[]) => {
      if (method === 'positionAfterRow') return `p${String(args[0])}` as JournalPosition;
      if (method === 'changesSince') {
        const from = Number(String(args[0]).slice(1));
        froms.push(from);
        if (failReads) throw new Error('The recorder engine stopped (exit code 1) before answering.');
        return { rows: journal.filter((r) => r.rowId > from), position: 'p10', more: false };
      }
      throw new Error(`unexpected ${method}`);
    }) as RecorderApi['history'];
    const timer = new ManualTimer();
    const feed = new LiveFeed(recorder.api, { batcher: new EventBatcher({ timer }), statusPollMs: 3_600_000 });
    await feed.refreshAccounts();
    recorder.commit(3);
    recorder.fire({ type: 'engine-restarted', text: 'restarted' });
    await until('the failed read', () => froms.length === 1);
    await new Promise((r) => setTimeout(r, 10));
    recorder.fire({ type: 'executions', accountId: 'a', executions: [8, 9, 10].map((n) => ({ position: n, record: recordNo(n) })) });
    failReads = false;
    recorder.fire({ type: 'engine-restarted', text: 'restarted again' });
    await until('the refill', () => feed.snapshot(100).executions.length === 10);
    assert.deepEqual(froms, [3, 3], 'both reads start after the newest heard before the first crash');
    assert.deepEqual(feed.snapshot(100).executions.map((e) => e.position), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'no hole, no double');
    feed.dispose();
  });

  test('the real worker killed mid-stream: the feed ends up holding exactly what the journal committed', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-refill-'));
    const apiKeyId = randomUUID();
    const pair = generateKeyPair();
    const keys = new SigningKeys();
    keys.add(apiKeyId, importPrivateKeyPem(pair.privateKeyPem));
    const simulator = new KalshiSimulator({ accounts: [{ apiKeyId, publicKeyPem: pair.publicKeyPem, seed: 8 }], ratePerSecond: 400, streamWhileDisconnected: true });
    const { host, port } = await simulator.start();
    const journalPath = join(dir, 'journal.db');
    const recorder = new RecorderHost({ journalPath, signerFor: keys.signerFor });
    const feed = new LiveFeed(recorder.api, { keepExecutions: 100_000, statusPollMs: 100 });
    try {
      await recorder.api.addAccount({ id: 'sim', label: 'Sim', apiKeyId, environment: 'custom', listener: { host, port, target: 'KalshiRT' }, tls: { caPem: simulator.caCertPem ?? '' } }, { start: true });
      await until('a stream', () => feed.snapshot(100_000).executions.length > 200);
      await recorder.crashForTest();
      await until('the engine back and recording', () => feed.snapshot(100_000).executions.length > 600);
      await recorder.api.stopAccount('sim');
      await new Promise((r) => setTimeout(r, 300));
      const db = new Database(journalPath, { readonly: true });
      const committed = db.prepare('SELECT raw_id FROM executions ORDER BY raw_id').pluck().all() as number[];
      db.close();
      const held = feed.snapshot(100_000).executions.map((e) => e.position);
      assert.equal(new Set(held).size, held.length, 'no execution twice');
      assert.deepEqual([...held].reverse(), committed, 'every committed execution, in commit order');
      assert.ok(recorder.restarts >= 1);
    } finally {
      feed.dispose();
      await recorder.close();
      await simulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
