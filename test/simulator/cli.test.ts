// `fillwatch simulate`: flags parse into a running simulator that a client can verify with the CA
// written by --ca-out; bad flags are one line, then the usage, and exit code 2; a signal stops it with 0.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSimulatorCli, simulatorUsage } from '../../electron/simulator/cli.ts';
import type { SimulatorCliIo } from '../../electron/simulator/cli.ts';
import type { KalshiSimulator } from '../../electron/simulator/simulator.ts';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import { accountA } from './support/fixtures.ts';
import { RawFixClient } from './support/raw-client.ts';

let dir: string;
let keyFile: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fillwatch-sim-cli-'));
  keyFile = join(dir, 'a.pub.pem');
  writeFileSync(keyFile, accountA().publicKeyPem);
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  out: string[];
  err: string[];
  io: SimulatorCliIo;
  listening: Promise<{ simulator: KalshiSimulator; port: number }>;
  stop: () => void;
}

function harness(): Run {
  const out: string[] = [];
  const err: string[] = [];
  let stop = (): void => {
    throw new Error('no signal handler registered');
  };
  let resolveListening!: (v: { simulator: KalshiSimulator; port: number }) => void;
  const listening = new Promise<{ simulator: KalshiSimulator; port: number }>((r) => (resolveListening = r));
  const io: SimulatorCliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    onSignal: (handler) => {
      stop = handler;
      return () => {};
    },
    onListening: (simulator, address) => resolveListening({ simulator, port: address.port }),
  };
  return { out, err, io, listening, stop: () => stop() };
}

describe('runSimulatorCli', () => {
  test('usage errors exit 2 with one explanatory line and the usage', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /at least one --register-key/],
      [['--register-key', 'nokey'], /ID=PUBLIC_KEY_PEM_FILE/],
      [['--register-key', `k=${join(dir, 'missing.pem')}`], /cannot read .*missing\.pem: ENOENT/],
      [['--register-key', `k=${keyFile}`, '--port', '70000'], /--port must be a whole number from 0 to 65535/],
      [['--register-key', `k=${keyFile}`, '--fault', 'explode'], /Unknown fault "explode"/],
      [['--register-key', `k=${keyFile}`, '--cert', keyFile], /--cert and --key go together/],
      [['--register-key', `k=${keyFile}`, '--cert', keyFile, '--key', keyFile, '--ca-out', 'ca.pem'], /--ca-out needs the simulator to make its own CA/],
      [['--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const run = harness();
      assert.equal(await runSimulatorCli(argv, run.io), 2, argv.join(' '));
      assert.equal(run.err.length, 2, 'one line, then the usage');
      assert.match(run.err[0]!, /^fillwatch simulate: [^\n]+$/);
      assert.match(run.err[0]!, message);
      assert.equal(run.err[1], `usage: ${simulatorUsage}`);
    }
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    const run = harness();
    assert.equal(await runSimulatorCli(['--register-key', `k=${notPem}`], run.io), 2);
    assert.match(run.err[0]!, /not a PEM public key/);
  });

  test('--help prints usage and exits 0', async () => {
    const run = harness();
    assert.equal(await runSimulatorCli(['--help'], run.io), 0);
    assert.match(run.out.join('\n'), /--register-key ID=PUBLIC_KEY_PEM_FILE/);
  });

  test('runs a simulator a client can verify with --ca-out, applies --fault, and stops on a signal', async () => {
    const caOut = join(dir, 'ca.pem');
    const run = harness();
    const exit = runSimulatorCli(
      ['--register-key', `${accountA().apiKeyId}=${keyFile}`, '--port', '0', '--ca-out', caOut, '--seed', '3', '--rate', '0', '--total', '4', '--markets', '2', '--fault', 'every:4:logout:"Four is enough"', '--quiet'],
      run.io,
    );
    const { simulator, port } = await run.listening;
    assert.match(run.out[0]!, new RegExp(`listening on 127\\.0\\.0\\.1:${port}`));
    assert.ok(run.out.includes(`registered API key ${accountA().apiKeyId}`));
    assert.equal(readFileSync(caOut, 'utf8'), simulator.caCertPem);

    const client = await RawFixClient.connect(port, readFileSync(caOut, 'utf8'));
    client.logon(accountA());
    const logout = await client.waitForType(MsgType.Logout);
    assert.equal(client.executionReports.length, 4);
    assert.equal(logout.get(Tag.Text), 'Four is enough');
    assert.equal(new Set(client.executionReports.map((m) => m.get(Tag.Symbol))).size <= 2, true);
    await client.waitForClose();

    run.stop();
    assert.equal(await exit, 0);
    assert.equal(run.out.at(-1), 'Kalshi simulator stopped.');
    assert.deepEqual(run.err, [], '--quiet keeps the log off stderr');
  });
});
