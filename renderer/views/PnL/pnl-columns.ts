// pnl-columns.ts — the P&L grid's columns, one record each: header, what it means, width, how a cell
// reads, its exact value (data-exact, what tests compare with `fillwatch pnl`), its tone and how it
// sorts (exact decimals compared as decimals, never as floats or text).
import { cmp, parse } from '../../../shared/decimal.ts';
import type { MarketPosition } from '../../../shared/ipc/contract.ts';
import {
  feeEstimate, feeTitle, formatFeeAmount, formatHeld, formatMoney, formatPriceDollars, formatSettlementResult, payoutDiffers, toneOf,
} from '../../format/pnl-format.ts';

export interface PnlColumn {
  readonly id: string;
  readonly header: string;
  readonly description: string;
  readonly width: string | null;
  readonly align: 'start' | 'end';
  readonly numeric: boolean;
  text(m: MarketPosition): string;
  /** The exact decimal behind the cell, when it shows one. */
  exact?(m: MarketPosition): string | null;
  tone?(m: MarketPosition): string | undefined;
  title?(m: MarketPosition): string | undefined;
  compare(a: MarketPosition, b: MarketPosition): number;
}

const byText = (f: (m: MarketPosition) => string) => (a: MarketPosition, b: MarketPosition) => f(a).localeCompare(f(b));
const byDecimal = (f: (m: MarketPosition) => string | null) => (a: MarketPosition, b: MarketPosition) => {
  const x = f(a);
  const y = f(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return cmp(parse(x), parse(y));
};

const money = (id: 'realized' | 'unrealized' | 'net', header: string, description: string): PnlColumn => ({
  id, header, description, width: '12ch', align: 'end', numeric: true,
  text: (m) => formatMoney(m[id]), exact: (m) => m[id], tone: (m) => `pnl-${toneOf(m[id])}`, title: (m) => `$${m[id]} exactly`, compare: byDecimal((m) => m[id]),
});

export const PNL_COLUMNS: readonly PnlColumn[] = [
  {
    id: 'symbol', header: 'Market', description: 'The market ticker. Click, or Enter on the row, to open its fills in History', width: '27ch', align: 'start', numeric: false,
    text: (m) => m.symbol, title: (m) => `${m.symbol}: open its fills in History`, compare: byText((m) => m.symbol),
  },
  { id: 'event', header: 'Event', description: 'The event: the ticker without its last part', width: '21ch', align: 'start', numeric: false, text: (m) => m.event, title: (m) => m.event, compare: byText((m) => m.event) },
  {
    id: 'position', header: 'Position', description: 'Contracts held: Yes, or No (a negative Yes position). ≠ marks a difference from Kalshi\'s own position (704/705)', width: '12ch', align: 'end', numeric: true,
    text: (m) => formatHeld(m.position, m.heldSide) + (positionDiffers(m) ? ' ≠' : ''), exact: (m) => m.position,
    tone: (m) => (positionDiffers(m) ? 'pnl-warn' : undefined),
    title: (m) => (positionDiffers(m) ? `Net ${m.position} Yes; Kalshi reported ${m.serverPosition} after its last fill (${m.positionMismatches} fill(s) disagreed): fills may be missing from the journal` : `Net ${m.position} Yes (bought ${m.boughtQty}, sold ${m.soldQty})`),
    compare: byDecimal((m) => m.position),
  },
  {
    id: 'avgEntryPrice', header: 'Avg cost', description: 'Average price paid per contract of the side held (the No price for No)', width: '11ch', align: 'end', numeric: true,
    text: (m) => formatPriceDollars(m.avgEntryPrice), exact: (m) => m.avgEntryPrice, title: (m) => (m.avgEntryPrice === null ? 'No open position' : `$${m.avgEntryPrice} per contract; cost basis $${m.costBasis}`), compare: byDecimal((m) => m.avgEntryPrice),
  },
  {
    id: 'mark', header: 'Mark', description: 'Yes price the open position is valued at: the last fill, or the settlement value', width: '9ch', align: 'end', numeric: true,
    text: (m) => formatPriceDollars(m.mark), exact: (m) => m.mark, title: (m) => (m.markSource === 'settlement' ? 'Settlement value' : m.markSource === 'last-fill' ? 'Last fill price' : m.markSource === 'external' ? 'Outside mark' : undefined),
    compare: byDecimal((m) => m.mark),
  },
  money('realized', 'Realized', 'Realized P&L, gross of fees: closed contracts and settlements'),
  money('unrealized', 'Unrealized', 'Open position × mark − its cost'),
  {
    id: 'fees', header: 'Fees', description: 'Fees paid: as the exchange reported them; "est." marks ones estimated with Kalshi\'s taker formula', width: '13ch', align: 'end', numeric: true,
    text: (m) => formatFeeAmount(m.fees) + (feeEstimate(m.fees, m.estimatedFees) === 'none' ? '' : ' est.'), exact: (m) => m.fees,
    tone: (m) => (feeEstimate(m.fees, m.estimatedFees) === 'none' ? undefined : 'pnl-estimated'), title: (m) => feeTitle(m.fees, m.estimatedFees), compare: byDecimal((m) => m.fees),
  },
  money('net', 'Net', 'Realized + unrealized − fees'),
  { id: 'fills', header: 'Fills', description: 'Fills booked in this market', width: '6ch', align: 'end', numeric: true, text: (m) => String(m.fills), compare: (a, b) => a.fills - b.fills },
  {
    id: 'settlement', header: 'Settled', description: 'What the market resolved to, and the payout', width: null, align: 'start', numeric: false,
    text: (m) => (m.settlement === null ? '' : `${formatSettlementResult(m.settlement)}${payoutDiffers(m.settlement) ? ' ≠ payout' : ''}`),
    tone: (m) => (m.settlement !== null && payoutDiffers(m.settlement) ? 'pnl-warn' : undefined),
    title: (m) => settlementTitle(m), compare: byText((m) => (m.settlement === null ? '' : m.settlement.result)),
  },
];

function positionDiffers(m: MarketPosition): boolean {
  return m.serverPosition !== null && m.settlement === null && cmp(parse(m.serverPosition), parse(m.position)) !== 0;
}

function settlementTitle(m: MarketPosition): string | undefined {
  const s = m.settlement;
  if (s === null) return undefined;
  const paid = s.reportedPayout === null ? 'no payout reported' : `Kalshi paid $${s.reportedPayout} after a $${s.fee} fee`;
  return `Settled ${formatSettlementResult(s)} at $${s.yesValue} per Yes; ${s.position} Yes held should pay $${s.grossPayout} before fees; ${paid}`;
}
