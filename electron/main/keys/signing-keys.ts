// signing-keys.ts — the private keys main holds in memory, by API key id, and the Logon signer the
// engine gets for each: the engine (and its worker) only ever receive a signature, never a key. Filled
// by demo mode's generated keys and, for real accounts, from the OS keychain (accounts/key-vault.ts).
import { signLogon, type SigningKey } from '../../core/signing/index.ts';
import type { LogonSigner } from '../../core/session/admin-encoder.ts';

export class SigningKeys {
  readonly #keys = new Map<string, SigningKey>();

  add(apiKeyId: string, key: SigningKey): void {
    this.#keys.set(apiKeyId, key);
  }

  has(apiKeyId: string): boolean {
    return this.#keys.has(apiKeyId);
  }

  /** The key's public facts (bits, fingerprint, public PEM); the handle never yields the private part. */
  get(apiKeyId: string): SigningKey | undefined {
    return this.#keys.get(apiKeyId);
  }

  remove(apiKeyId: string): void {
    this.#keys.delete(apiKeyId);
  }

  /** The signer for one API key; it fails with a sentence (never key material) when no key is held. */
  readonly signerFor = (apiKeyId: string): LogonSigner => (fields) => {
    const key = this.#keys.get(apiKeyId);
    if (key === undefined) throw new Error(`No private key is stored for API key ${apiKeyId}: import or generate one in Settings.`);
    return signLogon(key, fields);
  };
}
