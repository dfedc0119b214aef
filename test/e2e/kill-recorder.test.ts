// Crash safety end to end: `fillwatch record --db` is killed with SIGKILL at random moments while a
// catch-up burst streams from the simulator, then restarted; at the end the journal holds exactly the
// simulator's ExecIDs, each once, and its hash chain verifies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournalReader, verifyJournal } from '../../electron/core/journal/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys } from '../support/simulator-fixture.ts';

const TOTAL = Number(process.env['FILLWATCH_KILL_TOTAL'] ?? 100_000);
const ROUNDS = Number(process.env['FILLWATCH_KILL_ROUNDS'] ?? 10);

/** Deterministic kill moments (mulberry32), so a failure replays. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test(`SIGKILL the recorder ${ROUNDS} times during a ${TOTAL}-ER stream: every ExecID exactly once`, { timeout: 600_000 }, async () => {
  const { simulator, port, caPem } = await startSimulator({ totalReports: TOTAL, ratePerSecond: 0, streamWhileDisconnected: true, seed: 7 });
  const dir = mkdtempSync(join(tmpdir(), 'fillwatch-kill-'));
  const db = join(dir, 'journal.db');
  writeFileSync(join(dir, 'ca.pem'), caPem);
  writeFileSync(join(dir, 'key.pem'), testKeys().privateKeyPem, { mode: 0o600 });
  const args = ['bin/fillwatch.mjs', 'record', '--host', 'localhost', '--port', String(port), '--target', 'KalshiRT',
    '--api-key-id', API_KEY_ID, '--key-file', join(dir, 'key.pem'), '--ca', join(dir, 'ca.pem'), '--db', db, '--quiet'];
  const random = prng(20261125);
  const run = (extra: string[] = []) => {
    const child = spawn(process.execPath, [...args, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, stderr: () => stderr };
  };
  const waitForLogon = (child: ChildProcess) => new Promise<void>((resolve) => {
    const onLogon = () => { simulator.off('logon', onLogon); resolve(); };
    simulator.on('logon', onLogon);
    child.once('exit', () => { simulator.off('logon', onLogon); resolve(); });
  });
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const r = run();
      await waitForLogon(r.child);
      await new Promise((resolve) => setTimeout(resolve, 20 + random() * 600));
      r.child.kill('SIGKILL');
      await r.exited;
    }
    const last = run(['--exit-after-idle', '2']);
    const code = await last.exited;
    assert.equal(code, 0, last.stderr());
  } finally {
    await simulator.stop();
  }
  const expected = simulator.execIdsFor(API_KEY_ID);
  assert.equal(expected.length, TOTAL);
  const reader = openJournalReader(db);
  try {
    const stored = [...reader.executions()].map((e) => e.execId);
    assert.equal(new Set(stored).size, stored.length, 'an ExecID was stored twice');
    assert.equal(stored.length, TOTAL, 'missing executions');
    const storedSet = new Set(stored);
    assert.ok(expected.every((id) => storedSet.has(id)), 'a simulator ExecID is missing from the journal');
  } finally {
    reader.close();
  }
  const verified = verifyJournal(db);
  assert.ok(verified.ok, verified.ok ? '' : verified.description);
});
