// execution-record.ts — the flat record of one ExecutionReport: what the journal stores per execution,
// the recorder writes (one JSON line each) and the app shows. Prices and quantities stay decimal
// strings. Plain data, shared by the engine and the renderer.

/** Side(54): Kalshi quotes every order on the Yes contract (kalshi-fix.md §4.1): 1 buys Yes, 2 sells Yes. */
export const SIDES = ['1', '2'] as const;
export type Side = (typeof SIDES)[number];
/** ExecType(150) values Kalshi documents (§4.1): New, Canceled, Replaced, PendingCancel, Rejected, PendingNew, Expired, PendingReplace, Trade. */
export const EXEC_TYPES = ['0', '4', '5', '6', '8', 'A', 'C', 'E', 'F'] as const;
export type ExecType = (typeof EXEC_TYPES)[number];
/** OrdStatus(39) values Kalshi documents (§4.1), the order's state after the event. */
export const ORD_STATUSES = ['0', '1', '2', '4', '5', '6', '8', 'A', 'C', 'E'] as const;
export type OrdStatus = (typeof ORD_STATUSES)[number];

export interface ExecutionRecord {
  readonly execId: string;
  readonly orderId: string;
  readonly clOrdId: string;
  readonly origClOrdId: string | null;
  readonly symbol: string;
  readonly side: Side;
  readonly execType: ExecType;
  readonly ordStatus: OrdStatus;
  readonly lastQty: string | null;
  readonly lastPx: string | null;
  readonly cumQty: string;
  readonly leavesQty: string;
  readonly avgPx: string;
  readonly transactTime: string | null;
  readonly msgSeqNum: number;
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
