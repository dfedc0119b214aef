// OrderSummary.tsx — the order of the execution in the details drawer, at a glance: filled and open as
// the exchange's newest report says, the fills this journal holds with their weighted average price,
// and a plain warning when those do not add up (fills the journal lacks or counts beyond CumQty, an
// average that is not the exchange's AvgPx). Numbers from shared/orders/order-summary.ts, exact.
import type { HistoryRowWire } from '../../../shared/ipc/contract.ts';
import { readOrder } from '../../../shared/orders/order-summary.ts';
import { formatPrice, formatQty, ordStatusLabel, type PriceUnit } from '../../format/execution-format.ts';

export function OrderSummary({ lifecycle, priceUnit }: { readonly lifecycle: readonly HistoryRowWire[]; readonly priceUnit: PriceUnit }) {
  const summary = readOrder(lifecycle);
  if (summary === null) return null;
  // Stored decimals are checked when decoded; should one still not read, say so rather than blank the drawer.
  if ('unreadable' in summary) return <p className="drawer-note drawer-warning" role="note">The order's figures could not be added up: {summary.unreadable}</p>;
  const fills = `${summary.fills} ${summary.fills === 1 ? 'fill' : 'fills'}`;
  return (
    <>
      <dl className="drawer-facts" aria-label="Order summary" data-testid="order-summary">
        <dt>Filled</dt>
        <dd className="tabular">{formatQty(summary.reportedCumQty)}, open {formatQty(summary.openQty)} · {ordStatusLabel(summary.ordStatus)}</dd>
        <dt>In this journal</dt>
        <dd className="tabular">
          {summary.averagePx === null ? 'no fills' : `${fills} for ${formatQty(summary.filledQty)} at ${formatPrice(summary.averagePx, priceUnit)} on average`}
        </dd>
        {summary.reportedAvgPx === null ? null : (
          <><dt>Exchange's average</dt><dd className="tabular">{formatPrice(summary.reportedAvgPx, priceUnit)} (AvgPx)</dd></>
        )}
      </dl>
      {summary.missingQty === null ? null : (
        <p className="drawer-note drawer-warning" role="note">
          The exchange reports {formatQty(summary.reportedCumQty)} filled; this journal holds fills of {formatQty(summary.filledQty)}.
          The other {formatQty(summary.missingQty)} came in reports it does not have: before it began recording, or
          missed (the Session view shows gaps and backfills).
        </p>
      )}
      {summary.excessQty === null ? null : (
        <p className="drawer-note drawer-warning" role="note">
          This journal's fills add up to {formatQty(summary.excessQty)} more than
          the {formatQty(summary.reportedCumQty)} the exchange reports filled.
        </p>
      )}
      {summary.averageAgrees === false ? (
        <p className="drawer-note drawer-warning" role="note">
          The fills average {formatPrice(summary.averagePx, priceUnit)}; the exchange reports an average price
          of {formatPrice(summary.reportedAvgPx, priceUnit)}.
        </p>
      ) : null}
    </>
  );
}
