// PnlSummary.tsx — the chosen account's totals in one line of figures: net first (what a trader looks
// for), then its parts, fees with the estimated share, and how many markets are open or settled.
import type { PositionsView } from '../../../shared/ipc/contract.ts';
import { feeEstimate, formatFeeAmount, formatMoney, toneOf } from '../../format/pnl-format.ts';

export function PnlSummary({ view }: { readonly view: PositionsView }) {
  const t = view.totals;
  const open = view.markets.filter((m) => m.heldSide !== null).length;
  const settled = view.markets.filter((m) => m.settled).length;
  const est = feeEstimate(t.fees, t.estimatedFees);
  return (
    <dl className="pnl-summary" aria-label="Totals of this account">
      <div className="pnl-figure pnl-figure-main"><dt>Net P&L</dt><dd className={`cell-num pnl-${toneOf(t.net)}`} data-exact={t.net}>{formatMoney(t.net)}</dd></div>
      <div className="pnl-figure"><dt>Realized</dt><dd className={`cell-num pnl-${toneOf(t.realized)}`} data-exact={t.realized}>{formatMoney(t.realized)}</dd></div>
      <div className="pnl-figure"><dt>Unrealized</dt><dd className={`cell-num pnl-${toneOf(t.unrealized)}`} data-exact={t.unrealized}>{formatMoney(t.unrealized)}</dd></div>
      <div className="pnl-figure">
        <dt>Fees</dt>
        <dd className="cell-num" data-exact={t.fees}>
          {formatFeeAmount(t.fees)}
          {est === 'none' ? null : <span className="pnl-estimated"> (incl. {formatFeeAmount(t.estimatedFees)} est.)</span>}
        </dd>
      </div>
      <div className="pnl-figure"><dt>Markets</dt><dd className="cell-num">{t.markets} · {open} open · {settled} settled</dd></div>
    </dl>
  );
}
