// journal-inputs.ts — the two ways the engine's inputs are made, from the same journal facts:
// inputsOfBatch (live: one account's CommittedBatch, as the RecorderService receives it) and
// journalInputs (replay: JournalReader.surveillanceFacts(), every account, merged in message order).
// Both go through the same converters, so the engine sees the same inputs either way.
import { FixMessage } from '../fix/decode.ts';
import { DecodeError } from '../fix/errors.ts';
import { readMarketSettlementReport } from '../fix/market-settlement-report.ts';
import type { CommittedBatch, JournalFacts } from '../journal/index.ts';
import { PositionError } from '../../../shared/positions/fill.ts';
import { settlementFromReport } from '../positions/settlement-from-report.ts';
import { byJournalPosition, type ExecutionInput, type SettlementInput, type SurveillanceInput } from './surveillance-input.ts';

/** One account's commit as inputs, in message order. `accountId` is its API key id. */
export function inputsOfBatch(accountId: string, batch: CommittedBatch): SurveillanceInput[] {
  const inputs: SurveillanceInput[] = [];
  for (const e of batch.executions) {
    inputs.push({
      kind: 'execution', accountId, rawId: e.rawId, record: e.record, eventAt: e.eventAt, priceUnit: e.priceUnit,
      trdMatchId: e.trdMatchId, longQty: e.longQty, shortQty: e.shortQty, price: e.price,
    });
  }
  for (const s of batch.settlements) inputs.push(settlementInput(accountId, s.rawId, s.raw, s.receivedAt));
  for (const u of batch.undecodable) {
    inputs.push({ kind: 'undecodable', accountId, rawId: u.rawId, msgType: u.msgType, msgSeqNum: u.msgSeqNum, receivedAt: u.receivedAt, reason: u.reason });
  }
  for (const b of batch.sequenceBreaks) {
    inputs.push({ kind: 'sequence-break', accountId, rawId: b.rawId, cause: b.cause, expected: b.expected, received: b.received, sinceMs: b.sinceMs, untilMs: b.untilMs });
  }
  for (const c of batch.conflicts) {
    inputs.push({ kind: 'exec-conflict', accountId, rawId: c.rawId, execId: c.execId, firstRawId: c.firstRawId, fields: c.fields, receivedAt: c.receivedAt });
  }
  // Executions come first in the batch object, but not necessarily first in the journal.
  if (inputs.length > 1 && (batch.settlements.length + batch.undecodable.length + batch.sequenceBreaks.length + batch.conflicts.length) > 0) inputs.sort(byJournalPosition);
  return inputs;
}

/** Every account's facts as inputs, merged in message order (executions stream; the rest are few). */
export function* journalInputs(facts: JournalFacts): IterableIterator<SurveillanceInput> {
  const others: SurveillanceInput[] = [
    ...facts.settlements.map((s) => settlementInput(s.apiKeyId, s.rawId, s.raw, s.receivedAt)),
    ...facts.undecodable.map((u): SurveillanceInput => ({ kind: 'undecodable', accountId: u.apiKeyId, rawId: u.rawId, msgType: u.msgType, msgSeqNum: u.msgSeqNum, receivedAt: u.receivedAt, reason: u.reason })),
    ...facts.breaks.map((b): SurveillanceInput => ({ kind: 'sequence-break', accountId: b.apiKeyId, rawId: b.rawId, cause: b.cause, expected: b.expected, received: b.received, sinceMs: b.sinceMs, untilMs: b.untilMs })),
    ...facts.conflicts.map((c): SurveillanceInput => ({ kind: 'exec-conflict', accountId: c.apiKeyId, rawId: c.rawId, execId: c.execId, firstRawId: c.firstRawId, fields: c.fields, receivedAt: c.receivedAt })),
  ].sort(byJournalPosition);
  let next = 0;
  for (const e of facts.executions) {
    const input: ExecutionInput = {
      kind: 'execution', accountId: e.apiKeyId, rawId: e.rawId, eventAt: e.eventAt, priceUnit: e.priceUnit,
      trdMatchId: e.trdMatchId, longQty: e.longQty, shortQty: e.shortQty, price: e.price,
      record: {
        execId: e.execId, orderId: e.orderId, clOrdId: e.clOrdId, origClOrdId: e.origClOrdId, symbol: e.symbol, side: e.side, execType: e.execType,
        ordStatus: e.ordStatus, lastQty: e.lastQty, lastPx: e.lastPx, cumQty: e.cumQty, leavesQty: e.leavesQty, avgPx: e.avgPx,
        transactTime: e.transactTime, msgSeqNum: e.msgSeqNum, possDup: e.possDup, fee: e.fee, text: e.text,
      },
    };
    while (next < others.length && byJournalPosition(others[next]!, input) < 0) yield others[next++]!;
    yield input;
  }
  while (next < others.length) yield others[next++]!;
}

/** A settlement report's frame as an input; a report the ledger cannot read is an input without a settlement. */
function settlementInput(accountId: string, rawId: number, raw: Buffer, receivedAt: number): SettlementInput {
  try {
    const report = readMarketSettlementReport(FixMessage.parse(raw));
    return { kind: 'settlement', accountId, rawId, symbol: report.symbol, settlement: settlementFromReport(report, receivedAt) ?? null };
  } catch (error) {
    if (!(error instanceof DecodeError) && !(error instanceof PositionError)) throw error;
    return { kind: 'settlement', accountId, rawId, symbol: null, settlement: null };
  }
}
