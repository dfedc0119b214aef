// er-invariants.ts — an independent re-reading of an ExecutionReport stream, as a consumer would do
// it: parses the decimal strings into exact integers and checks every rule the stream promises
// (ExecIDs increasing, CumQty/LeavesQty/AvgPx per order, ClOrdID chains, running positions, cash
// bounds). Written against the wire text only, never against the generator's internals.
import assert from 'node:assert/strict';
import { Tag } from '../../../shared/fix/tags.ts';

export interface FieldSource {
  get(tag: number): string | undefined;
}

/** Wraps a body field list so it reads like a decoded message. */
export function fromBody(body: ReadonlyArray<readonly [number, string | number]>): FieldSource {
  const map = new Map<number, string>();
  for (const [tag, value] of body) if (!map.has(tag)) map.set(tag, String(value));
  return { get: (tag) => map.get(tag) };
}

/** '2.5' or '-1.70' → integer in units of 10^-dp; rejects more digits than dp. */
export function scaled(text: string | undefined, dp: number): number {
  assert.ok(text !== undefined, 'missing decimal field');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  assert.ok(m !== null, `not a decimal: ${text}`);
  const fraction = m[3] ?? '';
  assert.ok(fraction.length <= dp, `${text} has more than ${dp} decimals`);
  const n = Number(m[2]! + fraction.padEnd(dp, '0'));
  return m[1] === '-' ? -n : n;
}

function execIdTuple(id: string): [number, number] {
  const m = /^(\d+);(\d+)$/.exec(id);
  assert.ok(m !== null, `ExecID ${id} is not clock;event`);
  return [Number(m[1]), Number(m[2])];
}

export interface StreamSummary {
  kinds: Map<string, number>;
  fractionalQty: number;
  subpennyPrices: number;
  rejectTexts: Set<string>;
}

/**
 * Throws on the first broken rule. `units` says how prices are written: dollars (4 dp) or cents.
 * Position checks need the whole stream from its start.
 */
export function checkStream(reports: readonly FieldSource[], units: 'dollars' | 'cents'): StreamSummary {
  const pxDp = units === 'dollars' ? 4 : 2; // both give pips (1/10 000 $) as the integer unit
  const orders = new Map<string, { clOrdId: string; cum: number; notional: number; done: boolean }>();
  const positions = new Map<string, { long: number; short: number }>();
  const summary: StreamSummary = { kinds: new Map(), fractionalQty: 0, subpennyPrices: 0, rejectTexts: new Set() };
  let previous: [number, number] | undefined;

  for (const r of reports) {
    const get = (tag: number): string => {
      const v = r.get(tag);
      assert.ok(v !== undefined, `tag ${tag} missing in ExecID ${r.get(Tag.ExecID) ?? '?'}`);
      return v;
    };
    const execId = execIdTuple(get(Tag.ExecID));
    if (previous !== undefined) {
      assert.ok(execId[0] > previous[0] || (execId[0] === previous[0] && execId[1] > previous[1]), `ExecID ${execId.join(';')} not after ${previous.join(';')}`);
    }
    previous = execId;

    const execType = get(Tag.ExecType);
    const ordStatus = get(Tag.OrdStatus);
    const orderId = get(Tag.OrderID);
    const clOrdId = get(Tag.ClOrdID);
    const orderQty = scaled(get(Tag.OrderQty), 2);
    const cum = scaled(get(Tag.CumQty), 2);
    const leaves = scaled(get(Tag.LeavesQty), 2);
    const price = scaled(get(Tag.Price), pxDp);
    if (orderQty % 100 !== 0) summary.fractionalQty++;
    if (price % 100 !== 0) summary.subpennyPrices++;
    if (units === 'dollars') assert.match(get(Tag.Price), /^0\.\d{4}$/);
    assert.ok(price > 0 && price < 10_000, `price ${price} outside (0, $1)`);
    const kind = execType === 'F' ? (ordStatus === '2' ? 'fill' : 'partial-fill') : execType;
    summary.kinds.set(kind, (summary.kinds.get(kind) ?? 0) + 1);

    if (execType === '8') {
      assert.equal(ordStatus, '8');
      assert.ok(!orders.has(orderId), 'a reject reuses a live OrderID');
      assert.match(get(Tag.OrdRejReason), /^(1|2|3|4|6|8|11|13|15|99)$/);
      summary.rejectTexts.add(get(Tag.Text));
      assert.equal(cum, 0);
      assert.equal(leaves, 0);
      continue;
    }
    if (execType === '0') {
      assert.ok(!orders.has(orderId), `New for an OrderID already seen: ${orderId}`);
      orders.set(orderId, { clOrdId, cum: 0, notional: 0, done: false });
    }
    const order = orders.get(orderId);
    assert.ok(order !== undefined, `report for unknown order ${orderId}`);
    assert.ok(!order.done, `report after the order was done: ${orderId}`);
    if (execType === '5' || (execType === '4' && r.get(Tag.OrigClOrdID) !== undefined)) {
      assert.equal(get(Tag.OrigClOrdID), order.clOrdId, 'OrigClOrdID(41) must be the previous ClOrdID');
      assert.notEqual(clOrdId, order.clOrdId, 'a replace/cancel request gets a new ClOrdID');
      order.clOrdId = clOrdId;
    } else {
      assert.equal(clOrdId, order.clOrdId);
    }

    if (execType === 'F') {
      const lastQty = scaled(get(Tag.LastQty), 2);
      const lastPx = scaled(get(Tag.LastPx), pxDp);
      assert.ok(lastQty > 0);
      order.cum += lastQty;
      order.notional += lastQty * lastPx;
      // Position after the trade, netting Yes against No.
      const symbol = get(Tag.Symbol);
      const pos = positions.get(symbol) ?? { long: 0, short: 0 };
      const buy = get(Tag.Side) === '1';
      const closing = Math.min(lastQty, buy ? pos.short : pos.long);
      if (buy) {
        pos.short -= closing;
        pos.long += lastQty - closing;
      } else {
        pos.long -= closing;
        pos.short += lastQty - closing;
      }
      positions.set(symbol, pos);
      assert.equal(scaled(get(Tag.LongQty), 2), pos.long, `LongQty(704) in ${symbol}`);
      assert.equal(scaled(get(Tag.ShortQty), 2), pos.short, `ShortQty(705) in ${symbol}`);
      // Cash: revenue in micro-dollars, then 1704 = floor to $0.0001 of (revenue − fee).
      const revenueMicro = buy ? closing * (10_000 - lastPx) - (lastQty - closing) * lastPx : closing * lastPx - (lastQty - closing) * (10_000 - lastPx);
      const fee = scaled(get(Tag.MiscFeeAmt), 4);
      const change = scaled(get(Tag.CollateralAmountChange), 4);
      assert.ok(fee > 0, 'every fill pays a fee');
      const exactMicro = revenueMicro - fee * 100;
      assert.ok(change * 100 <= exactMicro && exactMicro < change * 100 + 100, `1704 ${change} is not floor(${exactMicro}/100)`);
      assert.equal(get(Tag.NoMiscFees), '1');
      assert.equal(get(Tag.MiscFeeCurr), 'USD');
      assert.equal(get(Tag.CollateralAmountType), 'BALANCE');
      assert.match(get(Tag.TrdMatchID), /^[0-9a-f-]{36}$/);
      assert.match(get(Tag.AggressorIndicator), /^[YN]$/);
      assert.match(get(Tag.ClearingBusinessDate), /^\d{8}$/);
    }
    assert.equal(cum, order.cum, `CumQty of ${orderId}`);
    const avg = get(Tag.AvgPx);
    if (order.cum === 0) assert.equal(avg, '0');
    else {
      // AvgPx = Σ qty·px / CumQty, rounded half up to the price unit.
      const expected = Math.floor((2 * order.notional + order.cum) / (2 * order.cum));
      assert.equal(scaled(avg, pxDp), expected, `AvgPx of ${orderId}`);
    }
    const terminal = ordStatus === '2' || ordStatus === '4';
    if (terminal) {
      assert.equal(leaves, 0);
      order.done = true;
    }
    assert.equal(orderQty, cum + leaves, `OrderQty = CumQty + LeavesQty for ${orderId}`);
    const expectedStatus = execType === 'F' ? (leaves === 0 ? '2' : '1') : execType;
    assert.equal(ordStatus, expectedStatus, `OrdStatus after ExecType ${execType}`);
  }
  return summary;
}
