// outbound-guard.ts — the ONLY code in Fillwatch that writes bytes to the exchange's socket.
// It re-reads the MsgType of every frame it is handed and lets through only the MsgTypes of its
// session profile, fixed at construction (admin-messages.ts OUTBOUND_MSG_TYPES): a listener sends
// session (admin) messages only; a drop-copy session also its history request (U1).
// Anything else (an order, a cancel, a quote…) is refused and reported as a security event.
// Read-only is thus enforced twice: by the message types and here, on the bytes.
import { OUTBOUND_MSG_TYPES } from './admin-messages.ts';

export interface ByteSink {
  write(bytes: Buffer): unknown;
}

export class OutboundRefusedError extends Error {
  override readonly name = 'OutboundRefusedError';
  readonly msgType: string;
  constructor(msgType: string) {
    super(`Refused to send MsgType ${JSON.stringify(msgType)}: Fillwatch is read-only and sends only session messages (and, on drop copy, history requests).`);
    this.msgType = msgType;
  }
}

export class OutboundGuard {
  readonly #sink: ByteSink;
  readonly #onRefused: (error: OutboundRefusedError) => void;
  readonly #allowed: ReadonlySet<string>;

  /** `allowed` defaults to the strictest profile, the listener's admin-only set. */
  constructor(sink: ByteSink, onRefused: (error: OutboundRefusedError) => void, allowed: ReadonlySet<string> = OUTBOUND_MSG_TYPES.listener) {
    this.#sink = sink;
    this.#onRefused = onRefused;
    // A private copy: a caller holding the set cannot widen it after construction.
    this.#allowed = new Set(allowed);
  }

  /** Writes one encoded frame if its MsgType is allowed for this profile; returns whether it was written. */
  send(frame: Buffer): boolean {
    const msgType = readMsgType(frame);
    if (msgType === undefined || !this.#allowed.has(msgType)) {
      this.#onRefused(new OutboundRefusedError(msgType ?? '(unreadable)'));
      return false;
    }
    this.#sink.write(frame);
    return true;
  }
}

/**
 * MsgType(35) of a frame, which FIX places third: `8=…␁9=…␁35=…␁`. Anything else, including a
 * frame that hides a second message after the first, is unreadable and therefore refused.
 */
export function readMsgType(frame: Buffer): string | undefined {
  const SOH = 0x01;
  const first = frame.indexOf(SOH);
  const second = first < 0 ? -1 : frame.indexOf(SOH, first + 1);
  if (second < 0 || frame.toString('latin1', second + 1, second + 4) !== '35=') return undefined;
  const end = frame.indexOf(SOH, second + 4);
  if (end < 0) return undefined;
  // A second BeginString inside the frame would smuggle another message past this check.
  if (frame.indexOf('\x018=', end) >= 0) return undefined;
  return frame.toString('latin1', second + 4, end);
}
