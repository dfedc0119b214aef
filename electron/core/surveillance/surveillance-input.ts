// surveillance-input.ts — what the rules engine reads: the facts a journal commit stores, one item per
// stored message that matters, named by its journal position (rawId). Live, the RecorderService turns
// each CommittedBatch into these (inputsOfBatch); in replay, journal-inputs.ts reads the same facts back
// from the file. Nothing else goes in (no session event, no wall clock): what the journal does not keep
// cannot be replayed, so it cannot raise an alert either, and live == replay by construction.
// Accounts are named by their API key id (the journal's account, as History names them).
import type { PriceUnit } from '../../../shared/money.ts';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import type { Settlement } from '../../../shared/positions/fill.ts';

export interface ExecutionInput {
  readonly kind: 'execution';
  readonly accountId: string;
  readonly rawId: number;
  readonly record: ExecutionRecord;
  /** TransactTime in epoch ms, or the receive time when the report had none (as stored). */
  readonly eventAt: number;
  readonly priceUnit: PriceUnit;
  /** TrdMatchID(880), LongQty(704), ShortQty(705), Price(44) as received; stored beside the record. */
  readonly trdMatchId: string | null;
  readonly longQty: string | null;
  readonly shortQty: string | null;
  readonly price: string | null;
}

export interface SettlementInput {
  readonly kind: 'settlement';
  readonly accountId: string;
  readonly rawId: number;
  /** Symbol(55) of the report, or null when it has none. */
  readonly symbol: string | null;
  /** Our party entry as the ledger books it; null when the report has no known result. */
  readonly settlement: Settlement | null;
}

export interface UndecodableInput {
  readonly kind: 'undecodable';
  readonly accountId: string;
  readonly rawId: number;
  readonly msgType: string;
  readonly msgSeqNum: number;
  readonly receivedAt: number;
  readonly reason: string;
}

/**
 * A hole in what the listener stored (journal/sequence-breaks.ts): a 'gap' (MsgSeqNum jumped, or a
 * SequenceReset moved it, with nothing resent) or a 'restart' (numbering began again after messages
 * had been stored: what was sent in between may be lost).
 */
export interface SequenceBreakInput {
  readonly kind: 'sequence-break';
  readonly accountId: string;
  readonly rawId: number;
  readonly cause: 'gap' | 'restart';
  readonly expected: number;
  readonly received: number;
  /** Receive time of the last message stored before the break, and of the message after it. */
  readonly sinceMs: number;
  readonly untilMs: number;
}

/** An ExecID stored once that arrived again with different content (the second copy is kept raw). */
export interface ExecConflictInput {
  readonly kind: 'exec-conflict';
  readonly accountId: string;
  readonly rawId: number;
  readonly execId: string;
  readonly firstRawId: number;
  /** The record fields that differ ('lastQty', 'ordStatus', …). */
  readonly fields: readonly string[];
  readonly receivedAt: number;
}

export type FeedInput = UndecodableInput | SequenceBreakInput | ExecConflictInput;
export type SurveillanceInput = ExecutionInput | SettlementInput | FeedInput;

/** Within one message: the hole before it first, then what it carried. */
const RANK: Readonly<Record<SurveillanceInput['kind'], number>> = { 'sequence-break': 0, execution: 1, settlement: 1, undecodable: 1, 'exec-conflict': 1 };

/** Orders inputs of one commit (or a merge of several) as the journal does: by message id. */
export function byJournalPosition(a: SurveillanceInput, b: SurveillanceInput): number {
  return a.rawId - b.rawId || RANK[a.kind] - RANK[b.kind];
}
