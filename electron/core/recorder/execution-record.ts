// execution-record.ts — the flat record of one ExecutionReport that the recorder writes (one JSON
// line each) and that later layers display. Prices and quantities stay decimal strings.
import type { ExecutionReport } from '../fix/execution-report.ts';

export interface ExecutionRecord {
  readonly execId: string;
  readonly orderId: string;
  readonly clOrdId: string;
  readonly origClOrdId: string | null;
  readonly symbol: string;
  readonly side: string;
  readonly execType: string;
  readonly ordStatus: string;
  readonly lastQty: string | null;
  readonly lastPx: string | null;
  readonly cumQty: string;
  readonly leavesQty: string;
  readonly avgPx: string;
  readonly transactTime: string | null;
  readonly seqNum: number;
  readonly possDup: boolean;
  readonly fee: string | null;
  readonly text: string | null;
}

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

/** Pending reports all carry ExecID "-1;-1" (kalshi-fix.md §4.1), so they need a wider key. */
export const PENDING_EXEC_ID = '-1;-1';

export function dedupeKey(record: Pick<ExecutionRecord, 'execId' | 'orderId' | 'execType' | 'transactTime'>): string {
  return record.execId === PENDING_EXEC_ID
    ? `${record.execId}|${record.orderId}|${record.execType}|${record.transactTime ?? ''}`
    : record.execId;
}
