// recorder-service.ts — the engine behind the app and the CLI: every watched account recorded into
// one journal file, with its live positions, and everything told through one typed event stream.
// Accounts can be added, removed, reconfigured, started and stopped while the others keep running;
// a stopped account logs out cleanly and a restarted one resumes from the journal. Readers see
// records, positions and events (shared/), never SQLite or sockets. Plain Node: it runs in-process
// (CLI, tests) or in a worker thread behind recorder-worker.ts (the Electron app).
// Surveillance alerts enter through recordAlerts: stored in the journal first (alerts/alert-store.ts),
// then told to readers, the ones new to the journal only, so a re-raise is never announced twice. The
// rules engine (surveillance/live-surveillance.ts) runs here, on every account's commits, and hands
// its alerts to recordAlerts.
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import { Emitter, type Event } from '../../../shared/events/emitter.ts';
import type { AccountStatus, ServiceEvent } from '../../../shared/service/service-events.ts';
import type { HistoryStore } from '../../../shared/history/history-store.ts';
import { HISTORY_METHODS, type HistoryMethod } from '../../../shared/service/recorder-api.ts';
import { openHistoryStore, type CommittedBatch, type SqliteHistoryStore } from '../journal/index.ts';
import type { LogonSigner } from '../session/admin-encoder.ts';
import type { BackoffOptions } from '../transport/reconnect-policy.ts';
import { AccountRecorder, type AccountRecorderDeps } from './account-recorder.ts';
import { AlertStore } from '../alerts/alert-store.ts';
import type { AlertReview, AlertState, SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import type { AlertDetail, AlertFilter, RecordAlertsResult, StoredAlert } from '../../../shared/surveillance/alert-records.ts';
import { positionsSnapshot, type PositionsSnapshot, type SnapshotOptions } from '../../../shared/positions/positions-snapshot.ts';
import { DEFAULT_RULES, type RulesDocument } from '../../../shared/surveillance/rules-document.ts';
import { LiveSurveillance } from '../surveillance/live-surveillance.ts';

export interface RecorderServiceOptions {
  /** The journal file every account records into (created and migrated on first use). */
  readonly journalPath: string;
  /** The Logon signer of one API key: the key itself never enters the service. */
  readonly signerFor: (apiKeyId: string) => LogonSigner;
  readonly backoff?: Partial<BackoffOptions>;
  readonly tickMs?: number;
  /** IANA zone for "by day" totals; default America/New_York. */
  readonly timeZone?: string;
  readonly now?: () => number;
  /** Seams for tests and the bench (never set by the app): how sockets open, and session timings. */
  readonly connect?: AccountRecorderDeps['connect'];
  readonly sessionDefaults?: AccountRecorderDeps['sessionDefaults'];
  /** The surveillance rules run on every commit (default: DEFAULT_RULES); null runs none. */
  readonly rules?: RulesDocument | null;
  /**
   * Opens History's store this long after start and warms it (its text search is then ready before
   * the first keystroke: the app). Unset: History opens on its first query (the CLI, tests).
   */
  readonly warmHistoryAfterMs?: number;
}

export class RecorderServiceError extends Error {
  override readonly name = 'RecorderServiceError';
}

export class RecorderService {
  readonly #options: RecorderServiceOptions;
  readonly #accounts = new Map<string, AccountRecorder>();
  readonly #events: Emitter<ServiceEvent>;
  #closed = false;
  #history: SqliteHistoryStore | undefined;
  #warmTimer: NodeJS.Timeout | undefined;
  #alerts: AlertStore | undefined;
  readonly #surveillance: LiveSurveillance | undefined;

  constructor(options: RecorderServiceOptions) {
    this.#options = options;
    if (options.warmHistoryAfterMs !== undefined && options.journalPath !== ':memory:') {
      this.#warmTimer = setTimeout(() => this.#warmHistory(), options.warmHistoryAfterMs);
      this.#warmTimer.unref();
    }
    this.#surveillance = options.rules === null ? undefined : new LiveSurveillance({
      rules: options.rules ?? DEFAULT_RULES,
      journalPath: options.journalPath,
      onAlerts: (alerts) => this.#raise(alerts),
      ...(options.journalPath === ':memory:' ? {} : {
        runs: { last: () => this.#alertStore().lastSurveillanceRun(), start: (run) => this.#alertStore().startSurveillanceRun(run) },
        onRecovered: (alerts) => {
          const { recorded } = this.recordAlerts(alerts);
          if (recorded.length > 0) this.#events.fire({ type: 'service-error', text: `${recorded.length} surveillance alert(s) raised before the last stop had not been stored (the recorder stopped between a commit and its alerts); they are stored now.` });
        },
      }),
    });
    this.#events = new Emitter<ServiceEvent>({
      // A reader that throws or hangs is dropped and reported once; recording goes on.
      onListenerDropped: (drop) => this.#events.fire({
        type: 'service-error',
        text: drop.kind === 'threw'
          ? `A subscriber failed and was disconnected from the event stream: ${drop.error instanceof Error ? drop.error.message : String(drop.error)}`
          : `A subscriber took ${Math.round(drop.ms)} ms per event and was disconnected from the event stream`,
      }),
    });
  }

  /** Subscribe to every account's events; dispose() the result to stop. */
  get onEvent(): Event<ServiceEvent> {
    return this.#events.event;
  }

  /** Adds an account and (by default) starts recording it. Throws JournalError, SessionConfigError, RecorderServiceError. */
  addAccount(config: AccountConfig, options: { start?: boolean } = {}): void {
    this.#assertOpen();
    if (this.#accounts.has(config.id)) throw new RecorderServiceError(`An account with id "${config.id}" is already configured.`);
    for (const other of this.#accounts.values()) {
      // Kalshi allows one connection per API key (kalshi-fix.md §1): a second would knock the first off.
      if (other.config.apiKeyId === config.apiKeyId && other.config.listener.target === config.listener.target) {
        throw new RecorderServiceError(`API key ${config.apiKeyId} is already watched by "${other.config.label}"; Kalshi allows one connection per key.`);
      }
    }
    const account = new AccountRecorder(config, {
      journalPath: this.#options.journalPath,
      signLogon: this.#options.signerFor(config.apiKeyId),
      emit: (event) => this.#events.fire(event),
      ...(this.#options.backoff === undefined ? {} : { backoff: this.#options.backoff }),
      ...(this.#options.tickMs === undefined ? {} : { tickMs: this.#options.tickMs }),
      ...(this.#options.timeZone === undefined ? {} : { timeZone: this.#options.timeZone }),
      ...(this.#options.now === undefined ? {} : { now: this.#options.now }),
      ...(this.#options.connect === undefined ? {} : { connect: this.#options.connect }),
      ...(this.#options.sessionDefaults === undefined ? {} : { sessionDefaults: this.#options.sessionDefaults }),
      ...(this.#surveillance === undefined ? {} : { onCommitted: (batch: CommittedBatch) => this.#surveillance!.committed(config.apiKeyId, batch) }),
    });
    this.#warmUpRules();
    this.#accounts.set(config.id, account);
    if (options.start ?? true) account.start();
  }

  /** Logs the account out and forgets it; its journal rows stay. */
  async removeAccount(id: string): Promise<void> {
    const account = this.#account(id);
    this.#accounts.delete(id);
    await account.stop();
  }

  /** Replaces an account's settings: stops it, and starts it again with the new ones if it was running. */
  async reconfigure(config: AccountConfig): Promise<void> {
    const old = this.#account(config.id);
    const wasRunning = old.phase !== 'stopped' && old.phase !== 'failed';
    await this.removeAccount(config.id);
    this.addAccount(config, { start: wasRunning });
  }

  /** (Re)starts an account that was stopped or failed; it resumes from the journal. */
  async startAccount(id: string): Promise<void> {
    const account = this.#account(id);
    if (account.phase !== 'stopped' && account.phase !== 'failed') return;
    await this.removeAccount(id);
    this.addAccount(account.config, { start: true });
  }

  /** Logs the account out; it stays configured (startAccount resumes it). */
  async stopAccount(id: string): Promise<void> {
    const account = this.#account(id);
    await this.removeAccount(id);
    this.addAccount(account.config, { start: false });
  }

  accounts(): AccountStatus[] {
    return [...this.#accounts.values()].map((a) => a.status());
  }

  configs(): AccountConfig[] {
    return [...this.#accounts.values()].map((a) => a.config);
  }

  /** The account's positions and P&L now (always what a replay of the journal gives); days in `options.timeZone`. */
  positions(id: string, options: SnapshotOptions = {}): PositionsSnapshot {
    return positionsSnapshot(this.#account(id).book, options);
  }

  /**
   * One History query against the journal, on its own read-only connection (WAL: it sees every commit
   * and never blocks the writers). Not available for an in-memory journal.
   */
  history<M extends HistoryMethod>(method: M, ...args: Parameters<HistoryStore[M]>): ReturnType<HistoryStore[M]> {
    this.#assertOpen();
    if (!HISTORY_METHODS.includes(method)) throw new RecorderServiceError(`Unknown History query "${String(method)}".`);
    if (this.#options.journalPath === ':memory:') throw new RecorderServiceError('History needs a journal file; this recorder keeps its journal in memory.');
    this.#history ??= openHistoryStore(this.#options.journalPath);
    const query = this.#history[method] as (...a: Parameters<HistoryStore[M]>) => ReturnType<HistoryStore[M]>;
    return query.apply(this.#history, args);
  }

  /**
   * Stores the rules engine's alerts, then fires {type: 'alerts'} with those new to the journal and
   * {type: 'alert-evidence'} with those whose evidence grew. Throws
   * AlertStoreError (a malformed alert) or JournalError, having stored and told nothing: the live
   * engine catches and reports it, so a failed store never stops recording.
   */
  recordAlerts(alerts: readonly SurveillanceAlert[]): RecordAlertsResult {
    const result = this.#alertStore().record(alerts);
    const fresh = new Set(result.recorded);
    const told = alerts.filter((a) => fresh.delete(a.id)); // each new id once, as first raised
    if (told.length > 0) this.#events.fire({ type: 'alerts', alerts: told });
    if (result.evidenceAdded.length > 0) this.#events.fire({ type: 'alert-evidence', alertIds: result.evidenceAdded });
    return result;
  }

  /** Records a review of an alert; `at` defaults to now. Throws AlertStoreError when refused. */
  reviewAlert(alertId: string, to: AlertState, reviewer: string, comment: string, at?: number): AlertReview {
    return this.#alertStore().review(alertId, to, reviewer, comment, at ?? (this.#options.now ?? Date.now)());
  }

  listAlerts(filter: AlertFilter = {}): StoredAlert[] {
    return this.#alertStore().list(filter);
  }

  getAlert(id: string): AlertDetail | undefined {
    return this.#alertStore().get(id);
  }

  /** Stops every account (clean Logouts), then refuses further work. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#warmTimer);
    const accounts = [...this.#accounts.values()];
    this.#accounts.clear();
    const results = await Promise.allSettled([...accounts.map((a) => a.stop()), this.#history?.close(), Promise.resolve().then(() => this.#alerts?.close())]);
    this.#events.dispose();
    // Every account was stopped; the first failure (e.g. a journal that could not commit) is the answer.
    const failed = results.find((r) => r.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
  }

  /** New surveillance rules from the next commit on (Settings' save); the engine's state is rebuilt by a replay with them. */
  setRules(rules: RulesDocument): void {
    this.#assertOpen();
    if (this.#surveillance === undefined) throw new RecorderServiceError('This recorder was started without surveillance rules, so none can be set.');
    this.#surveillance.setRules(rules);
  }

  /** Opens History's store early and lets it prepare (warmHistoryAfterMs). A journal it cannot open yet waits for the first query. */
  #warmHistory(): void {
    if (this.#closed) return;
    try {
      this.#history ??= openHistoryStore(this.#options.journalPath);
      this.#history.warm();
    } catch {
      // Not created or migrated yet (no account has recorded): History opens on its first query instead.
    }
  }

  /** Once the journal file exists (the first account opened it): the rules' state as of its history. */
  #warmUpRules(): void {
    if (this.#surveillance === undefined || this.#surveillance.warm) return;
    try {
      this.#surveillance.warmUp();
    } catch (error) {
      this.#events.fire({ type: 'service-error', text: `Surveillance rules could not read the journal's history (${error instanceof Error ? error.message : String(error)}); they run on new commits only, so their alerts may differ from a replay.` });
    }
  }

  /** A commit's alerts to the store; a failure is told once per commit and never stops recording. */
  #raise(alerts: readonly SurveillanceAlert[]): void {
    try {
      this.recordAlerts(alerts);
    } catch (error) {
      this.#events.fire({ type: 'service-error', text: `Could not store ${alerts.length} surveillance alert(s): ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  /** Its own connection to the journal file (an in-memory journal gets an in-memory store of its own). */
  #alertStore(): AlertStore {
    this.#assertOpen();
    this.#alerts ??= AlertStore.open(this.#options.journalPath, this.#options.now === undefined ? {} : { now: this.#options.now });
    return this.#alerts;
  }

  #account(id: string): AccountRecorder {
    this.#assertOpen();
    const account = this.#accounts.get(id);
    if (account === undefined) throw new RecorderServiceError(`No account with id "${id}" is configured.`);
    return account;
  }

  #assertOpen(): void {
    if (this.#closed) throw new RecorderServiceError('The recorder service is closed.');
  }
}
