// framer.ts — turns a TCP byte stream into whole FIX frames (bytes → frames, nothing more).
// Checks only what delimits a frame: `8=FIX…` start, BodyLength(9) as the second field, `10=NNN` at
// the place BodyLength says, and the checksum. Never parses other tags, never throws on bad input,
// never loops without consuming bytes, and never buffers more than maxMessageBytes (plus the few
// bytes that may begin the next `8=FIX`).
//
// Recovery rules: each bad frame yields exactly one FrameError; a run of bytes that belong to no
// frame yields one 'garbled' error however long it is; after any error we resynchronise at the next
// `8=FIX`. A frame whose BodyLength points past a later complete, valid frame is given up as soon as
// that later frame has arrived, so a bogus length cannot hold good messages hostage.

import { Buffer } from 'node:buffer';
import { fixChecksum, formatChecksum } from './checksum.ts';
import { FrameError } from './errors.ts';
import type { FrameErrorKind } from './errors.ts';

export interface FrameSink {
  /** A complete, checksum-verified frame from `8=` through the SOH after `10=NNN`. A view, not a copy. */
  onFrame(frame: Buffer): void;
  onFrameError(error: FrameError): void;
}

export interface FixFramerOptions {
  /** Largest whole frame accepted, in bytes. Default 64 KiB. */
  maxMessageBytes?: number;
}

const SOH = 0x01;
const START = Buffer.from('8=FIX', 'latin1');
/** `FIXT.1.1` is 8 bytes; anything much longer before the first SOH is not a BeginString. */
const MAX_BEGIN_STRING = 16;
/** BodyLength digits: 64 KiB needs 5; 9 digits already exceed any sane limit. */
const MAX_BODY_LENGTH_DIGITS = 9;
/** `10=NNN` + SOH. */
const TRAILER_BYTES = 7;

/** What we found at a `8=FIX`. */
type Candidate =
  | { readonly kind: 'frame'; readonly end: number }
  /** `bytes`: how many bytes from the frame start are needed before looking again (0 = not known yet). */
  | { readonly kind: 'need-more'; readonly bytes: number }
  /** `fresh`: skipTo is just past the whole bad frame, so what follows is not part of it. */
  | { readonly kind: 'bad'; readonly error: FrameErrorKind; readonly message: string; readonly skipTo: number; readonly fresh: boolean };

const NEED_MORE_HEADER: Candidate = { kind: 'need-more', bytes: 0 };

export class FixFramer {
  readonly #maxMessageBytes: number;
  /**
   * Bytes kept from earlier pushes (an incomplete frame, or a tail that may begin `8=FIX`), as a list
   * so a large frame trickling in small chunks is joined once, not once per chunk.
   */
  #pending: Buffer[] = [];
  #pendingLength = 0;
  /** Total bytes the incomplete frame in #pending needs before it is worth examining again. */
  #need = 0;
  /** Stream offset of the first pending byte. */
  #streamOffset = 0;
  /** Inside a run of bad bytes already reported: further garbage in the run is not reported again. */
  #inReportedRun = false;

  constructor(options: FixFramerOptions = {}) {
    const max = options.maxMessageBytes ?? 64 * 1024;
    if (!Number.isSafeInteger(max) || max < 32) throw new RangeError(`maxMessageBytes must be an integer >= 32, got ${max}.`);
    this.#maxMessageBytes = max;
  }

  /** Bytes held back waiting for the rest of a frame; never more than maxMessageBytes. */
  get bufferedBytes(): number {
    return this.#pendingLength;
  }

  /**
   * Feeds bytes and reports every complete frame and every framing error, in stream order. Emitted
   * frames may be views into `chunk`: like any Node stream consumer, do not modify a chunk once pushed.
   */
  push(chunk: Buffer, sink: FrameSink): void {
    if (chunk.length === 0) return;
    if (this.#need > 0 && this.#pendingLength > 0 && this.#pendingLength + chunk.length >= this.#need) {
      const used = this.#completePending(chunk, sink);
      if (used === chunk.length) return;
      if (used > 0) chunk = chunk.subarray(used);
    }
    let buf: Buffer;
    if (this.#pendingLength === 0) {
      buf = chunk; // common case: frames are views straight into the caller's chunk
    } else {
      this.#pending.push(chunk);
      this.#pendingLength += chunk.length;
      // Still short of the announced length: only worth a look if a new frame may have started.
      if (this.#pendingLength < this.#need && !mayHoldFrameStart(chunk)) return;
      buf = Buffer.concat(this.#pending, this.#pendingLength);
    }
    this.#need = 0;
    const base = this.#streamOffset;
    const end = buf.length;
    let pos = 0;
    // try/finally: if the sink throws, what was already delivered is still consumed, so the next
    // push neither repeats a frame nor loses the bytes after it.
    try {
      while (pos < end) {
        const start = buf.indexOf(START, pos);
        if (start < 0) {
          // No frame start in sight: everything except a possible partial `8=FIX` at the tail is garbage.
          const keep = partialStartLength(buf, pos, end);
          const garbageAt = pos;
          pos = end - keep;
          if (pos > garbageAt) this.#garbage(sink, base + garbageAt);
          break;
        }
        const garbageAt = pos;
        pos = start;
        if (start > garbageAt) this.#garbage(sink, base + garbageAt);

        let candidate = this.#examine(buf, start, end);
        let need = candidate.kind === 'need-more' ? candidate.bytes : 0;
        if (need > 0) {
          // Waiting on an announced length: if a complete frame already sits inside it, the length is bogus.
          const later = this.#laterFrame(buf, start, end);
          if (later.next >= 0) {
            const message = 'BodyLength(9) runs past the start of the next complete message.';
            candidate = { kind: 'bad', error: 'bad-body-length', message, skipTo: later.next, fresh: false };
          } else {
            need = Math.min(need, later.need);
          }
        }
        if (candidate.kind === 'need-more') {
          this.#need = need;
          break;
        }
        if (candidate.kind === 'frame') {
          this.#inReportedRun = false;
          pos = candidate.end;
          sink.onFrame(buf.subarray(start, candidate.end));
          continue;
        }
        const report = candidate.error !== 'garbled' || !this.#inReportedRun;
        // Unless we skipped the whole bad frame, what follows is the rest of it, which will look like
        // garbage that has already been reported.
        this.#inReportedRun = !candidate.fresh;
        pos = candidate.skipTo;
        if (report) sink.onFrameError(new FrameError(candidate.error, candidate.message, base + start));
      }
    } finally {
      // Copy the (small or partial) remainder so a view does not pin the whole chunk behind it.
      this.#pending = pos >= end ? [] : [Buffer.from(buf.subarray(pos, end))];
      this.#pendingLength = end - pos;
      this.#streamOffset = base + pos;
    }
  }

  /**
   * The common case of a frame split across reads: the pending bytes are the start of a frame whose
   * length is known, and `chunk` holds the rest. Joins only that frame (not the whole chunk) and, when
   * it is valid, emits it and returns how many bytes of `chunk` it took; the rest of the chunk is then
   * framed in place. Returns 0 when it is not that simple (a bad or longer frame): push() then does
   * the general join, so every error is found and reported exactly as before.
   */
  #completePending(chunk: Buffer, sink: FrameSink): number {
    const size = this.#need;
    const used = size - this.#pendingLength;
    const frame = Buffer.allocUnsafe(size);
    let at = 0;
    for (const part of this.#pending) at += part.copy(frame, at);
    chunk.copy(frame, at, 0, used);
    const candidate = this.#examine(frame, 0, size);
    if (candidate.kind !== 'frame' || candidate.end !== size) return 0;
    this.#pending = [];
    this.#pendingLength = 0;
    this.#need = 0;
    this.#streamOffset += size;
    this.#inReportedRun = false;
    sink.onFrame(frame);
    return used;
  }

  #garbage(sink: FrameSink, streamOffset: number): void {
    if (this.#inReportedRun) return;
    this.#inReportedRun = true;
    sink.onFrameError(new FrameError('garbled', `Skipped bytes that are not part of a FIX message at stream offset ${streamOffset}.`, streamOffset));
  }

  /**
   * The first complete, valid frame after `start` (next >= 0), or else how many bytes from `start`
   * must be buffered before one of the later frame starts could be complete (need).
   */
  #laterFrame(buf: Buffer, start: number, end: number): { next: number; need: number } {
    let need = Number.MAX_SAFE_INTEGER;
    for (let q = buf.indexOf(START, start + 1); q >= 0; q = buf.indexOf(START, q + 1)) {
      const c = this.#examine(buf, q, end);
      if (c.kind === 'frame') return { next: q, need: 0 };
      // A later start whose header is still incomplete: look again at the next push.
      if (c.kind === 'need-more') need = Math.min(need, c.bytes > 0 ? q - start + c.bytes : end - start + 1);
    }
    return { next: -1, need };
  }

  /** Looks at the frame that starts at `start` (where `8=FIX` was found). */
  #examine(buf: Buffer, start: number, end: number): Candidate {
    const max = this.#maxMessageBytes;
    const bad = (error: FrameErrorKind, message: string, skipTo = start + 1, fresh = false): Candidate => ({ kind: 'bad', error, message, skipTo, fresh });

    // BeginString value runs from start+2 to the first SOH.
    const beginLimit = start + 2 + MAX_BEGIN_STRING + 1; // first byte that can no longer be that SOH
    const beginSoh = buf.indexOf(SOH, start + 2);
    if (beginSoh < 0 || beginSoh >= beginLimit) {
      return end >= beginLimit ? bad('garbled', 'BeginString(8) is not followed by a field separator.') : NEED_MORE_HEADER;
    }

    // Second field must be `9=<digits>` SOH.
    let p = beginSoh + 1;
    if (p + 2 > end) return NEED_MORE_HEADER;
    if (buf[p] !== 0x39 /* 9 */ || buf[p + 1] !== 0x3d /* = */) return bad('garbled', 'The second field is not BodyLength(9).');
    p += 2;
    let bodyLength = 0;
    let ndigits = 0;
    for (;;) {
      if (p >= end) return NEED_MORE_HEADER;
      const c = buf[p]!;
      if (c === SOH) break;
      if (c < 0x30 || c > 0x39) return bad('garbled', 'BodyLength(9) is not a number.');
      if (++ndigits > MAX_BODY_LENGTH_DIGITS) return bad('too-long', 'BodyLength(9) has too many digits.');
      bodyLength = bodyLength * 10 + (c - 0x30);
      p++;
    }
    if (ndigits === 0) return bad('garbled', 'BodyLength(9) is empty.');

    const bodyStart = p + 1;
    const trailerStart = bodyStart + bodyLength;
    const frameEnd = trailerStart + TRAILER_BYTES;
    if (frameEnd - start > max) return bad('too-long', `Message of ${frameEnd - start} bytes exceeds the ${max}-byte limit.`);
    if (frameEnd > end) return { kind: 'need-more', bytes: frameEnd - start };

    if (
      buf[trailerStart - 1] !== SOH ||
      buf[trailerStart] !== 0x31 /* 1 */ ||
      buf[trailerStart + 1] !== 0x30 /* 0 */ ||
      buf[trailerStart + 2] !== 0x3d /* = */
    ) {
      return bad('bad-body-length', `BodyLength(9)=${bodyLength} does not end where CheckSum(10) begins.`);
    }
    // From here the frame is delimited. If it is still bad, resume at the earliest `8=FIX` inside it
    // (its length may have swallowed the next message), else right after it.
    const d0 = buf[trailerStart + 3]! - 0x30;
    const d1 = buf[trailerStart + 4]! - 0x30;
    const d2 = buf[trailerStart + 5]! - 0x30;
    const checksumDigits = d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 && buf[frameEnd - 1] === SOH;
    const declared = d0 * 100 + d1 * 10 + d2;
    const computed = checksumDigits ? fixChecksum(buf, start, trailerStart) : -1;
    if (checksumDigits && declared === computed) return { kind: 'frame', end: frameEnd };

    const inner = buf.indexOf(START, start + 1);
    const skipTo = inner >= 0 && inner < frameEnd ? inner : frameEnd;
    const fresh = skipTo === frameEnd;
    return checksumDigits
      ? bad('bad-checksum', `CheckSum(10)=${formatChecksum(declared)} but the bytes sum to ${formatChecksum(computed)}.`, skipTo, fresh)
      : bad('bad-checksum', 'CheckSum(10) is not three digits followed by a separator.', skipTo, fresh);
  }
}

/**
 * Cheap test of whether `chunk` may contain (part of) a new `8=FIX`: it contains one, or begins with
 * a tail of one that started in the previous chunk. False positives only cost an extra look.
 */
function mayHoldFrameStart(chunk: Buffer): boolean {
  if (chunk.indexOf(START) >= 0) return true;
  for (let k = 1; k < START.length && k <= chunk.length; k++) {
    if (chunk.compare(START, START.length - k, START.length, 0, k) === 0) return true;
  }
  return false;
}

/** Length of the longest suffix of buf[from, end) that is a proper prefix of `8=FIX`. */
function partialStartLength(buf: Buffer, from: number, end: number): number {
  for (let k = Math.min(START.length - 1, end - from); k > 0; k--) {
    if (buf.compare(START, 0, k, end - k, end) === 0) return k;
  }
  return 0;
}
