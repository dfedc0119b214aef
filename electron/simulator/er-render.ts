// er-render.ts — writes one generated report as the body of an ExecutionReport (35=8): tag order and
// formats as in kalshi-fix.md §4.1/§7, prices in dollars (UseDollars 21005=Y) or in cents. Pure; never
// adds the header (the session does) and never decides what happens to an order.
import type { FieldList } from '../core/fix/encode.ts';
import { formatUtcTimestamp } from '../core/fix/time.ts';
import { Tag } from '../../shared/fix/tags.ts';
import type { GeneratedReport } from './er-generator.ts';
import { formatCentPrice, formatDollarPrice, formatMoney, formatQty } from './scaled-decimal.ts';

/** 'dollars' when the Logon had 21005=Y, else 'cents' (Kalshi's default). */
export type PriceUnits = 'dollars' | 'cents';

/** The Logon options that change how an ER is written. */
export interface RenderOptions {
  readonly units: PriceUnits;
  /** PreserveOriginalOrderQty(21008)=Y: tag 38 keeps the original qty after a cancel. */
  readonly preserveOriginalOrderQty: boolean;
}

const ET_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

/** ClearingBusinessDate(715): the Eastern calendar date of TransactTime, YYYYMMDD. */
export function clearingBusinessDate(epochMs: number): string {
  return ET_DATE.format(new Date(epochMs)).replaceAll('-', '');
}

/**
 * OrderQty(38) follows Kalshi's rule OrderQty = CumQty + LeavesQty (so a cancel shows the filled
 * part), unless the session asked for 21008=Y. A reject is the exception: nothing was ever open, so
 * 38 is the quantity that was asked for.
 */
export function renderExecutionReport(r: GeneratedReport, options: RenderOptions): FieldList {
  const px = options.units === 'dollars' ? formatDollarPrice : formatCentPrice;
  const o = r.order;
  const orderQty = r.kind === 'reject' || options.preserveOriginalOrderQty ? o.orderQty : o.cumQty + o.leavesQty;
  const body: Array<readonly [number, string]> = [
    [Tag.OrderID, o.orderId],
    [Tag.ClOrdID, o.clOrdId],
  ];
  if (o.origClOrdId !== undefined) body.push([Tag.OrigClOrdID, o.origClOrdId]);
  body.push(
    [Tag.ExecID, r.execId],
    [Tag.ExecType, r.execType],
    [Tag.OrdStatus, r.ordStatus],
    [Tag.Side, o.side === 'buy' ? '1' : '2'],
    [Tag.Symbol, o.symbol],
    [Tag.OrderQty, formatQty(orderQty)],
    [Tag.Price, px(o.pricePips)],
  );
  const t = r.trade;
  if (t !== undefined) body.push([Tag.LastQty, formatQty(t.lastQty)], [Tag.LastPx, px(t.lastPxPips)]);
  body.push(
    [Tag.CumQty, formatQty(o.cumQty)],
    [Tag.LeavesQty, formatQty(o.leavesQty)],
    // Kalshi writes a bare 0 before the first fill (§7 samples).
    [Tag.AvgPx, o.avgPxPips === 0 ? '0' : px(o.avgPxPips)],
    [Tag.TransactTime, formatUtcTimestamp(r.transactTimeMs)],
  );
  if (r.kind === 'replace') body.push([Tag.TimeInForce, '1']);
  if (r.reject !== undefined) body.push([Tag.OrdRejReason, String(r.reject.ordRejReason)], [Tag.Text, r.reject.text]);
  if (r.text !== undefined) body.push([Tag.Text, r.text]);
  if (t !== undefined) {
    body.push(
      [Tag.ClearingBusinessDate, clearingBusinessDate(r.transactTimeMs)],
      [Tag.TrdMatchID, t.trdMatchId],
      [Tag.AggressorIndicator, t.aggressor ? 'Y' : 'N'],
      [Tag.LongQty, formatQty(t.position.long)],
      [Tag.ShortQty, formatQty(t.position.short)],
      [Tag.NoMiscFees, '1'],
      [Tag.MiscFeeAmt, formatMoney(t.feePips)],
      [Tag.MiscFeeCurr, 'USD'],
      [Tag.MiscFeeType, '4'],
      [Tag.MiscFeeBasis, '0'],
      [Tag.NoCollateralAmountChanges, '1'],
      [Tag.CollateralAmountChange, formatMoney(t.balanceChangePips)],
      [Tag.CollateralAmountType, 'BALANCE'],
    );
  }
  return body;
}
