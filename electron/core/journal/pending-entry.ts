// pending-entry.ts — turns one accepted inbound message into what the journal will store for it: the raw
// row, plus the decoded execution (35=8) or settlement (35=UMS) key fields, or the reason it could not be
// decoded. Decoding happens at accept time so a commit only writes. Pure: no SQL, no clock.
import type { FixMessage } from '../fix/decode.ts';
import { DecodeError } from '../fix/errors.ts';
import { ExecutionReportView, type ExecutionReport } from '../fix/execution-report.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';
import { parseUtcTimestamp } from '../fix/time.ts';
import { dedupeKey, type ExecutionRecord } from '../../../shared/records/execution-record.ts';
import { toExecutionRecord } from '../fix/to-execution-record.ts';
import { parseExecId, type ExecIdParts } from './exec-id.ts';
import type { SequenceBreak } from './sequence-breaks.ts';

export interface PendingExecution {
  readonly record: ExecutionRecord;
  /** dedupeKey(record): the ExecID, widened for pending '-1;-1' reports. */
  readonly key: string;
  readonly execIdParts: ExecIdParts | undefined;
  /** The BALANCE CollateralAmountChange(1704), decimal text as received. */
  readonly balanceChange: string | null;
  /** TransactTime in epoch ms, or the receive time when absent or unreadable. */
  readonly eventAt: number;
  /**
   * TrdMatchID(880), LongQty(704), ShortQty(705) and Price(44) as received, or null: stored beside the
   * record (not in ExecutionRecord, which the app and the CLI show) for the surveillance rules.
   */
  readonly trdMatchId: string | null;
  readonly longQty: string | null;
  readonly shortQty: string | null;
  readonly price: string | null;
}

export interface PendingSettlement {
  readonly reportId: string | null;
  readonly symbol: string | null;
  readonly clearingBusinessDate: string | null;
  readonly marketResult: string | null;
  readonly settlementPrice: string | null;
  readonly totalReports: string | null;
  readonly lastFragment: string | null;
}

export interface PendingUndecodable {
  readonly errorKind: string;
  readonly tag: number | null;
  readonly message: string;
}

export interface PendingEntry {
  readonly raw: Buffer;
  readonly msgType: string;
  readonly msgSeqNum: number;
  readonly possDup: boolean;
  readonly receivedAt: number;
  readonly epoch: number;
  readonly connectionId: number | null;
  readonly execution: PendingExecution | undefined;
  readonly settlement: PendingSettlement | undefined;
  readonly undecodable: PendingUndecodable | undefined;
  /** A hole in the stored sequence just before this message (sequence-breaks.ts), listener sessions only. */
  readonly sequenceBreak: SequenceBreak | undefined;
}

export function toPendingEntry(message: FixMessage, receivedAt: number, epoch: number, connectionId: number | null, sequenceBreak?: SequenceBreak): PendingEntry {
  const msgType = message.msgType;
  let execution: PendingExecution | undefined;
  let settlement: PendingSettlement | undefined;
  let undecodable: PendingUndecodable | undefined;
  try {
    // A message of any type whose fields broke a rule is kept but never read (see FixMessage.problem).
    message.assertReadable();
    if (msgType === MsgType.ExecutionReport) execution = readExecution(message, receivedAt);
    else if (msgType === MsgType.MarketSettlementReport) settlement = readSettlement(message);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    // Keep the bytes and say why: a report we cannot read yet is still never lost.
    undecodable = { errorKind: error.kind, tag: error.tag ?? null, message: error.message };
  }
  return {
    raw: message.raw,
    msgType,
    msgSeqNum: message.msgSeqNum,
    possDup: message.possDup,
    receivedAt,
    epoch,
    connectionId,
    execution,
    settlement,
    undecodable,
    sequenceBreak,
  };
}

function readExecution(message: FixMessage, receivedAt: number): PendingExecution {
  // The typed view validates the whole report (a report it refuses is kept as undecodable); the row
  // then takes only what export, P&L and the UI read, the rest stays in the frame. Only those fields
  // become strings.
  const view = ExecutionReportView.read(message);
  const record = toExecutionRecord(view);
  const transactTime = record.transactTime;
  return {
    record,
    key: dedupeKey(record),
    execIdParts: parseExecId(record.execId),
    balanceChange: view.collateralAmountOf(BALANCE_TYPES) ?? null,
    eventAt: (transactTime === null ? undefined : parseUtcTimestamp(transactTime)) ?? receivedAt,
    trdMatchId: view.trdMatchId ?? null,
    longQty: view.longQty ?? null,
    shortQty: view.shortQty ?? null,
    price: view.price ?? null,
  };
}

/** CollateralAmountType(1705) of the balance change: 'BALANCE', or '1' in older revisions. */
const BALANCE_TYPES: readonly string[] = ['BALANCE', '1'];

/**
 * The amount of the report's BALANCE collateral change ('BALANCE', or '1' in older revisions), as
 * received, or null. A Trade carries one (kalshi-fix.md §4.1); should several come, the first counts
 * here and the frame keeps them all.
 */
export function balanceChangeOf(er: ExecutionReport): string | null {
  for (const change of er.collateralChanges) {
    if (BALANCE_TYPES.includes(change.type)) return change.amount;
  }
  return null;
}

function readSettlement(message: FixMessage): PendingSettlement {
  return {
    reportId: message.get(Tag.MarketSettlementReportID) ?? null,
    symbol: message.get(Tag.Symbol) ?? null,
    clearingBusinessDate: message.get(Tag.ClearingBusinessDate) ?? null,
    marketResult: message.get(Tag.MarketResult) ?? null,
    settlementPrice: message.get(Tag.SettlementPrice) ?? null,
    totalReports: message.get(Tag.TotNumMarketSettlementReports) ?? null,
    lastFragment: message.get(Tag.LastFragment) ?? null,
  };
}
