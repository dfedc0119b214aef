// simulator-options.ts — the public shapes of KalshiSimulator: what it is built from (options,
// accounts) and what it reports (events, refused application messages). Types only.
import type { ErDelivery } from './acceptor-hooks.ts';
import type { GeneratedReport } from './er-generator.ts';
import type { OrderMix } from './order-lifecycle.ts';
import type { Fault, FaultRequest } from './faults.ts';
import type { ListenerTarget, LogonRefusal } from './logon-check.ts';

export interface SimulatorAccount {
  readonly apiKeyId: string;
  readonly publicKeyPem: string;
  /** Seed of this account's ER stream; default: the simulator's seed. */
  readonly seed?: number;
  /** What the account does: 'cancel-storm' places and cancels far more than it trades. Default 'default'. */
  readonly mix?: OrderMix;
  /**
   * The API key of another account here whose every order and trade this one takes the other side of
   * (counterparty.ts): a wash-trade scenario. Its own seed and mix are then unused.
   */
  readonly counterpartyOf?: string;
}

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Server certificate; when absent a fresh CA and a leaf for `host` are made (see caCertPem). */
  tls?: { certPem: string; keyPem: string };
  accounts: ReadonlyArray<SimulatorAccount>;
  /** Default 1. */
  seed?: number;
  /** ERs per second per account; 0 = as fast as the socket drains. Default 10. */
  ratePerSecond?: number;
  /** ERs per account in total; default unlimited. */
  totalReports?: number;
  /** Markets per account; default 12. */
  markets?: number;
  /** Virtual start of TransactTime(60); default the wall clock when the simulator is built. */
  startTimeMs?: number;
  faults?: ReadonlyArray<FaultRequest>;
  /** Extra silence tolerated past HeartBtInt before a TestRequest, and after it before hanging up. Default 2000. */
  heartbeatGraceMs?: number;
  /** Milliseconds per HeartBtInt second. Default 1000; tests shrink it so HeartBtInt=4 means 4 × unit. */
  heartbeatUnitMs?: number;
  /** Close a connection that has not logged on within this time. Default 10 000. */
  logonTimeoutMs?: number;
  /**
   * Keep producing an account's ERs while no client is connected (after its first Logon): on RT they
   * are stored with sequence numbers for a later ResendRequest; on NR they are lost. Default false.
   */
  streamWhileDisconnected?: boolean;
  /** Application messages kept per RT session for resend. Default 200 000. */
  retainedMessages?: number;
  /** Server clock (SendingTime checks, headers). Default Date.now. */
  now?: () => number;
  log?: (line: string) => void;
}

export interface RefusedApplicationMessage {
  readonly apiKeyId: string | undefined;
  readonly msgType: string;
  readonly msgSeqNum: number;
  /** The message as received, SOH shown as '|'. */
  readonly display: string;
  readonly atMs: number;
}

export interface ErSentEvent {
  readonly apiKeyId: string;
  readonly target: ListenerTarget;
  readonly execId: string;
  readonly msgSeqNum: number;
  /** live = written; withheld = seq-gap on RT (resendable); queued = stored while offline (RT); lost = NR. */
  readonly delivery: ErDelivery;
  readonly report: GeneratedReport;
}

export type SimulatorEvents = {
  logon: [{ apiKeyId: string; target: ListenerTarget; resetSeqNum: boolean; nextOutSeq: number }];
  'logon-refused': [{ apiKeyId: string | undefined; refusal: LogonRefusal; text: string }];
  logout: [{ apiKeyId: string; target: ListenerTarget; text: string | undefined; initiator: 'client' | 'server' }];
  disconnect: [{ apiKeyId: string | undefined; target: ListenerTarget | undefined; reason: string }];
  'er-sent': [ErSentEvent];
  'stream-complete': [{ apiKeyId: string }];
  'application-message-refused': [RefusedApplicationMessage];
  fault: [{ apiKeyId: string; fault: Fault }];
};
