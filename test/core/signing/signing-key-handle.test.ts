// The SigningKey handle must never show key material, however it is printed or copied: the
// private key sits in a WeakMap inside private-key.ts. These tests look for the secret the way
// an accident would expose it (logs, JSON over IPC, structured clone) and for its actual bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect, format } from 'node:util';
import { importPrivateKeyPem, isSigningKey } from '../../../electron/core/signing/private-key.ts';
import { signLogon } from '../../../electron/core/signing/logon-signature.ts';
import type { SigningKey } from '../../../electron/core/signing/private-key.ts';
import * as fx from './fixtures.ts';

// Secret parts of the key as node:crypto sees them, in base64url (JWK) and as hex / decimal digits,
// so a leak in any common encoding is caught.
function secretNeedles(): string[] {
  const jwk = fx.rsa2048().privateKey.export({ format: 'jwk' });
  const needles: string[] = [];
  for (const part of [jwk.d, jwk.p, jwk.q, jwk.dp, jwk.dq, jwk.qi]) {
    assert.ok(part, 'JWK private part present');
    const bytes = Buffer.from(part, 'base64url');
    needles.push(part.slice(0, 24), bytes.toString('hex').slice(0, 24), bytes.toString('base64').slice(0, 24));
    needles.push(BigInt('0x' + bytes.toString('hex')).toString().slice(0, 24));
  }
  // A line of the private PEM body.
  needles.push(fx.pkcs8Pem().split('\n')[5] ?? 'unreachable');
  return needles;
}

function assertNoSecret(text: string, how: string): void {
  for (const needle of secretNeedles()) assert.ok(!text.includes(needle), `${how} leaked key material`);
  for (const word of ['BigInteger', 'qInv', 'PRIVATE']) assert.ok(!text.includes(word), `${how} mentions ${word}`);
}

test('JSON.stringify shows exactly bits and fingerprint', () => {
  const key = importPrivateKeyPem(fx.pkcs8Pem());
  const json = JSON.stringify(key);
  assert.deepEqual(JSON.parse(json), { bits: 2048, fingerprint: key.fingerprint });
  assertNoSecret(JSON.stringify({ nested: { key } }), 'nested JSON');
});

test('util.inspect (also with showHidden), console.log formats and String() show no key material', () => {
  const key = importPrivateKeyPem(fx.pkcs1Pem());
  const renderings = [
    inspect(key),
    inspect(key, { showHidden: true, depth: Infinity, customInspect: true }),
    inspect({ key }, { depth: Infinity }),
    format('%o %O %j %s', key, key, key, key),
    String(key),
    `${key}`,
  ];
  for (const r of renderings) {
    assertNoSecret(r, `rendering ${JSON.stringify(r.slice(0, 40))}`);
    assert.ok(r.includes(key.fingerprint) || r.includes('"fingerprint"'), 'rendering names the fingerprint');
  }
  // Even with customInspect off, util sees only the public own properties.
  assertNoSecret(inspect(key, { customInspect: false, showHidden: true, depth: Infinity }), 'raw inspect');
});

test('own properties and structured clone (Electron IPC) carry only public data', () => {
  const key = importPrivateKeyPem(fx.pkcs8Pem());
  assert.deepEqual(Object.keys(key).sort(), ['bits', 'fingerprint', 'publicKeyPem']);
  assert.deepEqual(
    Reflect.ownKeys(key).map(String).sort(),
    ['bits', 'fingerprint', 'publicKeyPem'],
  );
  const clone = structuredClone(key) as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(clone).sort(), ['bits', 'fingerprint', 'publicKeyPem']);
  assertNoSecret(JSON.stringify(clone), 'structuredClone');
  // The clone is plain data: it has no key behind it and cannot sign.
  assert.equal(isSigningKey(clone), false);
});

test('the handle is frozen', () => {
  const key = importPrivateKeyPem(fx.pkcs8Pem());
  assert.ok(Object.isFrozen(key));
  assert.throws(() => {
    (key as { fingerprint: string }).fingerprint = 'SHA256:forged';
  }, TypeError);
});

test('a look-alike object is not a SigningKey and cannot sign', () => {
  const real = importPrivateKeyPem(fx.pkcs8Pem());
  const fake: SigningKey = { bits: real.bits, fingerprint: real.fingerprint, publicKeyPem: real.publicKeyPem };
  assert.equal(isSigningKey(real), true);
  assert.equal(isSigningKey(fake), false);
  assert.equal(isSigningKey(null), false);
  const fields = { sendingTime: '20261124-14:05:09.123', msgSeqNum: 1, senderCompId: 'k', targetCompId: 'KalshiRT' };
  assert.throws(() => signLogon(fake, fields), TypeError);
});
