// live-feed.ts — main's view of the engine for windows: it follows the RecorderApi's event stream,
// keeps what a (re)loaded window needs (the newest executions with their journal positions, each
// account's settings summary and status, recent log lines and alerts), hands every change to the
// EventBatcher, and answers snapshots. A snapshot names the last batch it covers (`seq`) and includes
// executions still waiting in the batcher, so a reader applies it, then only batches after `seq`, and
// drops an execution whose position it already holds: nothing missed, nothing twice.
import type { Disposable } from '../../../shared/events/emitter.ts';
import { DisposableStore } from '../../../shared/events/emitter.ts';
import type {
  AccountSessionWire, AccountStatusWire, AccountSummary, AccountView, Alert, AppSnapshot, DemoStatus, LiveExecutionWire, LogLine, PositionsView,
} from '../../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../../shared/service/recorder-api.ts';
import type { ServiceEvent } from '../../../shared/service/service-events.ts';
import { EventBatcher } from '../ipc/event-batcher.ts';
import { RecentList } from './recent-list.ts';
import { isAlertEvent, toAccountSummary, toAlert, toLogLine, toWireExecution, toWireRecord, toWireStatus } from './to-wire.ts';
import { toPositionsView } from './pnl-wire.ts';
import { toAccountSession } from './session-wire.ts';
import type { SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';
import { newAlertWire, toAlertWire } from '../surveillance/alert-wire.ts';

export const DEFAULT_SNAPSHOT_EXECUTIONS = 500;
/** Rows per journal read when refilling after an engine restart. */
const REFILL_PAGE = 1_000;

export interface LiveFeedOptions {
  /** Executions kept for snapshots (the most a snapshot can return). Default 2,000. */
  readonly keepExecutions?: number;
  readonly keepLogs?: number;
  readonly keepAlerts?: number;
  /** How often statuses are re-read for "last message N s ago". Default 1,000 ms. */
  readonly statusPollMs?: number;
  readonly demo?: DemoStatus;
  readonly batcher?: EventBatcher;
  readonly now?: () => number;
}

const NO_DEMO: DemoStatus = { active: false, accountIds: [], reportsPerSecond: null };

export class LiveFeed implements Disposable {
  readonly #api: RecorderApi;
  readonly #batcher: EventBatcher;
  readonly #now: () => number;
  readonly #demo: DemoStatus;
  readonly #executions: RecentList<LiveExecutionWire>;
  readonly #logs: RecentList<LogLine>;
  readonly #alerts: RecentList<Alert>;
  readonly #accounts = new Map<string, { summary: AccountSummary; status: AccountStatusWire }>();
  readonly #subscriptions = new DisposableStore();
  #newestPosition: number | null = null;
  #refreshing: Promise<void> | undefined;
  /** While refilling after an engine restart: the positions held, and those remembered since (not to be added twice). */
  #seenDuringRefill: Set<number> | undefined;
  /** The newest position seen when the engine died, until a refill has read the journal from there. */
  #refillFrom: number | null = null;
  #refilling = false;
  #refillAgain = false;

  /** Subscribes before anything else runs, so no event of an account added later is missed. */
  constructor(api: RecorderApi, options: LiveFeedOptions = {}) {
    this.#api = api;
    this.#batcher = options.batcher ?? new EventBatcher();
    this.#now = options.now ?? Date.now;
    this.#demo = options.demo ?? NO_DEMO;
    this.#executions = new RecentList(options.keepExecutions ?? 2_000);
    this.#logs = new RecentList(options.keepLogs ?? 300);
    this.#alerts = new RecentList(options.keepAlerts ?? 100);
    this.#subscriptions.add(api.onEvent((event) => this.#onEvent(event)));
    this.#subscriptions.add(this.#batcher);
    const poll = setInterval(() => void this.refreshAccounts(), options.statusPollMs ?? 1_000);
    poll.unref?.();
    this.#subscriptions.add({ dispose: () => clearInterval(poll) });
  }

  /** Batches for windows, at most one per frame. */
  get onBatch() {
    return this.#batcher.onBatch;
  }

  hasAccount(id: string): boolean {
    return this.#accounts.has(id);
  }

  accounts(): AccountView[] {
    return [...this.#accounts.values()].map(({ summary, status }) => ({ account: summary, status }));
  }

  demoStatus(): DemoStatus {
    return this.#demo;
  }

  /** Taken synchronously, so it and the batcher's `seq` describe the same instant. */
  snapshot(limit = DEFAULT_SNAPSHOT_EXECUTIONS): AppSnapshot {
    return {
      seq: this.#batcher.seq,
      position: this.#newestPosition,
      accounts: this.accounts(),
      // Newest first by journal position (a refill after an engine restart may add older ones late).
      executions: this.#executions.newest(limit).sort((a, b) => b.position - a.position),
      logs: this.#logs.newest(),
      alerts: this.#alerts.newest(),
      demo: this.#demo,
    };
  }

  /** Days of the by-day totals in `timeZone` (the engine's default when absent). */
  async positions(accountId: string, timeZone?: string): Promise<PositionsView> {
    return toPositionsView(accountId, await this.#api.positions(accountId, timeZone === undefined ? {} : { timeZone }));
  }

  /** The Session view's figures of every account, read from the engine now (not the polled statuses). */
  async sessions(): Promise<AccountSessionWire[]> {
    const statuses = await this.#api.accounts();
    return statuses.flatMap((s) => {
      const wire = toAccountSession(s);
      return wire === null ? [] : [wire];
    });
  }

  /** Re-reads settings and statuses; pushes the statuses that changed. One read at a time. */
  refreshAccounts(): Promise<void> {
    this.#refreshing ??= this.#readAccounts().finally(() => { this.#refreshing = undefined; });
    return this.#refreshing;
  }

  /** An alert a review changed: every window's Alerts view shows its new state. */
  surveillanceChanged(alert: SurveillanceAlertWire): void {
    this.#batcher.addSurveillance([alert]);
  }

  dispose(): void {
    this.#subscriptions.dispose();
  }

  /** Alerts whose evidence grew, as the journal now has them (rare: the first raise of an episode usually cites it all). */
  async #evidenceGrew(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      try {
        const stored = await this.#api.getAlert(id);
        if (stored !== undefined) this.#batcher.addSurveillance([toAlertWire(stored)]);
      } catch {
        // The engine is restarting; its resync re-reads the list.
      }
    }
  }

  async #readAccounts(): Promise<void> {
    let configs, statuses;
    try {
      [configs, statuses] = await Promise.all([this.#api.configs(), this.#api.accounts()]);
    } catch {
      return; // The engine is closing or restarting: its events say so; the next poll reads again.
    }
    const byId = new Map(statuses.map((s) => [s.accountId, toWireStatus(s)]));
    const known = new Set<string>();
    for (const config of configs) {
      const status = byId.get(config.id);
      if (status === undefined) continue;
      known.add(config.id);
      const before = this.#accounts.get(config.id);
      this.#accounts.set(config.id, { summary: toAccountSummary(config, this.#demo.accountIds.includes(config.id)), status });
      if (before === undefined || !sameStatus(before.status, status)) this.#batcher.setStatus(status);
    }
    for (const id of this.#accounts.keys()) if (!known.has(id)) this.#accounts.delete(id);
  }

  #remember(e: LiveExecutionWire): void {
    this.#executions.push(e);
    this.#seenDuringRefill?.add(e.position);
    if (this.#newestPosition === null || e.position > this.#newestPosition) this.#newestPosition = e.position;
  }

  /**
   * Executions committed just before the engine died may never have reached us as events: read what the
   * journal committed after the newest one seen and add what is missing, so Live has no hole. Windows
   * place late rows by position; ones held already, or arriving live meanwhile, are not added twice. A
   * read that fails (the engine died again) is not forgotten: the place it started from is kept, and the
   * next restart reads from there, however far live rows have gone since.
   */
  async #refill(): Promise<void> {
    const newest = this.#newestPosition;
    if (newest === null) return;
    this.#refillFrom = Math.min(this.#refillFrom ?? newest, newest);
    if (this.#refilling) {
      this.#refillAgain = true; // the engine died again while reading: read once more when this read ends
      return;
    }
    this.#refilling = true;
    try {
      do {
        this.#refillAgain = false;
        try {
          await this.#readBack(this.#refillFrom ?? newest);
          if (!this.#refillAgain) this.#refillFrom = null;
        } catch {
          // The engine went down again or is closing: its events say so, and the next restart reads from #refillFrom.
        }
      } while (this.#refillAgain);
    } finally {
      this.#refilling = false;
      this.#seenDuringRefill = undefined;
    }
  }

  async #readBack(from: number): Promise<void> {
    // Every position held, and each one remembered from now on (live or read back): none is added twice.
    const held = (this.#seenDuringRefill = new Set(this.#executions.newest().map((e) => e.position)));
    // The rows to read back were committed before the engine died, by the accounts known then: taken
    // now, before the restarted engine is asked (it may not have its accounts back yet).
    const accountOf = new Map([...this.#accounts.values()].map(({ summary }) => [summary.apiKeyId, summary.id]));
    const [configs, start] = await Promise.all([this.#api.configs(), this.#api.history('positionAfterRow', from)]);
    for (const c of configs) if (!accountOf.has(c.apiKeyId)) accountOf.set(c.apiKeyId, c.id);
    let position = start;
    for (let more = true; more;) {
      const changes = await this.#api.history('changesSince', position, { limit: REFILL_PAGE });
      const missed = changes.rows
        .filter((row) => !held.has(row.rowId) && row.account !== null && accountOf.has(row.account))
        .map((row) => ({ accountId: accountOf.get(row.account!)!, position: row.rowId, record: toWireRecord(row) }));
      for (const e of missed) this.#remember(e);
      if (missed.length > 0) this.#batcher.addExecutions(missed);
      ({ position, more } = changes);
    }
  }

  #onEvent(event: ServiceEvent): void {
    switch (event.type) {
      case 'executions': {
        const wire = event.executions.map((e) => toWireExecution(event.accountId, e));
        for (const e of wire) this.#remember(e);
        this.#batcher.addExecutions(wire);
        return;
      }
      case 'positions-changed':
        this.#batcher.positionsChanged(event.accountId);
        return;
      case 'phase': {
        const known = this.#accounts.get(event.accountId);
        if (known === undefined) {
          void this.refreshAccounts();
          return;
        }
        const status: AccountStatusWire = { ...known.status, phase: event.phase, since: this.#now(), reason: event.text ?? null };
        this.#accounts.set(event.accountId, { ...known, status });
        this.#batcher.setStatus(status);
        return;
      }
      case 'alerts':
        // Stored before told, and told once per id (the service's promise): the view upserts by id.
        this.#batcher.addSurveillance(event.alerts.map((a) => newAlertWire(a, this.#now())));
        return;
      case 'alert-evidence':
        void this.#evidenceGrew(event.alertIds);
        return;
      case 'log': {
        const line = toLogLine(event);
        this.#logs.push(line);
        this.#batcher.addLog(line);
        return;
      }
      default: {
        if (!isAlertEvent(event)) return;
        const alert = toAlert(event, this.#now());
        this.#alerts.push(alert);
        this.#batcher.addAlert(alert);
        if (event.type === 'engine-restarted') {
          void this.refreshAccounts();
          void this.#refill();
        }
      }
    }
  }
}

function sameStatus(a: AccountStatusWire, b: AccountStatusWire): boolean {
  return a.phase === b.phase && a.since === b.since && a.lastMessageAt === b.lastMessageAt && a.reason === b.reason
    && a.nextInbound === b.nextInbound && a.nextOutbound === b.nextOutbound;
}
