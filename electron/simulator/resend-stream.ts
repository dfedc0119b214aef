// resend-stream.ts — the resend one acceptor connection is streaming: the range a ResendRequest
// opened, written a chunk at a time as the socket drains, and the account stream's callbacks waiting
// for it to end. acceptor-session.ts validates the request and holds new reports back while one runs.
import { Buffer } from 'node:buffer';
import type { OutboundHeader } from '../core/fix/encode.ts';
import { corruptChecksum, type ArmedFaults } from './faults.ts';
import type { FixConnection } from './fix-connection.ts';
import type { ResendCursor } from './message-store.ts';
import { resendFrame } from './resend-frames.ts';

/**
 * A resend is encoded and written this many bytes at a time (a few hundred ERs, four full TLS
 * records), the next chunk only once the socket has drained: memory stays bounded however large the
 * range, and the first messages leave while the rest are still being encoded.
 */
const RESEND_CHUNK_BYTES = 64 * 1024;

/** A resend being streamed: the steps left, who asked, and where it stands. */
interface ActiveResend {
  readonly cursor: ResendCursor;
  readonly request: string;
  readonly sendingTime: string;
  readonly ids: Pick<OutboundHeader, 'senderCompId' | 'targetCompId'>;
}

export interface ResendStreamDeps {
  readonly conn: FixConnection;
  /** A bad-checksum fault applies to resent frames as to live ones. */
  readonly faults: ArmedFaults;
  /** Whether the session is still logged on (a resend ends with the session). */
  readonly isActive: () => boolean;
  readonly log: (line: string) => void;
}

export class ResendStream {
  readonly #deps: ResendStreamDeps;
  #current: ActiveResend | undefined;
  /** Stream callbacks waiting for the resend to end (see AcceptorSession.onceReady). */
  #afterEnd: Array<() => void> = [];

  constructor(deps: ResendStreamDeps) {
    this.#deps = deps;
  }

  get streaming(): boolean {
    return this.#current !== undefined;
  }

  /** Runs `callback` (on a later turn) once the resend in progress has ended. */
  afterEnd(callback: () => void): void {
    this.#afterEnd.push(callback);
  }

  /** Streams a range; a new request replaces one still streaming (the client asks again from what it has). */
  start(resend: ActiveResend): void {
    const restart = this.#current !== undefined;
    this.#current = resend;
    if (!restart) this.#pump();
  }

  /** The connection closed: nothing more is sent, and nobody waits for it. */
  abandon(): void {
    this.#current = undefined;
    this.#afterEnd = [];
  }

  /** Writes the next chunk of the resend; continues when the socket has drained, ends when the range is sent. */
  #pump(): void {
    const resend = this.#current;
    if (resend === undefined) return;
    const { conn, faults } = this.#deps;
    if (!this.#deps.isActive() || !conn.writable) {
      this.#end();
      return;
    }
    const frames: Buffer[] = [];
    let bytes = 0;
    while (bytes < RESEND_CHUNK_BYTES) {
      const step = resend.cursor.next();
      if (step === undefined) break;
      const frame = resendFrame(step, resend.ids, resend.sendingTime);
      const sent = faults.takeBadChecksum() ? corruptChecksum(frame) : frame;
      frames.push(sent);
      bytes += sent.length;
    }
    if (frames.length > 0) conn.write(frames.length === 1 ? frames[0]! : Buffer.concat(frames, bytes));
    if (resend.cursor.done) {
      this.#deps.log(`resent ${resend.cursor.taken} step(s) for ${resend.request}`);
      this.#end();
      return;
    }
    // Whichever resend is current by then (a newer request may have replaced this one).
    const next = (): void => this.#pump();
    if (conn.congested) conn.onceDrained(next);
    else setImmediate(next);
  }

  /** The stream may go on: whoever waited for the resend looks at `ready` again (and waits for a drain if need be). */
  #end(): void {
    this.#current = undefined;
    const waiting = this.#afterEnd;
    this.#afterEnd = [];
    for (const callback of waiting) setImmediate(callback);
  }
}
