// index.ts — the journal's public surface: the Journal (writer + SequenceStore), read queries,
// verification and errors. Other folders import from here, not from the modules behind it.
export { Journal, type JournalOptions, type JournalSession, type ConnectionMeta } from './journal.ts';
export { JournalError, describeJournalErrorKind, type JournalErrorKind } from './errors.ts';
export {
  JournalReader,
  type ExecutionFilter,
  type StoredExecution,
  type StoredTrade,
  type StoredReport,
  type OrderState,
  type StoredSettlement,
  type UndecodableMessage,
  type StoredSessionState,
  type StoredConnection,
} from './queries.ts';
export type { StoredMessage } from './message-reader.ts';
export { verifyJournal, verifyAll, describeChainBreak, type VerifyResult, type FullVerifyResult, type ChainBreak, type BrokenRow } from './verify.ts';
export { describeAuditBreak, type AuditVerifyResult, type AuditBreak, type BrokenEntry } from './verify-audit.ts';
export { openJournalReader } from './open-reader.ts';
export { openHistoryStore, SqliteHistoryStore, type HistoryStoreOptions } from './history-queries.ts';
export type { CommittedBatch, CommittedExecution, CommittedSettlement, CommittedSequenceBreak, CommittedConflict } from './batch-writer.ts';
export type { JournalFacts, FactExecution, FactSettlement, FactUndecodable, FactConflict, FactBreak } from './surveillance-rows.ts';
export type { SequenceBreak } from './sequence-breaks.ts';
export { describeUndecodable, type UndecodableNotice } from '../../../shared/records/undecodable-notice.ts';
export { parseExecId, compareExecIdParts, type ExecIdParts } from './exec-id.ts';
