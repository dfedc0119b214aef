import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { connectTls, ConnectError } from '../../../electron/core/transport/tls-connection.ts';
import { createCertificateAuthority } from '../../../electron/simulator/certs.ts';
import { testCertificates, withTlsServer } from '../../support/tls-fixture.ts';

async function expectConnectError(promise: Promise<unknown>, kind: string): Promise<ConnectError> {
  const error = await promise.then(() => assert.fail('connected, but should not have'), (e: unknown) => e);
  assert.ok(error instanceof ConnectError, `expected ConnectError, got ${String(error)}`);
  assert.equal(error.kind, kind, error.message);
  return error;
}

describe('connectTls', () => {
  test('connects and verifies the certificate against the given CA', async () => {
    const { ca } = testCertificates();
    await withTlsServer((s) => s.end(), async (port) => {
      const socket = await connectTls({ host: 'localhost', port, caPem: ca.certPem });
      assert.equal(socket.authorized, true);
      socket.destroy();
    });
  });

  test('verifies by IP address too', async () => {
    const { ca } = testCertificates();
    await withTlsServer((s) => s.end(), async (port) => {
      const socket = await connectTls({ host: '127.0.0.1', port, caPem: ca.certPem });
      assert.equal(socket.authorized, true);
      socket.destroy();
    });
  });

  test('an untrusted certificate is a TLS failure, never silently accepted', async () => {
    await withTlsServer((s) => s.end(), async (port) => {
      await expectConnectError(connectTls({ host: 'localhost', port }), 'tls');
      const otherCa = createCertificateAuthority('Some Other CA');
      await expectConnectError(connectTls({ host: 'localhost', port, caPem: otherCa.certPem }), 'tls');
    });
  });

  test('a certificate for another host name is a TLS failure', async () => {
    const { ca } = testCertificates();
    await withTlsServer((s) => s.end(), async (port) => {
      const error = await expectConnectError(connectTls({ host: '127.0.0.1', port, caPem: ca.certPem, servername: 'fix.elections.kalshi.com' }), 'tls');
      assert.match(error.message, /127\.0\.0\.1/);
    });
  });

  test('pinning: the right fingerprint connects, a wrong one is refused', async () => {
    const { ca, server } = testCertificates();
    const leaf = new X509Certificate(server.certPem).fingerprint256;
    await withTlsServer((s) => s.end(), async (port) => {
      const ok = await connectTls({ host: 'localhost', port, caPem: ca.certPem, pinnedSha256: [leaf.toLowerCase()] });
      ok.destroy();
      await expectConnectError(connectTls({ host: 'localhost', port, caPem: ca.certPem, pinnedSha256: ['AA'.repeat(32)] }), 'pin-mismatch');
    });
  });

  test('a closed port is unreachable', async () => {
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await expectConnectError(connectTls({ host: '127.0.0.1', port }), 'unreachable');
  });

  test('a server that never completes the handshake times out', async () => {
    const silent = createTcpServer(() => { /* accept and say nothing */ });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      await expectConnectError(connectTls({ host: '127.0.0.1', port, connectTimeoutMs: 300 }), 'timeout');
    } finally {
      silent.close();
      // closeAllConnections is not on net.Server; the client destroyed its side already.
    }
  });
});
