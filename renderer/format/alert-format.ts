// alert-format.ts — how the Alerts view words a surveillance alert: its rule, severity and state, the
// review moves offered (from the one table of moves, shared/surveillance/alert-transitions.ts), an
// account's label from its API key id, and one history line. Display only; pure.
import type { AlertHistoryEntryWire } from '../../shared/ipc/alerts-contract.ts';
import { ALERT_TRANSITIONS } from '../../shared/surveillance/alert-transitions.ts';
import type { AlertState, RuleId, Severity } from '../../shared/surveillance/alert.ts';

export const RULE_LABELS: Readonly<Record<RuleId, string>> = {
  'position-limit': 'Position limit', 'large-fill': 'Large fill or order', 'restricted-list': 'Restricted list', 'cross-account': 'Cross-account trade',
  'order-to-trade': 'Order-to-trade / cancels', 'off-hours': 'Off-hours activity', 'feed-integrity': 'Feed integrity', 'daily-caps': 'Daily loss and caps',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export const STATE_LABELS: Readonly<Record<AlertState, string>> = { open: 'Open', acknowledged: 'Acknowledged', escalated: 'Escalated', closed: 'Closed' };

/** The button that makes each move (to-state → verb). */
export const MOVE_LABELS: Readonly<Record<AlertState, string>> = { acknowledged: 'Acknowledge', escalated: 'Escalate', closed: 'Close', open: 'Reopen' };

/** The moves an alert in `state` may make, in the table's order. */
export function movesFrom(state: AlertState): readonly AlertState[] {
  return ALERT_TRANSITIONS[state];
}

/** 'Demo desk A' for an API key id the app knows, else the id itself. */
export function accountName(apiKeyId: string, labels: ReadonlyMap<string, string>): string {
  return labels.get(apiKeyId) ?? apiKeyId;
}

/** The rules write accounts by API key id; the screen names the ones the app knows by their label. */
export function readableText(text: string, labels: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [apiKeyId, label] of labels) if (apiKeyId !== '' && out.includes(apiKeyId)) out = out.replaceAll(apiKeyId, label);
  return out;
}

/** One line of an alert's history, e.g. 'Acknowledged by Dana Reyes: "Known hedge"'. */
export function historyLine(entry: AlertHistoryEntryWire): string {
  switch (entry.kind) {
    case 'raised':
      return 'Raised and stored in the journal';
    case 'evidence-added':
      return `Evidence added: ${count(entry.executions, 'execution')}${entry.orders > 0 ? `, ${count(entry.orders, 'order')}` : ''}`;
    case 'review':
      return `${STATE_LABELS[entry.from]} → ${STATE_LABELS[entry.to]} by ${entry.reviewer}`;
    case 'exported':
      return entry.command === 'evidence' ? `Evidence pack exported by ${entry.user} (${count(entry.files, 'file')})` : `Exported as ${entry.format.toUpperCase()} by ${entry.user}`;
  }
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
