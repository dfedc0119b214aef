// committed-batch.ts — the last step of a commit (batch-writer.ts): what a commit stored that someone
// should hear about (new executions and settlements, undecodable messages, sequence breaks, ExecIDs
// that came again with other content), assembled from the entries, their rows and the writer's answer.
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import type { PriceUnit } from '../../../shared/money.ts';
import type { UndecodableNotice } from '../../../shared/records/undecodable-notice.ts';
import type { BatchRows, WriteResult } from './batch-rows.ts';
import type { PendingEntry } from './pending-entry.ts';
import type { SequenceBreak } from './sequence-breaks.ts';

/** An execution new to the journal; `rawId` is its message id, the journal position live readers resume from. */
export interface CommittedExecution {
  readonly rawId: number;
  readonly record: ExecutionRecord;
  /** TransactTime in epoch ms, or the receive time (as stored: what replay orders by). */
  readonly eventAt: number;
  readonly balanceChange: string | null;
  readonly priceUnit: PriceUnit;
  /** TrdMatchID(880), LongQty(704), ShortQty(705), Price(44) as received (stored beside the record). */
  readonly trdMatchId: string | null;
  readonly longQty: string | null;
  readonly shortQty: string | null;
  readonly price: string | null;
}

/** A hole in the listener's stored sequence just before message `rawId` (sequence-breaks.ts). */
export interface CommittedSequenceBreak extends SequenceBreak {
  readonly rawId: number;
}

/** An ExecID already stored that arrived again (message `rawId`) with different content. */
export interface CommittedConflict {
  readonly rawId: number;
  readonly execId: string;
  /** The message of the execution as recorded. */
  readonly firstRawId: number;
  /** Record fields that differ ('lastQty', 'ordStatus', …). */
  readonly fields: readonly string[];
  readonly receivedAt: number;
}

/** A settlement report new to the journal (its frame, for readers that need the whole report). */
export interface CommittedSettlement {
  readonly rawId: number;
  readonly receivedAt: number;
  readonly raw: Buffer;
}

/** What a commit stored that someone should hear about. */
export interface CommittedBatch {
  /** Executions new to the journal, in accept order (resent or replayed ones excluded). */
  readonly executions: CommittedExecution[];
  readonly settlements: CommittedSettlement[];
  /** Messages kept raw because they could not be read. */
  readonly undecodable: UndecodableNotice[];
  /** Holes in a listener's stored sequence (never for drop copy). */
  readonly sequenceBreaks: CommittedSequenceBreak[];
  /** ExecIDs that came again with other content (the copy is kept raw; the first stays the record). */
  readonly conflicts: CommittedConflict[];
}

/** The CommittedBatch of `entries` (as given to toBatchRows) once write() returned `result`. */
export function assemble(entries: readonly PendingEntry[], rows: BatchRows, result: WriteResult): CommittedBatch {
  const fresh: CommittedExecution[] = [];
  const settlements: CommittedSettlement[] = [];
  const undecodable: UndecodableNotice[] = [];
  const sequenceBreaks: CommittedSequenceBreak[] = [];
  const conflicts: CommittedConflict[] = [];
  const { firstId, freshExecutions, freshSettlements } = result;
  for (let k = 0; k < rows.executions.length; k++) {
    if (freshExecutions[k] === 0) continue;
    const i = rows.executions[k]![0] as number;
    const e = entries[i]!.execution!;
    fresh.push({
      rawId: firstId + i, record: e.record, eventAt: e.eventAt, balanceChange: e.balanceChange, priceUnit: rows.priceUnit,
      trdMatchId: e.trdMatchId, longQty: e.longQty, shortQty: e.shortQty, price: e.price,
    });
  }
  for (const [k, firstRawId, fields] of result.conflicts) {
    const i = rows.executions[k]![0] as number;
    const entry = entries[i]!;
    conflicts.push({ rawId: firstId + i, execId: entry.execution!.record.execId, firstRawId, fields: fields.split(','), receivedAt: entry.receivedAt });
  }
  for (let i = 0; i < entries.length; i++) {
    const b = entries[i]!.sequenceBreak;
    if (b !== undefined) sequenceBreaks.push({ rawId: firstId + i, ...b });
  }
  for (let k = 0; k < rows.settlements.length; k++) {
    if (freshSettlements[k] === 0) continue;
    const i = rows.settlements[k]![0] as number;
    const entry = entries[i]!;
    settlements.push({ rawId: firstId + i, receivedAt: entry.receivedAt, raw: entry.raw });
  }
  for (const row of rows.undecodable) {
    const i = row[0] as number;
    const entry = entries[i]!;
    undecodable.push({ rawId: firstId + i, msgType: entry.msgType, msgSeqNum: entry.msgSeqNum, possDup: entry.possDup, receivedAt: entry.receivedAt, reason: entry.undecodable!.message });
  }
  return { executions: fresh, settlements, undecodable, sequenceBreaks, conflicts };
}
