// acceptor-hooks.ts — what one acceptor connection (acceptor-session.ts) needs from the simulator —
// keys, session records, clock, timings — and what it reports back, which simulator.ts turns into
// public events.
import type { FixMessage } from '../core/fix/decode.ts';
import type { AcceptorSession } from './acceptor-session.ts';
import type { DropCopyEndpoint } from './dc-endpoint.ts';
import type { GeneratedReport } from './er-generator.ts';
import type { AcceptedLogon, LogonRefusal } from './logon-check.ts';
import type { SessionRecords } from './message-store.ts';

export type ErDelivery = 'live' | 'withheld' | 'queued' | 'lost';

/** What a connection reports to the simulator; the simulator turns these into public events. */
export interface AcceptorHooks {
  claim(apiKeyId: string, session: AcceptorSession): boolean;
  onActive(session: AcceptorSession, logon: AcceptedLogon): void;
  onLogonRefused(apiKeyId: string | undefined, refusal: LogonRefusal): void;
  onApplicationMessage(session: AcceptorSession, msg: FixMessage): void;
  onErSent(session: AcceptorSession, report: GeneratedReport, msgSeqNum: number, delivery: ErDelivery): void;
  onLogout(session: AcceptorSession, text: string | undefined, initiator: 'client' | 'server'): void;
  onClose(session: AcceptorSession, reason: string): void;
}

export interface AcceptorDeps {
  readonly publicKeys: ReadonlyMap<string, string>;
  readonly records: SessionRecords;
  readonly now: () => number;
  /** Milliseconds per HeartBtInt second (1000; tests shrink it). */
  readonly heartbeatUnitMs: number;
  readonly heartbeatGraceMs: number;
  readonly logonTimeoutMs: number;
  readonly hooks: AcceptorHooks;
  readonly log: (line: string) => void;
  /** Serves Logons to TargetCompID KalshiDC on the same port; absent = KalshiDC is an unknown target. */
  readonly dropCopy?: DropCopyEndpoint;
}
