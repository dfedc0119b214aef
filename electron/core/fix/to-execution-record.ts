// to-execution-record.ts — a typed ExecutionReport flattened into the ExecutionRecord the journal
// stores and the app shows (shared/records/execution-record.ts). Decimal strings pass through as is.
import type { ExecutionReport, ExecutionReportView } from './execution-report.ts';
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

/**
 * The same record straight from a validated view: only the record's fields become strings (the
 * journal's hot path; toObject would also make every other field and the collateral entries).
 */
export function executionRecordOf(view: ExecutionReportView): ExecutionRecord {
  return {
    execId: view.execId,
    orderId: view.orderId,
    clOrdId: view.clOrdId,
    origClOrdId: view.origClOrdId ?? null,
    symbol: view.symbol,
    side: view.side,
    execType: view.execType,
    ordStatus: view.ordStatus,
    lastQty: view.lastQty ?? null,
    lastPx: view.lastPx ?? null,
    cumQty: view.cumQty,
    leavesQty: view.leavesQty,
    avgPx: view.avgPx,
    transactTime: view.transactTime ?? null,
    seqNum: view.msgSeqNum,
    possDup: view.possDup,
    fee: view.fee ?? null,
    text: view.text ?? null,
  };
}
