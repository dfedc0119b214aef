// Test support for the positions tests: terse fill builders and the cash identity check.
import assert from 'node:assert/strict';
import { type Decimal, ZERO, add, mul, sub, toString } from '../../../shared/decimal.ts';
import type { Fill, Side } from '../../../shared/positions/fill.ts';
import type { MarketPnl } from '../../../shared/positions/market-ledger.ts';

let nextExec = 0;

/** A dollar-priced fill with a reported fee of 0 unless `extra` says otherwise. */
export function fill(symbol: string, side: Side, lastQty: string, lastPx: string, extra: Partial<Fill> = {}): Fill {
  nextExec++;
  return { execId: `9;${nextExec}`, symbol, side, lastQty, lastPx, priceUnit: 'dollars', fee: '0', ...extra };
}

export const buy = (symbol: string, qty: string, px: string, extra: Partial<Fill> = {}): Fill => fill(symbol, '1', qty, px, extra);
export const sell = (symbol: string, qty: string, px: string, extra: Partial<Fill> = {}): Fill => fill(symbol, '2', qty, px, extra);

/** Decimal (or null) → canonical text, so assertion failures read as dollars. */
export const t = (x: Decimal | null): string | null => (x === null ? null : toString(x));

/** cash + q·mark = realized + unrealized − fees, exactly. */
export function assertCashIdentity(m: MarketPnl): void {
  const markValue = m.mark === null ? ZERO : mul(m.position, m.mark, 6, 'trunc');
  assert.equal(
    t(add(m.cash, markValue)),
    t(sub(add(m.realized, m.unrealized), m.fees)),
    `cash identity for ${m.symbol}`,
  );
}
