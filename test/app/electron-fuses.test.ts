// The release config (electron-builder.yml) locks the packaged Electron binary down with fuses, and is
// a valid electron-builder configuration: checked with electron-builder's own validator (its
// scheme.json, the one `electron-builder` runs before building) and mapped onto @electron/fuses' wire
// by electron-builder's own code, so a misspelled or unknown fuse fails here and not on a release day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { load } from 'js-yaml';

const ROOT = join(import.meta.dirname, '../..');
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
// app-builder-lib and @electron/fuses are electron-builder's own dependencies: resolved from it.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean }): Promise<void>;
};
const validate = (c: unknown) => validateConfiguration(structuredClone(c), { isEnabled: false });

const FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
};

test('the packaged binary cannot run as Node, take NODE_OPTIONS or --inspect, or load code from outside its checked asar', () => {
  assert.deepEqual(config['electronFuses'], FUSES);
  assert.notEqual(config['asar'], false, 'onlyLoadAppFromAsar needs the app packed in an asar');
});

test('electron-builder.yml is a valid electron-builder configuration; an unknown fuse is refused', async () => {
  await validate(config);
  await assert.rejects(validate({ ...config, electronFuses: { ...FUSES, runAsNod: false } }), /configuration\.electronFuses/);
  await assert.rejects(validate({ ...config, electronFuses: { ...FUSES, runAsNode: 'no' } }), /configuration\.electronFuses/);
});

test('every fuse reaches the binary: electron-builder maps each onto @electron/fuses\' options', async () => {
  const { PlatformPackager } = fromBuilder('app-builder-lib') as {
    PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string | number, unknown>> } };
  };
  const { FuseV1Options } = fromBuilder('@electron/fuses') as { FuseV1Options: Record<string, number> };
  const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config['electronFuses']);
  assert.deepEqual(
    Object.fromEntries(Object.entries(FuseV1Options).filter(([name]) => Number.isNaN(Number(name))).map(([name, index]) => [name, wire[index]])),
    {
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    },
  );
});
