// read-private-key-pem.ts — turns user-supplied PEM text into a node-forge RSA private key, or a
// KeyImportError saying in one sentence why not. Accepts PKCS#8 ('BEGIN PRIVATE KEY') and PKCS#1
// ('BEGIN RSA PRIVATE KEY'). Never keeps the key: the caller (private-key.ts) owns it from here on.
import forge from 'node-forge';
import { KeyImportError, MIN_RSA_BITS } from './key-import-error.ts';

const RSA_ENCRYPTION_OID = '1.2.840.113549.1.1.1';

// Labels of private-key PEM blocks we can tell apart (RFC 7468 and the OpenSSL legacy ones).
const PRIVATE_LABELS = new Set([
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
]);
// Things people pick by mistake because they sit next to the private key.
const PUBLIC_LABELS = new Set([
  'PUBLIC KEY',
  'RSA PUBLIC KEY',
  'CERTIFICATE',
  'TRUSTED CERTIFICATE',
  'X509 CERTIFICATE',
  'CERTIFICATE REQUEST',
]);

export function readRsaPrivateKeyPem(pem: unknown): forge.pki.rsa.PrivateKey {
  if (typeof pem !== 'string') throw new KeyImportError('not-pem');
  let blocks: forge.pem.ObjectPEM[];
  try {
    blocks = forge.pem.decode(pem);
  } catch {
    throw new KeyImportError('not-pem');
  }
  // A bundle (certificate + key, as some tools write) is fine: the first private block wins.
  const block = blocks.find((b) => PRIVATE_LABELS.has(b.type));
  if (block === undefined) {
    throw new KeyImportError(blocks.some((b) => PUBLIC_LABELS.has(b.type)) ? 'is-public-key' : 'not-pem');
  }
  const key = keyFromBlock(block);
  if (key.n.bitLength() < MIN_RSA_BITS) throw new KeyImportError('too-short');
  return key;
}

function keyFromBlock(block: forge.pem.ObjectPEM): forge.pki.rsa.PrivateKey {
  const procType: unknown = block.procType;
  const legacyEncrypted =
    typeof procType === 'object' && procType !== null && (procType as { type?: unknown }).type === 'ENCRYPTED';
  if (block.type === 'ENCRYPTED PRIVATE KEY' || legacyEncrypted) throw new KeyImportError('encrypted');
  switch (block.type) {
    case 'EC PRIVATE KEY':
    case 'DSA PRIVATE KEY':
      throw new KeyImportError('not-rsa');
    case 'PRIVATE KEY': {
      const der = parseDer(block.body);
      // PKCS#8 names its algorithm; EC and Ed25519 keys arrive under this same label.
      if (pkcs8AlgorithmOid(der) !== RSA_ENCRYPTION_OID) throw new KeyImportError('not-rsa');
      return rsaKeyFromAsn1(der);
    }
    case 'RSA PRIVATE KEY':
      return rsaKeyFromAsn1(parseDer(block.body));
    default:
      // OPENSSH PRIVATE KEY is a different container (not PEM-encoded DER); users convert it with
      // ssh-keygen -p -m PKCS8, which is what the not-pem sentence points them towards.
      throw new KeyImportError('not-pem');
  }
}

function parseDer(body: string): forge.asn1.Asn1 {
  try {
    return forge.asn1.fromDer(body);
  } catch {
    throw new KeyImportError('not-pem');
  }
}

// PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier { algorithm OID, params }, privateKey, … }
function pkcs8AlgorithmOid(info: forge.asn1.Asn1): string | undefined {
  if (!Array.isArray(info.value)) return undefined;
  const algorithmId = info.value[1];
  if (algorithmId === undefined || !Array.isArray(algorithmId.value)) return undefined;
  const oid = algorithmId.value[0];
  if (oid === undefined || oid.type !== forge.asn1.Type.OID || typeof oid.value !== 'string') return undefined;
  try {
    return forge.asn1.derToOid(oid.value);
  } catch {
    return undefined;
  }
}

function rsaKeyFromAsn1(der: forge.asn1.Asn1): forge.pki.rsa.PrivateKey {
  try {
    // Handles both PKCS#8 (unwraps rsaEncryption) and a bare PKCS#1 RSAPrivateKey.
    return forge.pki.privateKeyFromAsn1(der) as forge.pki.rsa.PrivateKey;
  } catch {
    throw new KeyImportError('not-pem');
  }
}
