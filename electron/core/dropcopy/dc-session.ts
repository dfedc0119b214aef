// dc-session.ts — runs one drop-copy (KalshiDC) connection over a real socket: connect (TLS, the same
// transport as the listener), a FixConnection like the listener's (framing, decoding, ticks) with the
// OutboundGuard of the drop-copy profile (admin + U1 only), feed the DropCopyMachine, and carry out what
// it decides: store every inbound message, make the replayed ERs durable before a request is reported
// done, close.
// One run = one connection; it never reconnects (backfill.ts decides about retries). Protocol decisions
// live in dc-machine.ts; this file only does I/O and timing.
import type { TLSSocket } from 'node:tls';
import { connectTls, ConnectError, type TlsEndpoint } from '../transport/tls-connection.ts';
import { encodeAdminMessage, type LogonSigner } from '../session/admin-encoder.ts';
import { FixConnection } from '../session/fix-connection.ts';
import { OUTBOUND_MSG_TYPES } from '../session/admin-messages.ts';
import { profileOf, SessionConfigError, type SessionConfig } from '../session/session-config.ts';
import type { SequenceStore } from '../session/session-store.ts';
import { encodeDropCopyRequest, type ExecIdRange } from './dc-messages.ts';
import type { DropCopyEvent, DropCopyFailure, RangeOutcome } from './dc-events.ts';
import { DropCopyMachine, type DcEffect, type DcInput } from './dc-machine.ts';
import { rangeProblem } from './exec-id-range.ts';

/**
 * Where replayed messages go: the journal (opened for KalshiDC), or memory in tests. May throw.
 * `flush` may defer its commit (the journal's group-commit policy); `commit`, when the store has it,
 * commits at once — used before a request is reported done.
 */
export type DropCopyStore = Pick<SequenceStore, 'accept' | 'flush' | 'setNextOutbound' | 'resetSequences'> & { commit?(): void };

export interface DropCopySessionOptions {
  /** targetCompId must be KalshiDC (the drop-copy profile). */
  readonly config: SessionConfig;
  readonly endpoint: TlsEndpoint;
  readonly signLogon: LogonSigner;
  readonly store: DropCopyStore;
  readonly now?: () => number;
  readonly tickMs?: number;
  /** See DcMachineOptions.replyTimeoutMs. */
  readonly replyTimeoutMs?: number;
  readonly maxMessageBytes?: number;
  /** Opens the connection; tests wrap the real one to watch the socket. */
  readonly connect?: (endpoint: TlsEndpoint) => Promise<TLSSocket>;
}

export interface DropCopyListeners {
  onEvent?(event: DropCopyEvent): void;
  /** A request ended; every ER it brought is already durable in the store. */
  onRequestDone?(range: ExecIdRange, outcome: RangeOutcome): void;
}

export interface DropCopyRun {
  readonly outcomes: ReadonlyArray<{ readonly range: ExecIdRange; readonly outcome: RangeOutcome }>;
  /** Why the run ended early; undefined when every request was answered and we logged out. */
  readonly failure: DropCopyFailure | undefined;
}

export class DropCopySession {
  readonly #options: DropCopySessionOptions;
  readonly #listeners: DropCopyListeners;
  readonly #now: () => number;
  #machine: DropCopyMachine | undefined;
  #connection: FixConnection | undefined;
  #outcomes: Array<{ range: ExecIdRange; outcome: RangeOutcome }> = [];
  #storeFailure: DropCopyFailure | undefined;
  #stopping = false;
  #started = false;
  #cancelConnect: (() => void) | undefined;

  constructor(options: DropCopySessionOptions, listeners: DropCopyListeners = {}) {
    if (profileOf(options.config.targetCompId) !== 'drop-copy') {
      throw new SessionConfigError(`A drop-copy session logs on to KalshiDC, not ${options.config.targetCompId}.`);
    }
    this.#options = options;
    this.#listeners = listeners;
    this.#now = options.now ?? Date.now;
  }

  /** Connects, asks for each range in turn, logs out. Resolves once the connection is closed. */
  async run(ranges: readonly ExecIdRange[]): Promise<DropCopyRun> {
    if (this.#started) throw new Error('A DropCopySession runs once; make a new one for another run.');
    this.#started = true;
    for (const range of ranges) {
      const problem = rangeProblem(range);
      if (problem !== undefined) throw new RangeError(problem);
    }
    const machine = new DropCopyMachine(this.#options.config, ranges, this.#options.replyTimeoutMs === undefined ? {} : { replyTimeoutMs: this.#options.replyTimeoutMs });
    this.#machine = machine;
    if (ranges.length === 0) return { outcomes: [], failure: undefined };
    if (this.#stopping) {
      this.#input({ kind: 'stop' });
      return this.#result();
    }
    const { host, port } = this.#options.endpoint;
    this.#listeners.onEvent?.({ kind: 'connecting', host, port });
    let socket: TLSSocket | undefined;
    const connecting = (this.#options.connect ?? connectTls)(this.#options.endpoint);
    try {
      // stop() must not wait for a slow connect: the race ends at once, a late socket is destroyed.
      socket = await Promise.race([connecting, new Promise<undefined>((resolve) => { this.#cancelConnect = () => resolve(undefined); })]);
    } catch (error) {
      const text = error instanceof ConnectError ? error.message : String(error);
      this.#input({ kind: 'fail', failure: { kind: 'connect-failed', text } });
      return this.#result();
    } finally {
      this.#cancelConnect = undefined;
    }
    if (socket === undefined || this.#stopping) {
      if (socket === undefined) connecting.then((late) => late.destroy(), () => {});
      else socket.destroy();
      this.#input({ kind: 'stop' });
      return this.#result();
    }
    await this.#runConnection(socket);
    return this.#result();
  }

  /** Logs out (the outstanding request is reported not served) and ends the run. */
  stop(): void {
    this.#stopping = true;
    this.#cancelConnect?.();
    if (this.#connection !== undefined) this.#input({ kind: 'stop' });
  }

  #runConnection(socket: TLSSocket): Promise<void> {
    return new Promise((resolve) => {
      this.#connection = new FixConnection(socket, {
        allowedMsgTypes: OUTBOUND_MSG_TYPES['drop-copy'],
        ...(this.#options.maxMessageBytes === undefined ? {} : { maxMessageBytes: this.#options.maxMessageBytes }),
        ...(this.#options.tickMs === undefined ? {} : { tickMs: this.#options.tickMs }),
      }, {
        onMessage: (message) => this.#input({ kind: 'message', message }),
        onFrameError: (error) => this.#listeners.onEvent?.({ kind: 'frame-error', text: error.message }),
        onGarbled: (text) => this.#listeners.onEvent?.({ kind: 'frame-error', text }),
        onChunkEnd: () => {
          this.#storeWrite(() => this.#options.store.flush?.());
          this.#afterStoreFailure();
        },
        onTick: () => this.#input({ kind: 'tick' }),
        onOutboundRefused: (msgType) => this.#listeners.onEvent?.({ kind: 'outbound-refused', msgType }),
        onSigningFailed: (error) => this.#input({ kind: 'fail', failure: { kind: 'connect-failed', text: `the Logon could not be signed: ${error instanceof Error ? error.message : String(error)}` } }),
        onClose: (hadError) => {
          this.#input({ kind: 'closed', detail: hadError ? 'socket error' : 'by drop copy or the network' });
          this.#connection = undefined;
          resolve();
        },
      });
      this.#input({ kind: 'connected' });
      if (this.#stopping) this.#input({ kind: 'stop' });
    });
  }

  #input(input: DcInput): void {
    const machine = this.#machine;
    if (machine === undefined) return;
    for (const effect of machine.handle(input, this.#now())) this.#run(effect);
    this.#afterStoreFailure();
  }

  /** A store failure is acted on after the effects in hand: stop sending, end the run. */
  #afterStoreFailure(): void {
    const failure = this.#storeFailure;
    if (failure === undefined || this.#machine?.phase === 'ended') return;
    this.#input({ kind: 'fail', failure });
  }

  #run(effect: DcEffect): void {
    const { config, store } = this.#options;
    switch (effect.kind) {
      case 'send': {
        if (this.#storeFailure !== undefined && effect.message.type !== 'Logout') return;
        const now = this.#now();
        const frame = effect.message.type === 'EventResendRequest'
          ? encodeDropCopyRequest(effect.message, effect.msgSeqNum, config, now)
          : encodeAdminMessage(effect.message, effect.msgSeqNum, false, config, now, this.#options.signLogon);
        this.#connection?.send(frame);
        this.#storeWrite(() => store.setNextOutbound(effect.msgSeqNum + 1));
        return;
      }
      case 'accept':
        this.#storeWrite(() => store.accept(effect.message, effect.nextInbound, this.#now()));
        return;
      case 'sequences-reset':
        this.#storeWrite(() => store.resetSequences({ nextInbound: 1, nextOutbound: 1 }));
        return;
      case 'request-done': {
        // Durable first: a request is reported done only once its ERs are committed.
        this.#storeWrite(() => (store.commit === undefined ? store.flush?.() : store.commit()));
        const failure = this.#storeFailure;
        const outcome: RangeOutcome = failure !== undefined && effect.outcome.kind === 'complete' ? { kind: 'not-served', failure } : effect.outcome;
        this.#outcomes.push({ range: effect.range, outcome });
        this.#listeners.onRequestDone?.(effect.range, outcome);
        return;
      }
      case 'event':
        this.#listeners.onEvent?.(effect.event);
        return;
      case 'close':
        this.#connection?.close();
        return;
    }
  }

  /** Runs one store write; the first failure is remembered and ends the run (see #afterStoreFailure). */
  #storeWrite(write: () => void): void {
    if (this.#storeFailure !== undefined) return;
    try {
      write();
    } catch (error) {
      this.#storeFailure = { kind: 'store-failed', text: error instanceof Error ? error.message : String(error) };
    }
  }

  #result(): DropCopyRun {
    return { outcomes: this.#outcomes, failure: this.#machine?.failure };
  }
}
