// scripts/needs-install.sh decides whether setup.sh runs `npm ci`: only when node_modules is missing,
// was not stamped by a successful install, or was installed for another lock file, Node or headers
// folder. Runs the real script in a throwaway project folder.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const script = resolve('scripts/needs-install.sh');

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'fillwatch-needs-install-'));
  writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
  return dir;
}

function check(dir: string, env: NodeJS.ProcessEnv = {}, ...args: string[]) {
  const run = spawnSync('bash', [script, ...args], {
    cwd: dir, encoding: 'utf8',
    env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, npm_config_nodedir: '/headers/node-v24', ...env },
  });
  return { code: run.status, out: run.stdout.trim(), err: run.stderr };
}

const installNeeded = (dir: string, why: RegExp, env?: NodeJS.ProcessEnv) => {
  const run = check(dir, env);
  assert.equal(run.code, 0, run.out + run.err);
  assert.match(run.out, /^install needed: /);
  assert.match(run.out, why);
};
const upToDate = (dir: string, env?: NodeJS.ProcessEnv) => assert.deepEqual(check(dir, env), { code: 1, out: 'up to date', err: '' });

describe('needs-install.sh', () => {
  test('a clean clone installs; after the stamp it is up to date', () => {
    const dir = project();
    try {
      installNeeded(dir, /no node_modules/);
      mkdirSync(join(dir, 'node_modules'));
      installNeeded(dir, /not installed by setup/);
      assert.equal(check(dir, {}, '--stamp').code, 0);
      upToDate(dir);
      upToDate(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('installs again after the lock file, the Node version or the headers folder changes', () => {
    const dir = project();
    try {
      mkdirSync(join(dir, 'node_modules'));
      check(dir, {}, '--stamp');
      upToDate(dir);

      writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"node_modules/x":{}}}\n');
      installNeeded(dir, /^install needed: package-lock\.json changed$/);
      check(dir, {}, '--stamp');
      upToDate(dir);

      installNeeded(dir, /^install needed: npm_config_nodedir changed$/, { npm_config_nodedir: '/headers/node-v25' });

      // Another Node first on PATH (a stand-in that only answers --version).
      const otherNode = join(dir, 'other-node');
      mkdirSync(otherNode);
      writeFileSync(join(otherNode, 'node'), '#!/bin/sh\necho v22.0.0\n');
      chmodSync(join(otherNode, 'node'), 0o755);
      installNeeded(dir, /^install needed: node changed$/, { PATH: `${otherNode}:/usr/bin:/bin` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a check that cannot run asks for an install, never "up to date"', () => {
    const dir = project();
    try {
      mkdirSync(join(dir, 'node_modules'));
      check(dir, {}, '--stamp');
      rmSync(join(dir, 'package-lock.json'));
      installNeeded(dir, /the check failed/);
      // Writing a stamp without a lock file fails loudly instead of stamping a broken install.
      assert.notEqual(check(dir, {}, '--stamp').code, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
