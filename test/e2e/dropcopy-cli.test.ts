// `fillwatch record --target KalshiNR --db F --dc-port P` as a user runs it: a child process against the
// in-test simulator (DC on the same port). The NR stream loses ERs; at exit the journal holds every
// ExecID exactly once, and --out received the recovered fills too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournalReader } from '../../electron/core/journal/index.ts';
import type { ErSentEvent } from '../../electron/simulator/simulator.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys } from '../support/simulator-fixture.ts';

function fillwatch(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/fillwatch.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function workdir(caPem: string) {
  const dir = mkdtempSync(join(tmpdir(), 'fillwatch-dc-cli-'));
  const keyFile = join(dir, 'key.pem');
  writeFileSync(keyFile, testKeys().privateKeyPem, { mode: 0o600 });
  const ca = join(dir, 'ca.pem');
  writeFileSync(ca, caPem);
  return { dir, keyFile, ca, db: join(dir, 'journal.db'), out: join(dir, 'fills.jsonl') };
}

describe('fillwatch record --dc-port', () => {
  test('NR with sequence gaps: the lost fills are backfilled into the journal and --out', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 400, ratePerSecond: 1000, faults: [{ every: 60, fault: { kind: 'seq-gap', skip: 3 } }] });
    const sent: ErSentEvent[] = [];
    simulator.on('er-sent', (e) => sent.push(e));
    const w = workdir(caPem);
    try {
      const run = await fillwatch(['record', '--host', 'localhost', '--port', String(port), '--target', 'KalshiNR', '--api-key-id', API_KEY_ID,
        '--key-file', w.keyFile, '--ca', w.ca, '--db', w.db, '--out', w.out, '--dc-port', String(port), '--exit-after-idle', '1']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /Backfilling possible missed fills between .+ from drop copy/);
      assert.match(run.stderr, /Backfill between .+ complete: \d+ replayed, [1-9]\d* recovered/);
      assert.doesNotMatch(run.stderr, /Possible missed fills between .+: (no drop-copy|Drop copy)/);
      const lostRejects = new Set(sent.filter((e) => e.delivery === 'lost' && e.report.kind === 'reject').map((e) => e.execId));
      const expected = simulator.execIdsFor(API_KEY_ID).filter((id) => !lostRejects.has(id)).sort();
      assert.ok(sent.some((e) => e.delivery === 'lost' && e.report.kind !== 'reject'));
      const reader = openJournalReader(w.db);
      const held = [...reader.executions()].map((e) => e.execId);
      reader.close();
      assert.equal(new Set(held).size, held.length);
      assert.deepEqual(held.sort(), expected);
      const lines = readFileSync(w.out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { execId: string }).execId);
      assert.deepEqual(lines.sort(), expected, '--out holds live and recovered fills, once each');
      assert.match(run.stdout, new RegExp(`recorded ${expected.length} new execution`));
    } finally {
      await simulator.stop();
      rmSync(w.dir, { recursive: true, force: true });
    }
  });

  test('--dc-port needs --db', async () => {
    const run = await fillwatch(['record', '--host', 'localhost', '--port', '1', '--target', 'KalshiNR', '--api-key-id', API_KEY_ID,
      '--key-file', 'k.pem', '--out', 'x.jsonl', '--dc-port', '2']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^fillwatch: --dc-port needs --db/);
  });
});
