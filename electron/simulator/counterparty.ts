// counterparty.ts — a simulated account that is the other side of every order and trade of another
// account on the same simulator (issue 13: two watched accounts trading against each other, a
// wash-trade scenario). It replays the other account's stream (same seed, markets and times) with each
// order's side flipped: the same market, price, quantity, TransactTime, ExecID and TrdMatchID, the
// other account's maker/taker flag reversed, and its own position, fee and balance change.
// Deterministic like every stream here; never touches sockets.
import { ExecutionReportGenerator, type GeneratedReport } from './er-generator.ts';
import { applyFill, type Position } from './fees.ts';

export class CounterpartyGenerator extends ExecutionReportGenerator {
  /** Built with the other account's options (its seed above all), so both streams line up report by report. */
  readonly #positions = new Map<string, Position>();

  override next(): GeneratedReport | undefined {
    const r = super.next();
    return r === undefined ? undefined : this.#mirror(r);
  }

  #mirror(r: GeneratedReport): GeneratedReport {
    const side = r.order.side === 'buy' ? 'sell' : 'buy';
    // Its own order ids: the same UUID with the first hex digit turned by 8, so they never coincide.
    const first = ((parseInt(r.order.orderId[0] ?? '0', 16) + 8) % 16).toString(16);
    const order = { ...r.order, side, orderId: `${first}${r.order.orderId.slice(1)}` } as const;
    const t = r.trade;
    if (t === undefined) return { ...r, order };
    const before = this.#positions.get(order.symbol) ?? { long: 0, short: 0 };
    const money = applyFill(before, side, t.lastQty, t.lastPxPips, !t.aggressor);
    this.#positions.set(order.symbol, money.position);
    return { ...r, order, trade: { ...t, aggressor: !t.aggressor, ...money } };
  }
}
