// `fillwatch record --target KalshiNR --db F --dc-port P` as a user runs it: a child process against the
// in-test simulator (DC on the same port). The NR stream loses ERs; at exit the journal holds every
// ExecID exactly once, and --out received the recovered fills too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { openJournalReader } from '../../electron/core/journal/index.ts';
import type { ErSentEvent } from '../../electron/simulator/simulator.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { cliWorkdir, runFillwatch } from '../support/fillwatch-cli.ts';
import { startSimulator } from '../support/simulator-fixture.ts';

describe('fillwatch record --dc-port', () => {
  test('NR with sequence gaps: the lost fills are backfilled into the journal and --out', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 400, ratePerSecond: 1000, faults: [{ every: 60, fault: { kind: 'seq-gap', skip: 3 } }] });
    const sent: ErSentEvent[] = [];
    simulator.on('er-sent', (e) => sent.push(e));
    const w = cliWorkdir('fillwatch-dc-cli-', caPem);
    try {
      const run = await runFillwatch(['record', '--host', 'localhost', '--port', String(port), '--target', 'KalshiNR', '--api-key-id', API_KEY_ID,
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
    const run = await runFillwatch(['record', '--host', 'localhost', '--port', '1', '--target', 'KalshiNR', '--api-key-id', API_KEY_ID,
      '--key-file', 'k.pem', '--out', 'x.jsonl', '--dc-port', '2']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^fillwatch: --dc-port needs --db/);
  });
});
