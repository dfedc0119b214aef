// notification-planner.ts — turns the engine's event stream into the desktop notifications a person
// can live with all day. Pure and clock-driven (tests use a fake clock); Electron's Notification (or
// the harness's toast log) is only the sink that shows what `due(now)` returns.
//  - Never the same execution twice, also across restarts: per account, only executions past the last
//    notified journal position count, and that position is handed to `onProgress` to be saved — by
//    due(), just before the notifications it covers are returned, so a quit inside a coalescing window
//    skips nothing (flush() shows what is pending, e.g. on quit).
//  - Bursts are coalesced: what matches within `coalesceMs` of the first becomes one notification
//    ("14 fills in 3 markets"), and the first window after a reconnect is one catch-up summary.
//  - Quiet time (do-not-disturb) holds notifications back and ends with one summary of what was held;
//    session alerts still show unless the user turned that off.
//  - Every notification says what a click should open (the account and the fill's position).
import type { PriceUnit } from '../money.ts';
import type { ExecutionRecord } from '../records/execution-record.ts';
import type { LiveExecution, ServiceEvent } from '../service/service-events.ts';
import { interestIn, isQuiet, type NotificationRules } from './notification-rules.ts';

export interface PlannedNotification {
  readonly title: string;
  readonly body: string;
  readonly urgency: 'normal' | 'critical';
  /** What a click opens and highlights. */
  readonly target?: { readonly accountId: string; readonly position?: number; readonly execId?: string; readonly alertId?: string };
}

export interface NotificationPlannerOptions {
  readonly rules: NotificationRules;
  /** Per account, the journal position of the last execution already notified (saved by onProgress). */
  readonly notifiedUpTo: ReadonlyMap<string, number>;
  readonly onProgress: (accountId: string, position: number) => void;
  readonly labelOf: (accountId: string) => string;
  readonly priceUnitOf: (accountId: string) => PriceUnit;
  readonly coalesceMs?: number;
}

interface Pending {
  readonly accountId: string;
  readonly openedAt: number;
  readonly catchUp: boolean;
  readonly items: Array<{ readonly position: number; readonly record: ExecutionRecord; readonly kind: 'fill' | 'cancel-or-reject' }>;
}

export class NotificationPlanner {
  #rules: NotificationRules;
  readonly #options: NotificationPlannerOptions;
  /** Per account, the newest position looked at (this run): never looked at twice. */
  readonly #seenUpTo: Map<string, number>;
  /** Per account, the position last handed to onProgress. */
  readonly #reportedUpTo: Map<string, number>;
  readonly #coalesceMs: number;
  readonly #pending = new Map<string, Pending>();
  /** Accounts whose next window is a catch-up (they were disconnected, now logged on again). */
  readonly #catchingUp = new Set<string>();
  /** Accounts reported down, so "down" is said once per outage. */
  readonly #down = new Set<string>();
  #alerts: PlannedNotification[] = [];
  #held: PlannedNotification[] = [];
  #wasQuiet = false;

  constructor(options: NotificationPlannerOptions) {
    this.#options = options;
    this.#rules = options.rules;
    this.#seenUpTo = new Map(options.notifiedUpTo);
    this.#reportedUpTo = new Map(options.notifiedUpTo);
    this.#coalesceMs = options.coalesceMs ?? 2_000;
  }

  setRules(rules: NotificationRules): void {
    this.#rules = rules;
  }

  /** Feed every service event, with the time it arrived. */
  onEvent(event: ServiceEvent, now: number): void {
    switch (event.type) {
      case 'executions':
        this.#onExecutions(event.accountId, event.executions, now);
        return;
      case 'phase':
        if (event.phase === 'active') {
          if (this.#down.delete(event.accountId)) this.#catchingUp.add(event.accountId);
        } else if ((event.phase === 'reconnect-wait' || event.phase === 'failed') && !this.#down.has(event.accountId)) {
          this.#down.add(event.accountId);
          this.#alert(event.accountId, `${this.#label(event.accountId)}: ${event.phase === 'failed' ? 'stopped' : 'disconnected'}`, event.text ?? 'The connection to Kalshi was lost; reconnecting.');
        }
        return;
      case 'missed-fills':
        this.#alert(event.accountId, `${this.#label(event.accountId)}: possible missed fills`, event.text);
        return;
      case 'undecodable':
        this.#alert(event.accountId, `${this.#label(event.accountId)}: a message could not be read`, event.text);
        return;
      case 'store-failed':
        this.#alert(event.accountId, `${this.#label(event.accountId)}: the journal cannot write`, event.text);
        return;
      case 'log':
        if (event.session?.kind === 'seq-gap') this.#alert(event.accountId, `${this.#label(event.accountId)}: sequence gap`, event.text);
        return;
      default:
        return;
    }
  }

  /** What is still being coalesced, now (the app is quitting): one notification per account. */
  flush(now: number): PlannedNotification[] {
    return this.due(now + this.#coalesceMs);
  }

  /** The notifications to show now (call it on a short timer, e.g. every 250 ms). */
  due(now: number): PlannedNotification[] {
    const ready: PlannedNotification[] = [];
    for (const [accountId, pending] of this.#pending) {
      if (now - pending.openedAt < this.#coalesceMs) continue;
      this.#pending.delete(accountId);
      ready.push(this.#summarize(pending));
    }
    this.#reportProgress();
    const alerts = this.#alerts;
    this.#alerts = [];
    const quiet = isQuiet(this.#rules, now);
    if (quiet) {
      this.#held.push(...ready);
      const bypass = this.#rules.alertsBypassQuiet ? alerts : [];
      if (!this.#rules.alertsBypassQuiet) this.#held.push(...alerts);
      this.#wasQuiet = true;
      return bypass;
    }
    const out = [...alerts, ...ready];
    if (this.#wasQuiet) {
      this.#wasQuiet = false;
      if (this.#held.length > 0) out.unshift({ title: 'While Do Not Disturb was on', body: `${this.#held.length} notification(s) were held: ${this.#held.map((n) => n.title).slice(0, 3).join('; ')}${this.#held.length > 3 ? '; …' : ''}`, urgency: 'normal' });
      this.#held = [];
    }
    return out;
  }

  #onExecutions(accountId: string, executions: readonly LiveExecution[], now: number): void {
    const upTo = this.#seenUpTo.get(accountId) ?? 0;
    let newest = upTo;
    for (const { position, record } of executions) {
      if (position <= upTo) continue; // notified before (this run or an earlier one)
      newest = Math.max(newest, position);
      const kind = interestIn(record, this.#rules, this.#options.priceUnitOf(accountId));
      if (kind === undefined) continue;
      let pending = this.#pending.get(accountId);
      if (pending === undefined) {
        pending = { accountId, openedAt: now, catchUp: this.#catchingUp.delete(accountId), items: [] };
        this.#pending.set(accountId, pending);
      }
      pending.items.push({ position, record, kind });
    }
    if (newest > upTo) this.#seenUpTo.set(accountId, newest);
  }

  /**
   * Saves, per account, everything looked at except what still waits in a coalescing window: those
   * positions are saved when their notification is due, so a restart shows them rather than skips them.
   */
  #reportProgress(): void {
    for (const [accountId, seen] of this.#seenUpTo) {
      const waiting = this.#pending.get(accountId)?.items[0]?.position;
      const upTo = waiting === undefined ? seen : waiting - 1;
      if (upTo > (this.#reportedUpTo.get(accountId) ?? 0)) {
        this.#reportedUpTo.set(accountId, upTo);
        this.#options.onProgress(accountId, upTo);
      }
    }
  }

  #summarize(pending: Pending): PlannedNotification {
    const { accountId, items } = pending;
    const label = this.#label(accountId);
    const last = items[items.length - 1]!;
    const target = { accountId, position: last.position, execId: last.record.execId };
    if (items.length === 1 && !pending.catchUp) {
      const { record, kind } = last;
      return { title: `${label}: ${kind === 'fill' ? describeFill(record) : describeCancel(record)}`, body: record.symbol, urgency: 'normal', target };
    }
    const fills = items.filter((i) => i.kind === 'fill').length;
    const markets = new Set(items.map((i) => i.record.symbol)).size;
    const others = items.length - fills;
    const what = [fills > 0 ? `${fills} fill${fills === 1 ? '' : 's'}` : '', others > 0 ? `${others} cancel${others === 1 ? '' : 's'}/reject${others === 1 ? '' : 's'}` : '']
      .filter(Boolean).join(' and ');
    const title = pending.catchUp ? `${label}: caught up after reconnecting` : `${label}: ${what}`;
    return { title, body: `${what} in ${markets} market${markets === 1 ? '' : 's'}`, urgency: 'normal', target };
  }

  #alert(accountId: string, title: string, body: string): void {
    if (!this.#rules.enabled || !this.#rules.sessionAlerts) return;
    this.#alerts.push({ title, body, urgency: 'critical', target: { accountId } });
  }

  #label(accountId: string): string {
    return this.#options.labelOf(accountId);
  }
}

/** 'Bought 10 Yes @ 0.42' / 'Sold 4 Yes @ 0.50' — Kalshi quotes every order on the Yes contract. */
function describeFill(record: ExecutionRecord): string {
  return `${record.side === '1' ? 'Bought' : 'Sold'} ${record.lastQty ?? '?'} Yes @ ${record.lastPx ?? '?'}`;
}

function describeCancel(record: ExecutionRecord): string {
  const what = record.execType === '8' ? 'Order rejected' : record.execType === 'C' ? 'Order expired' : 'Order canceled';
  return record.text === null ? what : `${what}: ${record.text}`;
}
