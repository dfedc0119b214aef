// key-vault.ts — the private keys of real accounts: validated before they are stored, stored only in
// the OS keychain (keychain.ts), held in main's memory as opaque SigningKeys for the Logon signer.
// Callers get public facts only (bits, fingerprint, public PEM). A generated key waits in the keychain
// under a temporary name until the user has registered its public half on Kalshi and saved the
// account with the API key id Kalshi gave it.
import { randomUUID } from 'node:crypto';
import type { KeyFacts } from '../../../shared/ipc/contract.ts';
import { generateKeyPairAsync, importPrivateKeyPem, type SigningKey } from '../../core/signing/index.ts';
import type { SigningKeys } from '../keys/signing-keys.ts';
import type { Keychain } from './keychain.ts';

const GENERATED_PREFIX = 'generated:';

export function keyFacts(key: SigningKey): KeyFacts {
  return { bits: key.bits, fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem };
}

export class KeyVault {
  readonly #keychain: Keychain;
  readonly #keys: SigningKeys;
  /** Generated keys not yet given to an account (public facts only; the private part is in the keychain). */
  readonly #generated = new Map<string, SigningKey>();

  constructor(keychain: Keychain, keys: SigningKeys) {
    this.#keychain = keychain;
    this.#keys = keys;
  }

  /** Reads the stored key of an API key id into memory; null when none is stored. */
  async load(apiKeyId: string): Promise<KeyFacts | null> {
    const pem = await this.#keychain.get(apiKeyId);
    if (pem === null) {
      this.#keys.remove(apiKeyId);
      return null;
    }
    const key = importPrivateKeyPem(pem);
    this.#keys.add(apiKeyId, key);
    return keyFacts(key);
  }

  facts(apiKeyId: string): KeyFacts | null {
    const key = this.#keys.get(apiKeyId);
    return key === undefined ? null : keyFacts(key);
  }

  generatedFacts(generatedKeyId: string): KeyFacts | null {
    const key = this.#generated.get(generatedKeyId);
    return key === undefined ? null : keyFacts(key);
  }

  /** Validates (KeyImportError with the CLI's sentences), then stores, replacing any key of that id. */
  async importPem(apiKeyId: string, pem: string): Promise<KeyFacts> {
    const key = importPrivateKeyPem(pem);
    await this.#keychain.set(apiKeyId, pem);
    this.#keys.add(apiKeyId, key);
    return keyFacts(key);
  }

  async generate(): Promise<{ generatedKeyId: string; key: KeyFacts }> {
    const pair = await generateKeyPairAsync();
    const key = importPrivateKeyPem(pair.privateKeyPem);
    const generatedKeyId = randomUUID();
    await this.#keychain.set(GENERATED_PREFIX + generatedKeyId, pair.privateKeyPem);
    this.#generated.set(generatedKeyId, key);
    return { generatedKeyId, key: keyFacts(key) };
  }

  /** Files a generated key under the API key id Kalshi gave its public half. */
  async adoptGenerated(generatedKeyId: string, apiKeyId: string): Promise<KeyFacts> {
    const pem = this.#generated.has(generatedKeyId) ? await this.#keychain.get(GENERATED_PREFIX + generatedKeyId) : null;
    if (pem === null) throw new Error('That generated key is no longer available; generate a new one.');
    const facts = await this.importPem(apiKeyId, pem);
    await this.#keychain.delete(GENERATED_PREFIX + generatedKeyId);
    this.#generated.delete(generatedKeyId);
    return facts;
  }

  async delete(apiKeyId: string): Promise<void> {
    this.#keys.remove(apiKeyId);
    await this.#keychain.delete(apiKeyId);
  }

  /** Generated keys not yet adopted survive a restart (their public half may already be registered on Kalshi). */
  async loadGenerated(): Promise<void> {
    for (const name of await this.#keychain.names()) {
      if (!name.startsWith(GENERATED_PREFIX)) continue;
      const pem = await this.#keychain.get(name);
      if (pem !== null) this.#generated.set(name.slice(GENERATED_PREFIX.length), importPrivateKeyPem(pem));
    }
  }

  /** Generated keys waiting for an API key id, oldest first. */
  generatedKeys(): { generatedKeyId: string; key: KeyFacts }[] {
    return [...this.#generated].map(([generatedKeyId, key]) => ({ generatedKeyId, key: keyFacts(key) }));
  }
}
