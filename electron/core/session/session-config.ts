// session-config.ts — what a session is configured with, and its validation. Two profiles share it:
// the read-only listener (KalshiRT/KalshiNR) and the drop-copy history session (KalshiDC).
// Defaults follow ../shared/kalshi-fix.md §2.1 ("Recommended listener Logon").

/** Where a listener can live: ListenerSession(20126)=Y is valid on these two only (kalshi-fix.md §2.1). */
export type ListenerTarget = 'KalshiRT' | 'KalshiNR';

/** KalshiDC (§5) answers history requests (U1): 141=Y at every Logon, no listener tags, no resend. */
export type KalshiTarget = ListenerTarget | 'KalshiDC';

/**
 * What a session may send beyond admin messages, decided by its target: a listener sends nothing
 * else; a drop-copy session may also ask for history (EventResendRequest U1), never for an order.
 */
export type SessionProfile = 'listener' | 'drop-copy';

export function profileOf(target: KalshiTarget): SessionProfile {
  return target === 'KalshiDC' ? 'drop-copy' : 'listener';
}

/** The docs disagree on the SkipPendingExecReports tag (kalshi-fix.md §8.1): 21011 now, 21003 legacy. */
export type SkipPendingTag = 21011 | 21003;

export interface SessionConfig {
  /** API key ID (UUID): our SenderCompID. */
  readonly senderCompId: string;
  readonly targetCompId: KalshiTarget;
  /** Seconds; Kalshi requires > 3. */
  readonly heartBtIntSec: number;
  readonly skipPendingTag: SkipPendingTag;
  /** 21005=Y: prices as decimal dollars with up to 4 dp (subpenny stays exact). */
  readonly useDollars: boolean;
  /** 21026=Y: a separate New (150=0) before the first Trade, so every order's ack shows in the blotter. */
  readonly alwaysEmitNewBeforeTrade: boolean;
  /** 21012=Y: expiry-type system cancels come as ExecType C (Expired) instead of 4 (Canceled). */
  readonly useExpiredOrdStatus: boolean;
  /** 20127=Y: settlement reports (UMS) on RT. */
  readonly receiveSettlementReports: boolean;
  /** 20200: hours the exchange keeps messages for resend (RT only, max 72). */
  readonly retentionHours: number | undefined;
  /**
   * Send RawDataLength(95) before the signature in RawData(96), as standard FIX does. Kalshi's pages
   * never mention 95 (kalshi-fix.md §8.10), so it can be turned off if the exchange objects.
   */
  readonly sendRawDataLength: boolean;
  /** Grace added to HeartBtInt before we probe a silent peer with a TestRequest. */
  readonly testRequestGraceMs: number;
  /**
   * Measure the heartbeat round trip: a TestRequest right after Logon, and in place of our own
   * Heartbeat whenever one is due, each answered by the exchange's Heartbeat(112). Admin only.
   */
  readonly roundTripProbe: boolean;
  readonly logonTimeoutMs: number;
  readonly logoutTimeoutMs: number;
  /** Give up on a ResendRequest that has made no progress for this long (then reconnect). */
  readonly resendStallMs: number;
  /** Out-of-order messages held while a gap is being filled; beyond this they are dropped (and resent). */
  readonly maxQueuedWhileResending: number;
}

export const defaultSessionConfig = {
  heartBtIntSec: 30,
  skipPendingTag: 21011,
  useDollars: true,
  alwaysEmitNewBeforeTrade: true,
  useExpiredOrdStatus: true,
  receiveSettlementReports: false,
  retentionHours: undefined,
  sendRawDataLength: true,
  testRequestGraceMs: 2_000,
  roundTripProbe: false,
  logonTimeoutMs: 10_000,
  logoutTimeoutMs: 2_000,
  resendStallMs: 30_000,
  maxQueuedWhileResending: 100_000,
} as const satisfies Omit<SessionConfig, 'senderCompId' | 'targetCompId'>;

export type SessionConfigInput = Pick<SessionConfig, 'senderCompId' | 'targetCompId'> &
  Partial<Omit<SessionConfig, 'senderCompId' | 'targetCompId'>>;

export class SessionConfigError extends Error {
  override readonly name = 'SessionConfigError';
}

export function makeSessionConfig(input: SessionConfigInput): SessionConfig {
  const config: SessionConfig = { ...defaultSessionConfig, retentionHours: undefined, ...input };
  if (!config.senderCompId.trim()) throw new SessionConfigError('The API key ID (SenderCompID) is empty.');
  if ([...config.senderCompId].some((ch) => ch < ' ' || ch === '=')) {
    throw new SessionConfigError('The API key ID contains control characters or "=", which FIX cannot carry.');
  }
  if (config.targetCompId !== 'KalshiRT' && config.targetCompId !== 'KalshiNR' && config.targetCompId !== 'KalshiDC') {
    throw new SessionConfigError(`Target must be KalshiRT or KalshiNR for a listener (or KalshiDC for drop copy), not "${String(config.targetCompId)}".`);
  }
  if (!Number.isInteger(config.heartBtIntSec) || config.heartBtIntSec <= 3) {
    throw new SessionConfigError(`HeartBtInt must be a whole number of seconds above 3 (Kalshi rule), not ${config.heartBtIntSec}.`);
  }
  if (config.retentionHours !== undefined && (!Number.isInteger(config.retentionHours) || config.retentionHours < 1 || config.retentionHours > 72)) {
    throw new SessionConfigError(`Message retention must be 1 to 72 hours, not ${config.retentionHours}.`);
  }
  return config;
}

/** KalshiRT retransmits (ResendRequest works); every other session (NR, DC) needs 141=Y at each logon. */
export function supportsResend(target: KalshiTarget): boolean {
  return target === 'KalshiRT';
}
