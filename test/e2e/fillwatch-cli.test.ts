// The `fillwatch` command as a user runs it: a child process against the in-test simulator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { cliWorkdir, runFillwatch, type CliRun, type CliWorkdir } from '../support/fillwatch-cli.ts';
import { startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';

function recordArgs(port: number, w: CliWorkdir, extra: string[] = []) {
  return ['record', '--host', 'localhost', '--port', String(port), '--target', 'KalshiRT', '--api-key-id', API_KEY_ID,
    '--key-file', w.keyFile, '--ca', w.ca, '--out', w.out, ...extra];
}

const readRecords = (path: string) => readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('fillwatch record', () => {
  test('records every ExecID exactly once through drops, then exits after idle', async () => {
    const { simulator, port, caPem } = await startSimulator({
      totalReports: 600, ratePerSecond: 2000, streamWhileDisconnected: true,
      faults: [{ every: 120, fault: { kind: 'drop-after', messages: 0 } }],
    });
    const w = cliWorkdir('fillwatch-cli-', caPem);
    try {
      const run = await runFillwatch(recordArgs(port, w, ['--exit-after-idle', '1']));
      assert.equal(run.code, 0, run.stderr);
      const records = readRecords(w.out);
      const ids = records.map((r) => r['execId']);
      assert.equal(new Set(ids).size, ids.length, 'duplicate ExecID in the file');
      assert.deepEqual([...ids].sort(), [...simulator.execIdsFor(API_KEY_ID)].sort());
      const keys = Object.keys(records[0] ?? {});
      for (const k of ['execId', 'orderId', 'clOrdId', 'symbol', 'side', 'execType', 'ordStatus', 'lastQty', 'lastPx', 'cumQty', 'leavesQty', 'avgPx', 'transactTime', 'msgSeqNum', 'possDup']) assert.ok(keys.includes(k), k);
      assert.match(run.stdout, /recorded 600 new execution/);
    } finally {
      await simulator.stop();
    }
  });

  test('SIGTERM logs out cleanly; a restart appends without duplicates', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 400, ratePerSecond: 400 });
    const logouts: string[] = [];
    simulator.on('logout', (e) => logouts.push(e.initiator));
    const w = cliWorkdir('fillwatch-cli-', caPem);
    try {
      const first = await runFillwatch(recordArgs(port, w), {
        onSpawn: (kill) => void waitFor(() => existsSync(w.out) && statSync(w.out).size > 2000, 'some records', 20_000).then(() => kill('SIGTERM')),
      });
      assert.equal(first.code, 0, first.stderr);
      assert.deepEqual(logouts, ['client']);
      const partial = readRecords(w.out).length;
      assert.ok(partial > 0 && partial < 400, `recorded ${partial}`);
      // The second run's fresh session starts the stream over (the simulator keeps continuity on RT);
      // what the file already holds must not be written again.
      const second = await runFillwatch(recordArgs(port, w, ['--exit-after-idle', '1']));
      assert.equal(second.code, 0, second.stderr);
      const ids = readRecords(w.out).map((r) => r['execId']);
      assert.equal(new Set(ids).size, ids.length, 'duplicate ExecID after restart');
    } finally {
      await simulator.stop();
    }
  });

  test('each failure is one clear line and its own exit code', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 5 });
    const w = cliWorkdir('fillwatch-cli-', caPem);
    const lastLine = (r: CliRun) => r.stderr.trim().split('\n').at(-1) ?? '';
    try {
      const badArgs = await runFillwatch(['record', '--host', 'localhost']);
      assert.equal(badArgs.code, 2);
      assert.match(badArgs.stderr, /^fillwatch: --target is required\nusage: fillwatch record [^\n]+\n$/);

      const junkKey = join(w.dir, 'junk.pem');
      writeFileSync(junkKey, 'not a key');
      const badKey = await runFillwatch(recordArgs(port, { ...w, keyFile: junkKey }));
      assert.equal(badKey.code, 2);
      assert.match(lastLine(badKey), /^fillwatch: bad key file .*junk\.pem/);

      const publicKey = join(w.dir, 'pub.pem');
      writeFileSync(publicKey, testKeys().publicKeyPem);
      const pubRun = await runFillwatch(recordArgs(port, { ...w, keyFile: publicKey }));
      assert.equal(pubRun.code, 2);
      assert.match(lastLine(pubRun), /public key/i);

      const missing = await runFillwatch(recordArgs(port, { ...w, keyFile: join(w.dir, 'nope.pem') }));
      assert.equal(missing.code, 2);
      assert.match(lastLine(missing), /cannot read the key file .*no such file/);

      const noCa = await runFillwatch(recordArgs(port, w).filter((a, i, all) => a !== '--ca' && all[i - 1] !== '--ca'));
      assert.equal(noCa.code, 4);
      assert.match(lastLine(noCa), /^fillwatch: TLS failure with localhost:\d+: .*pass --ca/);
      assert.ok(lastLine(noCa).length < 200, lastLine(noCa));
      assert.doesNotMatch(noCa.stderr, /use-system-ca/);

      const unreachable = await runFillwatch(recordArgs(1, w));
      assert.equal(unreachable.code, 4);
      assert.match(lastLine(unreachable), /^fillwatch: Cannot reach localhost:1/);

      const nr = await runFillwatch(recordArgs(port, w, ['--api-key-id', 'not-registered']).map((a) => a));
      assert.equal(nr.code, 3);
      assert.match(lastLine(nr), /^fillwatch: logon rejected by KalshiRT: /);
    } finally {
      await simulator.stop();
    }
  });
});

describe('fillwatch keygen', () => {
  test('writes a PKCS#8 private key (0600) and its public key, prints only the public part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fillwatch-keygen-'));
    const out = join(dir, 'k.pem');
    const run = await runFillwatch(['keygen', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(readFileSync(out, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    assert.match(readFileSync(join(dir, 'k.pub.pem'), 'utf8'), /^-----BEGIN PUBLIC KEY-----/);
    assert.doesNotMatch(run.stdout, /PRIVATE KEY-----\n[A-Za-z0-9+/]/);
    assert.match(run.stdout, /fingerprint: SHA256:/);
    const again = await runFillwatch(['keygen', '--out', out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists/);
  });
});

describe('fillwatch with a wrong command line', () => {
  // The case: these printed a stack trace and exited 1. Every command and case is in
  // test/cli/usage-errors.test.ts; this runs the real binary, where an uncaught error would show.
  test('verify, pnl and export --bogus: one line, then the usage, exit 2', async () => {
    const runs = await Promise.all(['verify', 'pnl', 'export'].map(async (command) => ({ command, run: await runFillwatch([command, '--bogus']) })));
    for (const { command, run } of runs) {
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.doesNotMatch(run.stderr, / {4}at /);
      assert.match(run.stderr, new RegExp(`^fillwatch: Unknown option '--bogus'\\nusage: fillwatch ${command} [^\\n]+\\n$`));
    }
  });

  test('an --out path that cannot be written is one line, exit 2', async () => {
    const w = cliWorkdir('fillwatch-cli-');
    const missing = join(w.dir, 'missing-folder');
    const keygen = await runFillwatch(['keygen', '--out', join(missing, 'k.pem')]);
    assert.equal(keygen.code, 2);
    assert.match(keygen.stderr, /^fillwatch: cannot write the private key file ".*k\.pem": no such file or folder\n$/);
    const record = await runFillwatch(['record', '--host', 'localhost', '--port', '1', '--target', 'KalshiRT', '--api-key-id', API_KEY_ID,
      '--key-file', w.keyFile, '--out', join(missing, 'fills.jsonl')]);
    assert.equal(record.code, 2);
    assert.match(record.stderr, /^fillwatch: cannot open ".*fills\.jsonl": no such file or folder\n$/);
  });
});
