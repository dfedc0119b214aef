// connection-stats.ts — what the Session view shows of each connection of an account (its listener, and
// its drop copy when configured): state, sequence numbers, heartbeat round trip and counts of what the
// session went through since the account started recording. Counted from the session's own events
// (rare: gaps, resends, reconnects), never per message, so the engine's hot path pays nothing.
import type { UndecodableNotice } from '../records/undecodable-notice.ts';
import type { AccountPhase } from './service-events.ts';

export type ConnectionRole = 'listener' | 'drop-copy';

/** The listener's phase; the drop copy is 'idle' between backfills (it connects only to backfill). */
export type ConnectionState = AccountPhase | 'idle';

export interface BackfillStats {
  readonly started: number;
  /** Backfills that covered their loss window. */
  readonly covered: number;
  /** Backfills that ended with part of the window uncovered (a "possible missed fills" alert follows). */
  readonly incomplete: number;
  /** History requests (U1) sent. */
  readonly requests: number;
  /** ExecutionReports drop copy replayed, and those the journal did not hold yet (the listener had missed them). */
  readonly replayed: number;
  readonly recovered: number;
  readonly last: { readonly at: number; readonly covered: boolean; readonly text: string } | null;
}

export interface ConnectionStats {
  readonly role: ConnectionRole;
  readonly target: 'KalshiRT' | 'KalshiNR' | 'KalshiDC';
  readonly host: string;
  readonly port: number;
  readonly state: ConnectionState;
  /** The next MsgSeqNum expected from the exchange / to be sent (null: the drop copy keeps none between runs). */
  readonly nextInbound: number | null;
  readonly nextOutbound: number | null;
  /** The last TestRequest → Heartbeat round trip, and when it was measured. */
  readonly roundTrip: { readonly ms: number; readonly at: number } | null;
  readonly connects: number;
  readonly logons: number;
  readonly reconnects: number;
  readonly lastLogonAt: number | null;
  readonly lastDisconnect: { readonly at: number; readonly text: string } | null;
  /** MsgSeqNum gaps seen, ResendRequests sent and resends completed. */
  readonly gaps: number;
  readonly resendRequests: number;
  readonly resendsCompleted: number;
  /** GapFills and SequenceResets (incl. the exchange restarting its sequence). */
  readonly gapFills: number;
  readonly sequenceResets: number;
  readonly duplicatesIgnored: number;
  readonly testRequests: number;
  readonly heartbeatTimeouts: number;
  /** Loss windows reported ("possible missed fills between T1 and T2"). */
  readonly possibleLosses: number;
  /** Messages received but unreadable (kept raw in the journal). */
  readonly malformed: number;
  /** Drop copy only. */
  readonly backfills: BackfillStats | null;
}

/** One account's connections, and the unreadable messages its sessions kept in the journal. */
export interface AccountSessionStats {
  /** Counts run from here (the account started recording, or the engine restarted). */
  readonly countingSince: number;
  readonly connections: readonly ConnectionStats[];
  readonly undecodable: {
    /** In the whole journal, from every session of this account's API key. */
    readonly count: number;
    /** Newest first, a few. */
    readonly newest: readonly UndecodableNotice[];
  };
}
