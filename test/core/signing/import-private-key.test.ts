// importPrivateKeyPem: what it accepts (PKCS#8, PKCS#1, bundles) and the KeyImportError kind each
// wrong input produces. Inputs come from node:crypto (fixtures.ts), not from the code under test.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { importPrivateKeyPem } from '../../../electron/core/signing/private-key.ts';
import { KeyImportError, describeKeyImportError } from '../../../electron/core/signing/key-import-error.ts';
import type { KeyImportErrorKind } from '../../../electron/core/signing/key-import-error.ts';
import * as fx from './fixtures.ts';

function expectKind(input: unknown, kind: KeyImportErrorKind): void {
  assert.throws(
    () => importPrivateKeyPem(input as string),
    (err: unknown) => {
      assert.ok(err instanceof KeyImportError, `expected KeyImportError, got ${String(err)}`);
      assert.equal(err.kind, kind);
      assert.equal(err.message, describeKeyImportError(kind));
      assert.equal(err.name, 'KeyImportError');
      return true;
    },
  );
}

describe('accepted inputs', () => {
  test('PKCS#8 and PKCS#1 of the same key give the same public key and fingerprint', () => {
    const a = importPrivateKeyPem(fx.pkcs8Pem());
    const b = importPrivateKeyPem(fx.pkcs1Pem());
    assert.equal(a.bits, 2048);
    assert.equal(b.bits, 2048);
    assert.equal(a.fingerprint, b.fingerprint);
    assert.equal(a.publicKeyPem, b.publicKeyPem);
  });

  test('publicKeyPem is the SPKI node:crypto exports for that key, with LF endings', () => {
    const key = importPrivateKeyPem(fx.pkcs8Pem());
    assert.equal(key.publicKeyPem, fx.spkiPem());
    assert.ok(key.publicKeyPem.startsWith('-----BEGIN PUBLIC KEY-----\n'));
    assert.ok(!key.publicKeyPem.includes('\r'));
  });

  test("fingerprint is 'SHA256:' + unpadded base64 of sha256(SPKI DER), computed by node:crypto", () => {
    const der = createPublicKey(fx.spkiPem()).export({ type: 'spki', format: 'der' });
    const expected = 'SHA256:' + createHash('sha256').update(der).digest('base64').replace(/=+$/, '');
    assert.equal(importPrivateKeyPem(fx.pkcs8Pem()).fingerprint, expected);
  });

  test('CRLF line endings and surrounding text are tolerated', () => {
    const crlf = fx.pkcs8Pem().replace(/\n/g, '\r\n');
    const padded = `Key for Kalshi listener\n\n${fx.pkcs1Pem()}\n  \n`;
    const expected = importPrivateKeyPem(fx.pkcs8Pem()).fingerprint;
    assert.equal(importPrivateKeyPem(crlf).fingerprint, expected);
    assert.equal(importPrivateKeyPem(padded).fingerprint, expected);
  });

  test('a bundle with the certificate first still imports the private key that follows', () => {
    const key = importPrivateKeyPem(fx.certificatePem() + fx.pkcs8Pem());
    assert.equal(key.publicKeyPem, fx.spkiPem());
  });
});

describe('KeyImportError kinds, each from a real input of that kind', () => {
  test('encrypted: PKCS#8 with a passphrase (BEGIN ENCRYPTED PRIVATE KEY)', () => {
    assert.match(fx.encryptedPkcs8Pem(), /BEGIN ENCRYPTED PRIVATE KEY/);
    expectKind(fx.encryptedPkcs8Pem(), 'encrypted');
  });

  test('encrypted: legacy PKCS#1 with Proc-Type: 4,ENCRYPTED', () => {
    assert.match(fx.encryptedPkcs1Pem(), /Proc-Type: 4,ENCRYPTED/);
    expectKind(fx.encryptedPkcs1Pem(), 'encrypted');
  });

  test('not-rsa: EC key as PKCS#8 (same BEGIN PRIVATE KEY label, EC algorithm OID)', () => {
    assert.match(fx.ecPkcs8Pem(), /BEGIN PRIVATE KEY/);
    expectKind(fx.ecPkcs8Pem(), 'not-rsa');
  });

  test('not-rsa: Ed25519 PKCS#8 and EC SEC1 (BEGIN EC PRIVATE KEY)', () => {
    expectKind(fx.ed25519Pem(), 'not-rsa');
    expectKind(fx.ecSec1Pem(), 'not-rsa');
  });

  test('too-short: 1024-bit RSA', () => {
    expectKind(fx.rsa1024Pem(), 'too-short');
  });

  test('is-public-key: SPKI public key, PKCS#1 public key, certificate', () => {
    expectKind(fx.spkiPem(), 'is-public-key');
    expectKind(fx.pkcs1PublicPem(), 'is-public-key');
    expectKind(fx.certificatePem(), 'is-public-key');
  });

  test('not-pem: random text, random bytes, empty, non-string', () => {
    expectKind('hello, this is my API key id 3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77', 'not-pem');
    expectKind(randomBytes(512).toString('latin1'), 'not-pem');
    expectKind('', 'not-pem');
    expectKind(undefined, 'not-pem');
    expectKind(Buffer.from(fx.pkcs8Pem()), 'not-pem');
  });

  test('not-pem: a PRIVATE KEY block whose body is damaged', () => {
    const lines = fx.pkcs8Pem().split('\n');
    lines.splice(3, 5); // drop part of the base64 body
    expectKind(lines.join('\n'), 'not-pem');
    expectKind('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', 'not-pem');
  });

  test('every kind has its own sentence', () => {
    const kinds: KeyImportErrorKind[] = ['not-pem', 'encrypted', 'not-rsa', 'too-short', 'is-public-key'];
    const sentences = kinds.map(describeKeyImportError);
    assert.equal(new Set(sentences).size, kinds.length);
    assert.match(describeKeyImportError('is-public-key'), /public key/);
    assert.match(describeKeyImportError('is-public-key'), /BEGIN PRIVATE KEY/);
  });
});
