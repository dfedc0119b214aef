// AlertDetails.tsx — one alert in full beside the grid: what happened and the figures, the evidence
// executions as the journal holds them (one click opens them in History, marked), the orders cited,
// the review form, and the alert's append-only history (raised, evidence added, reviews with their
// comments, exports). Esc or Close returns to the grid.
import type { AlertDetailWire, EvidenceExecutionWire } from '../../../shared/ipc/alerts-contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { accountName, count, historyLine, readableText, RULE_LABELS, SEVERITY_LABELS, STATE_LABELS } from '../../format/alert-format.ts';
import { formatPrice, formatQty, sideLabel } from '../../format/execution-format.ts';
import { formatClock } from '../../format/session-format.ts';
import type { AlertsController } from '../../state/alerts/alerts-controller.ts';
import { useAlertsStore } from '../../state/alerts/alerts-store.ts';
import { useHistoryIntent } from '../../state/history-intent.ts';
import { ReviewForm } from './ReviewForm.tsx';

export interface AlertDetailsProps {
  readonly api: FillwatchApi;
  readonly controller: AlertsController;
  readonly labels: ReadonlyMap<string, string>;
  readonly priceUnits: ReadonlyMap<string, 'dollars' | 'cents'>;
  readonly timeZone: string;
  readonly onClose: () => void;
}

export function AlertDetails({ api, controller, labels, priceUnits, timeZone, onClose }: AlertDetailsProps) {
  const detail = useAlertsStore((s) => s.detail);
  const error = useAlertsStore((s) => s.detailError);
  return (
    <aside className="alert-details" aria-labelledby="alert-details-title" data-testid="alert-details" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <div className="drawer-head">
        <h2 id="alert-details-title" tabIndex={-1}>{detail?.alert.title ?? 'Alert'}</h2>
        <button type="button" className="history-button" onClick={onClose} aria-keyshortcuts="Escape">Close</button>
      </div>
      {error !== null ? <p className="drawer-note" role="alert">{error.message} Choose another alert, or reload the list.</p>
        : detail === null ? <p className="drawer-note" role="status">Reading the alert from the journal…</p>
          : <Body api={api} controller={controller} detail={detail} labels={labels} priceUnits={priceUnits} timeZone={timeZone} />}
    </aside>
  );
}

function Body({ api, controller, detail, labels, priceUnits, timeZone }: Omit<AlertDetailsProps, 'onClose'> & { readonly detail: AlertDetailWire }) {
  const { alert } = detail;
  const open = useHistoryIntent((s) => s.open);
  const located = detail.executions.filter((e) => e.rowId !== null);
  const showInHistory = () => open({
    accountKeys: alert.accountIds, ...(alert.market === null ? {} : { market: alert.market }),
    highlight: { rowIds: located.map((e) => e.rowId!), label: `Evidence of “${alert.title}”` },
  });
  return (
    <div className="drawer-body">
      <p className="alert-text">{readableText(alert.text, labels)}</p>
      <dl className="drawer-facts">
        <dt>Severity</dt><dd><span className={`sev-chip sev-${alert.severity}`}>{SEVERITY_LABELS[alert.severity]}</span></dd>
        <dt>State</dt><dd><span className={`state-chip state-${alert.state}`}>{STATE_LABELS[alert.state]}</span></dd>
        <dt>Rule</dt><dd>{RULE_LABELS[alert.ruleId]} · rules version {alert.rulesVersion}</dd>
        <dt>Accounts</dt><dd>{alert.accountIds.map((id) => accountName(id, labels)).join(', ') || '—'}</dd>
        <dt>Market</dt><dd>{alert.market ?? '—'}</dd>
        <dt>Raised</dt><dd className="cell-num">{formatClock(alert.raisedAt, timeZone)} <span className="alerts-dim">(stored {formatClock(alert.recordedAt, timeZone).slice(11)})</span></dd>
        {alert.suppressedBy === null ? null : <><dt>Suppressed by</dt><dd>allow-list entry “{alert.suppressedBy}”: kept and exported, not counted as open</dd></>}
        <dt>Alert id</dt><dd className="alerts-id">{alert.id}</dd>
      </dl>
      <h3 id="alert-evidence-title">Evidence</h3>
      {alert.evidence.note === null ? null : <p className="alert-note">{alert.evidence.note}</p>}
      {detail.executions.length === 0 ? <p className="alerts-dim">{alert.evidence.orderIds.length > 0 ? 'This alert cites orders only.' : 'This alert cites no execution.'}</p> : (
        <>
          <div className="field-inline">
            <button type="button" className="button is-primary" onClick={showInHistory} disabled={located.length === 0}>
              Show {located.length === 1 ? 'it' : `these ${located.length}`} in History
            </button>
            {located.length < detail.executions.length ? <span className="alerts-dim">{detail.executions.length - located.length} not in this journal</span> : null}
          </div>
          <EvidenceTable rows={detail.executions} labels={labels} priceUnits={priceUnits} timeZone={timeZone} />
          {detail.executionsNotShown > 0 ? <p className="alerts-dim">…and {count(detail.executionsNotShown, 'more execution')} (fillwatch evidence --alert writes them all).</p> : null}
        </>
      )}
      {alert.evidence.orderIds.length === 0 ? null : <p><span className="alerts-dim">Orders:</span> <span className="alerts-id">{alert.evidence.orderIds.join(', ')}</span></p>}
      <h3>Review</h3>
      <ReviewForm key={alert.id} api={api} controller={controller} alert={alert} />
      <h3>History</h3>
      <ol className="alert-history" aria-label="History of this alert, oldest first">
        {detail.history.map((e) => (
          <li key={e.auditId} data-kind={e.kind}>
            <span className="cell-num alerts-dim">{formatClock(e.at, timeZone)}</span> {historyLine(e)}
            {e.kind === 'review' ? <blockquote className="alert-comment">{e.comment}</blockquote> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function EvidenceTable({ rows, labels, priceUnits, timeZone }: { readonly rows: readonly EvidenceExecutionWire[]; readonly labels: ReadonlyMap<string, string>; readonly priceUnits: ReadonlyMap<string, 'dollars' | 'cents'>; readonly timeZone: string }) {
  return (
    <table className="drawer-table alert-evidence" aria-labelledby="alert-evidence-title">
      <thead><tr><th scope="col">Time</th><th scope="col">Account</th><th scope="col">Side</th><th scope="col" className="cell-end">Qty</th><th scope="col" className="cell-end">Price</th><th scope="col">ExecID</th></tr></thead>
      <tbody>
        {rows.map((e) => (
          <tr key={`${e.accountId}/${e.execId}`} data-row-id={e.rowId ?? undefined}>
            <td className="cell-num">{e.eventAt === null ? '—' : formatClock(e.eventAt, timeZone).slice(11)}</td>
            <td>{accountName(e.accountId, labels)}</td>
            <td>{e.side === null ? 'not in journal' : sideLabel(e.side)}</td>
            <td className="cell-end cell-num">{formatQty(e.lastQty)}</td>
            <td className="cell-end cell-num">{formatPrice(e.lastPx, priceUnits.get(e.accountId) ?? 'dollars')}</td>
            <td className="alerts-id">{e.execId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
