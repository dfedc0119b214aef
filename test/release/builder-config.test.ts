// electron-builder.yml as a release needs it (issue 14): valid against electron-builder's own schema
// (the validator `electron-builder` runs first, as test/app/electron-fuses.test.ts uses it), every
// platform's targets, signing and notarization switched on, the entitlements exact, native modules
// rebuilt, publishing to GitHub — and no secret written in the file: every one comes from an
// environment variable that README "Releasing" names and release.yml provides.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { SEMVER, tagProblems } from '../../scripts/release/check-tag.ts';
import { APP_USER_MODEL_ID } from '../../electron/main/electron-app.ts';

const ROOT = join(import.meta.dirname, '../..');
const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
const config = load(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean }): Promise<void>;
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; productName: string; main: string };
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const releaseYml = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8');

/** The environment variables that carry release secrets (electron-builder reads them by these names). */
const SECRET_ENV = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'GH_TOKEN'] as const;

describe('electron-builder.yml', () => {
  test('is valid against electron-builder\'s schema; a misspelled key is refused', async () => {
    await validateConfiguration(structuredClone(config), { isEnabled: false });
    await assert.rejects(validateConfiguration({ ...structuredClone(config), mac: { ...config['mac'], hardendRuntime: true } }, { isEnabled: false }), /configuration\.mac/);
  });

  test('identity: appId (also Windows\' AppUserModelId), product name, asar, the built main', () => {
    assert.equal(config['appId'], APP_USER_MODEL_ID);
    assert.equal(config['productName'], pkg.productName);
    assert.equal(config['asar'], true);
    assert.deepEqual(config['asarUnpack'], ['**/*.node']);
    assert.equal(pkg.main, 'out/main/index.js');
    assert.match(pkg.version, SEMVER);
  });

  test('packs only the three bundles of ours, and excludes maps, sources, tests and keys everywhere', () => {
    const files = config['files'] as string[];
    assert.deepEqual(files.filter((f) => !f.startsWith('!')), ['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**']);
    for (const pattern of ['!**/*.{map,ts,tsx,mts,cts}', '!**/*.{pem,key,p12,pfx,p8,crt,cer,der,jks,keystore}', '!**/.env', '!**/.env.*']) assert.ok(files.includes(pattern), pattern);
  });

  test('native modules are rebuilt for Electron on each platform\'s runner', () => {
    assert.equal(config['npmRebuild'], true);
    assert.equal(config['buildDependenciesFromSource'], false);
  });

  test('macOS: dmg + zip for both archs, hardened runtime, entitlements, notarized, signing required', () => {
    const mac = config['mac'];
    assert.deepEqual(mac.target.map((t: { target: string; arch: string[] }) => [t.target, t.arch]), [['dmg', ['x64', 'arm64']], ['zip', ['x64', 'arm64']]]);
    assert.equal(mac.hardenedRuntime, true);
    assert.equal(mac.notarize, true);
    assert.equal(mac.forceCodeSigning, true);
    assert.equal(mac.entitlements, 'build/entitlements.mac.plist');
    assert.equal(mac.entitlementsInherit, 'build/entitlements.mac.plist');
    assert.ok(existsSync(join(ROOT, mac.icon)), 'the icon exists');
  });

  test('the entitlements grant JIT and nothing else', () => {
    const plist = readFileSync(join(ROOT, 'build/entitlements.mac.plist'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    assert.deepEqual([...plist.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g)].map((m) => [m[1], m[2]]), [['com.apple.security.cs.allow-jit', 'true']]);
    assert.equal((plist.match(/<key>/g) ?? []).length, 1);
  });

  test('Windows: NSIS, signing required (SHA-256, timestamped), the update\'s publisher verified', () => {
    const win = config['win'];
    assert.deepEqual(win.target, [{ target: 'nsis', arch: ['x64'] }]);
    assert.equal(win.forceCodeSigning, true);
    assert.equal(win.verifyUpdateCodeSignature, true);
    assert.deepEqual(win.signtoolOptions.signingHashAlgorithms, ['sha256']);
    assert.match(win.signtoolOptions.rfc3161TimeStampServer, /^https?:\/\//);
    assert.equal(config['nsis'].deleteAppDataOnUninstall, false, 'the journal survives an uninstall');
  });

  test('Linux: AppImage and deb', () => {
    assert.deepEqual(config['linux'].target, ['AppImage', 'deb']);
  });

  test('publishes to GitHub Releases as a draft (release.yml publishes it when all three platforms uploaded)', () => {
    assert.deepEqual(config['publish'], { provider: 'github', releaseType: 'draft' });
    assert.match(releaseYml, /gh release edit "\$TAG" --repo "\$REPOSITORY" --draft=false/);
  });

  test('no secret in the file: no certificate, password, identity or token key, no credential-looking value', () => {
    const keys = JSON.stringify(config);
    for (const forbidden of ['cscLink', 'cscKeyPassword', 'certificatePassword', 'certificateFile', 'password', 'token', 'appleId', 'identity"']) {
      assert.doesNotMatch(keys, new RegExp(`"${forbidden}`, 'i'), forbidden);
    }
    assert.doesNotMatch(text, /-----BEGIN|ghp_[A-Za-z0-9]|github_pat_/);
  });

  test('every secret\'s environment variable is named in the file, in README "Releasing" and in release.yml as a secret', () => {
    const releasing = readme.slice(readme.indexOf('## Releasing'));
    assert.ok(readme.includes('## Releasing'), 'README has a Releasing section');
    for (const name of SECRET_ENV) {
      assert.ok(text.includes(name), `electron-builder.yml names ${name}`);
      assert.ok(releasing.includes(name), `README Releasing names ${name}`);
      const fromSecret = name === 'GH_TOKEN' ? 'secrets.GITHUB_TOKEN' : `secrets.${name}`;
      assert.ok(releaseYml.includes(`${name}: \${{ ${fromSecret} }}`), `release.yml passes ${name} from ${fromSecret}`);
    }
  });
});

describe('the release tag (scripts/release/check-tag.ts)', () => {
  const changelog = '## [Unreleased]\n\n## [0.2.0] - 2026-12-24\n\n### Added\n';
  test('v + package.json\'s version, with a dated CHANGELOG section', () => {
    assert.deepEqual(tagProblems('v0.2.0', '0.2.0', changelog), []);
    assert.match(tagProblems('0.2.0', '0.2.0', changelog)[0]!, /is not v0\.2\.0/);
    assert.match(tagProblems('v0.2.1', '0.2.1', changelog)[0]!, /no "## \[0\.2\.1\] - YYYY-MM-DD" section/);
    assert.match(tagProblems('v01.2.0', '01.2.0', '')[0]!, /not a semantic version/);
    assert.deepEqual(tagProblems('v1.0.0-rc.1', '1.0.0-rc.1', '## [1.0.0-rc.1] - 2027-01-01'), []);
  });

  test('this checkout\'s version has its section in CHANGELOG.md (keep-a-changelog, newest first)', () => {
    const ours = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    assert.deepEqual(tagProblems(`v${pkg.version}`, pkg.version, ours), []);
    assert.match(ours, /^## \[Unreleased\]$/m);
    const versions = [...ours.matchAll(/^## \[(\d+\.\d+\.\d+[^\]]*)\] - (\d{4}-\d{2}-\d{2})$/gm)].map((m) => m[2]!);
    assert.deepEqual(versions, [...versions].sort().reverse(), 'sections newest first');
  });
});
