// A TLS failure is one line a user can act on: what is wrong and what to do (pass --ca, check the host
// name, check the clock), under 200 characters, and never Node's own hint to run Node.js with
// --use-system-ca, which means nothing to someone running Fillwatch.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { connectTls, ConnectError, type TlsEndpoint } from '../../electron/core/transport/tls-connection.ts';
import { createCertificateAuthority } from '../../electron/simulator/certs.ts';
import { testCertificates, withTlsServer } from '../support/tls-fixture.ts';

async function failureLine(endpoint: TlsEndpoint): Promise<string> {
  const error = await connectTls(endpoint).then((s) => { s.destroy(); return assert.fail('connected, but should not have'); }, (e: unknown) => e);
  assert.ok(error instanceof ConnectError, String(error));
  assert.equal(error.kind, 'tls', error.message);
  const line = error.message;
  assert.doesNotMatch(line, /\n/, 'one line');
  assert.ok(line.length < 200, `${line.length} characters: ${line}`);
  assert.doesNotMatch(line, /use-system-ca|Node\.js/);
  assert.match(line, new RegExp(`^TLS failure with ${endpoint.host}:${endpoint.port}: `));
  return line;
}

describe('the TLS failure line', () => {
  test('a certificate no trusted CA signed: pass --ca', async () => {
    await withTlsServer((s) => s.end(), async (port) => {
      assert.match(await failureLine({ host: 'localhost', port }), /not signed by a trusted CA .*pass --ca/);
      const otherCa = createCertificateAuthority('Some Other CA');
      assert.match(await failureLine({ host: 'localhost', port, caPem: otherCa.certPem }), /not signed by a trusted CA .*pass --ca/);
    });
  });

  test('a certificate for another name: check the host name', async () => {
    const { ca } = testCertificates();
    await withTlsServer((s) => s.end(), async (port) => {
      const line = await failureLine({ host: '127.0.0.1', port, caPem: ca.certPem, servername: 'fix.elections.kalshi.com' });
      assert.match(line, /not for "fix\.elections\.kalshi\.com" .*check the host name/);
    });
  });

  test('an expired certificate: check the clock', async () => {
    const { ca } = testCertificates();
    const expired = issueExpiredCertificate(ca, 'localhost');
    const server = createServer({ key: expired.keyPem, cert: expired.certPem }, (s) => s.end());
    server.on('tlsClientError', () => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const line = await failureLine({ host: 'localhost', port: (server.address() as AddressInfo).port, caPem: ca.certPem });
      assert.match(line, /expired .*check this computer's clock/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

/** A leaf signed by `ca` that stopped being valid yesterday. */
function issueExpiredCertificate(ca: { certPem: string; keyPem: string }, host: string) {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 10 * 86_400_000);
  cert.validity.notAfter = new Date(Date.now() - 86_400_000);
  cert.setSubject([{ name: 'commonName', value: host }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 2, value: host }] }]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}
