// fillwatch-cli.ts — the `fillwatch` command run as a user runs it (bin/fillwatch.mjs in a child
// process), and a temp folder with what its `record` needs: the test key (0600), the simulator's CA
// when given, and the paths of the journal and the --out file. For the e2e tests of the CLI.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testKeys } from './simulator-fixture.ts';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `fillwatch …args` to its end; `onSpawn` is handed a way to signal it while it runs. */
export function runFillwatch(args: string[], options: { onSpawn?: (kill: (sig: NodeJS.Signals) => void) => void } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/fillwatch.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    options.onSpawn?.((sig) => child.kill(sig));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface CliWorkdir {
  readonly dir: string;
  readonly keyFile: string;
  /** Written only when the CA was given. */
  readonly ca: string;
  readonly db: string;
  readonly out: string;
}

export function cliWorkdir(prefix: string, caPem?: string): CliWorkdir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const keyFile = join(dir, 'key.pem');
  writeFileSync(keyFile, testKeys().privateKeyPem, { mode: 0o600 });
  const ca = join(dir, 'ca.pem');
  if (caPem !== undefined) writeFileSync(ca, caPem);
  return { dir, keyFile, ca, db: join(dir, 'journal.db'), out: join(dir, 'fills.jsonl') };
}
