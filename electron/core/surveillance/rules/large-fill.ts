// large-fill.ts — rule 2: a fill (ExecType F) of at least fillContracts, or costing at least
// fillNotional, or an order (New 0 / Replaced 5 ack) of at least orderContracts (OrderQty = CumQty +
// LeavesQty) or orderNotional (at its limit Price(44)). "Costing" is what the bought side cost: qty × p
// for a buy, qty × (1 − p) for a sell (a No buy), the dollars at risk. A null threshold is off.
// Episode: the order. Its first large ack or fill raises one alert; its later ones do not; the
// episode ends when the order is done (filled, canceled, rejected, expired), which also frees it.
import { type Decimal, ONE, add, cmp, mul, parse, sub } from '../../../../shared/decimal.ts';
import { parsePrice } from '../../../../shared/money.ts';
import type { LargeFillParams } from '../../../../shared/surveillance/rules-document.ts';
import { contracts, usd } from '../format.ts';
import { accountSet, cite, type Rule } from '../rule.ts';
import type { ExecutionInput } from '../surveillance-input.ts';

const TERMINAL = new Set(['2', '4', '8', 'C']);

export function largeFillRule(p: LargeFillParams): Rule {
  const fillQty = optional(p.fillContracts);
  const fillCost = optional(p.fillNotional);
  const orderQty = optional(p.orderContracts);
  const orderCost = optional(p.orderNotional);
  // Per account, the orders that raised their alert and are not done yet (the open episodes).
  const open = new Map<string, Set<string>>();

  return {
    id: 'large-fill',
    accounts: accountSet(p.accounts),
    execution(input, facts, raise) {
      const r = input.record;
      let found: { title: string; text: string } | undefined;
      const t = facts.trade;
      if (t !== null && (atLeast(t.qty, fillQty) || atLeast(t.cost, fillCost))) {
        found = { title: 'Large fill', text: `${input.accountId} ${r.side === '1' ? 'bought' : 'sold'} ${contracts(t.qty)} Yes${r.side === '1' ? '' : ' (bought No)'} of ${r.symbol} at ${usd(t.price)}, ${usd(t.cost)} at cost, in one fill (order ${r.orderId}).` };
      } else if ((r.execType === '0' || r.execType === '5') && (orderQty !== null || orderCost !== null)) {
        found = largeOrder(input, orderQty, orderCost);
      }
      const orders = open.get(input.accountId);
      const done = TERMINAL.has(r.ordStatus);
      if (found !== undefined && orders?.has(r.orderId) !== true) {
        raise({ severity: p.severity, accountIds: [input.accountId], market: r.symbol, raisedAt: input.eventAt, episodeKey: `${input.accountId}/${r.orderId}@${r.execId}`, ...found, evidence: cite(input) });
        if (!done) {
          if (orders === undefined) open.set(input.accountId, new Set([r.orderId]));
          else orders.add(r.orderId);
        }
      } else if (done && orders !== undefined) {
        orders.delete(r.orderId);
      }
    },
  };
}

function largeOrder(input: ExecutionInput, qtyLimit: Decimal | null, costLimit: Decimal | null): { title: string; text: string } | undefined {
  const r = input.record;
  let qty: Decimal;
  let price: Decimal | null = null;
  try {
    qty = add(parse(r.cumQty), parse(r.leavesQty));
    if (input.price !== null) price = parsePrice(input.price, input.priceUnit);
  } catch {
    return undefined; // the journal stored it as received; a figure we cannot read raises nothing
  }
  const cost = price === null ? null : mul(qty, r.side === '1' ? price : sub(ONE, price), 6, 'half-even');
  if (!atLeast(qty, qtyLimit) && !(cost !== null && atLeast(cost, costLimit))) return undefined;
  const at = price === null ? '' : ` at ${usd(price)}${cost === null ? '' : ` (${usd(cost)} at cost)`}`;
  return { title: 'Large order', text: `${input.accountId} placed an order to ${r.side === '1' ? 'buy' : 'sell'} ${contracts(qty)} Yes of ${r.symbol}${at} (order ${r.orderId}).` };
}

function optional(text: string | null): Decimal | null {
  return text === null ? null : parse(text);
}

function atLeast(value: Decimal, limit: Decimal | null): boolean {
  return limit !== null && cmp(value, limit) >= 0;
}
