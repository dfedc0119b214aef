// fill-from-execution.ts — the bridge from a recorded execution to the ledger's Fill: only Trades
// (150=F) with a quantity and price move positions; acks, cancels, replaces and rejects do not.
import type { PriceUnit } from '../../../shared/money.ts';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import type { StoredTrade } from '../journal/index.ts';
import type { Fill } from '../../../shared/positions/fill.ts';

export function fillFromExecution(record: ExecutionRecord, priceUnit: PriceUnit): Fill | undefined {
  if (record.execType !== 'F' || record.lastQty === null || record.lastPx === null) return undefined;
  if (record.side !== '1' && record.side !== '2') return undefined;
  return {
    execId: record.execId,
    symbol: record.symbol,
    side: record.side,
    lastQty: record.lastQty,
    lastPx: record.lastPx,
    priceUnit,
    fee: record.fee ?? undefined,
    transactTime: record.transactTime ?? undefined,
  };
}

/** A journal trade row (already filtered to Trades) as a Fill, in the price unit stored with it. */
export function fillFromTrade(trade: StoredTrade): Fill | undefined {
  if (trade.side !== '1' && trade.side !== '2') return undefined;
  return {
    execId: trade.execId,
    symbol: trade.symbol,
    side: trade.side,
    lastQty: trade.lastQty,
    lastPx: trade.lastPx,
    priceUnit: trade.priceUnit,
    fee: trade.fee ?? undefined,
    transactTime: trade.eventAt,
    balanceDelta: trade.balanceChange ?? undefined,
  };
}
