// raw-client.ts — a deliberately bare FIX client for the simulator tests: TLS with the test CA pinned,
// the project's framer/decoder/encoder, a Logon signed with signLogon, and helpers to wait for what
// the simulator sends. It keeps no session rules of its own (the tests play the session by hand), so
// it can send anything the simulator must refuse.
import { Buffer } from 'node:buffer';
import { once } from 'node:events';
import { connect } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { encodeMessage } from '../../../electron/core/fix/encode.ts';
import type { FieldList } from '../../../electron/core/fix/encode.ts';
import type { FrameError } from '../../../electron/core/fix/errors.ts';
import { FixFramer } from '../../../electron/core/fix/framer.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';
import { formatUtcTimestamp } from '../../../electron/core/fix/time.ts';
import { signLogon } from '../../../electron/core/signing/logon-signature.ts';
import type { TestAccount } from './fixtures.ts';

export interface LogonOptions {
  readonly target?: string;
  readonly reset?: boolean;
  readonly heartBtInt?: number;
  /** Extra or replacement body fields; a value of null removes the default field with that tag. */
  readonly fields?: ReadonlyArray<readonly [number, string | null]>;
  readonly sendingTimeMs?: number;
  readonly msgSeqNum?: number;
  /** Sign with this account's key instead (SenderCompID stays the logon account's). */
  readonly signWith?: TestAccount;
}

const DEFAULT_WAIT_MS = 3000;

export class RawFixClient {
  readonly socket: TLSSocket;
  readonly received: FixMessage[] = [];
  readonly frameErrors: FrameError[] = [];
  readonly closed: Promise<void>;
  #framer = new FixFramer();
  #waiters: Array<() => void> = [];
  #closed = false;
  apiKeyId = 'unknown';
  target = 'KalshiRT';
  /** Next MsgSeqNum this client will send. */
  nextSeq = 1;

  private constructor(socket: TLSSocket) {
    this.socket = socket;
    this.closed = new Promise<void>((resolve) =>
      socket.on('close', () => {
        this.#closed = true;
        this.#notify();
        resolve();
      }),
    );
    socket.on('error', () => {}); // resets from drop faults are part of the tests
    socket.on('data', (chunk: Buffer) =>
      this.#framer.push(chunk, {
        onFrame: (frame) => {
          this.received.push(FixMessage.parse(Buffer.from(frame)));
          this.#notify();
        },
        onFrameError: (e) => {
          this.frameErrors.push(e);
          this.#notify();
        },
      }),
    );
  }

  static async connect(port: number, caPem: string): Promise<RawFixClient> {
    const socket = connect({ host: '127.0.0.1', port, ca: caPem });
    await once(socket, 'secureConnect');
    return new RawFixClient(socket);
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  /** Application messages (ERs) received, in arrival order. */
  get executionReports(): FixMessage[] {
    return this.received.filter((m) => m.msgType === MsgType.ExecutionReport);
  }

  /** Sends a message with the client's header; `msgSeqNum` overrides (and does not advance) the counter. */
  send(msgType: string, body: FieldList, header: { msgSeqNum?: number; possDup?: boolean; sendingTime?: string } = {}): void {
    const msgSeqNum = header.msgSeqNum ?? this.nextSeq++;
    const frame = encodeMessage(
      {
        msgType,
        msgSeqNum,
        senderCompId: this.apiKeyId,
        targetCompId: this.target,
        sendingTime: header.sendingTime ?? formatUtcTimestamp(Date.now()),
        ...(header.possDup === undefined ? {} : { possDup: header.possDup }),
      },
      body,
    );
    this.socket.write(frame);
  }

  /** A listener Logon as Fillwatch sends it (§7), signed with signLogon. */
  logon(account: TestAccount, options: LogonOptions = {}): void {
    this.apiKeyId = account.apiKeyId;
    this.target = options.target ?? 'KalshiRT';
    const reset = options.reset ?? true;
    if (reset && options.msgSeqNum === undefined) this.nextSeq = 1;
    const msgSeqNum = options.msgSeqNum ?? this.nextSeq;
    this.nextSeq = msgSeqNum + 1;
    const sendingTime = formatUtcTimestamp(options.sendingTimeMs ?? Date.now());
    const signature = signLogon((options.signWith ?? account).key, { sendingTime, msgSeqNum, senderCompId: account.apiKeyId, targetCompId: this.target });
    const defaults: Array<[number, string]> = [
      [Tag.EncryptMethod, '0'],
      [Tag.HeartBtInt, String(options.heartBtInt ?? 30)],
    ];
    if (reset) defaults.push([Tag.ResetSeqNumFlag, 'Y']);
    defaults.push([Tag.DefaultApplVerID, '9'], [Tag.ListenerSession, 'Y'], [Tag.SkipPendingExecReports, 'Y'], [Tag.UseDollars, 'Y']);
    const body = new Map<number, string | null>(defaults);
    for (const [tag, value] of options.fields ?? []) body.set(tag, value);
    const fields: Array<readonly [number, string]> = [];
    for (const [tag, value] of body) if (value !== null) fields.push([tag, value]);
    fields.push([Tag.RawDataLength, String(signature.length)], [Tag.RawData, signature]);
    this.send(MsgType.Logon, fields, { msgSeqNum, sendingTime });
  }

  /** Resolves with the first received message (from index `from`) that matches. */
  async waitFor(predicate: (m: FixMessage) => boolean, what = 'a message', timeoutMs = DEFAULT_WAIT_MS, from = 0): Promise<FixMessage> {
    let found: FixMessage | undefined;
    await this.until(() => (found = this.received.slice(from).find(predicate)) !== undefined, what, timeoutMs);
    return found!;
  }

  waitForType(msgType: string, timeoutMs = DEFAULT_WAIT_MS, from = 0): Promise<FixMessage> {
    return this.waitFor((m) => m.msgType === msgType, `35=${msgType}`, timeoutMs, from);
  }

  async waitForReports(count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<FixMessage[]> {
    await this.until(() => this.executionReports.length >= count, `${count} ExecutionReports`, timeoutMs);
    return this.executionReports;
  }

  waitForClose(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return this.until(() => this.#closed, 'the connection to close', timeoutMs);
  }

  /** Resolves once `condition` holds, re-checked on every received frame, frame error or close. */
  until(condition: () => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; received ${this.received.map((m) => m.msgType).join(',')}`));
      }, timeoutMs);
      const check = (): void => {
        if (!condition()) return;
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((w) => w !== check);
        resolve();
      };
      this.#waiters.push(check);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  #notify(): void {
    for (const w of [...this.#waiters]) w();
  }
}
