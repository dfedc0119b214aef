// fix-connection.ts — the socket side of one acceptor connection: bytes in → decoded FIX messages
// out (framer + decoder), frames out, and the three ways to end (graceful with a linger, abrupt after
// a flush, immediate). Remembers why it closed and when it last read or wrote. Knows nothing of
// sessions, sequence numbers or faults.
import type { Buffer } from 'node:buffer';
import type { TLSSocket } from 'node:tls';
import { FixMessage } from '../core/fix/decode.ts';
import { FixFramer } from '../core/fix/framer.ts';

export interface FixConnectionHandlers {
  onMessage(msg: FixMessage): void;
  onClose(reason: string): void;
  log(line: string): void;
  now(): number;
}

const EMPTY = new Uint8Array(0);

export class FixConnection {
  readonly #socket: TLSSocket;
  readonly #handlers: FixConnectionHandlers;
  readonly #framer = new FixFramer();
  #closeReason = 'peer closed the connection';
  #closed = false;
  #lingerTimer: NodeJS.Timeout | undefined;
  lastRxMs: number;
  lastTxMs: number;

  constructor(socket: TLSSocket, handlers: FixConnectionHandlers) {
    this.#socket = socket;
    this.#handlers = handlers;
    this.lastRxMs = this.lastTxMs = handlers.now();
    socket.on('data', (chunk: Buffer) =>
      this.#framer.push(chunk, {
        onFrame: (frame) => this.#onFrame(frame),
        onFrameError: (e) => handlers.log(`dropped inbound bytes: ${e.message}`),
      }),
    );
    socket.on('error', (e) => {
      this.#closeReason = `socket error: ${e.message}`;
    });
    socket.on('close', () => {
      this.#closed = true;
      clearTimeout(this.#lingerTimer);
      handlers.onClose(this.#closeReason);
    });
  }

  /** False once ending or ended: nothing more can be written. */
  get writable(): boolean {
    return !this.#socket.writableEnded && !this.#socket.destroyed;
  }

  /** True while the socket's write buffer is over its high-water mark (back-pressure). */
  get congested(): boolean {
    return this.#socket.writableNeedDrain;
  }

  onceDrained(callback: () => void): void {
    this.#socket.once('drain', callback);
  }

  write(bytes: Uint8Array): void {
    if (!this.writable) return;
    this.#socket.write(bytes);
    this.lastTxMs = this.#handlers.now();
  }

  /** Half-close after what is written; destroy if the peer has not closed after `lingerMs`. */
  end(reason: string, lingerMs: number): void {
    this.#closeReason = reason;
    if (this.#closed) return;
    this.#socket.end();
    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = setTimeout(() => this.#socket.destroy(), lingerMs);
  }

  /**
   * Abrupt: no Logout, no TLS close_notify. Waits only until what was already written has left the
   * process (so "after n messages" means n reached the kernel), then destroys the socket.
   */
  drop(reason: string): void {
    this.#closeReason = reason;
    if (this.#socket.writableLength === 0) this.#socket.destroy();
    else this.#socket.write(EMPTY, () => this.#socket.destroy());
  }

  destroy(reason: string): void {
    this.#closeReason = reason;
    this.#socket.destroy();
  }

  #onFrame(frame: Buffer): void {
    if (this.#closed) return;
    let msg: FixMessage;
    try {
      msg = FixMessage.parse(frame);
    } catch (e) {
      this.#handlers.log(`undecodable inbound message: ${(e as Error).message}`);
      return;
    }
    this.lastRxMs = this.#handlers.now();
    this.#handlers.onMessage(msg);
  }
}
