// backfill-events.ts — what the backfill coordinator reports, as typed events with one sentence each:
// a backfill started, one request finished (progress), the backfill finished, a retry is scheduled, and
// the alert the UI shows when a loss window could not be covered: "possible missed fills between T1
// and T2", with the reason. Types and sentences only.
import type { Severity } from '../../../shared/events/session-events.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import { describeRejectReason, type EventResendRejectReason, type ExecIdRange } from './dc-messages.ts';
import { describeDropCopyEvent, describeDropCopyFailure, describeRangeOutcome, type DropCopyEvent, type DropCopyFailure, type RangeOutcome } from './dc-events.ts';
import { describeRange } from './exec-id-range.ts';

/** The listener's loss window (its 'possible-missed-messages' event): T1 may be unknown. */
export interface LossWindow {
  readonly sinceMs: number | undefined;
  readonly untilMs: number;
}

/** Why a loss window stays uncovered. */
export type AlertCause =
  | { readonly kind: 'no-drop-copy' }
  | { readonly kind: 'rejected'; readonly range: ExecIdRange; readonly reason: EventResendRejectReason }
  | { readonly kind: 'refused'; readonly range: ExecIdRange; readonly text: string }
  | { readonly kind: 'failed'; readonly failure: DropCopyFailure }
  | { readonly kind: 'journal-unreadable'; readonly text: string };

export function describeAlertCause(cause: AlertCause): string {
  switch (cause.kind) {
    case 'no-drop-copy': return 'no drop-copy (KalshiDC) connection is configured to backfill them; check the account\'s fills on Kalshi for that period.';
    case 'rejected': return `${describeRejectReason(cause.reason)} (${describeRange(cause.range)})`;
    case 'refused': return `drop copy refused the request for ${describeRange(cause.range)}: ${cause.text}.`;
    case 'failed': return `the drop-copy backfill failed: ${describeDropCopyFailure(cause.failure)}.`;
    case 'journal-unreadable': return `the journal could not be read to plan a backfill (${cause.text}).`;
    default: return assertNever(cause, 'alert cause');
  }
}

export type BackfillEvent =
  | { readonly kind: 'backfill-started'; readonly window: LossWindow; readonly ranges: readonly ExecIdRange[]; readonly attempt: number }
  | { readonly kind: 'backfill-progress'; readonly range: ExecIdRange; readonly outcome: RangeOutcome; readonly recovered: number }
  | { readonly kind: 'backfill-complete'; readonly window: LossWindow; readonly replayed: number; readonly recovered: number; readonly covered: boolean }
  | { readonly kind: 'backfill-retry-scheduled'; readonly delayMs: number; readonly attempt: number; readonly ranges: number }
  | { readonly kind: 'missed-fills-alert'; readonly window: LossWindow; readonly cause: AlertCause }
  /** The drop-copy connection's own log line. */
  | { readonly kind: 'drop-copy'; readonly event: DropCopyEvent };

/** 'between 2026-11-24T14:00:00.000Z and 2026-11-24T14:05:00.000Z' (or 'before …' when T1 is unknown). */
export function describeWindow(window: LossWindow): string {
  const until = new Date(window.untilMs).toISOString();
  return window.sinceMs === undefined ? `before ${until}` : `between ${new Date(window.sinceMs).toISOString()} and ${until}`;
}

export function describeBackfillEvent(event: BackfillEvent): { severity: Severity; text: string } {
  switch (event.kind) {
    case 'backfill-started': return {
      severity: 'info',
      text: `Backfilling possible missed fills ${describeWindow(event.window)} from drop copy (${event.ranges.map(describeRange).join('; ')})${event.attempt > 1 ? `, attempt ${event.attempt}` : ''}`,
    };
    case 'backfill-progress': {
      const line = describeRangeOutcome(event.range, event.outcome);
      return { severity: event.outcome.kind === 'complete' ? 'info' : 'warning', text: event.outcome.kind === 'complete' ? `${line}; ${event.recovered} were new to the journal` : line };
    }
    case 'backfill-complete': return event.covered
      ? { severity: 'info', text: `Backfill ${describeWindow(event.window)} complete: ${event.replayed} replayed, ${event.recovered} recovered that the listener had missed` }
      : { severity: 'warning', text: `Backfill ${describeWindow(event.window)} ended incomplete: ${event.replayed} replayed, ${event.recovered} recovered` };
    case 'backfill-retry-scheduled': return { severity: 'warning', text: `Drop copy will be asked again for ${event.ranges} range(s) in ${(event.delayMs / 1000).toFixed(1)} s (attempt ${event.attempt})` };
    case 'missed-fills-alert': return { severity: 'error', text: `Possible missed fills ${describeWindow(event.window)}: ${describeAlertCause(event.cause)}` };
    case 'drop-copy': return describeDropCopyEvent(event.event);
    default: return assertNever(event, 'backfill event');
  }
}
