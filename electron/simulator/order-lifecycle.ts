// order-lifecycle.ts — the simulated account's order book: which orders are live, what happens to one
// next (ack, partial fill, fill, cancel, replace, reject) and the running position per market. Emits
// abstract reports in exact integers; never assigns ExecIDs or timestamps (er-generator.ts does) and
// never writes FIX (er-render.ts does).
import { applyFill } from './fees.ts';
import type { Position } from './fees.ts';
import { drift, limitPriceNear, roundToTick, tickAt } from './markets.ts';
import type { Market } from './markets.ts';
import type { SeededRandom } from './prng.ts';
import { divRoundHalfUp } from './scaled-decimal.ts';

export type ReportKind = 'new' | 'trade' | 'cancel' | 'replace' | 'reject';

export interface OrderView {
  readonly orderId: string;
  readonly clOrdId: string;
  readonly origClOrdId: string | undefined;
  readonly side: 'buy' | 'sell';
  readonly symbol: string;
  /** Qty units (hundredths of a contract). */
  readonly orderQty: number;
  readonly pricePips: number;
  readonly cumQty: number;
  readonly leavesQty: number;
  /** Average fill price in pips, rounded half up; 0 before any fill. */
  readonly avgPxPips: number;
}

export interface TradeView {
  readonly lastQty: number;
  readonly lastPxPips: number;
  readonly trdMatchId: string;
  /** True = this account was the taker (AggressorIndicator Y). */
  readonly aggressor: boolean;
  readonly position: Position;
  readonly feePips: number;
  readonly balanceChangePips: number;
}

/** One report before ExecID/time are attached. ExecType/OrdStatus are FIX codes (§4.1). */
export interface AbstractReport {
  readonly kind: ReportKind;
  readonly execType: '0' | 'F' | '4' | '5' | '8';
  readonly ordStatus: '0' | '1' | '2' | '4' | '5' | '8';
  readonly order: OrderView;
  readonly trade?: TradeView;
  readonly reject?: { readonly ordRejReason: number; readonly text: string };
  /** Reason on a system cancel (self-trade prevention, IOC remainder, …). */
  readonly text?: string;
}

interface LiveOrder {
  readonly orderId: string;
  clOrdId: string;
  readonly side: 'buy' | 'sell';
  readonly market: Market;
  orderQty: number;
  pricePips: number;
  cumQty: number;
  /** Σ lastQty·lastPx, to derive AvgPx exactly. */
  notional: number;
}

/** Kalshi reject texts (kalshi-fix.md §4.1) with the OrdRejReason(103) we pair them with. */
const REJECTS: ReadonlyArray<readonly [text: string, ordRejReason: number]> = [
  ['INSUFFICIENT_BALANCE', 3],
  ['MARKET_NOT_FOUND', 1],
  ['MARKET_ALREADY_CLOSED', 2],
  ['MARKET_INACTIVE', 2],
  ['TRADING_PAUSED', 2],
  ['EXCHANGE_PAUSED', 2],
  ['ORDER_ALREADY_EXISTS', 6],
  ['EXCEEDED_PER_MARKET_RISK_LIMIT', 3],
  ['EXCEEDED_ORDER_GROUP_RISK_LIMIT', 3],
  ['EXCEEDED_SELL_POSITION_FLOOR', 3],
  ['INVALID_ORDER', 99],
  ['ORDER_GROUP_NOT_FOUND', 99],
  ['CUSTOMER_ACCOUNT_NOT_FOUND', 15],
  ['INTERNAL_ERROR', 99],
];

/** Texts Kalshi reports as ExecType=4 (canceled by the system), not as a reject. */
const SYSTEM_CANCEL_TEXTS = ['SELF_CROSS_ATTEMPT', 'MAKER_CANCEL_FOR_SELF_TRADE_PREVENTION', 'ORDER_GROUP_CANCEL', 'IMMEDIATE_OR_CANCELLED'] as const;

const MAX_LIVE_ORDERS = 40;

/** How often each action is picked (relative weights); 'default' is a plausible desk, 'cancel-storm' a layering bot. */
export type OrderMix = 'default' | 'cancel-storm';
const MIXES: Readonly<Record<OrderMix, { new: number; reject: number; trade: number; cancel: number; replace: number; systemCancel: number }>> = {
  default: { new: 6, reject: 1, trade: 10, cancel: 2, replace: 2, systemCancel: 1 },
  // Mostly orders and their cancels, a fill now and then (issue 13's order-to-trade rule).
  'cancel-storm': { new: 10, reject: 0, trade: 1, cancel: 9, replace: 0, systemCancel: 0 },
};

export class OrderLifecycle {
  readonly #rng: SeededRandom;
  readonly #markets: readonly Market[];
  readonly #live: LiveOrder[] = [];
  readonly #positions = new Map<string, Position>();
  #clOrdCounter = 0;
  readonly #mix: (typeof MIXES)[OrderMix];

  constructor(rng: SeededRandom, markets: readonly Market[], mix: OrderMix = 'default') {
    this.#rng = rng;
    this.#markets = markets;
    this.#mix = MIXES[mix];
  }

  get liveOrderCount(): number {
    return this.#live.length;
  }

  positionOf(symbol: string): Position {
    return this.#positions.get(symbol) ?? { long: 0, short: 0 };
  }

  next(): AbstractReport {
    const rng = this.#rng;
    const hasLive = this.#live.length > 0;
    const canOpen = this.#live.length < MAX_LIVE_ORDERS;
    const mix = this.#mix;
    const action = rng.weighted({
      new: canOpen ? mix.new : 0,
      reject: mix.reject,
      trade: hasLive ? mix.trade : 0,
      cancel: hasLive ? mix.cancel : 0,
      replace: hasLive ? mix.replace : 0,
      systemCancel: hasLive ? mix.systemCancel : 0,
    });
    switch (action) {
      case 'new':
        return this.#newOrder();
      case 'reject':
        return this.#reject();
      case 'trade':
        return this.#trade(this.#pickLive());
      case 'cancel':
        return this.#cancel(this.#pickLive(), undefined);
      case 'replace':
        return this.#replace(this.#pickLive());
      case 'systemCancel':
        return this.#cancel(this.#pickLive(), rng.pick(SYSTEM_CANCEL_TEXTS));
    }
  }

  #pickLive(): LiveOrder {
    return this.#rng.pick(this.#live);
  }

  #nextClOrdId(): string {
    this.#clOrdCounter += 1;
    return `cl-${String(this.#clOrdCounter).padStart(6, '0')}`;
  }

  /** Mostly whole contracts, sometimes halves (2.50) or any 0.01 granularity (fractional trading). */
  #orderQty(): number {
    const kind = this.#rng.weighted({ whole: 7, half: 2, any: 1 });
    if (kind === 'whole') return this.#rng.int(1, 50) * 100;
    if (kind === 'half') return this.#rng.int(1, 40) * 50;
    return this.#rng.int(1, 2500);
  }

  #draftOrder(): LiveOrder {
    const rng = this.#rng;
    const market = rng.pick(this.#markets);
    drift(rng, market);
    const side = rng.chance(55) ? 'buy' : 'sell';
    return {
      orderId: rng.uuid(),
      clOrdId: this.#nextClOrdId(),
      side,
      market,
      orderQty: this.#orderQty(),
      pricePips: limitPriceNear(rng, market, side),
      cumQty: 0,
      notional: 0,
    };
  }

  #newOrder(): AbstractReport {
    const order = this.#draftOrder();
    this.#live.push(order);
    return { kind: 'new', execType: '0', ordStatus: '0', order: view(order, undefined) };
  }

  #reject(): AbstractReport {
    const order = this.#draftOrder();
    const [text, ordRejReason] = this.#rng.pick(REJECTS);
    return {
      kind: 'reject',
      execType: '8',
      ordStatus: '8',
      order: { ...view(order, undefined), leavesQty: 0 },
      reject: { ordRejReason, text },
    };
  }

  #trade(order: LiveOrder): AbstractReport {
    const rng = this.#rng;
    const leaves = order.orderQty - order.cumQty;
    // Whole-order fills, whole-contract partials and odd fractional partials all occur.
    let lastQty = leaves;
    if (leaves > 1 && !rng.chance(40)) {
      lastQty = leaves > 200 && rng.chance(70) ? rng.int(1, Math.floor((leaves - 1) / 100)) * 100 : rng.int(1, leaves - 1);
    }
    const aggressor = rng.chance(40);
    // A taker can trade at its limit or better; a maker trades at its own limit.
    let lastPxPips = order.pricePips;
    if (aggressor) {
      const improve = rng.int(0, 2) * tickAt(order.pricePips, order.market.structure);
      lastPxPips = roundToTick(order.side === 'buy' ? order.pricePips - improve : order.pricePips + improve, order.market.structure);
    }
    const symbol = order.market.ticker;
    const money = applyFill(this.positionOf(symbol), order.side, lastQty, lastPxPips, aggressor);
    this.#positions.set(symbol, money.position);
    order.cumQty += lastQty;
    order.notional += lastQty * lastPxPips;
    const filled = order.cumQty === order.orderQty;
    if (filled) this.#remove(order);
    return {
      kind: 'trade',
      execType: 'F',
      ordStatus: filled ? '2' : '1',
      order: view(order, undefined),
      trade: { lastQty, lastPxPips, trdMatchId: rng.uuid(), aggressor, ...money },
    };
  }

  /** A user cancel gets a new ClOrdID (41 = the old one); a system cancel keeps it and says why in 58. */
  #cancel(order: LiveOrder, systemText: string | undefined): AbstractReport {
    const origClOrdId = systemText === undefined ? order.clOrdId : undefined;
    if (systemText === undefined) order.clOrdId = this.#nextClOrdId();
    this.#remove(order);
    const base = { ...view(order, origClOrdId), leavesQty: 0 };
    return systemText === undefined
      ? { kind: 'cancel', execType: '4', ordStatus: '4', order: base }
      : { kind: 'cancel', execType: '4', ordStatus: '4', order: base, text: systemText };
  }

  #replace(order: LiveOrder): AbstractReport {
    const rng = this.#rng;
    const origClOrdId = order.clOrdId;
    order.clOrdId = this.#nextClOrdId();
    const change = rng.weighted({ price: 2, qty: 1, both: 1 });
    if (change !== 'qty') {
      drift(rng, order.market);
      order.pricePips = limitPriceNear(rng, order.market, order.side);
    }
    if (change !== 'price') order.orderQty = order.cumQty + this.#orderQty();
    return { kind: 'replace', execType: '5', ordStatus: '5', order: view(order, origClOrdId) };
  }

  #remove(order: LiveOrder): void {
    const i = this.#live.indexOf(order);
    if (i >= 0) this.#live.splice(i, 1);
  }
}

function view(order: LiveOrder, origClOrdId: string | undefined): OrderView {
  return {
    orderId: order.orderId,
    clOrdId: order.clOrdId,
    origClOrdId,
    side: order.side,
    symbol: order.market.ticker,
    orderQty: order.orderQty,
    pricePips: order.pricePips,
    cumQty: order.cumQty,
    leavesQty: order.orderQty - order.cumQty,
    avgPxPips: order.cumQty === 0 ? 0 : divRoundHalfUp(order.notional, order.cumQty),
  };
}
