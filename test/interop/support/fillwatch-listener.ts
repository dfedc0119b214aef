// fillwatch-listener.ts — Fillwatch's side of the interop test: a real Recorder (TLS transport, framer,
// decoder, session machine, ER reader) wired to in-memory observers. It records every in-sequence
// inbound message the session accepted, every session event and fatal reason, and every execution
// record, deduplicating by ExecID as the JSONL sink does. The clock can be moved forward so the
// session's own TestRequest fires without waiting out a real HeartBtInt.
import { Recorder } from '../../../electron/core/recorder/recorder.ts';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import type { FixMessage } from '../../../electron/core/fix/decode.ts';
import { makeSessionConfig, type SessionConfigInput } from '../../../electron/core/session/session-config.ts';
import { MemorySequenceStore, type SequenceStore } from '../../../electron/core/session/session-store.ts';
import type { SequenceSnapshot } from '../../../electron/core/session/sequence.ts';
import type { DisconnectReason, SessionEvent } from '../../../shared/events/session-events.ts';
import { importPrivateKeyPem, signLogon } from '../../../electron/core/signing/index.ts';

/** One inbound message the session accepted (in sequence), reduced to what the test asserts on. */
export interface AcceptedMessage {
  readonly msgType: string;
  readonly msgSeqNum: number;
  readonly testReqId: string | undefined;
  readonly text: string | undefined;
  /** The message itself, for ExecutionReports only (the test reads 38/44 from it). */
  readonly message: FixMessage | undefined;
}

export interface ListenerOptions {
  readonly port: number;
  readonly caPem: string;
  readonly apiKeyId: string;
  /** PKCS#8 PEM the Logon is signed with. */
  readonly privateKeyPem: string;
  /** Session settings other than the CompIDs (defaults: makeSessionConfig's). */
  readonly session?: Omit<SessionConfigInput, 'senderCompId' | 'targetCompId'>;
}

export interface RunningListener {
  readonly recorder: Recorder;
  /** Settles when the session has stopped for good (clean stop or fatal). */
  readonly finished: Promise<void>;
  readonly records: ExecutionRecord[];
  readonly accepted: AcceptedMessage[];
  readonly events: SessionEvent[];
  readonly fatal: DisconnectReason[];
  readonly undecodable: string[];
  /** Moves the session's clock forward (timers and SendingTime alike). */
  advanceClock(ms: number): void;
}

export function startListener(options: ListenerOptions): RunningListener {
  const key = importPrivateKeyPem(options.privateKeyPem);
  const records: ExecutionRecord[] = [];
  const seen = new Set<string>();
  const accepted: AcceptedMessage[] = [];
  const events: SessionEvent[] = [];
  const fatal: DisconnectReason[] = [];
  const undecodable: string[] = [];
  let offsetMs = 0;

  const recorder = new Recorder(
    {
      config: makeSessionConfig({ ...options.session, senderCompId: options.apiKeyId, targetCompId: 'KalshiRT' }),
      endpoint: { host: '127.0.0.1', port: options.port, caPem: options.caPem, servername: 'localhost', connectTimeoutMs: 2_000 },
      signLogon: (fields) => signLogon(key, fields),
      store: new ObservingStore(new MemorySequenceStore(), (message) => accepted.push({
        msgType: message.msgType,
        msgSeqNum: message.msgSeqNum,
        testReqId: message.get(112),
        text: message.get(58),
        message: message.msgType === '8' ? message : undefined,
      })),
      backoff: { initialMs: 50, maxMs: 200, minMs: 0 },
      now: () => Date.now() + offsetMs,
      tickMs: 50,
    },
    {
      write: (record) => {
        if (seen.has(record.execId)) return false;
        seen.add(record.execId);
        records.push(record);
        return true;
      },
    },
    {
      onEvent: (event) => events.push(event),
      onFatal: (reason) => fatal.push(reason),
      onUndecodable: (raw, error) => undecodable.push(`${error.message}: ${raw.toString('latin1')}`),
    },
  );
  return {
    recorder,
    finished: recorder.start(),
    records,
    accepted,
    events,
    fatal,
    undecodable,
    advanceClock: (ms) => { offsetMs += ms; },
  };
}

/** Passes everything to the real store, and reports each accepted message first. */
class ObservingStore implements SequenceStore {
  readonly #inner: SequenceStore;
  readonly #onAccept: (message: FixMessage) => void;

  constructor(inner: SequenceStore, onAccept: (message: FixMessage) => void) {
    this.#inner = inner;
    this.#onAccept = onAccept;
  }

  load(): SequenceSnapshot | undefined {
    return this.#inner.load();
  }

  accept(message: FixMessage, nextInbound: number, receivedAt: number): void {
    this.#onAccept(message);
    this.#inner.accept(message, nextInbound, receivedAt);
  }

  setNextOutbound(nextOutbound: number): void {
    this.#inner.setNextOutbound(nextOutbound);
  }

  resetSequences(next: SequenceSnapshot): void {
    this.#inner.resetSequences(next);
  }
}
