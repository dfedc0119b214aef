// The OS keychain Fillwatch's main process will keep the signing key in (keytar → libsecret →
// gnome-keyring over D-Bus in CI; scripts/test.sh starts a private, unlocked keyring). This proves the
// real daemon works end to end before the Electron glue builds on it. Outside scripts/test.sh, with
// no D-Bus session, it is skipped rather than failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import type * as Keytar from 'keytar';
import { generateKeyPair, importPrivateKeyPem } from '../../electron/core/signing/index.ts';

const required = process.env['FILLWATCH_KEYCHAIN_REQUIRED'] === '1';
const available = process.env['DBUS_SESSION_BUS_ADDRESS'] !== undefined;

test('a private key PEM round-trips through the real keychain and is gone after delete', { skip: !required && !available ? 'no D-Bus session (run via scripts/test.sh)' : false }, async () => {
  const keytar = createRequire(import.meta.url)('keytar') as typeof Keytar;
  const service = `fillwatch-test-${randomUUID()}`;
  const account = '3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77';
  const { privateKeyPem } = generateKeyPair();
  try {
    await keytar.setPassword(service, account, privateKeyPem);
    const stored = await keytar.getPassword(service, account);
    assert.equal(stored, privateKeyPem);
    assert.equal(importPrivateKeyPem(stored ?? '').bits, 2048);
    assert.deepEqual((await keytar.findCredentials(service)).map((c) => c.account), [account]);
  } finally {
    assert.equal(await keytar.deletePassword(service, account), true);
  }
  assert.equal(await keytar.getPassword(service, account), null);
});
