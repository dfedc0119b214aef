// TotalsTables.tsx — P&L totals by event and by day, as the core summed them (exact text, formatted
// here only). Days are flows — what was realized and paid that day in the chosen zone — because
// unrealized P&L belongs to no day.
import type { PositionsView } from '../../../shared/ipc/contract.ts';
import { feeEstimate, formatContracts, formatFeeAmount, formatMoney, toneOf } from '../../format/pnl-format.ts';

function Money({ value, className = '' }: { readonly value: string; readonly className?: string }) {
  return <td className={`cell-end cell-num pnl-${toneOf(value)} ${className}`.trim()} data-exact={value} title={`$${value} exactly`}>{formatMoney(value)}</td>;
}

function Fees({ fees, estimated }: { readonly fees: string; readonly estimated: string }) {
  const est = feeEstimate(fees, estimated);
  return (
    <td className={`cell-end cell-num${est === 'none' ? '' : ' pnl-estimated'}`} data-exact={fees} title={est === 'none' ? `$${fees} as reported` : `$${fees}, of which $${estimated} estimated`}>
      {formatFeeAmount(fees)}{est === 'none' ? '' : ' est.'}
    </td>
  );
}

export function ByEventTable({ view }: { readonly view: PositionsView }) {
  return (
    <div className="pnl-panel-scroll" tabIndex={0} role="region" aria-label="Totals by event">
      <table className="pnl-table" data-table="by-event">
        <thead>
          <tr><th scope="col">Event</th><th scope="col" className="cell-end">Realized</th><th scope="col" className="cell-end">Unrealized</th><th scope="col" className="cell-end">Fees</th><th scope="col" className="cell-end">Net</th></tr>
        </thead>
        <tbody>
          {view.byEvent.map(({ event, totals: t }) => (
            <tr key={event} data-event={event}>
              <th scope="row" title={`${event}: ${t.markets} market${t.markets === 1 ? '' : 's'}`}>{event}</th>
              <Money value={t.realized} /><Money value={t.unrealized} /><Fees fees={t.fees} estimated={t.estimatedFees} /><Money value={t.net} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ByDayTable({ view }: { readonly view: PositionsView }) {
  return (
    <div className="pnl-panel-scroll" tabIndex={0} role="region" aria-label={`Totals by day, ${view.timeZone}`}>
      <table className="pnl-table" data-table="by-day">
        <thead>
          <tr>
            <th scope="col">Day</th><th scope="col" className="cell-end">Fills</th><th scope="col" className="cell-end">Contracts</th><th scope="col" className="cell-end">Realized</th>
            <th scope="col" className="cell-end">Fees</th><th scope="col" className="cell-end" title="Realized − fees: unrealized P&L belongs to no day">Net</th>
          </tr>
        </thead>
        <tbody>
          {[...view.byDay].reverse().map((d) => (
            <tr key={d.day} data-day={d.day}>
              <th scope="row" className="cell-num">{d.day === 'undated' ? 'No time' : d.day}</th>
              <td className="cell-end cell-num">{d.fills}</td>
              <td className="cell-end cell-num" data-exact={d.contracts}>{formatContracts(d.contracts)}</td>
              <Money value={d.realized} /><Fees fees={d.fees} estimated={d.estimatedFees} /><Money value={d.net} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
