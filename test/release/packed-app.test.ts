// What the installers contain, from a real electron-builder pack of the built app (scripts/release/
// pack-check.ts: `--linux dir` with a stand-in Electron binary that holds only the fuse wire, since the
// real one cannot be downloaded here): only our three bundles and production packages; no test files,
// source maps, TypeScript, keys, certificates or .env; no dev-only package; native modules outside the
// asar; and every fuse as electron-builder.yml sets it, read back from the packed binary. The rules
// themselves are checked on hand-made lists first (scripts/release/packed-rules.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../../electron/harness/build-artifacts.ts';
import { EXPECTED_FUSES, dryPack, fuseProblems, lockDevOnly } from '../../scripts/release/pack-check.ts';
import { MAIN_BUNDLE_SECURITY, REQUIRED_FILES, devOnlyPackages, mainBundleProblems, packageOf, packedFileProblems } from '../../scripts/release/packed-rules.ts';

const GOOD = {
  asarFiles: [...REQUIRED_FILES, '/out/renderer/assets/index-abc.js', '/node_modules/zod/index.js', '/node_modules/@tanstack/react-table/build/lib/index.js'],
  unpackedFiles: ['/node_modules/keytar/build/Release/keytar.node', '/node_modules/better-sqlite3/prebuilds/linux-x64.node'],
};
const rules = { devOnlyPackages: new Set(['node_modules/vite', 'node_modules/@types/node', 'node_modules/electron-updater/node_modules/dev-thing']) };

describe('the packing rules', () => {
  test('a clean app has no problem', () => {
    assert.deepEqual(packedFileProblems(GOOD, rules), []);
  });

  test('each kind of file that must not ship is named', () => {
    const bad = (file: string) => packedFileProblems({ ...GOOD, asarFiles: [...GOOD.asarFiles, file] }, rules);
    assert.match(bad('/out/main/index.js.map').join(), /a source map/);
    assert.match(bad('/node_modules/zod/src/index.ts').join(), /a TypeScript source/);
    assert.match(bad('/node_modules/zod/test/a.js').join(), /a test file/);
    assert.match(bad('/node_modules/x/lib/a.spec.js').join(), /a test file/);
    assert.match(bad('/out/main/ca.pem').join(), /a key, certificate or \.env file/);
    assert.match(bad('/node_modules/x/.env').join(), /a key, certificate or \.env file/);
    assert.match(bad('/node_modules/x/.env.production').join(), /a key, certificate or \.env file/);
    assert.match(bad('/out/harness/bridge.js').join(), /not part of the app/);
    assert.match(bad('/out/screenshots/live-dark.png').join(), /not part of the app/);
    assert.match(bad('/electron/core/fix/decode.ts').join(), /not part of the app/);
    assert.match(bad('/node_modules/vite/package.json').join(), /vite, a development-only package/);
    assert.match(bad('/node_modules/@types/node/index.d.ts').join(), /@types\/node, a development-only package/);
    assert.match(bad('/node_modules/keytar/build/Release/keytar.node').join(), /inside the asar/);
  });

  test('what the app needs must be there', () => {
    const problems = packedFileProblems({ asarFiles: GOOD.asarFiles.filter((f) => f !== '/out/preload/index.cjs'), unpackedFiles: [] }, rules);
    assert.deepEqual(problems, ['/out/preload/index.cjs: missing', 'keytar: no .node file in app.asar.unpacked', 'better-sqlite3: no .node file in app.asar.unpacked']);
  });

  test('packages are named by their installed path, nested and scoped ones too', () => {
    assert.equal(packageOf('/node_modules/zod/index.js'), 'node_modules/zod');
    assert.equal(packageOf('/node_modules/@types/node/index.d.ts'), 'node_modules/@types/node');
    assert.equal(packageOf('/node_modules/a/node_modules/@b/c/x.js'), 'node_modules/a/node_modules/@b/c');
    assert.equal(packageOf('/out/main/index.js'), null);
    assert.deepEqual(devOnlyPackages({ packages: { '': {}, 'node_modules/a': { dev: true }, 'node_modules/b': {} } }), new Set(['node_modules/a']));
  });

  test('the packed main bundle must keep every window security option and handler', () => {
    const all = MAIN_BUNDLE_SECURITY.join('\n');
    assert.deepEqual(mainBundleProblems(all), []);
    assert.deepEqual(mainBundleProblems(all.replace('sandbox: true', '')), ['out/main/index.js (packed): no sandbox: true']);
    assert.deepEqual(mainBundleProblems(`${all}\nnodeIntegration: true`), ['out/main/index.js (packed): nodeIntegration: true']);
    assert.deepEqual(fuseProblems({ ...EXPECTED_FUSES, RunAsNode: true }), ['fuse RunAsNode is on in the packed binary']);
  });

  test('package-lock.json marks the tools as dev-only and the runtime as not', () => {
    const dev = lockDevOnly();
    for (const tool of ['electron', 'electron-builder', 'electron-vite', 'vite', 'typescript', 'playwright-core', '@action-validator/cli']) assert.ok(dev.has(`node_modules/${tool}`), tool);
    for (const runtime of ['electron-updater', 'keytar', 'better-sqlite3', 'zod', 'react']) assert.ok(!dev.has(`node_modules/${runtime}`), runtime);
  });
});

test('electron-builder packs the built app with nothing that must not ship, and flips every fuse; the packed main keeps the window security options', {
  timeout: 300_000,
  // The stand-in binary is a Linux `dir` target; CI's Linux job (.ci/run) runs this, macOS and Windows skip it.
  skip: process.platform === 'linux' ? false : 'packs the Linux dir target: runs on Linux',
}, async (t) => {
  await ensureBuilt();
  const extracted = mkdtempSync(join(tmpdir(), 'fw-packed-app-'));
  t.after(() => rmSync(extracted, { recursive: true, force: true }));
  // Other test files run ensureBuilt() at the same time and may rebuild out/ under electron-builder's
  // feet (its hashed asset names change): a pack that lost a file of out/ is tried once more.
  let packed;
  try {
    packed = dryPack({ extractTo: extracted });
  } catch (error) {
    if (!/ENOENT[^\n]*\/out\//.test(String(error))) throw error;
    await ensureBuilt();
    rmSync(extracted, { recursive: true, force: true });
    packed = dryPack({ extractTo: extracted });
  }
  assert.deepEqual(packedFileProblems(packed, { devOnlyPackages: lockDevOnly() }), []);
  const ours = packed.asarFiles.filter((f) => !f.startsWith('/node_modules/'));
  assert.ok(ours.every((f) => f === '/package.json' || /^\/out\/(main|preload|renderer)\//.test(f)), ours.join(' '));
  assert.ok(packed.asarFiles.includes('/node_modules/electron-updater/package.json'), 'the updater ships');
  assert.deepEqual(packed.fuses, {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    LoadBrowserProcessSpecificV8Snapshot: false,
    GrantFileProtocolExtraPrivileges: false,
  });
  assert.deepEqual(mainBundleProblems(packed.mainBundle), [], 'the windows\' security options are in the packed main');

  // The packed app runs with only what it packed: its main under plain Node (electron stood in for, as
  // test/app/bundled-main.test.ts does for out/), from the unpacked asar, with its own production
  // node_modules — demo mode starts the recorder worker (better-sqlite3, node-forge, zod), serves the
  // page through app:// and answers IPC. A dependency filtered out by `files` or left in devDependencies
  // would fail here, not on a user's machine.
  const hooks = join(import.meta.dirname, '../app/support/electron-stand-in-hooks.ts');
  const run = spawnSync(process.execPath, ['--import', hooks, join(extracted, 'out/main/index.js')], { cwd: extracted, encoding: 'utf8', timeout: 90_000 });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  assert.equal(report['error'], undefined);
  assert.equal(report['pageStatus'], 200);
  assert.equal(report['preloadExists'], true);
  assert.deepEqual((report['snapshot'] as { demo: unknown }).demo, { active: true, accountIds: ['demo-1', 'demo-2'], reportsPerSecond: 2 });
});
