// app-runtime.ts — what Electron's main and the harness run: the configured accounts (accounts.json,
// keys from the OS keychain) recording into the journal, or — while no account is configured — demo
// mode in a journal of its own, so simulated fills never mix with an account's record. Saving the first
// real account in Settings ends the demo: its services stop, the real ones start, and every window is
// told to resync. Windows and notification sinks attach to the runtime, not to one set of services, so
// they survive that switch. Settings' requests are answered by accounts/account-settings.ts.
import { join } from 'node:path';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import { Emitter, type Disposable, type Event } from '../../shared/events/emitter.ts';
import { REQUEST_NAMES, type ExportProgressWire, type LiveBatch } from '../../shared/ipc/contract.ts';
import { AccountSettingsService, SETTINGS_REQUEST_NAMES, type AccountsTarget } from './accounts/account-settings.ts';
import { readAccountsFile } from './accounts/accounts-file.ts';
import type { PickFile } from './accounts/file-picker.ts';
import { KeyVault } from './accounts/key-vault.ts';
import type { Keychain } from './accounts/keychain.ts';
import { startAppServices, type AppServices, type AppServicesOptions } from './app-services.ts';
import type { DemoOptions } from './demo/demo-mode.ts';
import { HISTORY_REQUEST_NAMES, historyRequestHandlers } from './history/history-handlers.ts';
import { HistoryExports } from './history/history-exports.ts';
import type { SaveFile } from './history/save-dialog.ts';
import type { RequestHandlers } from './ipc/ipc-door.ts';
import type { ServiceHandlers } from './ipc/request-handlers.ts';
import { SigningKeys } from './keys/signing-keys.ts';
import type { NotificationSink } from './notifications/notification-service.ts';
import type { RulesDocument } from '../../shared/surveillance/rules-document.ts';
import { SURVEILLANCE_REQUEST_NAMES, surveillanceRequestHandlers } from './surveillance/surveillance-handlers.ts';
import { SurveillanceSettings } from './surveillance/surveillance-settings.ts';

export interface AppRuntimeOptions {
  /** Where accounts.json lives (the app's data folder). */
  readonly dataDir: string;
  /** The journal real accounts record into. */
  readonly journalPath: string;
  /** Demo mode's journal (default demo-journal.db in dataDir). */
  readonly demoJournalPath?: string;
  /** Run the demo while no account is configured (false: an empty app). */
  readonly demo: false | DemoOptions;
  readonly keychain: Keychain;
  readonly pickFile: PickFile;
  /** Main's save dialog for History exports (none: exports are refused). */
  readonly saveFile?: SaveFile;
  readonly writeClipboard: (text: string) => void;
  readonly statusPollMs?: number;
  /** The notifications' rules and progress (default notifications.json beside the journal). */
  readonly notificationsPath?: string;
  /** Main's private keys (default a fresh set; the bench adds its own simulator's). */
  readonly keys?: SigningKeys;
  readonly startServices?: (options: AppServicesOptions) => Promise<AppServices>;
  readonly log?: (line: string) => void;
}

export class AppRuntime {
  readonly #options: AppRuntimeOptions;
  readonly #keys: SigningKeys;
  readonly #batches = new Emitter<LiveBatch>();
  readonly #resyncs = new Emitter<{ reason: string }>();
  readonly #sinks = new Map<NotificationSink, Disposable>();
  #services!: AppServices;
  #relay: Disposable | undefined;
  #demo = false;
  #settings!: AccountSettingsService;
  #surveillance!: SurveillanceSettings;
  /** The rules version the running recorder was given (saved rules apply at once where the engine allows). */
  #runningRulesVersion = 0;
  readonly #exports = new HistoryExports(() => this.#services.recorder, (line) => this.#options.log?.(line));
  /** Every request of the contract: Settings' here, the rest to whichever services run now. */
  handlers!: RequestHandlers;

  private constructor(options: AppRuntimeOptions) {
    this.#options = options;
    this.#keys = options.keys ?? new SigningKeys();
  }

  static async start(options: AppRuntimeOptions): Promise<AppRuntime> {
    const runtime = new AppRuntime(options);
    await runtime.#start();
    return runtime;
  }

  /** The services running now (they change when demo mode ends). */
  get services(): AppServices {
    return this.#services;
  }

  get demoActive(): boolean {
    return this.#demo;
  }

  /** The journal being recorded into now. */
  get journalPath(): string {
    return this.#demo ? this.#demoJournalPath : this.#options.journalPath;
  }

  readonly onBatch: Event<LiveBatch> = this.#batches.event;
  /** Windows must take a fresh snapshot (the services behind them changed). */
  readonly onResync: Event<{ reason: string }> = this.#resyncs.event;
  /** History exports' progress, for every window. */
  readonly onExportProgress: Event<ExportProgressWire> = this.#exports.onProgress;

  addNotificationSink(sink: NotificationSink): Disposable {
    this.#sinks.set(sink, this.#services.notifications.addSink(sink));
    return { dispose: () => { this.#sinks.get(sink)?.dispose(); this.#sinks.delete(sink); } };
  }

  async close(): Promise<void> {
    this.#relay?.dispose();
    await this.#exports.close();
    await this.#services.close();
  }

  get #demoJournalPath(): string {
    return this.#options.demoJournalPath ?? join(this.#options.dataDir, 'demo-journal.db');
  }

  async #start(): Promise<void> {
    const log = this.#options.log ?? (() => {});
    const accountsPath = join(this.#options.dataDir, 'accounts.json');
    const read = readAccountsFile(accountsPath);
    if (read.problem !== undefined) log(read.problem);
    const vault = new KeyVault(this.#options.keychain, this.#keys);
    await vault.loadGenerated().catch((error: unknown) => log(`keychain: ${String(error)}`));
    for (const account of read.accounts) {
      // A key that cannot be read leaves its account unable to log on; it says so in its status.
      await vault.load(account.apiKeyId).catch((error: unknown) => log(`key of "${account.label}": ${error instanceof Error ? error.message : String(error)}`));
    }
    this.#settings = new AccountSettingsService({
      accountsPath, accounts: read.accounts, keychain: this.#options.keychain, vault,
      pickFile: this.#options.pickFile, writeClipboard: this.#options.writeClipboard, target: this.#target(),
    });
    this.#surveillance = SurveillanceSettings.read(this.#options.dataDir);
    if (this.#surveillance.problem !== null) log(this.#surveillance.problem);
    const ownNames: readonly string[] = [...SETTINGS_REQUEST_NAMES, ...HISTORY_REQUEST_NAMES, ...SURVEILLANCE_REQUEST_NAMES];
    const toCurrent = Object.fromEntries(REQUEST_NAMES.filter((name) => !ownNames.includes(name))
      .map((name) => [name, (payload: unknown) => (this.#services.handlers[name as keyof ServiceHandlers] as (p: unknown) => unknown)(payload)]));
    const history = historyRequestHandlers({ recorder: () => this.#services.recorder, exports: this.#exports, saveFile: this.#options.saveFile });
    const surveillance = surveillanceRequestHandlers({
      recorder: () => this.#services.recorder, settings: this.#surveillance,
      changed: (alert) => this.#services.feed.surveillanceChanged(alert),
      applyRules: (rules) => this.#applyRules(rules),
      rulesApplied: () => this.#runningRulesVersion === this.#surveillance.rules.version,
    });
    this.handlers = { ...toCurrent, ...this.#settings.handlers(), ...history, ...surveillance } as RequestHandlers;
    const demo = read.accounts.length === 0 && this.#options.demo !== false;
    await this.#run(demo ? 'demo' : 'accounts', read.accounts);
  }

  async #run(mode: 'demo' | 'accounts', accounts: readonly AccountConfig[]): Promise<void> {
    this.#demo = mode === 'demo';
    const services = await (this.#options.startServices ?? startAppServices)({
      journalPath: this.journalPath,
      keys: this.#keys,
      rules: this.#surveillance.rules,
      demo: mode === 'demo' && this.#options.demo !== false ? this.#options.demo : false,
      ...(this.#options.statusPollMs === undefined ? {} : { statusPollMs: this.#options.statusPollMs }),
      ...(this.#options.notificationsPath === undefined ? {} : { notificationsPath: this.#options.notificationsPath }),
    });
    try {
      for (const account of accounts) await services.recorder.addAccount(account, { start: true });
      await services.feed.refreshAccounts();
    } catch (error) {
      await services.close();
      throw error;
    }
    this.#services = services;
    this.#runningRulesVersion = this.#surveillance.rules.version;
    for (const [sink] of this.#sinks) this.#sinks.set(sink, services.notifications.addSink(sink));
    this.#relay = services.feed.onBatch((batch) => this.#batches.fire(batch));
  }

  /** Demo mode ends: its services stop (the demo journal stays on disk), the accounts' start. */
  async #leaveDemo(accounts: readonly AccountConfig[]): Promise<void> {
    this.#relay?.dispose();
    for (const registration of this.#sinks.values()) registration.dispose();
    await this.#services.close();
    await this.#run('accounts', accounts);
    this.#resyncs.fire({ reason: 'Demo mode ended: Fillwatch now records your accounts.' });
  }

  /** Saved rules to the running recorder (rebuilt from the journal with them, in its worker). */
  async #applyRules(rules: RulesDocument): Promise<boolean> {
    try {
      await this.#services.recorder.setRules(rules);
    } catch (error) {
      // Saved all the same: the next start runs them. The status line says they are not running yet.
      this.#options.log?.(`surveillance rules version ${rules.version} saved but not applied: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    this.#runningRulesVersion = rules.version;
    return true;
  }

  #target(): AccountsTarget {
    return {
      apply: async (accounts, change) => {
        if (this.#demo) {
          await this.#leaveDemo(accounts);
          return;
        }
        const recorder = this.#services.recorder;
        if ('removed' in change) {
          await recorder.removeAccount(change.removed);
        } else if ((await recorder.configs()).some((c) => c.id === change.saved.id)) {
          await recorder.reconfigure(change.saved);
          await recorder.startAccount(change.saved.id);
        } else {
          await recorder.addAccount(change.saved, { start: true });
        }
        await this.#services.feed.refreshAccounts();
        this.#resyncs.fire({ reason: 'accounts changed' });
      },
      demoActive: () => this.#demo,
      status: async (id) => (await this.#services.recorder.accounts()).find((s) => s.accountId === id),
      start: async (id) => {
        if (this.#demo) return;
        const recorder = this.#services.recorder;
        const config = (await recorder.configs()).find((c) => c.id === id);
        // Reconfigure restarts a running account (a new key is used on its next Logon); startAccount a stopped one.
        if (config !== undefined) await recorder.reconfigure(config);
        await recorder.startAccount(id);
      },
    };
  }
}
