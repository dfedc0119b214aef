// alert-wire.ts — surveillance alerts as the journal keeps them (shared/surveillance/alert-records.ts)
// in the IPC contract's shapes (shared/ipc/alerts-contract.ts): every field picked by name, absent as
// null, an export's files counted rather than listed (their hashes belong to the evidence pack, not to
// the screen). Pure.
import type { AlertDetailWire, AlertHistoryEntryWire, EvidenceExecutionWire, SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';
import type { HistoryRow } from '../../../shared/history/history-page.ts';
import type { AlertEvidence, SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import type { AlertDetail, AlertHistoryEntry, StoredAlert } from '../../../shared/surveillance/alert-records.ts';

function evidenceWire(e: AlertEvidence): SurveillanceAlertWire['evidence'] {
  return { executions: e.executions.map((x) => ({ accountId: x.accountId, execId: x.execId })), orderIds: [...e.orderIds], note: e.note ?? null };
}

export function toAlertWire(a: StoredAlert): SurveillanceAlertWire {
  return {
    id: a.id, ruleId: a.ruleId, rulesVersion: a.rulesVersion, severity: a.severity, accountIds: [...a.accountIds], market: a.market,
    raisedAt: a.raisedAt, title: a.title, text: a.text, evidence: evidenceWire(a.evidence), suppressedBy: a.suppressedBy,
    state: a.state, recordedAt: a.recordedAt, reviewCount: a.reviewCount, lastReviewAt: a.lastReviewAt,
  };
}

/** An alert the service just stored (its 'alerts' event): open, never reviewed, recorded about now. */
export function newAlertWire(a: SurveillanceAlert, recordedAt: number): SurveillanceAlertWire {
  return toAlertWire({ ...a, state: 'open', recordedAt, reviewCount: 0, lastReviewAt: null });
}

export function toHistoryEntryWire(e: AlertHistoryEntry): AlertHistoryEntryWire {
  switch (e.kind) {
    case 'raised':
      return { kind: 'raised', auditId: e.auditId, at: e.at };
    case 'evidence-added':
      return { kind: 'evidence-added', auditId: e.auditId, at: e.at, executions: e.evidence.executions.length, orders: e.evidence.orderIds.length };
    case 'review':
      return { kind: 'review', auditId: e.auditId, at: e.at, from: e.from, to: e.to, reviewer: e.reviewer, comment: e.comment };
    case 'exported':
      return { kind: 'exported', auditId: e.auditId, at: e.at, command: e.command, user: e.user, format: e.format, files: e.files.length };
  }
}

/** One cited execution, located (`row`) or not in the journal. */
export function toEvidenceExecution(cited: { readonly accountId: string; readonly execId: string }, row: HistoryRow | undefined): EvidenceExecutionWire {
  return {
    accountId: cited.accountId, execId: cited.execId, rowId: row?.rowId ?? null, orderId: row?.orderId ?? null, symbol: row?.symbol ?? null,
    side: row?.side ?? null, execType: row?.execType ?? null, lastQty: row?.lastQty ?? null, lastPx: row?.lastPx ?? null, eventAt: row?.eventAt ?? null,
  };
}

export function toDetailWire(detail: AlertDetail, executions: readonly EvidenceExecutionWire[], notShown: number): AlertDetailWire {
  return { alert: toAlertWire(detail), history: detail.history.map(toHistoryEntryWire), executions: [...executions], executionsNotShown: notShown };
}
