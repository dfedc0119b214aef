// tls-fixture.ts — a test CA and server certificate (made once per test process) and a TLS server
// on 127.0.0.1:0 (the pattern of jspurefix's withSelfSignedTlsServer).
import { createServer, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { createCertificateAuthority, issueServerCertificate, type CertificateAuthority } from '../../electron/simulator/certs.ts';

let cached: { ca: CertificateAuthority; server: { certPem: string; keyPem: string } } | undefined;

export function testCertificates() {
  if (cached === undefined) {
    const ca = createCertificateAuthority('Fillwatch Test CA');
    cached = { ca, server: issueServerCertificate(ca, ['localhost', '127.0.0.1']) };
  }
  return cached;
}

export async function withTlsServer<T>(onSocket: (socket: TLSSocket) => void, body: (port: number) => Promise<T>): Promise<T> {
  const { server: cert } = testCertificates();
  const server = createServer({ key: cert.keyPem, cert: cert.certPem }, onSocket);
  server.on('tlsClientError', () => { /* clients that reject our certificate are part of the tests */ });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await body((server.address() as AddressInfo).port);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
