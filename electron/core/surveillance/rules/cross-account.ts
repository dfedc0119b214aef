// cross-account.ts — rule 4: two watched accounts on both sides of one trade: the same TrdMatchID(880)
// on fills of two accounts, or opposite fills (one buys, the other sells Yes) in the same market at the
// same price within oppositeWithinSeconds of each other: a wash-trade indicator.
// Episode: the pair of accounts in one market; it ends after quietSeconds without another such match
// (by event time), so a day of crossing is one alert, not one per fill. The alert cites the match that
// opened the episode. Memory is bounded: the last MATCH_IDS trade ids, and per market and price the
// last LEGS_PER_PRICE fills inside the window. Trade ids are remembered once a second account has
// traded (a lone account has no counterpart, and the memory costs every fill: measured, it is most of
// this rule's cost); before that, a pair's first trades are still found by price and time (both sides
// carry one price and one TransactTime), unless the window is off, and then ids are always remembered.
import type { Decimal } from '../../../../shared/decimal.ts';
import type { CrossAccountParams } from '../../../../shared/surveillance/rules-document.ts';
import { contracts, usd } from '../format.ts';
import { Ring } from '../ring.ts';
import { accountSet, type RaiseAlert, type Rule } from '../rule.ts';
import type { ExecutionInput } from '../surveillance-input.ts';

interface Leg {
  readonly accountId: string;
  readonly execId: string;
  readonly orderId: string;
  readonly side: '1' | '2';
  readonly eventAt: number;
  readonly qty: Decimal;
  readonly price: Decimal;
  readonly trdMatchId: string | null;
}

/**
 * Trade ids remembered: both listeners get a trade at once, so its other side is committed within
 * moments. A larger map costs every fill (measured on two accounts: 4,096 ids +0.9 µs per ER, 1,024
 * +0.4 µs). A counterparty whose fills come back much later (a long resend) is found only by price
 * and time, while the other side is still in that window.
 */
const MATCH_IDS = 1_024;
const LEGS_PER_PRICE = 64;

export function crossAccountRule(p: CrossAccountParams): Rule {
  const windowMs = p.oppositeWithinSeconds * 1000;
  const quietMs = p.quietSeconds * 1000;
  // A Map iterates in insertion order, so its first key is the oldest: no second queue is needed.
  const byMatchId = new Map<string, Leg>();
  // Per market, per price (micro-dollars as a number: a cheap key), the fills inside the window.
  const byPrice = new Map<string, Map<number, Ring<Leg>>>();
  const episodes = new Map<string, number>(); // pair/market → time of its last match
  const traders = new Set<string>(); // accounts seen trading, until there are two

  function matched(first: Leg, second: Leg, symbol: string, how: string, input: ExecutionInput, raise: RaiseAlert): void {
    const [a, b] = [first.accountId, second.accountId].sort() as [string, string];
    const key = `${a}+${b}/${symbol}`;
    const at = Math.max(first.eventAt, second.eventAt);
    const last = episodes.get(key);
    episodes.set(key, last === undefined ? at : Math.max(last, at));
    if (last !== undefined && at - last <= quietMs) return;
    // Legs in account order, so the alert reads the same whichever account's commit came first.
    const [x, y] = first.accountId <= second.accountId ? [first, second] : [second, first];
    raise({
      severity: p.severity, accountIds: [a, b], market: symbol, raisedAt: input.eventAt, episodeKey: `${key}@${second.execId}`,
      title: 'Cross-account trade',
      text: `${x.accountId} ${verb(x)} and ${y.accountId} ${verb(y)} in ${symbol}, ${how}: a possible wash trade.`,
      evidence: {
        executions: [x, y].map((l) => ({ accountId: l.accountId, execId: l.execId })),
        orderIds: [x.orderId, y.orderId],
      },
    });
  }

  return {
    id: 'cross-account',
    accounts: accountSet(p.accounts),
    execution(input, facts, raise) {
      const t = facts.trade;
      if (t === null) return;
      const r = input.record;
      const leg: Leg = { accountId: input.accountId, execId: r.execId, orderId: r.orderId, side: r.side, eventAt: input.eventAt, qty: t.qty, price: t.price, trdMatchId: input.trdMatchId };
      if (traders.size < 2) traders.add(input.accountId);
      if (p.sameTradeMatchId && input.trdMatchId !== null && (traders.size >= 2 || windowMs === 0)) {
        const other = byMatchId.get(input.trdMatchId);
        if (other !== undefined && other.accountId !== leg.accountId) {
          byMatchId.delete(input.trdMatchId);
          matched(other, leg, r.symbol, `one trade (TrdMatchID ${input.trdMatchId})`, input, raise);
        } else if (other === undefined) {
          if (byMatchId.size >= MATCH_IDS) byMatchId.delete(byMatchId.keys().next().value!);
          byMatchId.set(input.trdMatchId, leg);
        }
      }
      if (windowMs === 0) return;
      let prices = byPrice.get(r.symbol);
      if (prices === undefined) byPrice.set(r.symbol, prices = new Map());
      const price = Number(t.price);
      let legs = prices.get(price);
      if (legs === undefined) prices.set(price, legs = new Ring<Leg>(LEGS_PER_PRICE));
      for (let old = legs.peek(); old !== undefined && leg.eventAt - old.eventAt > windowMs; old = legs.peek()) legs.shift();
      const other = legs.size === 0 ? undefined : legs.findNewest((l) => l.accountId !== leg.accountId && l.side !== leg.side && Math.abs(l.eventAt - leg.eventAt) <= windowMs);
      if (other !== undefined) {
        const seconds = Math.abs(leg.eventAt - other.eventAt) / 1000;
        const how = leg.trdMatchId !== null && other.trdMatchId === leg.trdMatchId ? `one trade (TrdMatchID ${leg.trdMatchId})` : `at the same price within ${seconds} s`;
        matched(other, leg, r.symbol, how, input, raise);
      }
      legs.push(leg);
    },
  };
}

function verb(l: Leg): string {
  return `${l.side === '1' ? 'bought' : 'sold'} ${contracts(l.qty)} Yes at ${usd(l.price)}`;
}
