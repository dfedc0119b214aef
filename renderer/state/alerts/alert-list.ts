// alert-list.ts — the Alerts view's list as pure functions: the journal's order (suppressed last; open,
// escalated, acknowledged, closed; newest raised first), the filter the view's boxes make, and how an
// alert arriving live (new, or changed by a review) joins a list read earlier: by id, the newer copy
// winning, so a snapshot and the live batches can overlap in any order without a double or a step back.
import type { AlertListFilterWire, SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';
import type { AlertState, RuleId, Severity } from '../../../shared/surveillance/alert.ts';

export interface AlertFilterForm {
  readonly state: AlertState | '';
  readonly ruleId: RuleId | '';
  /** An API key id (how the journal names accounts), or '' for every account. */
  readonly accountId: string;
  /** A market ticker, exactly. */
  readonly market: string;
  readonly severity: Severity | '';
}

export const EMPTY_ALERT_FILTER: AlertFilterForm = { state: '', ruleId: '', accountId: '', market: '', severity: '' };

const STATE_RANK: Readonly<Record<AlertState, number>> = { open: 0, escalated: 1, acknowledged: 2, closed: 3 };

export function filterFromAlertForm(form: AlertFilterForm): AlertListFilterWire {
  const market = form.market.trim().toUpperCase();
  return {
    ...(form.state === '' ? {} : { state: form.state }),
    ...(form.ruleId === '' ? {} : { ruleId: form.ruleId }),
    ...(form.accountId === '' ? {} : { accountId: form.accountId }),
    ...(market === '' ? {} : { market }),
    ...(form.severity === '' ? {} : { severity: form.severity }),
  };
}

/** What main's alerts.list would answer for this alert under this filter. */
export function matchesAlertFilter(alert: SurveillanceAlertWire, filter: AlertListFilterWire): boolean {
  return (filter.state === undefined || alert.state === filter.state)
    && (filter.ruleId === undefined || alert.ruleId === filter.ruleId)
    && (filter.accountId === undefined || alert.accountIds.includes(filter.accountId))
    && (filter.market === undefined || alert.market === filter.market)
    && (filter.severity === undefined || alert.severity === filter.severity)
    && (filter.suppressed === undefined || (alert.suppressedBy !== null) === filter.suppressed);
}

/** The journal's order (electron/core/alerts/alert-queries.ts). */
export function compareAlerts(a: SurveillanceAlertWire, b: SurveillanceAlertWire): number {
  const suppressed = Number(a.suppressedBy !== null) - Number(b.suppressedBy !== null);
  if (suppressed !== 0) return suppressed;
  const state = STATE_RANK[a.state] - STATE_RANK[b.state];
  if (state !== 0) return state;
  if (a.raisedAt !== b.raisedAt) return b.raisedAt - a.raisedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Whether `incoming` is at least as new as `known`. An alert only ever gains reviews and evidence
 * (the journal is append-only), so those counts order its copies.
 */
export function isNewerOrSame(incoming: SurveillanceAlertWire, known: SurveillanceAlertWire): boolean {
  if (incoming.reviewCount !== known.reviewCount) return incoming.reviewCount > known.reviewCount;
  const size = (a: SurveillanceAlertWire) => a.evidence.executions.length + a.evidence.orderIds.length;
  return size(incoming) >= size(known);
}

/** The list with `incoming` upserted by id (a stale copy is ignored), filtered and in order. */
export function upsertAlerts(list: readonly SurveillanceAlertWire[], incoming: readonly SurveillanceAlertWire[], filter: AlertListFilterWire): SurveillanceAlertWire[] {
  if (incoming.length === 0) return [...list];
  const byId = new Map(list.map((a) => [a.id, a]));
  for (const alert of incoming) {
    const known = byId.get(alert.id);
    if (known !== undefined && !isNewerOrSame(alert, known)) continue;
    if (matchesAlertFilter(alert, filter)) byId.set(alert.id, alert);
    else byId.delete(alert.id); // e.g. reviewed out of the 'open' filter
  }
  return [...byId.values()].sort(compareAlerts);
}

/** Alerts to act on, and those an allow-list entry suppressed (kept apart, never shown as open). */
export function splitSuppressed(list: readonly SurveillanceAlertWire[]): { readonly active: SurveillanceAlertWire[]; readonly suppressed: SurveillanceAlertWire[] } {
  return { active: list.filter((a) => a.suppressedBy === null), suppressed: list.filter((a) => a.suppressedBy !== null) };
}
