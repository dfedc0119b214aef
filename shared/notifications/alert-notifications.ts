// alert-notifications.ts — which surveillance alerts become desktop notifications, and how: high and
// critical ones that no allow-list entry suppressed, coalesced (what arrives within `coalesceMs` of the
// first is one notification: "3 high-severity alerts: …"), and each alert id at most once, also across
// restarts: the ids are handed to `onNotified` (to be saved) by due(), just before the notification
// that covers them is returned. Quiet time holds them unless the rules let alerts through. Pure and
// clock-driven, like notification-planner.ts beside it.
import type { Severity, SurveillanceAlert } from '../surveillance/alert.ts';
import type { PlannedNotification } from './notification-planner.ts';
import { isQuiet, type NotificationRules } from './notification-rules.ts';

export const NOTIFIED_SEVERITIES: readonly Severity[] = ['high', 'critical'];

export interface AlertNotifierOptions {
  /** Alert ids already notified (this journal, earlier runs). */
  readonly notified: Iterable<string>;
  readonly onNotified: (ids: readonly string[]) => void;
  /** The Fillwatch account id an alert's API key id belongs to (what a click opens), if any. */
  readonly accountOf: (apiKeyId: string) => string | undefined;
  readonly labelOf: (apiKeyId: string) => string;
  readonly coalesceMs?: number;
}

export class AlertNotifier {
  readonly #options: AlertNotifierOptions;
  readonly #notified: Set<string>;
  readonly #coalesceMs: number;
  #pending: SurveillanceAlert[] = [];
  #openedAt = 0;

  constructor(options: AlertNotifierOptions) {
    this.#options = options;
    this.#notified = new Set(options.notified);
    this.#coalesceMs = options.coalesceMs ?? 2_000;
  }

  /** Alerts the service just stored (its 'alerts' event). */
  onAlerts(alerts: readonly SurveillanceAlert[], rules: NotificationRules, now: number): void {
    if (!rules.enabled || rules.surveillanceAlerts === false) return;
    for (const alert of alerts) {
      if (!NOTIFIED_SEVERITIES.includes(alert.severity) || alert.suppressedBy !== null) continue;
      if (this.#notified.has(alert.id) || this.#pending.some((a) => a.id === alert.id)) continue;
      if (this.#pending.length === 0) this.#openedAt = now;
      this.#pending.push(alert);
    }
  }

  /** The notification to show now (at most one), its ids already reported as notified. */
  due(rules: NotificationRules, now: number): PlannedNotification[] {
    if (this.#pending.length === 0 || now - this.#openedAt < this.#coalesceMs) return [];
    if (isQuiet(rules, now) && !rules.alertsBypassQuiet) return []; // held until the quiet ends
    const alerts = this.#pending;
    this.#pending = [];
    const ids = alerts.map((a) => a.id);
    for (const id of ids) this.#notified.add(id);
    this.#options.onNotified(ids);
    return [this.#summarize(alerts)];
  }

  #summarize(alerts: readonly SurveillanceAlert[]): PlannedNotification {
    const first = alerts[0]!;
    const apiKeyId = first.accountIds[0];
    const accountId = apiKeyId === undefined ? undefined : (this.#options.accountOf(apiKeyId) ?? apiKeyId);
    // A click opens the (first) alert in the Alerts view.
    const target = accountId === undefined ? {} : { target: { accountId, alertId: first.id } };
    if (alerts.length === 1) {
      const who = first.accountIds.map((k) => this.#options.labelOf(k)).join(' and ');
      return { title: `${first.severity === 'critical' ? 'Critical' : 'High'} alert${who === '' ? '' : ` · ${who}`}: ${first.title}`, body: first.text, urgency: 'critical', ...target };
    }
    const critical = alerts.filter((a) => a.severity === 'critical').length;
    const titles = [...new Set(alerts.map((a) => a.title))];
    return {
      title: `${alerts.length} surveillance alerts${critical > 0 ? ` (${critical} critical)` : ''}`,
      body: `${titles.slice(0, 3).join('; ')}${titles.length > 3 ? '; …' : ''}. Open Alerts to review them.`,
      urgency: 'critical',
      ...target,
    };
  }
}
