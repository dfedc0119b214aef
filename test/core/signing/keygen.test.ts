// generateKeyPair: the output must be what `openssl genpkey -algorithm RSA` gives (PKCS#8 + SPKI),
// readable by node:crypto and by importPrivateKeyPem, and the two halves must belong together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { generateKeyPair, generateKeyPairAsync } from '../../../electron/core/signing/keygen.ts';
import type { GeneratedKeyPair } from '../../../electron/core/signing/keygen.ts';
import { importPrivateKeyPem } from '../../../electron/core/signing/private-key.ts';
import { signLogon, verifyLogonSignature } from '../../../electron/core/signing/logon-signature.ts';

const FIELDS = { sendingTime: '20261124-14:05:09.123', msgSeqNum: 1, senderCompId: 'key-id', targetCompId: 'KalshiNR' };

function checkPair(pair: GeneratedKeyPair, bits: number): void {
  assert.match(pair.privateKeyPem, /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
  assert.match(pair.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
  assert.ok(!pair.privateKeyPem.includes('\r') && !pair.publicKeyPem.includes('\r'));

  const priv = createPrivateKey(pair.privateKeyPem);
  assert.equal(priv.asymmetricKeyType, 'rsa');
  assert.equal(priv.asymmetricKeyDetails?.modulusLength, bits);
  assert.equal(priv.asymmetricKeyDetails?.publicExponent, 65537n);
  // The public half is the one derived from the private half.
  const derived = createPublicKey(priv).export({ type: 'spki', format: 'pem' }).toString();
  assert.equal(pair.publicKeyPem, derived);

  const key = importPrivateKeyPem(pair.privateKeyPem);
  assert.equal(key.bits, bits);
  assert.equal(key.publicKeyPem, pair.publicKeyPem);
  assert.equal(verifyLogonSignature(pair.publicKeyPem, FIELDS, signLogon(key, FIELDS)), true);
}

test('default is a 2048-bit PKCS#8/SPKI pair that signs verifiable logons', () => {
  checkPair(generateKeyPair(), 2048);
});

test('async variant gives an equally valid, different pair', async () => {
  const a = await generateKeyPairAsync();
  checkPair(a, 2048);
  assert.notEqual(a.privateKeyPem, generateKeyPair().privateKeyPem);
});

test('other sizes work; sizes Kalshi would refuse are rejected up front', async () => {
  checkPair(generateKeyPair(3072), 3072);
  for (const bits of [1024, 2047, 2049, 0, Number.NaN, 32768]) {
    assert.throws(() => generateKeyPair(bits), RangeError);
    assert.throws(() => generateKeyPairAsync(bits), RangeError);
  }
});
