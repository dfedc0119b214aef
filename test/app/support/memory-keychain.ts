// memory-keychain.ts — a Keychain double for tests that are not about the OS keychain (the real one,
// gnome-keyring under D-Bus, is exercised by keychain-daemon.test.ts and the onboarding e2e). It can
// be made unavailable, to test the refusal path.
import { KeychainUnavailableError, keychainProblem, type Keychain } from '../../../electron/main/accounts/keychain.ts';

export class MemoryKeychain implements Keychain {
  readonly secrets = new Map<string, string>();
  available = true;

  #check(): void {
    if (!this.available) throw new KeychainUnavailableError(keychainProblem(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), 'linux'));
  }

  async get(name: string): Promise<string | null> { this.#check(); return this.secrets.get(name) ?? null; }
  async set(name: string, secret: string): Promise<void> { this.#check(); this.secrets.set(name, secret); }
  async delete(name: string): Promise<boolean> { this.#check(); return this.secrets.delete(name); }
  async names(): Promise<string[]> { this.#check(); return [...this.secrets.keys()]; }
}
