// keygen-command.ts — `fillwatch keygen --out key.pem`: a new RSA-2048 key pair for a Kalshi API key.
// The private key is written PKCS#8 with mode 0600 and never printed; the public key (to register with
// Kalshi) is written next to it and printed with its fingerprint.
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateKeyPair, importPrivateKeyPem } from '../core/signing/index.ts';
import { CliError, ExitCode } from './cli-error.ts';

export const keygenUsage = 'fillwatch keygen --out key.pem [--public-out key.pub.pem] [--force]';

export function runKeygen(argv: string[], out: (line: string) => void): number {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, 'public-out': { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.out === undefined) throw new CliError(`--out is required: ${keygenUsage}`, ExitCode.usage);
  const publicOut = values['public-out'] ?? values.out.replace(/(\.pem)?$/, '.pub.pem');
  for (const path of [values.out, publicOut]) {
    if (existsSync(path) && !values.force) throw new CliError(`"${path}" already exists; pass --force to overwrite it`, ExitCode.usage);
  }
  const pair = generateKeyPair();
  writeFileSync(values.out, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicOut, pair.publicKeyPem, { mode: 0o644 });
  const key = importPrivateKeyPem(pair.privateKeyPem);
  out(`private key: ${values.out} (keep it secret; Fillwatch's app stores it in the OS keychain)`);
  out(`public key:  ${publicOut} (register it in your Kalshi account profile)`);
  out(`fingerprint: ${key.fingerprint}`);
  out(pair.publicKeyPem.trimEnd());
  return ExitCode.ok;
}
