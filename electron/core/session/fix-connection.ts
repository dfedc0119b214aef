// fix-connection.ts — one open TLS connection of a FIX session, the part the listener (session.ts) and
// the drop-copy client (dropcopy/dc-session.ts) share: bytes in → framer → parsed messages (a
// correctly framed message with a bad field still arrives, with its `problem`; a garbled one is
// reported), a steady tick for the session's timers, every byte out through the OutboundGuard of the
// session's profile, and a graceful close that never hangs on a peer that keeps its side open.
// Decides nothing about the protocol: the caller's machine does.
import type { TLSSocket } from 'node:tls';
import { FixFramer } from '../fix/framer.ts';
import { FixMessage } from '../fix/decode.ts';
import { DecodeError, type FrameError } from '../fix/errors.ts';
import { writeWhenSigned } from './admin-encoder.ts';
import { OutboundGuard } from './outbound-guard.ts';

/** How long a closing connection waits for the peer to close its side before destroying the socket. */
const CLOSE_GRACE_MS = 1_000;

export interface FixConnectionOptions {
  /** The MsgTypes this session may send (OUTBOUND_MSG_TYPES of its profile). */
  readonly allowedMsgTypes: ReadonlySet<string>;
  readonly maxMessageBytes?: number;
  readonly tickMs?: number;
}

export interface FixConnectionHandlers {
  onMessage(message: FixMessage): void;
  /** Bytes dropped by the framer (bad BodyLength/CheckSum, not FIX, too long). */
  onFrameError(error: FrameError): void;
  /** A framed message without a readable MsgType/MsgSeqNum: ignored, as FIX says. */
  onGarbled(text: string): void;
  /** After each chunk read from the socket (commit what it brought; note the time). */
  onChunkEnd(): void;
  onTick(): void;
  onOutboundRefused(msgType: string): void;
  /** A Logon signature that arrives late failed; the connection is still open. */
  onSigningFailed(error: unknown): void;
  onClose(hadError: boolean): void;
}

export class FixConnection {
  readonly #socket: TLSSocket;
  readonly #guard: OutboundGuard;
  readonly #handlers: FixConnectionHandlers;
  #open = true;

  constructor(socket: TLSSocket, options: FixConnectionOptions, handlers: FixConnectionHandlers) {
    this.#socket = socket;
    this.#handlers = handlers;
    this.#guard = new OutboundGuard(socket, (refused) => handlers.onOutboundRefused(refused.msgType), options.allowedMsgTypes);
    const framer = new FixFramer(options.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.maxMessageBytes });
    const sink = {
      onFrame: (frame: Buffer) => this.#onFrame(frame),
      onFrameError: (error: FrameError) => handlers.onFrameError(error),
    };
    const ticker = setInterval(() => handlers.onTick(), options.tickMs ?? 250);
    socket.on('data', (chunk: Buffer) => {
      framer.push(chunk, sink);
      handlers.onChunkEnd();
    });
    socket.on('error', () => { /* 'close' follows and reports */ });
    socket.once('close', (hadError: boolean) => {
      this.#open = false;
      clearInterval(ticker);
      handlers.onClose(hadError);
    });
  }

  get open(): boolean {
    return this.#open;
  }

  /** Writes through the guard, now or once its Logon signature arrives (dropped if closed by then). */
  send(frame: Buffer | Promise<Buffer>): void {
    writeWhenSigned(frame, (bytes) => { if (this.#open) this.#guard.send(bytes); }, (error) => { if (this.#open) this.#handlers.onSigningFailed(error); });
  }

  /** Ends our side; a peer that never closes its side must not hold us, so destroy shortly after. */
  close(): void {
    const socket = this.#socket;
    socket.end();
    setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  }

  #onFrame(frame: Buffer): void {
    let message: FixMessage;
    try {
      message = FixMessage.parseReceived(frame);
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      this.#handlers.onGarbled(error.message);
      return;
    }
    this.#handlers.onMessage(message);
  }
}
