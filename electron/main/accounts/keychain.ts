// keychain.ts — where private keys live: the OS keychain (macOS Keychain, Windows Credential Vault,
// libsecret/Secret Service on Linux) through keytar, under service "Fillwatch" and the API key id as
// the account name. Nothing else: if the keychain cannot be reached, callers get a KeychainUnavailable
// error with what to do — there is no plaintext fallback, by design.
import { createRequire } from 'node:module';
import type * as Keytar from 'keytar';

export const KEYCHAIN_SERVICE = 'Fillwatch';

/** The few calls Fillwatch needs; the tests' double and keytar both fit. */
export interface Keychain {
  get(name: string): Promise<string | null>;
  set(name: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(name: string): Promise<boolean>;
  names(): Promise<string[]>;
}

export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

const WHAT_TO_DO: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'Fillwatch keeps keys only in the OS keychain: install and unlock a Secret Service keyring (gnome-keyring or KWallet, e.g. apt install gnome-keyring), sign in to a desktop session, then try again.',
  darwin: 'Fillwatch keeps keys only in the macOS Keychain: unlock your login keychain (Keychain Access) and allow Fillwatch when asked, then try again.',
  win32: 'Fillwatch keeps keys only in the Windows Credential Manager: sign in to Windows with your user account, then try again.',
};

/** The sentence shown when the keychain does not answer. */
export function keychainProblem(cause: unknown, platform: NodeJS.Platform = process.platform): string {
  const why = cause instanceof Error ? cause.message : String(cause);
  return `The OS keychain is not available (${why.split('\n')[0]}). ${WHAT_TO_DO[platform] ?? 'Fillwatch keeps keys only in the OS keychain; make one available, then try again.'}`;
}

/** keytar under `service`; keytar is loaded on first use, so a missing native module is a clear error, not a crash at start. */
export function keytarKeychain(service = KEYCHAIN_SERVICE, load: () => typeof Keytar = loadKeytar): Keychain {
  let keytar: typeof Keytar | undefined;
  const call = async <T>(use: (k: typeof Keytar) => Promise<T>): Promise<T> => {
    try {
      keytar ??= load();
      return await use(keytar);
    } catch (error) {
      throw new KeychainUnavailableError(keychainProblem(error));
    }
  };
  return {
    get: (name) => call((k) => k.getPassword(service, name)),
    set: (name, secret) => call((k) => k.setPassword(service, name, secret)),
    delete: (name) => call((k) => k.deletePassword(service, name)),
    names: () => call(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
  };
}

function loadKeytar(): typeof Keytar {
  return createRequire(import.meta.url)('keytar') as typeof Keytar;
}
