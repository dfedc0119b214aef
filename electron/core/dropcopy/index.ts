// index.ts — the drop-copy (KalshiDC) backfill's public surface: the coordinator the recorder wires to
// the listener's events, the one-connection session it drives, and the message, range and event types.
// Other folders import from here, not from the modules behind it.
export { BackfillCoordinator, type BackfillOptions, type DropCopyEndpointConfig } from './backfill.ts';
export { describeBackfillEvent, describeAlertCause, describeWindow, type BackfillEvent, type AlertCause, type LossWindow } from './backfill-events.ts';
export { DropCopySession, type DropCopySessionOptions, type DropCopyListeners, type DropCopyRun, type DropCopyStore } from './dc-session.ts';
export { DropCopyMachine, type DcEffect, type DcInput, type DcPhase, type DcMachineOptions } from './dc-machine.ts';
export {
  describeDropCopyEvent,
  describeDropCopyFailure,
  describeRangeOutcome,
  isRetryableFailure,
  type DropCopyEvent,
  type DropCopyFailure,
  type RangeOutcome,
} from './dc-events.ts';
export {
  describeRejectReason,
  dropCopyRequestBody,
  encodeDropCopyRequest,
  isRetryableReject,
  readDropCopyReply,
  rejectReasonOf,
  type DropCopyReply,
  type DropCopyRequest,
  type EventResendRejectKind,
  type EventResendRejectReason,
  type ExecIdRange,
} from './dc-messages.ts';
export { describeRange, formatExecId, mergeHeads, planBackfill, rangeProblem, startOfIndex, type ExecIdHeads } from './exec-id-range.ts';
