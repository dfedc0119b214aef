// Every `fillwatch` command answers a wrong command line the same way: exit 2, exactly one line that
// says what is wrong ("fillwatch: …"), then that command's usage ("usage: …"), and never a stack
// trace. Runs runCli in-process (the spawned binary is covered in test/e2e/fillwatch-cli.test.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliUsage, runCli } from '../../electron/cli/main.ts';
import { recordUsage, type CliIo } from '../../electron/cli/record-command.ts';
import { keygenUsage } from '../../electron/cli/keygen-command.ts';
import { verifyUsage } from '../../electron/cli/verify-command.ts';
import { pnlUsage } from '../../electron/cli/pnl-command.ts';
import { exportUsage } from '../../electron/cli/export-command.ts';
import { simulatorUsage } from '../../electron/simulator/cli.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), onSignal: () => () => {} };
  const code = await runCli(argv, io);
  return { code, out, stderr: err.map((l) => l + '\n').join('') };
}

// The simulator reads its keys before it checks numbers: give it one it can read.
const publicKeyFile = join(mkdtempSync(join(tmpdir(), 'fillwatch-usage-')), 'k.pub.pem');
writeFileSync(publicKeyFile, '-----BEGIN PUBLIC KEY-----\n');
const simulate = ['simulate', '--register-key', `k=${publicKeyFile}`];

const record = ['record', '--host', 'localhost', '--port', '8230', '--target', 'KalshiRT', '--api-key-id', 'id', '--key-file', 'key.pem', '--out', 'o.jsonl'];

interface Case { readonly argv: string[]; readonly says: RegExp }
const commands: ReadonlyArray<{ name: string; usage: string; prefix?: string; unknown: Case; missing: Case; bad: Case[] }> = [
  {
    name: 'record', usage: recordUsage,
    unknown: { argv: [...record, '--bogus'], says: /^Unknown option '--bogus'$/ },
    missing: { argv: record.filter((a, i) => a !== '--key-file' && record[i - 1] !== '--key-file'), says: /^--key-file is required$/ },
    bad: [
      { argv: [...record, '--port', '70000'], says: /^--port must be a whole number from 1 to 65535, not "70000"$/ },
      { argv: [...record, '--target', 'KalshiXX'], says: /^--target must be KalshiRT or KalshiNR, not "KalshiXX"$/ },
      { argv: [...record, '--heartbeat'], says: /^Option '--heartbeat <value>' argument missing$/ },
    ],
  },
  {
    name: 'simulate', usage: simulatorUsage, prefix: 'fillwatch simulate',
    unknown: { argv: ['simulate', '--bogus'], says: /^Unknown option '--bogus'$/ },
    missing: { argv: ['simulate', '--port', '0'], says: /^at least one --register-key .* is required$/ },
    bad: [
      { argv: ['simulate', '--register-key', 'no-file'], says: /^--register-key expects ID=PUBLIC_KEY_PEM_FILE, got "no-file"$/ },
      { argv: [...simulate, '--rate', 'fast'], says: /^--rate must be a whole number from 0 to 10000000, not "fast"$/ },
      { argv: [...simulate, '--fault', 'explode'], says: /^--fault: Unknown fault "explode"/ },
    ],
  },
  {
    name: 'keygen', usage: keygenUsage,
    unknown: { argv: ['keygen', '--out', 'k.pem', '--bits', '4096'], says: /^Unknown option '--bits'$/ },
    missing: { argv: ['keygen', '--force'], says: /^--out is required$/ },
    bad: [{ argv: ['keygen', '--out', 'k.pem', '--force=yes'], says: /^Option '--force' does not take an argument$/ }],
  },
  {
    name: 'verify', usage: verifyUsage,
    unknown: { argv: ['verify', '--bogus'], says: /^Unknown option '--bogus'$/ },
    missing: { argv: ['verify'], says: /^--db is required$/ },
    bad: [
      { argv: ['verify', '--db'], says: /^Option '--db <value>' argument missing$/ },
      { argv: ['verify', '--db', 'a.db', 'b.db'], says: /^Unexpected argument 'b\.db'/ },
    ],
  },
  {
    name: 'pnl', usage: pnlUsage,
    unknown: { argv: ['pnl', '--db', 'j.db', '--bogus'], says: /^Unknown option '--bogus'$/ },
    missing: { argv: ['pnl', '--format', 'json'], says: /^--db is required$/ },
    bad: [
      { argv: ['pnl', '--db', 'j.db', '--format', 'xml'], says: /^--format must be table or json, not "xml"$/ },
      { argv: ['pnl', '--db', 'j.db', '--time-zone', 'Mars/Olympus'], says: /^--time-zone must be an IANA name/ },
    ],
  },
  {
    name: 'export', usage: exportUsage,
    unknown: { argv: ['export', '--db', 'j.db', '--bogus'], says: /^Unknown option '--bogus'$/ },
    missing: { argv: ['export', '--format', 'csv'], says: /^--db is required$/ },
    bad: [
      { argv: ['export', '--db', 'j.db', '--format', 'xml'], says: /^--format must be csv or jsonl, not "xml"$/ },
      { argv: ['export', '--db', 'j.db', '--side', 'up'], says: /^--side must be buy, sell, 1 or 2, not "up"$/ },
      { argv: ['export', '--db', 'j.db', '--from', 'yesterday'], says: /^--from must be a time like/ },
      { argv: ['export', '--db', '-x'], says: /^Option '--db' argument is ambiguous\. Did you forget/ },
    ],
  },
];

/** The one shape every usage failure has: one line, then the usage, and nothing else. */
async function assertUsageFailure(argv: string[], says: RegExp, usage: string, prefix = 'fillwatch') {
  const { code, out, stderr } = await run(argv);
  assert.equal(code, 2, `${argv.join(' ')}: exit code`);
  assert.doesNotMatch(stderr, / {4}at /, `${argv.join(' ')}: no stack trace`);
  assert.deepEqual(out, [], 'nothing on stdout');
  const [first, ...rest] = stderr.split('\n');
  assert.ok(first!.startsWith(`${prefix}: `), `first line: ${first}`);
  assert.match(first!.slice(prefix.length + 2), says);
  assert.equal(rest.join('\n'), `usage: ${usage}\n`, `${argv.join(' ')}: exactly one line before the usage`);
}

describe('every command refuses a wrong command line with one line and its usage (exit 2)', () => {
  for (const c of commands) {
    test(c.name, async () => {
      for (const { argv, says } of [c.unknown, c.missing, ...c.bad]) await assertUsageFailure(argv, says, c.usage, c.prefix);
    });
  }

  test('no command, or an unknown one: one line and the usage of every command', async () => {
    await assertUsageFailure([], /^no command given$/, cliUsage);
    await assertUsageFailure(['recrod', '--db', 'j.db'], /^unknown command "recrod"$/, cliUsage);
    await assertUsageFailure(['--bogus'], /^unknown command "--bogus"$/, cliUsage);
    await assertUsageFailure(['constructor'], /^unknown command "constructor"$/, cliUsage);
    for (const name of commands.map((c) => c.name)) assert.match(cliUsage, new RegExp(`^\\s*fillwatch ${name} `, 'm'));
  });

  test('--help prints the usage on stdout and exits 0', async () => {
    for (const [argv, usage] of [[['help'], cliUsage], [['verify', '--help'], verifyUsage], [['export', '-h'], exportUsage]] as const) {
      const { code, out, stderr } = await run([...argv]);
      assert.equal(code, 0);
      assert.equal(stderr, '');
      assert.deepEqual(out, [`usage: ${usage}`]);
    }
  });
});
