// to-execution-record.ts — a typed ExecutionReport flattened into the ExecutionRecord the journal
// stores and the app shows (shared/records/execution-record.ts). Decimal strings pass through as is.
import { DecodeError } from './errors.ts';
import { Tag } from '../../../shared/fix/tags.ts';
import { EXEC_TYPES, ORD_STATUSES, SIDES, type ExecutionRecord } from '../../../shared/records/execution-record.ts';

/** What the record reads: a typed ExecutionReport and its validated view both have these. */
export interface ExecutionRecordSource {
  readonly execId: string;
  readonly orderId: string;
  readonly clOrdId: string;
  readonly origClOrdId?: string | undefined;
  readonly symbol: string;
  readonly side: string;
  readonly execType: string;
  readonly ordStatus: string;
  readonly lastQty?: string | undefined;
  readonly lastPx?: string | undefined;
  readonly cumQty: string;
  readonly leavesQty: string;
  readonly avgPx: string;
  readonly transactTime?: string | undefined;
  readonly msgSeqNum: number;
  readonly possDup: boolean;
  readonly fee?: string | undefined;
  readonly text?: string | undefined;
}

/**
 * The record of a report (from the view on the journal's hot path: only these fields become strings).
 * Throws DecodeError when Side, ExecType or OrdStatus is not a value Kalshi documents: such a report is
 * kept raw as unreadable, never recorded with a guess.
 */
export function toExecutionRecord(er: ExecutionRecordSource): ExecutionRecord {
  return {
    execId: er.execId,
    orderId: er.orderId,
    clOrdId: er.clOrdId,
    origClOrdId: er.origClOrdId ?? null,
    symbol: er.symbol,
    side: oneOf(er.side, SIDES, Tag.Side, 'Side'),
    execType: oneOf(er.execType, EXEC_TYPES, Tag.ExecType, 'ExecType'),
    ordStatus: oneOf(er.ordStatus, ORD_STATUSES, Tag.OrdStatus, 'OrdStatus'),
    lastQty: er.lastQty ?? null,
    lastPx: er.lastPx ?? null,
    cumQty: er.cumQty,
    leavesQty: er.leavesQty,
    avgPx: er.avgPx,
    transactTime: er.transactTime ?? null,
    msgSeqNum: er.msgSeqNum,
    possDup: er.possDup,
    fee: er.fee ?? null,
    text: er.text ?? null,
  };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], tag: number, name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DecodeError('bad-value', tag, `${name}(${tag})=${value} is not a value Kalshi documents.`);
}
