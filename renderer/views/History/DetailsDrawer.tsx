// DetailsDrawer.tsx — one execution in full: its fields, its order at a glance (OrderSummary.tsx), the
// order's whole lifecycle (ack → partials → fill / cancel / replace / reject, this report marked), and
// the FIX message that carried it, decoded by main with each tag's name and each coded value's meaning.
// Beside the grid, not over it; Esc or Close returns to the grid.
import { useEffect, useRef, useState } from 'react';
import type { HistoryRowWire, RawMessageWire } from '../../../shared/ipc/contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { executionKind, formatPrice, formatQty, kindLabel, ordStatusLabel, sideLabel } from '../../format/execution-format.ts';
import { formatEventTime } from './history-columns.ts';
import { OrderSummary } from './OrderSummary.tsx';
import { useRowAccount } from './use-row-account.ts';

type Loaded = { readonly row: HistoryRowWire; readonly lifecycle: readonly HistoryRowWire[]; readonly raw: RawMessageWire | null } | { readonly error: string };

export function DetailsDrawer({ api, rowId, onClose }: { readonly api: FillwatchApi; readonly rowId: number; readonly onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let current = true;
    setLoaded(null);
    void (async () => {
      const row = await api.history.row(rowId);
      if (!row.ok || row.value === null) {
        if (current) setLoaded({ error: row.ok ? 'This execution is no longer in the journal.' : `${row.error.message} Close and try again.` });
        return;
      }
      const [lifecycle, raw] = await Promise.all([api.history.lifecycle(row.value.orderId), api.history.rawMessage(rowId)]);
      if (current) setLoaded({ row: row.value, lifecycle: lifecycle.ok ? lifecycle.value : [row.value], raw: raw.ok ? raw.value : null });
    })();
    return () => { current = false; };
  }, [api, rowId]);

  return (
    <aside className="history-drawer" aria-labelledby="drawer-title" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <div className="drawer-head">
        <h2 id="drawer-title" ref={heading} tabIndex={-1}>Execution {loaded !== null && 'row' in loaded ? loaded.row.execId : ''}</h2>
        <button type="button" className="history-button" onClick={onClose} aria-keyshortcuts="Escape">Close</button>
      </div>
      {loaded === null ? <p className="drawer-note" role="status">Reading the journal…</p>
        : 'error' in loaded ? <p className="drawer-note" role="alert">{loaded.error}</p>
          : <DrawerBody {...loaded} />}
    </aside>
  );
}

function DrawerBody({ row, lifecycle, raw }: { readonly row: HistoryRowWire; readonly lifecycle: readonly HistoryRowWire[]; readonly raw: RawMessageWire | null }) {
  // Prices in the account's unit, as the grid shows them (an order's lifecycle is one account's).
  const { label, priceUnit } = useRowAccount(row.account);
  return (
    <div className="drawer-body">
      <dl className="drawer-facts">
        <dt>Market</dt><dd>{row.symbol}</dd>
        <dt>Side</dt><dd>{sideLabel(row.side)}</dd>
        <dt>Event</dt><dd>{kindLabel(executionKind(row), row.execType)} · {ordStatusLabel(row.ordStatus)}</dd>
        <dt>Time (UTC)</dt><dd className="tabular">{formatEventTime(row.eventAt)}</dd>
        <dt>OrderID</dt><dd>{row.orderId}</dd>
        <dt>ClOrdID</dt><dd>{row.clOrdId}{row.origClOrdId === null ? '' : ` (replaces ${row.origClOrdId})`}</dd>
        <dt>Account</dt><dd>{row.account === null ? 'unknown' : label === row.account ? label : `${label} (${row.account})`}</dd>
      </dl>
      <h3>Order</h3>
      <OrderSummary lifecycle={lifecycle} priceUnit={priceUnit} />
      <h3>Order lifecycle</h3>
      <table className="drawer-table">
        <thead><tr><th scope="col">Time (UTC)</th><th scope="col">Event</th><th scope="col" className="cell-end">Qty</th><th scope="col" className="cell-end">Price</th><th scope="col" className="cell-end">Filled</th><th scope="col" className="cell-end">Open</th><th scope="col">Status</th></tr></thead>
        <tbody>
          {lifecycle.map((step) => (
            <tr key={step.rowId} aria-current={step.rowId === row.rowId ? 'true' : undefined} className={step.rowId === row.rowId ? 'is-current' : undefined}>
              <td className="tabular">{formatEventTime(step.eventAt).slice(11)}</td>
              <td className={`kind-${executionKind(step)}`}>{kindLabel(executionKind(step), step.execType)}</td>
              <td className="cell-end tabular">{formatQty(step.lastQty)}</td>
              <td className="cell-end tabular">{formatPrice(step.lastPx, priceUnit)}</td>
              <td className="cell-end tabular">{formatQty(step.cumQty)}</td>
              <td className="cell-end tabular">{formatQty(step.leavesQty)}</td>
              <td>{ordStatusLabel(step.ordStatus)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>FIX message{raw === null ? '' : ` · MsgSeqNum ${raw.msgSeqNum ?? '?'} · received ${formatEventTime(raw.receivedAt)}`}</h3>
      {raw === null ? <p className="drawer-note">The stored message could not be read.</p> : (
        <>
          {raw.problem === null ? null : <p className="drawer-note" role="note">Kept as received; part of it could not be read: {raw.problem}</p>}
          <table className="drawer-table drawer-fix">
            <thead><tr><th scope="col" className="cell-end">Tag</th><th scope="col">Name</th><th scope="col">Value</th><th scope="col">Meaning</th></tr></thead>
            <tbody>
              {raw.fields.map((f, i) => (
                <tr key={i}><td className="cell-end tabular">{f.tag}</td><td>{f.name ?? ''}</td><td className="fix-value">{f.value}</td><td>{f.meaning ?? ''}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
