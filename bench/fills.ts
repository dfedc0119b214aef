// fills.ts — turns a stored execution into what the positions book takes: only trades (150=F) with a
// LastQty and LastPx are fills; prices are dollars (Fillwatch logs on with 21005=Y). Pure.
import type { Fill } from '../shared/positions/fill.ts';
import type { ExecutionRecord } from '../electron/core/recorder/execution-record.ts';

export function toFill(record: ExecutionRecord): Fill | undefined {
  if (record.execType !== 'F' || record.lastQty === null || record.lastPx === null) return undefined;
  return {
    execId: record.execId,
    symbol: record.symbol,
    side: record.side === '2' ? '2' : '1',
    lastQty: record.lastQty,
    lastPx: record.lastPx,
    priceUnit: 'dollars',
    fee: record.fee ?? undefined,
    transactTime: record.transactTime ?? undefined,
  };
}
