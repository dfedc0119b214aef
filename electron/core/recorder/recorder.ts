// recorder.ts — one ListenerSession and where its executions go: each in-sequence ExecutionReport
// becomes a typed record handed to the sink, which deduplicates by ExecID. With the in-memory store it
// decodes them itself ('session' feed); with the journal they come from its commits ('store-commits',
// as service/account-recorder.ts wires it). A report that cannot be decoded is kept whole and reported.
// The drop-copy backfill is wired beside it by service/account-recorder.ts, not here.
import type { FixMessage } from '../fix/decode.ts';
import { DecodeError } from '../fix/errors.ts';
import { readExecutionReport } from '../fix/execution-report.ts';
import { MsgType } from '../../../shared/fix/tags.ts';
import { ListenerSession, type ListenerSessionOptions, type SessionListeners } from '../session/session.ts';
import type { SessionPhase } from '../session/session-machine.ts';
import type { DisconnectReason, SessionEvent } from '../../../shared/events/session-events.ts';
import { type ExecutionRecord } from '../../../shared/records/execution-record.ts';
import { toExecutionRecord } from '../fix/to-execution-record.ts';
import type { UndecodableNotice } from '../../../shared/records/undecodable-notice.ts';

export interface ExecutionSink {
  /** Returns false when the execution was already recorded (a resend or a replay). */
  write(record: ExecutionRecord): boolean;
}

export interface RecorderListeners {
  onExecution?(record: ExecutionRecord): void;
  /** In-memory feed only: an ExecutionReport that could not be decoded (the journal feed reports through onUndecodableStored). */
  onUndecodable?(raw: Buffer, error: DecodeError): void;
  /** Journal feed: messages kept raw in the journal because they could not be read. */
  onUndecodableStored?(notices: readonly UndecodableNotice[]): void;
  onEvent?(event: SessionEvent): void;
  onFatal?(reason: DisconnectReason): void;
  onLoggedOn?(): void;
  onPhase?(phase: SessionPhase['kind']): void;
  onData?(receivedAt: number): void;
}

/**
 * Where executions come from. 'session': decoded here from each accepted ER (in-memory store).
 * 'store-commits': the durable store decodes them and reports what it committed, through
 * deliverCommitted(), so nothing reaches a sink or the screen before it is on disk.
 */
export type ExecutionFeed = 'session' | 'store-commits';

export class Recorder {
  readonly session: ListenerSession;
  readonly #sink: ExecutionSink | undefined;
  readonly #listeners: RecorderListeners;
  readonly #feed: ExecutionFeed;
  #duplicates = 0;

  constructor(options: ListenerSessionOptions, sink: ExecutionSink | undefined, listeners: RecorderListeners = {}, feed: ExecutionFeed = 'session') {
    this.#sink = sink;
    this.#listeners = listeners;
    this.#feed = feed;
    const sessionListeners: SessionListeners = {
      onApplicationMessage: (message) => this.#onApplicationMessage(message),
      onEvent: (event) => listeners.onEvent?.(event),
      onFatal: (reason) => listeners.onFatal?.(reason),
      onPhase: (phase) => {
        if (phase === 'active') listeners.onLoggedOn?.();
        listeners.onPhase?.(phase);
      },
      onData: (receivedAt) => listeners.onData?.(receivedAt),
    };
    this.session = new ListenerSession(options, sessionListeners);
  }

  get duplicatesSkipped(): number {
    return this.#duplicates;
  }

  start(): Promise<void> {
    return this.session.start();
  }

  stop(): Promise<void> {
    return this.session.stop();
  }

  /** Executions the durable store has committed (already deduplicated by it). */
  deliverCommitted(records: readonly ExecutionRecord[]): void {
    for (const record of records) this.#deliver(record);
  }

  #onApplicationMessage(message: FixMessage): void {
    if (this.#feed !== 'session' || message.msgType !== MsgType.ExecutionReport) return;
    let record: ExecutionRecord;
    try {
      record = toExecutionRecord(readExecutionReport(message));
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      this.#listeners.onUndecodable?.(message.raw, error);
      return;
    }
    this.#deliver(record);
  }

  #deliver(record: ExecutionRecord): void {
    if (this.#sink !== undefined && !this.#sink.write(record)) {
      this.#duplicates++;
      return;
    }
    this.#listeners.onExecution?.(record);
  }
}
