// execution-record.ts — the flat record of one ExecutionReport: what the journal stores per execution,
// the recorder writes (one JSON line each) and the app shows. Prices and quantities stay decimal
// strings. Plain data, shared by the engine and the renderer.

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

/** Pending reports all carry ExecID "-1;-1" (kalshi-fix.md §4.1), so they need a wider key. */
export const PENDING_EXEC_ID = '-1;-1';

export function dedupeKey(record: Pick<ExecutionRecord, 'execId' | 'orderId' | 'execType' | 'transactTime'>): string {
  return record.execId === PENDING_EXEC_ID
    ? `${record.execId}|${record.orderId}|${record.execType}|${record.transactTime ?? ''}`
    : record.execId;
}
