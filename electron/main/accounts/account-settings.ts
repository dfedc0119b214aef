// account-settings.ts — Settings' accounts and keys, as main answers them: the accounts file, the key
// vault (OS keychain), main's own file dialog for key and CA files, and the clipboard for a public key.
// Every change is written to disk first, then applied to the running recorder through AccountsTarget
// (the app runtime: it also ends demo mode on the first real account). Changes run one at a time.
// What leaves here is public: account summaries, key fingerprints and public PEMs, certificate facts.
import { randomUUID } from 'node:crypto';
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import type { AccountDraft, AccountSettings, CertificateFacts, RequestName, SettingsView } from '../../../shared/ipc/contract.ts';
import type { AccountStatus } from '../../../shared/service/service-events.ts';
import { KeyImportError } from '../../core/signing/index.ts';
import { IpcRequestError, type RequestHandlers } from '../ipc/ipc-door.ts';
import { toAccountSummary } from '../live/to-wire.ts';
import { configFromDraft, DraftError } from './account-draft.ts';
import { writeAccountsFile } from './accounts-file.ts';
import { CertificateError, certificateFacts } from './ca-certificate.ts';
import { KeychainUnavailableError, type Keychain } from './keychain.ts';
import type { KeyVault } from './key-vault.ts';
import { PickedFileError, readPickedPem, type PickFile } from './file-picker.ts';

/** What the settings change in the running app. */
export interface AccountsTarget {
  /** The accounts file changed; `changed` is the account saved (or removed: null). */
  apply(accounts: readonly AccountConfig[], change: { readonly saved: AccountConfig } | { readonly removed: string }): Promise<void>;
  demoActive(): boolean;
  status(id: string): Promise<AccountStatus | undefined>;
  /** Starts (or restarts) an account that is configured. */
  start(id: string): Promise<void>;
}

export interface AccountSettingsOptions {
  readonly accountsPath: string;
  readonly accounts: readonly AccountConfig[];
  readonly keychain: Keychain;
  readonly vault: KeyVault;
  readonly pickFile: PickFile;
  readonly writeClipboard: (text: string) => void;
  readonly target: AccountsTarget;
  /** How long testConnection waits for the exchange's answer. Default 15 s. */
  readonly testTimeoutMs?: number;
}

/** The requests Settings' accounts and keys make; the app runtime answers them, not one set of services. */
export const SETTINGS_REQUEST_NAMES = [
  'settings.get', 'accounts.save', 'accounts.remove', 'accounts.testConnection',
  'keys.import', 'keys.generate', 'keys.delete', 'keys.copyPublicKey', 'tls.pickCaCertificate',
] as const satisfies readonly RequestName[];
export type SettingsRequestName = (typeof SETTINGS_REQUEST_NAMES)[number];

const TEST_POLL_MS = 100;

export class AccountSettingsService {
  readonly #options: AccountSettingsOptions;
  #accounts: AccountConfig[];
  /** CA certificates picked in a form not yet saved. */
  readonly #pickedCas = new Map<string, string>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: AccountSettingsOptions) {
    this.#options = options;
    this.#accounts = [...options.accounts];
  }

  get accounts(): readonly AccountConfig[] {
    return this.#accounts;
  }

  handlers(): Pick<RequestHandlers, SettingsRequestName> {
    return {
      'settings.get': () => this.view(),
      'accounts.save': ({ account }) => this.#serial(() => this.#save(account)),
      'accounts.remove': ({ id, deleteKey }) => this.#serial(() => this.#remove(id, deleteKey)),
      'accounts.testConnection': ({ id }) => this.#testConnection(id),
      'keys.import': ({ apiKeyId }) => this.#serial(() => this.#importKey(apiKeyId.toLowerCase())),
      'keys.generate': () => this.#serial(() => guard(() => this.#options.vault.generate())),
      'keys.delete': ({ apiKeyId }) => this.#serial(() => this.#deleteKey(apiKeyId.toLowerCase())),
      'keys.copyPublicKey': ({ apiKeyId, generatedKeyId }) => this.#copyPublicKey(apiKeyId?.toLowerCase() ?? null, generatedKeyId),
      'tls.pickCaCertificate': () => this.#pickCa(),
    };
  }

  async view(): Promise<SettingsView> {
    const keychain = await this.#keychainStatus();
    const accounts: AccountSettings[] = this.#accounts.map((config) => ({
      account: toAccountSummary(config, false),
      key: this.#options.vault.facts(config.apiKeyId),
      caCertificate: caFactsOf(config),
    }));
    return { keychain, accounts, generatedKeys: this.#options.vault.generatedKeys(), demo: this.#options.target.demoActive() };
  }

  async #keychainStatus(): Promise<SettingsView['keychain']> {
    try {
      await this.#options.keychain.names();
      return { available: true, problem: null };
    } catch (error) {
      return { available: false, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  async #save(draft: AccountDraft): Promise<SettingsView> {
    const existing = draft.id === null ? undefined : this.#accounts.find((a) => a.id === draft.id);
    if (draft.id !== null && existing === undefined) throw new IpcRequestError('not-found', `No account "${draft.id}" is configured.`);
    const apiKeyId = draft.apiKeyId.trim().toLowerCase();
    const clash = this.#accounts.find((a) => a.apiKeyId === apiKeyId && a.id !== existing?.id);
    if (clash !== undefined) {
      throw new IpcRequestError('rejected', `API key ${apiKeyId} is already used by "${clash.label}". Kalshi allows one connection per API key: create a separate read-only key for each account you watch.`);
    }
    const config = guardSync(() => configFromDraft(draft, existing?.id ?? this.#newId(apiKeyId), this.#caPemFor(draft, existing)));
    await guard(async () => {
      if (draft.generatedKeyId !== null) await this.#options.vault.adoptGenerated(draft.generatedKeyId, apiKeyId);
      else if (this.#options.vault.facts(apiKeyId) === null && await this.#options.vault.load(apiKeyId) === null) {
        throw new IpcRequestError('rejected', `No private key is stored for API key ${apiKeyId}: import its key file or generate a key pair first.`);
      }
    });
    const accounts = existing === undefined ? [...this.#accounts, config] : this.#accounts.map((a) => (a.id === config.id ? config : a));
    await guard(() => writeAccountsFile(this.#options.accountsPath, accounts));
    this.#accounts = accounts;
    if (typeof draft.caCertificate === 'object' && draft.caCertificate !== null) this.#pickedCas.delete(draft.caCertificate.pickId);
    await this.#options.target.apply(accounts, { saved: config });
    return this.view();
  }

  async #remove(id: string, deleteKey: boolean): Promise<SettingsView> {
    const account = this.#accounts.find((a) => a.id === id);
    if (account === undefined) throw new IpcRequestError('not-found', `No account "${id}" is configured.`);
    const accounts = this.#accounts.filter((a) => a.id !== id);
    await guard(() => writeAccountsFile(this.#options.accountsPath, accounts));
    this.#accounts = accounts;
    await this.#options.target.apply(accounts, { removed: id });
    if (deleteKey) await guard(() => this.#options.vault.delete(account.apiKeyId));
    return this.view();
  }

  async #importKey(apiKeyId: string) {
    const path = await this.#options.pickFile('private-key');
    if (path === null) return { picked: false as const };
    const key = await guard(async () => this.#options.vault.importPem(apiKeyId, await readPickedPem(path)));
    // A running account with this key signs its next Logon with the new one: reconnect it now.
    const account = this.#accounts.find((a) => a.apiKeyId === apiKeyId);
    if (account !== undefined) await this.#options.target.start(account.id);
    return { picked: true as const, key };
  }

  async #deleteKey(apiKeyId: string): Promise<SettingsView> {
    await guard(() => this.#options.vault.delete(apiKeyId));
    return this.view();
  }

  #copyPublicKey(apiKeyId: string | null, generatedKeyId: string | null): { copied: true } {
    const facts = apiKeyId !== null ? this.#options.vault.facts(apiKeyId) : generatedKeyId !== null ? this.#options.vault.generatedFacts(generatedKeyId) : null;
    if (facts === null) throw new IpcRequestError('not-found', 'That key is not stored.');
    this.#options.writeClipboard(facts.publicKeyPem);
    return { copied: true };
  }

  async #pickCa() {
    const path = await this.#options.pickFile('ca-certificate');
    if (path === null) return { picked: false as const };
    const pem = await guard(() => readPickedPem(path));
    const certificate: CertificateFacts = guardSync(() => certificateFacts(pem));
    const pickId = randomUUID();
    this.#pickedCas.set(pickId, pem);
    return { picked: true as const, pickId, certificate };
  }

  async #testConnection(id: string) {
    if (!this.#accounts.some((a) => a.id === id)) throw new IpcRequestError('not-found', `No account "${id}" is configured.`);
    // A logged-on account has its answer already; anything else is (re)connected to get one.
    if ((await this.#options.target.status(id))?.phase !== 'active') await this.#options.target.start(id);
    const deadline = Date.now() + (this.#options.testTimeoutMs ?? 15_000);
    let status = await this.#options.target.status(id);
    while (Date.now() < deadline) {
      if (status?.phase === 'active') return { connected: true, phase: status.phase, text: 'Connected: the exchange accepted the Logon and the listener is receiving.' };
      if (status !== undefined && (status.phase === 'failed' || status.phase === 'reconnect-wait') && status.reason !== undefined) {
        return { connected: false, phase: status.phase, text: status.reason };
      }
      await new Promise((resolve) => setTimeout(resolve, TEST_POLL_MS));
      status = await this.#options.target.status(id);
    }
    return { connected: false, phase: status?.phase ?? 'stopped', text: `No answer from ${this.#accounts.find((a) => a.id === id)?.listener.host ?? 'the exchange'} within ${Math.round((this.#options.testTimeoutMs ?? 15_000) / 1000)} s; check the host, port and your network.` };
  }

  #caPemFor(draft: AccountDraft, existing: AccountConfig | undefined): string | undefined {
    if (draft.caCertificate === null) return undefined;
    if (draft.caCertificate === 'keep') return existing?.tls?.caPem;
    const pem = this.#pickedCas.get(draft.caCertificate.pickId);
    if (pem === undefined) throw new IpcRequestError('rejected', 'The CA certificate picked earlier is no longer available; choose it again.');
    return pem;
  }

  #newId(apiKeyId: string): string {
    return this.#accounts.some((a) => a.id === apiKeyId) ? `${apiKeyId}-${randomUUID().slice(0, 8)}` : apiKeyId;
  }

  #serial<T>(change: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(change, change);
    this.#queue = run.catch(() => {});
    return run;
  }
}

function caFactsOf(config: AccountConfig): CertificateFacts | null {
  const pem = config.tls?.caPem;
  if (pem === undefined) return null;
  try { return certificateFacts(pem); } catch { return null; }
}

/** The user's mistakes and a missing keychain become typed refusals; anything else stays a failure. */
function refusal(error: unknown): unknown {
  if (error instanceof IpcRequestError) return error;
  if (error instanceof KeyImportError || error instanceof PickedFileError || error instanceof CertificateError || error instanceof DraftError) {
    return new IpcRequestError('rejected', error.message);
  }
  if (error instanceof KeychainUnavailableError) return new IpcRequestError('unavailable', error.message);
  return error;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try { return await work(); } catch (error) { throw refusal(error); }
}

function guardSync<T>(work: () => T): T {
  try { return work(); } catch (error) { throw refusal(error); }
}
