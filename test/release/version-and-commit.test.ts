// The version and the commit a build was made from (electron/core/build-info.ts): injected into the
// bundle at build time (electron.vite.config.ts's define), else from the repository (FILLWATCH_COMMIT,
// then `git rev-parse`), never a throw; shown by `fillwatch --version` and in the About box.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInfo, resolveBuildInfo, versionLine } from '../../electron/core/build-info.ts';
import { aboutPanelOptions } from '../../electron/main/shell/about.ts';
import { ensureBuilt } from '../../electron/harness/build-artifacts.ts';

const ROOT = join(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const gitHead = (() => {
  try { return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { return null; }
})();

describe('where the commit comes from', () => {
  test('injected by the build wins over everything', () => {
    assert.deepEqual(resolveBuildInfo({ injected: { version: '1.2.3', commit: '0123456789abcdef0123' }, env: { FILLWATCH_COMMIT: 'ffffffff' }, git: () => 'eeeeeeee' }),
      { version: '1.2.3', commit: '0123456789ab', source: 'build' });
  });

  test('from source: FILLWATCH_COMMIT, then git rev-parse, then "unknown" — the version from package.json', () => {
    assert.deepEqual(resolveBuildInfo({ root: ROOT, env: { FILLWATCH_COMMIT: 'ABCDEF1234567890' }, git: () => 'eeeeeeee' }), { version, commit: 'abcdef123456', source: 'env' });
    assert.deepEqual(resolveBuildInfo({ root: ROOT, env: { FILLWATCH_COMMIT: 'not a hash' }, git: () => 'eeeeeee0\n' }), { version, commit: 'eeeeeee0', source: 'git' });
    assert.deepEqual(resolveBuildInfo({ root: ROOT, env: {}, git: () => { throw new Error('not a git repository'); } }), { version, commit: 'unknown', source: 'unknown' });
    assert.deepEqual(resolveBuildInfo({ root: ROOT, env: {}, git: () => 'fatal: something' }), { version, commit: 'unknown', source: 'unknown' });
    const empty = mkdtempSync(join(tmpdir(), 'fw-build-info-'));
    try {
      assert.deepEqual(resolveBuildInfo({ root: empty, env: {} }), { version: '0.0.0', commit: 'unknown', source: 'unknown' }, 'no package.json, no git: still an answer');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('running from this checkout, the real git answers', { skip: gitHead === null ? 'not a git checkout' : false }, () => {
    const info = resolveBuildInfo({ root: ROOT, env: {} });
    assert.deepEqual(info, { version, commit: gitHead!.slice(0, 12), source: 'git' });
    assert.equal(buildInfo().version, version);
  });
});

describe('fillwatch --version', () => {
  test('prints the version and the commit on one line, exit 0 (also -V and version)', () => {
    for (const flag of ['--version', '-V', 'version']) {
      const run = spawnSync(process.execPath, [join(ROOT, 'bin/fillwatch.mjs'), flag], { encoding: 'utf8', env: { ...process.env, FILLWATCH_COMMIT: '0123456789abcdef' } });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, `Fillwatch ${version} (commit 0123456789ab)\n`, flag);
      assert.equal(run.stderr, '');
    }
  });

  test('from source without FILLWATCH_COMMIT: the checkout\'s HEAD', { skip: gitHead === null ? 'not a git checkout' : false }, () => {
    const env = { ...process.env };
    delete env['FILLWATCH_COMMIT'];
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/fillwatch.mjs'), '--version'], { encoding: 'utf8', env });
    assert.equal(run.stdout, `Fillwatch ${version} (commit ${gitHead!.slice(0, 12)})\n`);
  });

  test('versionLine', () => {
    assert.equal(versionLine({ version: '2.0.0', commit: 'unknown', source: 'unknown' }), 'Fillwatch 2.0.0 (commit unknown)');
  });
});

describe('the About box', () => {
  const info = { version: '0.3.1', commit: '0123456789ab', source: 'build' } as const;

  test('macOS: the commit in `version` (shown in brackets after the version)', () => {
    assert.deepEqual(aboutPanelOptions(info, 'darwin'), {
      applicationName: 'Fillwatch', applicationVersion: '0.3.1', version: 'commit 0123456789ab', copyright: 'Copyright © 2026 Fillwatch',
    });
  });

  test('Windows and Linux show only applicationVersion, so the commit is in it', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const options = aboutPanelOptions(info, platform);
      assert.equal(options.applicationVersion, '0.3.1 (commit 0123456789ab)');
      assert.equal(options.applicationName, 'Fillwatch');
    }
  });

  test('the built main process carries the commit it was built from, fixed at build time', { timeout: 120_000 }, async () => {
    await ensureBuilt();
    const bundle = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8');
    assert.doesNotMatch(bundle, /__FILLWATCH_BUILD__/, 'the define replaced every use');
    const injected = /injected: \{\s*"version": "([^"]+)",\s*"commit": "([^"]+)"\s*\}/.exec(bundle);
    assert.ok(injected, 'buildInfo() is handed the build\'s version and commit');
    assert.equal(injected[1], version);
    assert.match(injected[2]!, /^([0-9a-f]{12}|unknown)$/);
    // Run under plain Node with a stand-in electron module, the bundle hands that commit to the About box.
    const hooks = join(ROOT, 'test/app/support/electron-stand-in-hooks.ts');
    const run = spawnSync(process.execPath, ['--import', hooks, join(ROOT, 'out/main/index.js')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { aboutPanel?: { applicationVersion?: string } };
    assert.equal(report.aboutPanel?.applicationVersion, `${version} (commit ${injected[2]})`);
  });
});

test('a source tarball (no .git) still answers: FILLWATCH_COMMIT or "unknown"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-tarball-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"version": "4.5.6"}');
    assert.deepEqual(resolveBuildInfo({ root: dir, env: {} }), { version: '4.5.6', commit: 'unknown', source: 'unknown' });
    assert.equal(resolveBuildInfo({ root: dir, env: { FILLWATCH_COMMIT: 'abcdef0' } }).commit, 'abcdef0');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
