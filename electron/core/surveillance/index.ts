// index.ts — the surveillance engine's public surface. Build an engine from a rules document
// (shared/surveillance/rules-document.ts), feed it the journal's facts in journal order, collect alerts
// (shared/surveillance/alert.ts). Live: inputsOfBatch(account, CommittedBatch). Replay: journalInputs(reader).
export { SurveillanceEngine } from './engine.ts';
export { byJournalPosition, type SurveillanceInput, type ExecutionInput, type SettlementInput, type FeedInput, type UndecodableInput, type SequenceBreakInput, type ExecConflictInput } from './surveillance-input.ts';
export { inputsOfBatch, journalInputs } from './journal-inputs.ts';
export { replaySurveillance, type ReplayWindow } from './replay.ts';
export { LiveSurveillance } from './live-surveillance.ts';
