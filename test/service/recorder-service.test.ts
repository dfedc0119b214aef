// The recorder service over real TLS against the simulator, into one real journal file: two accounts
// at once, readers that fail, stop / start / reconfigure while the other account keeps recording,
// and live positions that equal a replay of the journal.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { ServiceEvent } from '../../shared/service/service-events.ts';
import { positionsSnapshot } from '../../shared/positions/positions-snapshot.ts';
import { RecorderService, RecorderServiceError } from '../../electron/core/service/recorder-service.ts';
import { openJournalReader } from '../../electron/core/journal/index.ts';
import { replayBook } from '../../electron/core/positions/replay-book.ts';
import { generateKeyPair, importPrivateKeyPem, signLogon, type SigningKey } from '../../electron/core/signing/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';

const SECOND_KEY_ID = '7d1e2f3a-0b4c-4d5e-8f60-718293a4b5c6';

async function setUp(reports: number) {
  const second = generateKeyPair();
  const keys = new Map<string, SigningKey>([[API_KEY_ID, testKeys().key], [SECOND_KEY_ID, importPrivateKeyPem(second.privateKeyPem)]]);
  const { simulator, port, caPem } = await startSimulator({
    totalReports: reports,
    ratePerSecond: 400,
    accounts: [{ apiKeyId: API_KEY_ID, publicKeyPem: testKeys().publicKeyPem }, { apiKeyId: SECOND_KEY_ID, publicKeyPem: second.publicKeyPem }],
  });
  const dir = mkdtempSync(join(tmpdir(), 'fw-service-'));
  const journalPath = join(dir, 'journal.db');
  const account = (id: string, apiKeyId: string, label: string): AccountConfig => ({
    id, label, apiKeyId, environment: 'custom', listener: { host: 'localhost', port, target: 'KalshiRT' }, tls: { caPem },
  });
  const service = new RecorderService({
    journalPath,
    signerFor: (apiKeyId) => (fields) => signLogon(keys.get(apiKeyId)!, fields),
    backoff: { initialMs: 20, maxMs: 200, minMs: 0 },
    tickMs: 50,
  });
  const events: ServiceEvent[] = [];
  service.onEvent((e) => events.push(e));
  const recorded = (accountId: string) => events.flatMap((e) => (e.type === 'executions' && e.accountId === accountId ? e.executions : []));
  const cleanUp = async () => {
    await service.close();
    await simulator.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { simulator, service, events, recorded, journalPath, account, cleanUp };
}

describe('RecorderService', () => {
  test('two accounts record into one journal at once; each ExecID once, positions strictly increasing', async () => {
    const s = await setUp(150);
    try {
      s.service.addAccount(s.account('a', API_KEY_ID, 'Desk A'));
      s.service.addAccount(s.account('b', SECOND_KEY_ID, 'Desk B'));
      await waitFor(() => s.recorded('a').length === 150 && s.recorded('b').length === 150, 'both accounts fully recorded', 20_000);
      for (const [id, key] of [['a', API_KEY_ID], ['b', SECOND_KEY_ID]] as const) {
        const ids = s.recorded(id).map((x) => x.record.execId);
        assert.deepEqual([...ids].sort(), [...s.simulator.execIdsFor(key)].sort());
      }
      const positions = s.events.flatMap((e) => (e.type === 'executions' ? e.executions.map((x) => x.position) : []));
      assert.ok(positions.every((p, i) => i === 0 || p > positions[i - 1]!), 'journal positions must increase across accounts');
      assert.deepEqual(s.service.accounts().map((a) => [a.accountId, a.phase]), [['a', 'active'], ['b', 'active']]);
      assert.ok(s.service.accounts().every((a) => a.lastMessageAt !== undefined));
      assert.throws(() => s.service.addAccount(s.account('c', API_KEY_ID, 'Again')), RecorderServiceError);
    } finally {
      await s.cleanUp();
    }
  });

  test('a reader that throws is dropped and reported once; recording and the other readers go on', async () => {
    const s = await setUp(100);
    try {
      let calls = 0;
      s.service.onEvent(() => { calls++; throw new Error('window closed'); });
      s.service.addAccount(s.account('a', API_KEY_ID, 'Desk A'));
      await waitFor(() => s.recorded('a').length === 100, 'every execution');
      assert.equal(calls, 1);
      const errors = s.events.filter((e) => e.type === 'service-error');
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.type === 'service-error' ? errors[0]!.text : '', /window closed/);
    } finally {
      await s.cleanUp();
    }
  });

  test('stop, start and reconfigure one account while the other keeps recording; a restart resumes from the journal', async () => {
    const s = await setUp(300);
    const logouts: Array<{ apiKeyId: string; initiator: string }> = [];
    s.simulator.on('logout', (e: { apiKeyId: string; initiator: string }) => logouts.push(e));
    const logons: Array<{ apiKeyId: string; resetSeqNum: boolean }> = [];
    s.simulator.on('logon', (e: { apiKeyId: string; resetSeqNum: boolean }) => logons.push(e));
    try {
      s.service.addAccount(s.account('a', API_KEY_ID, 'Desk A'));
      s.service.addAccount(s.account('b', SECOND_KEY_ID, 'Desk B'));
      await waitFor(() => s.recorded('a').length >= 20, 'some of A');
      await s.service.stopAccount('a');
      assert.deepEqual(logouts.filter((l) => l.apiKeyId === API_KEY_ID).map((l) => l.initiator), ['client']);
      assert.equal(s.service.accounts().find((a) => a.accountId === 'a')?.phase, 'stopped');
      // Stopped, it still says when the exchange last spoke: the journal's newest message of A.
      const stored = new Database(s.journalPath, { readonly: true });
      try {
        const newest = stored.prepare(`SELECT max(g.last_received_at) FROM segments g JOIN sessions x ON x.id = g.session_id WHERE x.sender_comp_id = ?`).pluck().get(API_KEY_ID);
        assert.equal(typeof newest, 'number');
        assert.equal(s.service.accounts().find((a) => a.accountId === 'a')?.lastMessageAt, newest);
      } finally {
        stored.close();
      }
      const bBefore = s.recorded('b').length;
      await waitFor(() => s.recorded('b').length > bBefore + 20, 'B keeps recording while A is stopped');
      await s.service.startAccount('a');
      await waitFor(() => logons.filter((l) => l.apiKeyId === API_KEY_ID).length === 2, 'A logged on again');
      await s.service.reconfigure({ ...s.account('a', API_KEY_ID, 'Desk A (renamed)') });
      assert.equal(s.service.configs().find((c) => c.id === 'a')?.label, 'Desk A (renamed)');
      await waitFor(() => s.recorded('a').length === 300 && s.recorded('b').length === 300, 'both complete', 30_000);
      const aIds = s.recorded('a').map((x) => x.record.execId);
      assert.equal(new Set(aIds).size, 300, 'an ExecID of A was delivered twice');
      // Resumed, not reset: only the very first Logon of each key asked for 141=Y.
      assert.deepEqual(logons.filter((l) => l.apiKeyId === API_KEY_ID).map((l) => l.resetSeqNum), [true, false, false]);
    } finally {
      await s.cleanUp();
    }
  });

  test('live positions equal a replay of the journal for each account', async () => {
    const s = await setUp(200);
    try {
      s.service.addAccount(s.account('a', API_KEY_ID, 'Desk A'));
      s.service.addAccount(s.account('b', SECOND_KEY_ID, 'Desk B'));
      await waitFor(() => s.recorded('a').length === 200 && s.recorded('b').length === 200, 'both complete', 20_000);
      const reader = openJournalReader(s.journalPath);
      try {
        for (const [id, key] of [['a', API_KEY_ID], ['b', SECOND_KEY_ID]] as const) {
          const live = s.service.positions(id);
          const replayed = positionsSnapshot(replayBook(reader, { senderCompId: key }).book);
          assert.ok(live.markets.length > 0);
          assert.deepEqual(live, replayed);
        }
      } finally {
        reader.close();
      }
    } finally {
      await s.cleanUp();
    }
  });
});
