// session.ts — drives one listener session over real sockets: connect (with backoff), open a
// FixConnection (framing, decoding, ticks, the outbound guard: shared with the drop-copy client), feed
// the SessionMachine, and run what it decides: send, store accepted messages, publish events, close. All protocol decisions live in
// session-machine.ts; this file only does I/O and timing.
import type { TLSSocket } from 'node:tls';
import type { FixMessage } from '../fix/decode.ts';
import { connectTls, ConnectError, type TlsEndpoint } from '../transport/tls-connection.ts';
import { ReconnectPolicy, type BackoffOptions } from '../transport/reconnect-policy.ts';
import { encodeAdminMessage, type LogonSigner } from './admin-encoder.ts';
import { OUTBOUND_MSG_TYPES } from './admin-messages.ts';
import { FixConnection } from './fix-connection.ts';
import { asksToSlowDown } from './slow-down.ts';
import { SessionMachine, type SessionEffect, type SessionPhase } from './session-machine.ts';
import { profileOf, SessionConfigError, type SessionConfig } from './session-config.ts';
import type { DisconnectReason, SessionEvent } from '../../../shared/events/session-events.ts';
import type { SequenceStore } from './session-store.ts';

export interface ListenerSessionOptions {
  readonly config: SessionConfig;
  readonly endpoint: TlsEndpoint;
  readonly signLogon: LogonSigner;
  readonly store: SequenceStore;
  readonly backoff?: Partial<BackoffOptions>;
  readonly now?: () => number;
  readonly tickMs?: number;
  readonly maxMessageBytes?: number;
  /** Opens the connection; tests wrap the real one to watch the socket. */
  readonly connect?: (endpoint: TlsEndpoint) => Promise<TLSSocket>;
}

export interface SessionListeners {
  /** An in-sequence application message (ExecutionReport, settlement…), after the store accepted it. */
  onApplicationMessage?(message: FixMessage, receivedAt: number): void;
  onEvent?(event: SessionEvent): void;
  onPhase?(phase: SessionPhase['kind']): void;
  /** Bytes arrived from the exchange (once per socket chunk): for "last message N s ago". */
  onData?(receivedAt: number): void;
  /** The session gave up for good (e.g. the Logon was refused); it will not reconnect. */
  onFatal?(reason: DisconnectReason): void;
}

export class ListenerSession {
  readonly #options: ListenerSessionOptions;
  readonly #listeners: SessionListeners;
  readonly #machine: SessionMachine;
  readonly #policy: ReconnectPolicy;
  readonly #now: () => number;
  #connection: FixConnection | undefined;
  #stopping = false;
  #running: Promise<void> | undefined;
  #wakeSleep: (() => void) | undefined;
  #closeConnection: ((reason: DisconnectReason | undefined) => void) | undefined;
  #storeFailed = false;
  #loggedOnThisConnection = false;

  constructor(options: ListenerSessionOptions, listeners: SessionListeners = {}) {
    if (profileOf(options.config.targetCompId) !== 'listener') {
      throw new SessionConfigError(`A listener session logs on to KalshiRT or KalshiNR; ${options.config.targetCompId} is served by the drop-copy client (core/dropcopy).`);
    }
    this.#options = options;
    this.#listeners = listeners;
    this.#now = options.now ?? Date.now;
    this.#machine = new SessionMachine({ config: options.config, persisted: options.store.load() });
    this.#policy = new ReconnectPolicy(options.backoff);
  }

  get phase(): SessionPhase['kind'] {
    return this.#machine.phase.kind;
  }

  get sequenceNumbers(): { nextInbound: number; nextOutbound: number } {
    return this.#machine.seq.snapshot();
  }

  /** The last heartbeat round trip measured (config.roundTripProbe), if any. */
  get roundTrip(): { readonly ms: number; readonly at: number } | undefined {
    return this.#machine.roundTrip;
  }

  /** Starts connecting; resolves when the session has stopped for good. */
  start(): Promise<void> {
    this.#running ??= this.#runLoop();
    return this.#running;
  }

  /** Logs out cleanly (waiting for the exchange's Logout, up to the logout timeout) and stops. */
  async stop(text = 'Fillwatch listener shutting down'): Promise<void> {
    this.#stopping = true;
    this.#wakeSleep?.();
    if (this.#connection !== undefined) this.#apply(this.#machine.handle({ kind: 'logout-requested', text }, this.#now()));
    await this.#running;
  }

  async #runLoop(): Promise<void> {
    const { host, port } = this.#options.endpoint;
    while (!this.#stopping) {
      this.#emitEvent({ kind: 'connecting', host, port, attempt: this.#policy.attempts + 1 });
      let socket: TLSSocket;
      try {
        socket = await (this.#options.connect ?? connectTls)(this.#options.endpoint);
      } catch (error) {
        const text = error instanceof ConnectError ? error.message : String(error);
        this.#emitEvent({ kind: 'connect-failed', text });
        await this.#backoff();
        continue;
      }
      if (this.#stopping) {
        socket.destroy();
        break;
      }
      const { loggedOn, reason } = await this.#runConnection(socket);
      if (loggedOn) this.#policy.reset();
      if (reason?.kind === 'logon-rejected' && !reason.retryable) {
        this.#listeners.onFatal?.(reason);
        break;
      }
      if (!this.#stopping) await this.#backoff(reason);
    }
  }

  /** One TLS connection, from Logon to close. */
  #runConnection(socket: TLSSocket): Promise<{ loggedOn: boolean; reason: DisconnectReason | undefined }> {
    return new Promise((resolve) => {
      this.#loggedOnThisConnection = false;
      let finalReason: DisconnectReason | undefined;
      const connection = new FixConnection(socket, {
        allowedMsgTypes: OUTBOUND_MSG_TYPES.listener,
        ...(this.#options.maxMessageBytes === undefined ? {} : { maxMessageBytes: this.#options.maxMessageBytes }),
        ...(this.#options.tickMs === undefined ? {} : { tickMs: this.#options.tickMs }),
      }, {
        onMessage: (message) => this.#apply(this.#machine.handle({ kind: 'message', message }, this.#now())),
        onFrameError: (error) => this.#emitEvent({ kind: 'frame-error', errorKind: error.kind, text: error.message }),
        onGarbled: (text) => this.#emitEvent({ kind: 'decode-error', text }),
        onChunkEnd: () => {
          this.#flushStore();
          this.#listeners.onData?.(this.#now());
        },
        onTick: () => this.#apply(this.#machine.handle({ kind: 'tick' }, this.#now())),
        onOutboundRefused: (msgType) => this.#emitEvent({ kind: 'outbound-refused', msgType }),
        onSigningFailed: (error) => {
          const text = error instanceof Error ? error.message : String(error);
          this.#emitEvent({ kind: 'signing-failed', text });
          this.#closeConnection?.({ kind: 'socket-closed', detail: `the Logon could not be signed: ${text}` });
        },
        onClose: () => {
          const reason = finalReason ?? { kind: 'socket-closed', detail: 'by the exchange or the network' };
          this.#apply(this.#machine.handle({ kind: 'disconnected', reason }, this.#now()));
          this.#connection = undefined;
          this.#closeConnection = undefined;
          resolve({ loggedOn: this.#loggedOnThisConnection, reason: finalReason });
        },
      });
      this.#connection = connection;
      this.#closeConnection = (reason) => {
        finalReason ??= reason;
        connection.close();
      };
      this.#emitEvent({ kind: 'connected' });
      this.#apply(this.#machine.handle({ kind: 'connected' }, this.#now()));
      if (this.#stopping) this.#apply(this.#machine.handle({ kind: 'logout-requested', text: 'Fillwatch listener shutting down' }, this.#now()));
    });
  }

  #apply(effects: readonly SessionEffect[]): void {
    const before = this.#machine.phase.kind;
    for (const effect of effects) this.#run(effect);
    const after = this.#machine.phase.kind;
    if (after !== before) {
      if (after === 'active') this.#loggedOnThisConnection = true;
      this.#listeners.onPhase?.(after);
    }
  }

  #run(effect: SessionEffect): void {
    const now = this.#now();
    switch (effect.kind) {
      case 'send': {
        // A Logon signed after its connection closed is dropped: the next connection signs its own.
        this.#connection?.send(encodeAdminMessage(effect.message, effect.msgSeqNum, effect.possDup, this.#options.config, now, this.#options.signLogon));
        this.#guardStore(() => this.#options.store.setNextOutbound(this.#machine.seq.nextOutbound));
        return;
      }
      case 'accept':
        if (this.#storeFailed) return;
        if (!this.#guardStore(() => this.#options.store.accept(effect.message, effect.nextInbound, now))) return;
        if (effect.application) this.#listeners.onApplicationMessage?.(effect.message, now);
        return;
      case 'sequences-reset':
        this.#guardStore(() => this.#options.store.resetSequences(effect.next));
        return;
      case 'event':
        this.#emitEvent(effect.event);
        return;
      case 'disconnect':
        this.#closeConnection?.(effect.reason);
        return;
    }
  }

  #flushStore(): void {
    if (!this.#storeFailed && this.#options.store.flush !== undefined) this.#guardStore(() => this.#options.store.flush?.());
  }

  /**
   * Runs a store write. On failure nothing more is acknowledged: the machine has already counted the
   * message, so this session object stops for good; a new one resumes from the stored number and
   * KalshiRT resends the rest.
   */
  #guardStore(write: () => void): boolean {
    try {
      write();
      return true;
    } catch (error) {
      this.#storeFailed = true;
      const reason: DisconnectReason = { kind: 'store-failed', text: error instanceof Error ? error.message : String(error) };
      this.#stopping = true;
      this.#closeConnection?.(reason);
      this.#listeners.onFatal?.(reason);
      return false;
    }
  }

  #emitEvent(event: SessionEvent): void {
    this.#listeners.onEvent?.(event);
  }

  async #backoff(after?: DisconnectReason): Promise<void> {
    if (this.#stopping) return;
    const slowDown = (after?.kind === 'exchange-logout' || after?.kind === 'logon-rejected') && asksToSlowDown(after.text);
    const delayMs = this.#policy.nextDelayMs(slowDown);
    this.#emitEvent({ kind: 'reconnect-scheduled', delayMs, attempt: this.#policy.attempts + 1, slowDown });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delayMs);
      this.#wakeSleep = () => { clearTimeout(timer); resolve(); };
    });
    this.#wakeSleep = undefined;
  }
}
