// notification-service.ts — desktop notifications on main, as plain Node: follows the RecorderApi's
// events into the pure NotificationPlanner (shared/notifications), asks it what is due on a short
// timer, and hands each notification to the sinks (Electron's Notification, the window's toast log).
// The state that must outlive a restart (rules; per account the journal position already notified)
// lives in a JSON file (notification-state-file.ts), saved before any notification it covers is shown,
// so a crash can at worst skip a notification, never repeat one. High-severity surveillance alerts owed
// from before a restart (held by quiet time, or stored by the recorder's recovery) are found at start:
// open ones of the last day whose ids were never notified.
import type { Disposable } from '../../../shared/events/emitter.ts';
import type { NotificationRulesWire, NotificationWire } from '../../../shared/ipc/contract.ts';
import type { PriceUnit } from '../../../shared/money.ts';
import { NotificationPlanner, type PlannedNotification } from '../../../shared/notifications/notification-planner.ts';
import type { NotificationRules } from '../../../shared/notifications/notification-rules.ts';
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import type { RecorderApi } from '../../../shared/service/recorder-api.ts';
import { AlertNotifier } from '../../../shared/notifications/alert-notifications.ts';
import { MAX_NOTIFIED_ALERTS, readNotificationState, writeNotificationState, type NotificationState } from './notification-state-file.ts';

/** Where notifications go. A sink that throws is reported and the others still get the notification. */
export interface NotificationSink {
  show(notification: NotificationWire): void;
}

/** Wall-clock time (quiet hours are local times) and a repeating timer; tests pass a fake. */
export interface NotificationClock {
  now(): number;
  /** Calls `fn` every `ms`; the result stops it. */
  every(ms: number, fn: () => void): () => void;
}

const realClock: NotificationClock = {
  now: () => Date.now(),
  every: (ms, fn) => {
    const handle = setInterval(fn, ms);
    handle.unref();
    return () => clearInterval(handle);
  },
};

export interface NotificationServiceOptions {
  /** The JSON file with the rules and the notified-up-to positions. */
  readonly statePath: string;
  /** The journal the positions belong to (a different journal starts from nothing notified). */
  readonly journalPath: string;
  readonly clock?: NotificationClock;
  readonly tickMs?: number;
  readonly coalesceMs?: number;
  readonly log?: (line: string) => void;
}

/** How far back an open alert that was never notified is still worth a notification at start. */
export const OWED_ALERTS_MS = 24 * 60 * 60 * 1000;

export class NotificationService {
  readonly #api: RecorderApi;
  readonly #options: NotificationServiceOptions;
  readonly #clock: NotificationClock;
  readonly #log: (line: string) => void;
  readonly #planner: NotificationPlanner;
  /** High-severity surveillance alerts, by id (alert-notifications.ts). */
  readonly #alerts: AlertNotifier;
  readonly #sinks = new Set<NotificationSink>();
  readonly #configs = new Map<string, AccountConfig>();
  readonly #subscription: Disposable;
  readonly #stopTimer: () => void;
  #state: NotificationState;
  #dirty = false;
  /** One save at a time, in order. */
  #saving: Promise<void> = Promise.resolve();
  #ticking: Promise<void> | undefined;
  #nextId = 1;
  #closed = false;

  constructor(api: RecorderApi, options: NotificationServiceOptions) {
    this.#api = api;
    this.#options = options;
    this.#clock = options.clock ?? realClock;
    this.#log = options.log ?? (() => {});
    const { state, problem } = readNotificationState(options.statePath);
    if (problem !== undefined) this.#log(`notifications: ${problem}`);
    this.#state = state;
    this.#planner = new NotificationPlanner({
      rules: state.rules,
      notifiedUpTo: new Map(Object.entries(state.notifiedUpTo[options.journalPath] ?? {})),
      onProgress: (accountId, position) => this.#progress(accountId, position),
      labelOf: (accountId) => this.#configs.get(accountId)?.label ?? accountId,
      priceUnitOf: (accountId) => priceUnitOf(this.#configs.get(accountId)),
      ...(options.coalesceMs === undefined ? {} : { coalesceMs: options.coalesceMs }),
    });
    const byKey = (apiKeyId: string) => [...this.#configs.values()].find((c) => c.apiKeyId === apiKeyId);
    this.#alerts = new AlertNotifier({
      notified: state.notifiedAlerts[options.journalPath] ?? [],
      onNotified: (ids) => this.#alertsNotified(ids),
      accountOf: (apiKeyId) => byKey(apiKeyId)?.id,
      labelOf: (apiKeyId) => byKey(apiKeyId)?.label ?? apiKeyId,
      ...(options.coalesceMs === undefined ? {} : { coalesceMs: options.coalesceMs }),
    });
    this.#subscription = api.onEvent((event) => {
      if ('accountId' in event && event.accountId !== undefined && !this.#configs.has(event.accountId)) void this.refreshAccounts();
      if (event.type === 'alerts') this.#alerts.onAlerts(event.alerts, this.#state.rules, this.#clock.now());
      else this.#planner.onEvent(event, this.#clock.now());
    });
    this.#stopTimer = this.#clock.every(options.tickMs ?? 250, () => void this.tick());
    this.owedAlerts = this.#findOwedAlerts();
  }

  /** Settles once the open alerts owed from before this start are queued (never rejects). */
  readonly owedAlerts: Promise<void>;

  async #findOwedAlerts(): Promise<void> {
    const now = this.#clock.now();
    try {
      const open = await this.#api.listAlerts({ state: 'open', suppressed: false, from: now - OWED_ALERTS_MS });
      if (!this.#closed) this.#alerts.onAlerts(open, this.#state.rules, this.#clock.now());
    } catch (error) {
      this.#log(`notifications: could not read the open alerts: ${String(error)}`);
    }
  }

  /** Re-reads the accounts' labels and price units (called when an unknown account speaks). */
  async refreshAccounts(): Promise<void> {
    try {
      for (const config of await this.#api.configs()) this.#configs.set(config.id, config);
    } catch (error) {
      this.#log(`notifications: could not read the accounts: ${String(error)}`);
    }
  }

  addSink(sink: NotificationSink): Disposable {
    this.#sinks.add(sink);
    return { dispose: () => void this.#sinks.delete(sink) };
  }

  rules(): NotificationRules {
    return this.#state.rules;
  }

  /** Replaces the rules; resolves once they are saved. */
  async setRules(rules: NotificationRulesWire): Promise<NotificationRules> {
    this.#planner.setRules(rules);
    this.#state = { ...this.#state, rules };
    this.#dirty = true;
    await this.#save();
    return rules;
  }

  /** Shows what is due. Runs on the timer; tests call it directly. */
  tick(): Promise<void> {
    return this.#ticking ??= this.#tick().finally(() => { this.#ticking = undefined; });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopTimer();
    this.#subscription.dispose();
    await this.#ticking;
    try {
      await this.#save();
    } catch (error) {
      this.#log(`notifications: could not save ${this.#options.statePath}: ${String(error)}`);
    }
  }

  async #tick(): Promise<void> {
    if (this.#closed) return;
    const now = this.#clock.now();
    const due = [...this.#planner.due(now), ...this.#alerts.due(this.#state.rules, now)];
    if (due.length === 0 && !this.#dirty) return;
    // Save the positions first: what is shown below is then never shown again, whatever happens next.
    try {
      await this.#save();
    } catch (error) {
      this.#log(`notifications: could not save ${this.#options.statePath}: ${String(error)}`);
    }
    for (const planned of due) this.#show(toWire(planned, this.#nextId++, now));
  }

  #show(notification: NotificationWire): void {
    for (const sink of this.#sinks) {
      try {
        sink.show(notification);
      } catch (error) {
        this.#log(`notifications: a sink failed: ${String(error)}`);
      }
    }
  }

  #progress(accountId: string, position: number): void {
    const journal = this.#options.journalPath;
    const positions = { ...this.#state.notifiedUpTo[journal], [accountId]: position };
    this.#state = { ...this.#state, notifiedUpTo: { ...this.#state.notifiedUpTo, [journal]: positions } };
    this.#dirty = true;
  }

  #alertsNotified(ids: readonly string[]): void {
    const journal = this.#options.journalPath;
    const kept = [...(this.#state.notifiedAlerts[journal] ?? []), ...ids].slice(-MAX_NOTIFIED_ALERTS);
    this.#state = { ...this.#state, notifiedAlerts: { ...this.#state.notifiedAlerts, [journal]: kept } };
    this.#dirty = true;
  }

  #save(): Promise<void> {
    const run = this.#saving.catch(() => {}).then(async () => {
      if (!this.#dirty) return;
      this.#dirty = false;
      const state = this.#state;
      try {
        await writeNotificationState(this.#options.statePath, state);
      } catch (error) {
        this.#dirty = true;
        throw error;
      }
    });
    this.#saving = run;
    return run;
  }
}

function priceUnitOf(config: AccountConfig | undefined): PriceUnit {
  return config?.session?.useDollars === false ? 'cents' : 'dollars';
}

export function toWire(planned: PlannedNotification, id: number, at: number): NotificationWire {
  const target = planned.target;
  return {
    id,
    at,
    title: planned.title,
    body: planned.body,
    urgency: planned.urgency,
    target: target === undefined ? null : {
      accountId: target.accountId, position: target.position ?? null, execId: target.execId ?? null, ...(target.alertId === undefined ? {} : { alertId: target.alertId }),
    },
  };
}
