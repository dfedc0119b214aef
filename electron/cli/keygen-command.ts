// keygen-command.ts — `fillwatch keygen --out key.pem`: a new RSA-2048 key pair for a Kalshi API key.
// The private key is written PKCS#8 with mode 0600 and never printed; the public key (to register with
// Kalshi) is written next to it and printed with its fingerprint.
import { existsSync } from 'node:fs';
import { generateKeyPair, importPrivateKeyPem } from '../core/signing/index.ts';
import { CliError, ExitCode } from './cli-error.ts';
import { parseFlags, requireFlag } from './parse-flags.ts';
import { writeOutputFile } from './output-file.ts';

export const keygenUsage = 'fillwatch keygen --out key.pem [--public-out key.pub.pem] [--force]';

export function runKeygen(argv: string[], print: (line: string) => void): number {
  const values = parseFlags(argv, { out: { type: 'string' }, 'public-out': { type: 'string' }, force: { type: 'boolean', default: false } });
  const out = requireFlag('out', values.out);
  const publicOut = values['public-out'] ?? out.replace(/(\.pem)?$/, '.pub.pem');
  for (const path of [out, publicOut]) {
    if (existsSync(path) && !values.force) throw new CliError(`"${path}" already exists; pass --force to overwrite it`, ExitCode.usage);
  }
  const pair = generateKeyPair();
  writeOutputFile(out, 'private key file', pair.privateKeyPem, 0o600);
  writeOutputFile(publicOut, 'public key file', pair.publicKeyPem, 0o644);
  const key = importPrivateKeyPem(pair.privateKeyPem);
  print(`private key: ${out} (keep it secret; Fillwatch's app stores it in the OS keychain)`);
  print(`public key:  ${publicOut} (register it in your Kalshi account profile)`);
  print(`fingerprint: ${key.fingerprint}`);
  print(pair.publicKeyPem.trimEnd());
  return ExitCode.ok;
}
