// alerts-format.ts — alerts as an auditor receives them from `fillwatch alerts`: CSV (RFC 4180, one row
// per alert, formula-safe cells, ISO times, the evidence ExecIDs and the review trail in multi-line
// cells) or JSON (every alert with its whole history, the filter, who exported it and the journal's
// chain heads it was read at). Pure.
import type { AlertDetail } from '../../shared/surveillance/alert-records.ts';
import type { ChainHeads } from '../core/alerts/alert-store.ts';
import { csvCell } from './export-command.ts';

export const ALERTS_FORMAT = 'fillwatch-alerts/1';

const iso = (ms: number) => new Date(ms).toISOString();

const COLUMNS: readonly (readonly [string, (a: AlertDetail) => unknown])[] = [
  ['id', (a) => a.id],
  ['state', (a) => a.state],
  ['suppressedBy', (a) => a.suppressedBy],
  ['ruleId', (a) => a.ruleId],
  ['rulesVersion', (a) => a.rulesVersion],
  ['severity', (a) => a.severity],
  ['raisedAt', (a) => iso(a.raisedAt)],
  ['recordedAt', (a) => iso(a.recordedAt)],
  ['accounts', (a) => a.accountIds.join('\n')],
  ['market', (a) => a.market],
  ['title', (a) => a.title],
  ['text', (a) => a.text],
  // accountId:execId, one per line: ExecIDs are unique within an account only.
  ['evidenceExecIds', (a) => a.evidence.executions.map((e) => `${e.accountId}:${e.execId}`).join('\n')],
  ['evidenceOrderIds', (a) => a.evidence.orderIds.join('\n')],
  ['evidenceNote', (a) => a.evidence.note],
  ['reviews', (a) => reviewLines(a)],
];

/** One line per review, oldest first: `2026-11-24T14:05:00.000Z open -> acknowledged by Ann: comment`. */
function reviewLines(alert: AlertDetail): string {
  return alert.history.flatMap((h) => (h.kind === 'review'
    ? [`${iso(h.at)} ${h.from} -> ${h.to} by ${h.reviewer}: ${h.comment.replace(/\s*\r?\n\s*/g, ' / ')}`]
    : [])).join('\n');
}

export function alertsCsv(alerts: readonly AlertDetail[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const alert of alerts) lines.push(COLUMNS.map(([, value]) => csvCell(value(alert))).join(','));
  return lines.map((l) => `${l}\r\n`).join('');
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
