// order-to-trade.ts — rule 5: many orders or cancels with few fills in a sliding window per account
// (a layering / spoofing indicator). Orders are New (0) and Replaced (5) acks, cancels are Canceled
// (4) reports, fills are Trades (F). The condition: at least minOrders orders and more than
// maxOrdersPerFill orders per fill, or at least minCancels cancels that are at least maxCancelPercent
// of the orders, all within windowSeconds. Episode: the account; it opens when the condition first
// holds and ends when an execution finds it no longer holding.
// The window is event time, kept monotone per account (a late report counts as of the newest time
// seen), in one bounded ring per kind: push, drop what fell out, compare counts: O(1) per event.
import type { OrderToTradeParams } from '../../../../shared/surveillance/rules-document.ts';
import { Episodes } from '../episodes.ts';
import { Ring } from '../ring.ts';
import { accountSet, type Rule } from '../rule.ts';

interface Mark {
  readonly at: number;
  readonly execId: string;
  readonly orderId: string;
}

interface Window {
  readonly orders: Ring<Mark>;
  readonly cancels: Ring<Mark>;
  readonly fills: Ring<Mark>;
  newest: number;
}

/** Per kind and account; past it the oldest are forgotten (counts then understate a flood, never invent one). */
const CAPACITY = 200_000;
/** Executions cited in an alert, newest first. */
const CITED = 20;

export function orderToTradeRule(p: OrderToTradeParams): Rule {
  const windowMs = p.windowSeconds * 1000;
  const windows = new Map<string, Window>();
  const episodes = new Episodes();

  function windowOf(account: string): Window {
    let w = windows.get(account);
    if (w === undefined) {
      w = { orders: new Ring(CAPACITY), cancels: new Ring(CAPACITY), fills: new Ring(CAPACITY), newest: Number.NEGATIVE_INFINITY };
      windows.set(account, w);
    }
    return w;
  }

  return {
    id: 'order-to-trade',
    accounts: accountSet(p.accounts),
    execution(input, _facts, raise) {
      const r = input.record;
      const kind = r.execType === '0' || r.execType === '5' ? 'orders' : r.execType === '4' ? 'cancels' : r.execType === 'F' ? 'fills' : undefined;
      if (kind === undefined) return;
      const w = windowOf(input.accountId);
      w.newest = Math.max(w.newest, input.eventAt);
      w[kind].push({ at: w.newest, execId: r.execId, orderId: r.orderId });
      const from = w.newest - windowMs;
      dropBefore(w.orders, from);
      dropBefore(w.cancels, from);
      dropBefore(w.fills, from);
      const orders = w.orders.size;
      const cancels = w.cancels.size;
      const fills = w.fills.size;
      const tooManyOrders = orders >= p.minOrders && orders > p.maxOrdersPerFill * fills;
      const tooManyCancels = cancels >= p.minCancels && cancels * 100 >= p.maxCancelPercent * orders;
      if (!tooManyOrders && !tooManyCancels) {
        if (episodes.size > 0) episodes.end(input.accountId);
        return;
      }
      const episodeKey = episodes.begin(input.accountId, r.execId);
      if (episodeKey === undefined) return;
      const cited = [...w.cancels.newest(CITED / 2), ...w.orders.newest(CITED / 2)].sort((a, b) => b.at - a.at).slice(0, CITED);
      const perFill = fills === 0 ? 'no fill' : `${Math.floor(orders / fills)} orders per fill`;
      const cancelled = orders === 0 ? '' : `, ${Math.floor((cancels * 100) / orders)}% of the orders cancelled`;
      raise({
        severity: p.severity, accountIds: [input.accountId], market: null, raisedAt: input.eventAt, episodeKey,
        title: tooManyCancels ? 'Cancel storm' : 'High order-to-trade ratio',
        text: `${input.accountId} sent ${count(orders, 'order')} and ${count(cancels, 'cancel')} against ${count(fills, 'fill')} within ${p.windowSeconds} s (${perFill}${cancelled}).`,
        evidence: {
          executions: cited.map((m) => ({ accountId: input.accountId, execId: m.execId })),
          orderIds: [...new Set(cited.map((m) => m.orderId))],
          note: `The newest ${cited.length} orders and cancels of the window are cited.`,
        },
      });
    },
  };
}

function dropBefore(ring: Ring<Mark>, from: number): void {
  for (let m = ring.peek(); m !== undefined && m.at <= from; m = ring.peek()) ring.shift();
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
