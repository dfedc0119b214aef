// alerts-format.ts — alerts as an auditor receives them from `fillwatch alerts`: CSV (RFC 4180, one row
// per alert, formula-safe cells, ISO times, the evidence ExecIDs and the review trail in multi-line
// cells) or JSON (every alert with its whole history, the filter, who exported it and the journal's
// chain heads it was read at); and the CSV of `fillwatch surveil`, whose columns are the same ones
// minus those a review or the store adds, defined once here so the two files always line up. Pure.
import type { SurveillanceAlert } from '../../shared/surveillance/alert.ts';
import type { AlertDetail } from '../../shared/surveillance/alert-records.ts';
import type { ChainHeads } from '../core/alerts/alert-store.ts';
import { csvCell } from './export-command.ts';

export const ALERTS_FORMAT = 'fillwatch-alerts/1';

const iso = (ms: number) => new Date(ms).toISOString();

type Column<A> = readonly [name: string, value: (alert: A) => unknown];

/** What an alert says as raised, before any review: the same in the store and in a replay. */
const RAISED = {
  id: (a) => a.id,
  suppressedBy: (a) => a.suppressedBy,
  ruleId: (a) => a.ruleId,
  rulesVersion: (a) => a.rulesVersion,
  severity: (a) => a.severity,
  raisedAt: (a) => iso(a.raisedAt),
  accounts: (a) => a.accountIds.join('\n'),
  market: (a) => a.market,
  title: (a) => a.title,
  text: (a) => a.text,
  // accountId:execId, one per line: ExecIDs are unique within an account only.
  evidenceExecIds: (a) => a.evidence.executions.map((e) => `${e.accountId}:${e.execId}`).join('\n'),
  evidenceOrderIds: (a) => a.evidence.orderIds.join('\n'),
  evidenceNote: (a) => a.evidence.note,
} as const satisfies Record<string, (a: SurveillanceAlert) => unknown>;

const raised = (name: keyof typeof RAISED): Column<SurveillanceAlert> => [name, RAISED[name]];

/** `fillwatch surveil`'s columns: the alert as raised (a replay has no reviews). */
const REPLAYED_COLUMNS: readonly Column<SurveillanceAlert>[] = (Object.keys(RAISED) as (keyof typeof RAISED)[]).map(raised);

/** `fillwatch alerts`' columns: the same names and cells, with the state, when stored, and the review trail. */
const STORED_COLUMNS: readonly Column<AlertDetail>[] = [
  raised('id'),
  ['state', (a) => a.state],
  raised('suppressedBy'), raised('ruleId'), raised('rulesVersion'), raised('severity'), raised('raisedAt'),
  ['recordedAt', (a) => iso(a.recordedAt)],
  raised('accounts'), raised('market'), raised('title'), raised('text'),
  raised('evidenceExecIds'), raised('evidenceOrderIds'), raised('evidenceNote'),
  ['reviews', (a) => reviewLines(a)],
];

/** One line per review, oldest first: `2026-11-24T14:05:00.000Z open -> acknowledged by Ann: comment`. */
function reviewLines(alert: AlertDetail): string {
  return alert.history.flatMap((h) => (h.kind === 'review'
    ? [`${iso(h.at)} ${h.from} -> ${h.to} by ${h.reviewer}: ${h.comment.replace(/\s*\r?\n\s*/g, ' / ')}`]
    : [])).join('\n');
}

function csv<A>(columns: readonly Column<A>[], alerts: readonly A[]): string {
  const lines = [columns.map(([name]) => name).join(',')];
  for (const alert of alerts) lines.push(columns.map(([, value]) => csvCell(value(alert))).join(','));
  return lines.map((l) => `${l}\r\n`).join('');
}

/** The journal's alerts (`fillwatch alerts`). */
export function alertsCsv(alerts: readonly AlertDetail[]): string {
  return csv(STORED_COLUMNS, alerts);
}

/** Replayed alerts (`fillwatch surveil`): the columns of alertsCsv that exist before any review. */
export function surveilCsv(alerts: readonly SurveillanceAlert[]): string {
  return csv(REPLAYED_COLUMNS, alerts);
}

export interface AlertsJsonMeta {
  readonly exportedAt: number;
  readonly exportedBy: string;
  readonly filter: Readonly<Record<string, string>>;
  readonly journalPath: string;
  readonly heads: ChainHeads;
}

export function alertsJson(alerts: readonly AlertDetail[], meta: AlertsJsonMeta): string {
  return JSON.stringify({
    format: ALERTS_FORMAT,
    exportedAt: iso(meta.exportedAt),
    exportedBy: meta.exportedBy,
    filter: meta.filter,
    journal: {
      file: meta.journalPath,
      messageChainHead: { messageId: meta.heads.messages.lastRawId, sha256: meta.heads.messages.lastHash.toString('hex') },
      auditChainHead: { entryId: meta.heads.audit.lastId, sha256: meta.heads.audit.lastHash.toString('hex') },
    },
    alerts,
  }, null, 2) + '\n';
}
