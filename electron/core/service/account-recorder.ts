// account-recorder.ts — one watched account inside the recorder service: its listener session (RT or
// NR) writing into the shared journal file, the drop-copy backfill of possible losses into the same
// file, and its live positions book. Everything it learns leaves as ServiceEvents through `emit`,
// only after the journal committed it. Owns no socket code (session/, dropcopy/) and no SQL (journal/).
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import { describeDisconnect, describeSessionEvent, type DisconnectReason, type SessionEvent } from '../../../shared/events/session-events.ts';
import { describeUndecodable, type UndecodableNotice } from '../../../shared/records/undecodable-notice.ts';
import type { AccountPhase, AccountStatus, ServiceEvent } from '../../../shared/service/service-events.ts';
import { BackfillCoordinator, describeAlertCause, describeBackfillEvent, describeWindow, type BackfillEvent } from '../dropcopy/index.ts';
import { Journal, type CommittedBatch } from '../journal/index.ts';
import { LiveBook } from '../positions/live-book.ts';
import { Recorder } from '../recorder/recorder.ts';
import type { LogonSigner } from '../session/admin-encoder.ts';
import { makeSessionConfig, type KalshiTarget, type SessionConfig, type SessionConfigInput } from '../session/session-config.ts';
import type { ListenerSessionOptions } from '../session/session.ts';
import type { TlsEndpoint } from '../transport/tls-connection.ts';
import type { BackoffOptions } from '../transport/reconnect-policy.ts';
import type { PositionBook } from '../../../shared/positions/position-book.ts';
import { AccountSessionCounters } from './account-session-stats.ts';

export interface AccountRecorderDeps {
  readonly journalPath: string;
  readonly signLogon: LogonSigner;
  readonly emit: (event: ServiceEvent) => void;
  readonly backoff?: Partial<BackoffOptions>;
  readonly tickMs?: number;
  readonly timeZone?: string;
  readonly now?: () => number;
  /** Opens the listener's connection (tests wrap the real one; the bench holds it at a gate). */
  readonly connect?: ListenerSessionOptions['connect'];
  /** Session settings beyond the account's (timeouts in tests). */
  readonly sessionDefaults?: Partial<SessionConfigInput>;
  /** Every commit of this account (listener and drop copy), after its events: the surveillance rules read it. */
  readonly onCommitted?: (batch: CommittedBatch) => void;
}

/** How long a running drop-copy backfill may finish after the listener stopped. */
const BACKFILL_GRACE_MS = 5_000;

export class AccountRecorder {
  readonly config: AccountConfig;
  readonly #deps: AccountRecorderDeps;
  readonly #now: () => number;
  readonly #journal: Journal;
  readonly #recorder: Recorder;
  readonly #backfill: BackfillCoordinator;
  readonly #book: LiveBook;
  #running: Promise<void> | undefined;
  #phase: AccountPhase = 'stopped';
  #phaseSince: number;
  #reason: string | undefined;
  #lastMessageAt: number | undefined;
  readonly #stats: AccountSessionCounters;

  /** Opens the account's journal session and replays its positions; throws JournalError. */
  constructor(config: AccountConfig, deps: AccountRecorderDeps) {
    this.config = config;
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#phaseSince = this.#now();
    this.#stats = new AccountSessionCounters(config, this.#phaseSince);
    const sessionConfig = toSessionConfig(config, config.listener.target, deps.sessionDefaults);
    this.#journal = Journal.open(deps.journalPath, {
      session: { senderCompId: config.apiKeyId, targetCompId: config.listener.target },
      priceUnit: sessionConfig.useDollars ? 'dollars' : 'cents',
      onCommittedBatch: (batch) => this.#committed(batch),
      onUndecodable: (notices) => this.#undecodable(notices),
      onCommitError: (error) => this.#emit({ type: 'store-failed', accountId: config.id, text: error instanceof Error ? error.message : String(error) }),
    });
    try {
      this.#book = new LiveBook(() => this.#journal.reader, {
        senderCompId: config.apiKeyId,
        ...(deps.timeZone === undefined ? {} : { timeZone: deps.timeZone }),
        onSkipped: (what, error) => this.#log('listener', 'warning', `Positions: skipped ${what}: ${error.message}`),
      });
      this.#backfill = new BackfillCoordinator({
        journalPath: deps.journalPath,
        dropCopy: config.dropCopy === undefined ? undefined : {
          config: toSessionConfig(config, 'KalshiDC', deps.sessionDefaults),
          endpoint: endpointOf(config, config.dropCopy),
          signLogon: deps.signLogon,
        },
        onEvent: (event) => this.#onBackfillEvent(event),
        onCommittedBatch: (batch) => this.#committed(batch),
        onUndecodable: (notices) => this.#undecodable(notices),
      });
      this.#stats.loadUndecodable(this.#journal.reader, config.apiKeyId);
      // What the exchange last said before this run, so a stopped or restarted account shows its age, not "no message yet".
      this.#lastMessageAt = this.#journal.reader.lastReceivedAt(config.apiKeyId, config.listener.target);
    } catch (error) {
      this.#journal.close();
      throw error;
    }
    this.#recorder = new Recorder({
      config: sessionConfig,
      endpoint: endpointOf(config, config.listener),
      signLogon: deps.signLogon,
      store: this.#journal,
      ...(deps.backoff === undefined ? {} : { backoff: deps.backoff }),
      ...(deps.tickMs === undefined ? {} : { tickMs: deps.tickMs }),
      ...(deps.connect === undefined ? {} : { connect: deps.connect }),
    }, undefined, {
      onEvent: (event) => this.#onSessionEvent(event),
      onFatal: (reason) => this.#setPhase('failed', reason),
      onPhase: (phase) => { if (phase === 'logout-sent') this.#setPhase('logging-out'); },
      onData: (at) => { this.#lastMessageAt = at; },
    }, 'store-commits');
  }

  get phase(): AccountPhase {
    return this.#phase;
  }

  get book(): PositionBook {
    return this.#book.book;
  }

  status(): AccountStatus {
    const seq = this.#recorder.session.sequenceNumbers;
    return {
      accountId: this.config.id,
      phase: this.#phase,
      since: this.#phaseSince,
      lastMessageAt: this.#lastMessageAt,
      nextInbound: seq.nextInbound,
      nextOutbound: seq.nextOutbound,
      ...(this.#reason === undefined ? {} : { reason: this.#reason }),
      session: this.#stats.snapshot({ state: this.#phase, ...seq, roundTrip: this.#recorder.session.roundTrip }),
    };
  }

  /** Starts connecting (resuming from the journal's sequence numbers); returns at once. */
  start(): void {
    if (this.#running !== undefined) return;
    this.#setPhase('connecting');
    this.#running = this.#recorder.start().then(() => {
      if (this.#phase !== 'failed') this.#setPhase('stopped');
    });
  }

  /** Clean Logout, lets a running backfill finish briefly, commits and closes the journal. */
  async stop(): Promise<void> {
    if (this.#running !== undefined) {
      await this.#recorder.stop();
      await this.#running;
    }
    try {
      await this.#backfill.close(BACKFILL_GRACE_MS);
    } finally {
      this.#journal.close();
    }
    if (this.#phase !== 'failed') this.#setPhase('stopped');
  }

  /** The journal's commit, in order: executions to readers, then the positions they changed. */
  #committed(batch: CommittedBatch): void {
    const id = this.config.id;
    if (batch.executions.length > 0) {
      this.#emit({ type: 'executions', accountId: id, executions: batch.executions.map((e) => ({ position: e.rawId, record: e.record })) });
    }
    const change = this.#book.applyCommitted(batch);
    if (change.replayed || change.symbols.length > 0) this.#emit({ type: 'positions-changed', accountId: id, symbols: change.symbols, replayed: change.replayed });
    this.#deps.onCommitted?.(batch);
  }

  #onSessionEvent(event: SessionEvent): void {
    // Synchronously, before the message after a gap is stored: the backfill snapshots its ExecID heads now.
    this.#backfill.onSessionEvent(event);
    this.#stats.onSessionEvent(event, this.#now());
    const { severity, text } = describeSessionEvent(event);
    this.#emit({ type: 'log', accountId: this.config.id, source: 'listener', at: this.#now(), severity, text, session: event });
    switch (event.kind) {
      case 'connecting': this.#setPhase('connecting'); break;
      case 'logon-sent': this.#setPhase('logging-on'); break;
      case 'logon-accepted': this.#setPhase('active'); break;
      case 'reconnect-scheduled': this.#setPhase('reconnect-wait'); break;
      case 'disconnected':
        if (event.reason.kind === 'store-failed') this.#emit({ type: 'store-failed', accountId: this.config.id, text: describeDisconnect(event.reason) });
        break;
    }
  }

  #onBackfillEvent(event: BackfillEvent): void {
    this.#stats.onBackfillEvent(event, this.#now());
    const { severity, text } = describeBackfillEvent(event);
    this.#log('drop-copy', severity, text);
    if (event.kind === 'missed-fills-alert') {
      this.#emit({
        type: 'missed-fills', accountId: this.config.id, sinceMs: event.window.sinceMs, untilMs: event.window.untilMs,
        text: `Possible missed fills ${describeWindow(event.window)}: ${describeAlertCause(event.cause)}`,
      });
    }
  }

  #undecodable(notices: readonly UndecodableNotice[]): void {
    this.#stats.onUndecodable(notices);
    for (const notice of notices) this.#emit({ type: 'undecodable', accountId: this.config.id, notice, text: describeUndecodable(notice) });
  }

  #setPhase(phase: AccountPhase, reason?: DisconnectReason): void {
    if (phase === this.#phase && reason === undefined) return;
    this.#phase = phase;
    this.#phaseSince = this.#now();
    this.#reason = reason === undefined ? undefined : describeDisconnect(reason);
    this.#emit({ type: 'phase', accountId: this.config.id, phase, ...(reason === undefined ? {} : { reason, text: describeDisconnect(reason) }) });
  }

  #log(source: 'listener' | 'drop-copy', severity: 'info' | 'warning' | 'error' | 'critical', text: string): void {
    this.#emit({ type: 'log', accountId: this.config.id, source, at: this.#now(), severity, text });
  }

  #emit(event: ServiceEvent): void {
    this.#deps.emit(event);
  }
}

function endpointOf(config: AccountConfig, at: { host: string; port: number }): TlsEndpoint {
  const tls = config.tls;
  return {
    host: at.host,
    port: at.port,
    ...(tls?.caPem === undefined ? {} : { caPem: tls.caPem }),
    ...(tls?.pinnedSha256 === undefined ? {} : { pinnedSha256: [...tls.pinnedSha256] }),
    ...(tls?.servername === undefined ? {} : { servername: tls.servername }),
  };
}

/** The listener's config; with KalshiDC the same options make the drop-copy profile. Throws SessionConfigError. */
export function toSessionConfig(config: AccountConfig, target: KalshiTarget, defaults: Partial<SessionConfigInput> = {}): SessionConfig {
  const s = config.session ?? {};
  return makeSessionConfig({
    // The Session view's heartbeat round trip (a TestRequest in place of our Heartbeat); tests may turn it off.
    roundTripProbe: target !== 'KalshiDC',
    ...defaults,
    senderCompId: config.apiKeyId,
    targetCompId: target,
    ...(s.heartBtIntSec === undefined ? {} : { heartBtIntSec: s.heartBtIntSec }),
    ...(s.useDollars === undefined ? {} : { useDollars: s.useDollars }),
    ...(s.receiveSettlementReports === undefined ? {} : { receiveSettlementReports: s.receiveSettlementReports }),
    ...(s.skipPendingTag === undefined ? {} : { skipPendingTag: s.skipPendingTag }),
    ...(s.retentionHours === undefined ? {} : { retentionHours: s.retentionHours }),
    ...(s.sendRawDataLength === undefined ? {} : { sendRawDataLength: s.sendRawDataLength }),
  });
}
