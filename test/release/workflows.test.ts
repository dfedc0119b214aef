// The GitHub workflows: valid against GitHub's workflow schema (@action-validator/core, the validator
// .ci/run also runs through its CLI), and doing what README says: CI on every push on Linux (.ci/run
// itself), macOS and Windows; a release from a v* tag that checks the tag, builds on the three
// platforms with only the secrets each needs, and publishes once all three uploaded.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';

const ROOT = join(import.meta.dirname, '../..');
const read = (name: string) => readFileSync(join(ROOT, '.github/workflows', name), 'utf8');
const { validateWorkflow } = createRequire(import.meta.url)('@action-validator/core') as { validateWorkflow(text: string): { errors: unknown[] } };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };
type Job = { 'runs-on': string; needs?: string | string[]; container?: string; strategy?: { matrix: { os: string[] } }; permissions?: Record<string, string>; steps: Step[] };
type Step = { name?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; 'working-directory'?: string };
const ci = load(read('ci.yml')) as Workflow;
const release = load(read('release.yml')) as Workflow;

describe('workflow schema', () => {
  test('ci.yml and release.yml are valid workflows', () => {
    assert.deepEqual(validateWorkflow(read('ci.yml')).errors, []);
    assert.deepEqual(validateWorkflow(read('release.yml')).errors, []);
  });

  test('the validator does catch a broken workflow (and its CLI exits 1)', () => {
    const broken = read('ci.yml').replace('runs-on: ubuntu-latest', 'runz-on: ubuntu-latest');
    assert.notDeepEqual(validateWorkflow(broken).errors, []);
    const cli = createRequire(import.meta.url).resolve('@action-validator/cli/cli.mjs');
    const ok = spawnSync(process.execPath, [cli, join(ROOT, '.github/workflows/release.yml')], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
  });
});

describe('ci.yml', () => {
  test('runs on every push, read-only', () => {
    assert.ok('push' in ci.on && ci.on['push'] === null, 'every push, no branch filter');
    assert.deepEqual(ci.permissions, { contents: 'read' });
  });

  test('Linux runs .ci/run itself in the bare Debian 12 it is written for', () => {
    const linux = ci.jobs['linux']!;
    assert.equal(linux['runs-on'], 'ubuntu-latest');
    assert.equal(linux.container, 'debian:12');
    const step = linux.steps.find((s) => s.run === 'bash .ci/run');
    assert.ok(step, '.ci/run is the step');
    assert.equal(step['working-directory'], 'main', 'a clone named main with ../shared beside it');
  });

  test('macOS and Windows run the same npm checks: typecheck, lint, build, tests', () => {
    const desktop = ci.jobs['desktop']!;
    assert.deepEqual(desktop.strategy?.matrix.os, ['macos-latest', 'windows-latest']);
    assert.deepEqual(desktop.steps.map((s) => s.run).filter(Boolean), ['npm ci --no-audit --no-fund', 'npm run typecheck', 'npm run lint', 'npm run build', 'npm test']);
  });
});

describe('release.yml', () => {
  test('runs on v* tags only, read-only unless a job needs to upload', () => {
    assert.deepEqual(release.on, { push: { tags: ['v*'] } });
    assert.deepEqual(release.permissions, { contents: 'read' });
    assert.deepEqual(release.jobs['check']!.permissions, undefined);
    assert.deepEqual(release.jobs['build']!.permissions, { contents: 'write' });
  });

  test('check → build on macOS, Windows and Linux → publish', () => {
    assert.match(release.jobs['check']!.steps.at(-1)!.run!, /node scripts\/release\/check-tag\.ts "\$TAG"/);
    const build = release.jobs['build']!;
    assert.equal(build.needs, 'check');
    assert.deepEqual(build.strategy?.matrix.os, ['macos-latest', 'windows-latest', 'ubuntu-latest']);
    assert.equal(release.jobs['publish']!.needs, 'build');
    const runs = build.steps.map((s) => s.run ?? '');
    assert.ok(runs.indexOf('npm run build') < runs.findIndex((r) => r.startsWith('npx electron-builder')), 'built before packaging');
    for (const os of ['--mac', '--win', '--linux']) assert.ok(runs.some((r) => r.startsWith(`npx electron-builder ${os} --publish always`)), os);
  });

  test('each packaging step gets only its own platform\'s secrets', () => {
    const steps = release.jobs['build']!.steps.filter((s) => s.run?.startsWith('npx electron-builder'));
    const secrets = (s: Step) => Object.keys(s.env ?? {}).sort();
    assert.deepEqual(steps.map((s) => [s.if, secrets(s)]), [
      ["runner.os == 'macOS'", ['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_KEY_PASSWORD', 'CSC_LINK', 'GH_TOKEN']],
      ["runner.os == 'Windows'", ['GH_TOKEN', 'WIN_CSC_KEY_PASSWORD', 'WIN_CSC_LINK']],
      ["runner.os == 'Linux'", ['GH_TOKEN']],
    ]);
    // No secret is interpolated into a command line (where a log or a quote could leak it).
    for (const step of release.jobs['build']!.steps) assert.doesNotMatch(step.run ?? '', /secrets\./);
  });
});
