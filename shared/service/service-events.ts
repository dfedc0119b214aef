// service-events.ts — everything the recorder service tells its readers (the CLI, Electron's main,
// the renderer through IPC), as plain, cloneable data: committed executions with their journal
// position, positions that changed, each account's phase, its log lines with a severity and one
// sentence, "possible missed fills" alerts, messages kept unread, a journal that cannot write.
// Sentences are made by the engine, so a reader needs no protocol knowledge to show them.
import type { ExecutionRecord } from '../records/execution-record.ts';
import type { UndecodableNotice } from '../records/undecodable-notice.ts';
import type { DisconnectReason, SessionEvent, Severity } from '../events/session-events.ts';
import type { AccountSessionStats } from './connection-stats.ts';
import type { SurveillanceAlert } from '../surveillance/alert.ts';

/** What an account is doing, as a status strip shows it. */
export type AccountPhase =
  | 'stopped'
  | 'connecting'
  | 'logging-on'
  | 'active'
  | 'logging-out'
  | 'reconnect-wait'
  /** Stopped for good (e.g. Logon refused, journal failed); `reason` says why. */
  | 'failed';

/** One execution as committed: `position` orders the journal; a reader resumes after the last it saw. */
export interface LiveExecution {
  readonly position: number;
  readonly record: ExecutionRecord;
}

export type ServiceEvent =
  | { readonly type: 'executions'; readonly accountId: string; readonly executions: readonly LiveExecution[] }
  | { readonly type: 'positions-changed'; readonly accountId: string; readonly symbols: readonly string[]; readonly replayed: boolean }
  | { readonly type: 'phase'; readonly accountId: string; readonly phase: AccountPhase; readonly reason?: DisconnectReason; readonly text?: string }
  | {
    readonly type: 'log';
    readonly accountId: string;
    readonly source: 'listener' | 'drop-copy';
    readonly at: number;
    readonly severity: Severity;
    readonly text: string;
    /** The listener's typed event (counts of gaps, resends, reconnects for the Session view). */
    readonly session?: SessionEvent;
  }
  | { readonly type: 'missed-fills'; readonly accountId: string; readonly sinceMs: number | undefined; readonly untilMs: number; readonly text: string }
  | { readonly type: 'undecodable'; readonly accountId: string; readonly notice: UndecodableNotice; readonly text: string }
  | { readonly type: 'store-failed'; readonly accountId: string; readonly text: string }
  /** Surveillance alerts just stored in the journal (each id once: a raise it already had is not told again). */
  | { readonly type: 'alerts'; readonly alerts: readonly SurveillanceAlert[] }
  /** Stored alerts whose evidence grew: a later raise cited executions or orders they did not have yet. */
  | { readonly type: 'alert-evidence'; readonly alertIds: readonly string[] }
  /**
   * The engine (worker) was restarted after it died. Events in flight when it died may be lost: a
   * reader resyncs from the last journal position it saw (history changesSince), then goes on live.
   */
  | { readonly type: 'engine-restarted'; readonly text: string }
  /** The service itself: a listener dropped, an account that could not start. */
  | { readonly type: 'service-error'; readonly accountId?: string; readonly text: string };

export interface AccountStatus {
  readonly accountId: string;
  readonly phase: AccountPhase;
  readonly since: number;
  /** When the last message arrived from the exchange (for "last message 3 s ago"). */
  readonly lastMessageAt: number | undefined;
  readonly nextInbound: number | undefined;
  readonly nextOutbound: number | undefined;
  readonly reason?: string;
  /** The Session view's figures (absent from readers that do not keep them, e.g. test doubles). */
  readonly session?: AccountSessionStats;
}
