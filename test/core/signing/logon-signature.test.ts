// The Kalshi Logon signature (kalshi-fix.md §2.2): exact payload bytes, and RSA-PSS signatures from
// the forge signer checked by node:crypto, an independent implementation (OpenSSL).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { constants, createPublicKey, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import {
  logonSignaturePayload,
  signLogon,
  verifyLogonSignature,
} from '../../../electron/core/signing/logon-signature.ts';
import type { LogonSignatureFields } from '../../../electron/core/signing/logon-signature.ts';
import { importPrivateKeyPem } from '../../../electron/core/signing/private-key.ts';
import * as fx from './fixtures.ts';

// The worked example of §2.2, copied from the spec text.
const EXAMPLE: LogonSignatureFields = {
  sendingTime: '20261124-14:05:09.123',
  msgSeqNum: 1,
  senderCompId: '3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77',
  targetCompId: 'KalshiRT',
};
const EXAMPLE_BYTES = '20261124-14:05:09.123\x01A\x011\x013f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77\x01KalshiRT';

function nodeVerify(publicKeyPem: string, payload: string, sigB64: string, saltLength: number): boolean {
  return verify(
    'sha256',
    Buffer.from(payload, 'utf8'),
    { key: createPublicKey(publicKeyPem), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength },
    Buffer.from(sigB64, 'base64'),
  );
}

describe('logonSignaturePayload', () => {
  test('is byte-for-byte the §2.2 worked example', () => {
    const payload = logonSignaturePayload(EXAMPLE);
    assert.equal(payload, EXAMPLE_BYTES);
    assert.deepEqual(
      Buffer.from(payload, 'utf8'),
      Buffer.concat([
        Buffer.from('20261124-14:05:09.123'), Buffer.of(1), Buffer.from('A'), Buffer.of(1), Buffer.from('1'),
        Buffer.of(1), Buffer.from('3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77'), Buffer.of(1), Buffer.from('KalshiRT'),
      ]),
    );
  });

  test('MsgSeqNum is plain decimal text, no padding', () => {
    const p = logonSignaturePayload({ ...EXAMPLE, msgSeqNum: 1042 });
    assert.equal(p.split('\x01')[2], '1042');
  });

  test('splits back into the five fields in order (property)', () => {
    const value = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\x01'));
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 2 ** 31 }), value, value, (t, n, s, d) => {
        const parts = logonSignaturePayload({ sendingTime: t, msgSeqNum: n, senderCompId: s, targetCompId: d }).split('\x01');
        assert.deepEqual(parts, [t, 'A', String(n), s, d]);
      }),
      { numRuns: 300 },
    );
  });

  test('refuses fields that could not be sent as-is', () => {
    for (const msgSeqNum of [0, -1, 1.5, Number.NaN, 2 ** 60]) {
      assert.throws(() => logonSignaturePayload({ ...EXAMPLE, msgSeqNum }), RangeError);
    }
    assert.throws(() => logonSignaturePayload({ ...EXAMPLE, sendingTime: '' }), RangeError);
    assert.throws(() => logonSignaturePayload({ ...EXAMPLE, senderCompId: 'a\x01b' }), RangeError);
    assert.throws(() => logonSignaturePayload({ ...EXAMPLE, targetCompId: 'KalshiRT\x01' }), RangeError);
  });
});

describe('signLogon', () => {
  test('PKCS#8 key: node:crypto verifies with PSS SHA-256, salt exactly 32', () => {
    const key = importPrivateKeyPem(fx.pkcs8Pem());
    const sig = signLogon(key, EXAMPLE);
    assert.equal(nodeVerify(fx.spkiPem(), EXAMPLE_BYTES, sig, 32), true);
    assert.equal(nodeVerify(fx.spkiPem(), EXAMPLE_BYTES, sig, constants.RSA_PSS_SALTLEN_AUTO), true);
    // A different salt length is a different signature scheme instance: it must not verify.
    assert.equal(nodeVerify(fx.spkiPem(), EXAMPLE_BYTES, sig, 20), false);
  });

  test('PKCS#1 key: node:crypto verifies too', () => {
    const key = importPrivateKeyPem(fx.pkcs1Pem());
    const sig = signLogon(key, EXAMPLE);
    assert.equal(nodeVerify(fx.spkiPem(), EXAMPLE_BYTES, sig, 32), true);
  });

  test('is 344 base64 chars (256 bytes) and randomised like PSS should be', () => {
    const key = importPrivateKeyPem(fx.pkcs8Pem());
    const a = signLogon(key, EXAMPLE);
    const b = signLogon(key, EXAMPLE);
    assert.equal(a.length, 344);
    assert.match(a, /^[A-Za-z0-9+/]{342}==$/);
    assert.equal(Buffer.from(a, 'base64').length, 256);
    assert.notEqual(a, b, 'PSS uses a random salt, so two signatures of one payload differ');
  });

  test('is not PKCS#1 v1.5', () => {
    const sig = signLogon(importPrivateKeyPem(fx.pkcs8Pem()), EXAMPLE);
    const ok = verify(
      'sha256',
      Buffer.from(EXAMPLE_BYTES),
      { key: createPublicKey(fx.spkiPem()), padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(sig, 'base64'),
    );
    assert.equal(ok, false);
  });
});

describe('verifyLogonSignature', () => {
  test('accepts signLogon output, and a node:crypto signature with salt 32', () => {
    const key = importPrivateKeyPem(fx.pkcs8Pem());
    assert.equal(verifyLogonSignature(key.publicKeyPem, EXAMPLE, signLogon(key, EXAMPLE)), true);
    const nodeSig = sign('sha256', Buffer.from(EXAMPLE_BYTES), {
      key: fx.rsa2048().privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    }).toString('base64');
    assert.equal(verifyLogonSignature(fx.spkiPem(), EXAMPLE, nodeSig), true);
  });

  test("rejects node's default maximum-salt PSS signature (Kalshi pins salt 32)", () => {
    const maxSalt = sign('sha256', Buffer.from(EXAMPLE_BYTES), {
      key: fx.rsa2048().privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
    }).toString('base64');
    assert.equal(nodeVerify(fx.spkiPem(), EXAMPLE_BYTES, maxSalt, constants.RSA_PSS_SALTLEN_AUTO), true);
    assert.equal(verifyLogonSignature(fx.spkiPem(), EXAMPLE, maxSalt), false);
  });

  test('fails when any signed field is changed', () => {
    const key = importPrivateKeyPem(fx.pkcs8Pem());
    const sig = signLogon(key, EXAMPLE);
    const tampered: LogonSignatureFields[] = [
      { ...EXAMPLE, sendingTime: '20261124-14:05:09.124' },
      { ...EXAMPLE, msgSeqNum: 2 },
      { ...EXAMPLE, senderCompId: '3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e78' },
      { ...EXAMPLE, targetCompId: 'KalshiNR' },
    ];
    for (const f of tampered) assert.equal(verifyLogonSignature(key.publicKeyPem, f, sig), false);
  });

  test('fails with a flipped signature bit or another key', () => {
    const key = importPrivateKeyPem(fx.pkcs8Pem());
    const sig = Buffer.from(signLogon(key, EXAMPLE), 'base64');
    sig[100] = (sig[100] ?? 0) ^ 0x01;
    assert.equal(verifyLogonSignature(key.publicKeyPem, EXAMPLE, sig.toString('base64')), false);
    const otherPub = createPublicKey(fx.rsa1024Pem()).export({ type: 'spki', format: 'pem' }).toString();
    assert.equal(verifyLogonSignature(otherPub, EXAMPLE, signLogon(key, EXAMPLE)), false);
  });

  test('never throws on garbage, returns false', () => {
    const key = importPrivateKeyPem(fx.pkcs8Pem());
    const good = signLogon(key, EXAMPLE);
    const ecPub = createPublicKey(fx.ecPkcs8Pem()).export({ type: 'spki', format: 'pem' }).toString();
    const cases: Array<[unknown, unknown, unknown]> = [
      ['', EXAMPLE, good],
      ['not a pem', EXAMPLE, good],
      [ecPub, EXAMPLE, good],
      [key.publicKeyPem, EXAMPLE, ''],
      [key.publicKeyPem, EXAMPLE, 'not base64!!'],
      [key.publicKeyPem, EXAMPLE, good.slice(0, 100)],
      [key.publicKeyPem, EXAMPLE, good + 'AAAA'],
      [key.publicKeyPem, { ...EXAMPLE, msgSeqNum: -3 }, good],
      [key.publicKeyPem, null, good],
      [undefined, undefined, undefined],
      [42, {}, 42],
    ];
    for (const [pem, f, s] of cases) {
      assert.equal(verifyLogonSignature(pem as string, f as LogonSignatureFields, s as string), false);
    }
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (pem, f, s) => {
        assert.equal(verifyLogonSignature(pem as string, f as LogonSignatureFields, s as string), false);
      }),
      { numRuns: 300 },
    );
  });

  test('sign then verify holds for arbitrary field values (property, few runs: forge signs ~25 ms)', () => {
    const key = importPrivateKeyPem(fx.pkcs8Pem());
    const value = fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme' }).filter((s) => !s.includes('\x01'));
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 2 ** 31 }), value, value, (t, n, s, d) => {
        const f = { sendingTime: t, msgSeqNum: n, senderCompId: s, targetCompId: d };
        const sig = signLogon(key, f);
        assert.equal(nodeVerify(fx.spkiPem(), logonSignaturePayload(f), sig, 32), true);
        assert.equal(verifyLogonSignature(key.publicKeyPem, f, sig), true);
      }),
      { numRuns: 15 },
    );
  });
});
