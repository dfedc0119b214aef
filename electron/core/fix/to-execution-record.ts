// to-execution-record.ts — a typed ExecutionReport flattened into the ExecutionRecord the journal
// stores and the app shows (shared/records/execution-record.ts). Decimal strings pass through as is.
import type { ExecutionReport } from './execution-report.ts';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';

export function toExecutionRecord(er: ExecutionReport): ExecutionRecord {
  return {
    execId: er.execId,
    orderId: er.orderId,
    clOrdId: er.clOrdId,
    origClOrdId: er.origClOrdId ?? null,
    symbol: er.symbol,
    side: er.side,
    execType: er.execType,
    ordStatus: er.ordStatus,
    lastQty: er.lastQty ?? null,
    lastPx: er.lastPx ?? null,
    cumQty: er.cumQty,
    leavesQty: er.leavesQty,
    avgPx: er.avgPx,
    transactTime: er.transactTime ?? null,
    seqNum: er.msgSeqNum,
    possDup: er.possDup,
    fee: er.fee ?? null,
    text: er.text ?? null,
  };
}
