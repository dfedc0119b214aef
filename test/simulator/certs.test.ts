// The simulator's certificates must pass real TLS verification in node:tls (OpenSSL), with
// rejectUnauthorized left at its default of true everywhere: the client trusts only the simulator
// CA it is given, and the hostname/IP is checked against the SANs.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { once } from 'node:events';
import { checkServerIdentity, connect, createServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { ConnectionOptions, PeerCertificate, Server, TLSSocket } from 'node:tls';
import {
  createCertificateAuthority,
  issueServerCertificate,
} from '../../electron/simulator/certs.ts';
import type { CertificateAuthority } from '../../electron/simulator/certs.ts';

type Outcome = { ok: true; authorized: boolean; peer: PeerCertificate } | { ok: false; code: string };

/** Connects, waits for the handshake, and reports success or the verification error code. */
async function handshake(options: ConnectionOptions): Promise<Outcome> {
  const socket: TLSSocket = connect(options);
  try {
    await once(socket, 'secureConnect');
    return { ok: true, authorized: socket.authorized, peer: socket.getPeerCertificate() };
  } catch (err) {
    return { ok: false, code: String((err as NodeJS.ErrnoException).code) };
  } finally {
    socket.destroy();
  }
}

let ca: CertificateAuthority;
let server: Server;
let port: number;

before(async () => {
  ca = createCertificateAuthority();
  const leaf = issueServerCertificate(ca, ['localhost', '127.0.0.1']);
  server = createServer({ key: leaf.keyPem, cert: leaf.certPem }, (s) => s.end('8=FIXT.1.1'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

after(() => {
  server.close();
});

describe('TLS handshake against a server using the issued certificate', () => {
  test("client trusting the CA is authorized for servername 'localhost'", async () => {
    const r = await handshake({ host: '127.0.0.1', port, ca: ca.certPem, servername: 'localhost' });
    assert.ok(r.ok, r.ok ? '' : `handshake failed: ${r.code}`);
    assert.equal(r.authorized, true);
    assert.equal(r.peer.subject.CN, 'localhost');
  });

  test('client trusting the CA is authorized when connecting by IP (IP SAN)', async () => {
    const r = await handshake({ host: '127.0.0.1', port, ca: ca.certPem });
    assert.ok(r.ok, r.ok ? '' : `handshake failed: ${r.code}`);
    assert.equal(r.authorized, true);
  });

  test('client without the CA fails verification', async () => {
    const r = await handshake({ host: '127.0.0.1', port, servername: 'localhost' });
    assert.deepEqual(r, { ok: false, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  test('client trusting a different CA fails verification', async () => {
    const other = createCertificateAuthority('Some Other CA');
    const r = await handshake({ host: '127.0.0.1', port, ca: other.certPem, servername: 'localhost' });
    assert.deepEqual(r, { ok: false, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  test('wrong hostname fails even with the right CA', async () => {
    const r = await handshake({ host: '127.0.0.1', port, ca: ca.certPem, servername: 'fix.elections.kalshi.com' });
    assert.deepEqual(r, { ok: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });
});

describe('certificate contents, read back with node:crypto X509Certificate', () => {
  test('CA is self-signed with basicConstraints CA:TRUE', () => {
    const cert = new X509Certificate(ca.certPem);
    assert.equal(cert.ca, true);
    assert.equal(cert.subject, cert.issuer);
    assert.match(cert.subject, /CN=Fillwatch Simulator CA/);
    assert.equal(cert.verify(cert.publicKey), true);
    assert.equal(createPrivateKey(ca.keyPem).asymmetricKeyDetails?.modulusLength, 2048);
  });

  test('custom CA common name is used', () => {
    assert.match(new X509Certificate(createCertificateAuthority('Test Root').certPem).subject, /CN=Test Root/);
  });

  test('leaf: signed by the CA, not a CA, serverAuth, SANs, validity now-1d .. now+1y', () => {
    const leafPem = issueServerCertificate(ca, ['localhost', '127.0.0.1', '::1', 'sim.test']);
    const leaf = new X509Certificate(leafPem.certPem);
    const caCert = new X509Certificate(ca.certPem);
    assert.equal(leaf.ca, false);
    assert.equal(leaf.checkIssued(caCert), true);
    assert.equal(leaf.verify(caCert.publicKey), true);
    assert.deepEqual(leaf.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.equal(leaf.subjectAltName, 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:sim.test');
    assert.equal(leaf.checkHost('sim.test'), 'sim.test');
    assert.equal(leaf.checkIP('::1'), '::1');
    assert.equal(leaf.checkHost('example.com'), undefined);
    // The private key returned is the one the certificate certifies.
    assert.equal(leaf.checkPrivateKey(createPrivateKey(leafPem.keyPem)), true);

    const day = 86_400_000;
    const now = Date.now();
    const from = Date.parse(leaf.validFrom);
    const to = Date.parse(leaf.validTo);
    assert.ok(Math.abs(from - (now - day)) < 60_000, `validFrom ${leaf.validFrom}`);
    assert.ok(Math.abs(to - (now + 365 * day)) < 60_000, `validTo ${leaf.validTo}`);
  });

  test('tls.checkServerIdentity agrees: right names pass, a wrong one fails', () => {
    const leaf = new X509Certificate(issueServerCertificate(ca, ['localhost', '127.0.0.1']).certPem);
    const peer = leaf.toLegacyObject();
    assert.equal(checkServerIdentity('localhost', peer), undefined);
    assert.equal(checkServerIdentity('127.0.0.1', peer), undefined);
    assert.ok(checkServerIdentity('otherhost', peer) instanceof Error);
    assert.ok(checkServerIdentity('127.0.0.2', peer) instanceof Error);
  });

  test('serial numbers differ between certificates', () => {
    const a = new X509Certificate(issueServerCertificate(ca, ['localhost']).certPem);
    const b = new X509Certificate(issueServerCertificate(ca, ['localhost']).certPem);
    assert.notEqual(a.serialNumber, b.serialNumber);
  });

  test('no hostnames is refused', () => {
    assert.throws(() => issueServerCertificate(ca, []), RangeError);
  });
});
