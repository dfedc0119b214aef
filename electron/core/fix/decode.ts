// decode.ts — a light read-only view over one framed FIX message. field-scan.ts finds the fields in
// one pass; this class answers lookups from that table and makes a string only for a value that is
// asked for (all values are slices of one latin1 copy of the frame, made on first use). Never checks
// BodyLength/CheckSum (the framer did), sequence numbers or session rules.

import type { Buffer } from 'node:buffer';
import { DecodeError } from './errors.ts';
import { STRIDE, scanFields } from './field-scan.ts';
import type { FieldScan } from './field-scan.ts';
import { RejectReason, scanFieldsLeniently, type FieldProblem } from './lenient-scan.ts';
import { isDecimalBytes, readSigned } from './values.ts';

/** `buffer.latin1Slice` is Node's fastest bytes→string path; @types/node does not declare it. */
interface Latin1Sliceable {
  latin1Slice(start: number, end: number): string;
}

/** Reused by every parse (parsing is synchronous), so a parse allocates only the FixMessage. */
const scan: FieldScan = {
  table: new Int32Array(0),
  base: 0,
  count: 0,
  iMsgType: -1,
  iSender: -1,
  iTarget: -1,
  iSendingTime: -1,
  msgSeqNum: 0,
  possDup: false,
};

export class FixMessage {
  readonly raw: Buffer;
  readonly #table: Int32Array;
  readonly #base: number;
  readonly #count: number;
  /** Field indexes of the header fields, -1 when absent. */
  readonly #iMsgType: number;
  readonly #iSender: number;
  readonly #iTarget: number;
  readonly #iSendingTime: number;
  readonly #msgSeqNum: number;
  readonly #possDup: boolean;
  /**
   * Set when the message was framed correctly but a field broke a rule (see parseReceived): the
   * fields that could be read are here, the rest are not, so its content must not be trusted.
   */
  readonly problem: FieldProblem | undefined;
  /** The whole frame as a latin1 string, made on first value access; values are slices of it. */
  #text: string | undefined;

  // Positional on purpose: an options object would be one more allocation per message.
  private constructor(
    raw: Buffer,
    table: Int32Array,
    base: number,
    count: number,
    iMsgType: number,
    iSender: number,
    iTarget: number,
    iSendingTime: number,
    msgSeqNum: number,
    possDup: boolean,
    problem: FieldProblem | undefined,
  ) {
    this.raw = raw;
    this.#table = table;
    this.#base = base;
    this.#count = count;
    this.#iMsgType = iMsgType;
    this.#iSender = iSender;
    this.#iTarget = iTarget;
    this.#iSendingTime = iSendingTime;
    this.#msgSeqNum = msgSeqNum;
    this.#possDup = possDup;
    this.problem = problem;
    this.#text = undefined;
  }

  /**
   * Parses one frame as produced by FixFramer. Throws DecodeError only: 'malformed-field' for bytes
   * that are not tag=value SOH, 'missing-field' when 8, 9, 35, 34, 49, 52, 56 or the trailing 10 is
   * absent, 'bad-value' for a MsgSeqNum or PossDupFlag that cannot be read.
   */
  static parse(frame: Buffer): FixMessage {
    scanFields(frame, scan);
    const s = scan;
    return new FixMessage(frame, s.table, s.base, s.count, s.iMsgType, s.iSender, s.iTarget, s.iSendingTime, s.msgSeqNum, s.possDup, undefined);
  }

  /**
   * Parses a frame that arrived on a session. A frame whose fields break a rule still becomes a
   * message (with `problem` set) as long as its MsgType and MsgSeqNum can be read, so the session can
   * apply the sequence rules to it instead of asking for it again forever. Throws DecodeError only for
   * a garbled frame (no readable 35 or 34), which FIX says to ignore.
   */
  static parseReceived(frame: Buffer): FixMessage {
    try {
      return FixMessage.parse(frame);
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
    }
    const s = scan;
    const problem = scanFieldsLeniently(frame, s);
    return new FixMessage(frame, s.table, s.base, s.count, s.iMsgType, s.iSender, s.iTarget, s.iSendingTime, s.msgSeqNum, s.possDup, problem);
  }


  /** Throws the field problem as a DecodeError: typed readers call this before trusting any field. */
  assertReadable(): void {
    const p = this.problem;
    if (p === undefined) return;
    const kind = p.rejectReason === RejectReason.requiredTagMissing ? 'missing-field' : p.rejectReason === RejectReason.incorrectDataFormat ? 'bad-value' : 'malformed-field';
    throw new DecodeError(kind, p.tag, p.text);
  }

  get msgType(): string {
    return this.valueAt(this.#iMsgType);
  }

  get msgSeqNum(): number {
    return this.#msgSeqNum;
  }

  /** '' only on a message with a `problem` that lacks the field. */
  get senderCompId(): string {
    return this.#iSender < 0 ? '' : this.valueAt(this.#iSender);
  }

  get targetCompId(): string {
    return this.#iTarget < 0 ? '' : this.valueAt(this.#iTarget);
  }

  get sendingTime(): string {
    return this.#iSendingTime < 0 ? '' : this.valueAt(this.#iSendingTime);
  }

  get possDup(): boolean {
    return this.#possDup;
  }

  /** Number of fields, 8 and 9 and 10 included. With tagAt/valueAt, for one-pass readers. */
  get fieldCount(): number {
    return this.#count;
  }

  /** Tag of the field at wire position `index` (0 = BeginString). */
  tagAt(index: number): number {
    return this.#table[this.#base + index * STRIDE]!;
  }

  /** Value of the field at wire position `index`. */
  valueAt(index: number): string {
    const o = this.#base + index * STRIDE;
    const text = (this.#text ??= (this.raw as unknown as Latin1Sliceable).latin1Slice(0, this.raw.length));
    return text.slice(this.#table[o + 1]!, this.#table[o + 2]!);
  }

  /**
   * Value at wire position `index` if it is a decimal (`-?digits[.digits]`), else undefined. Checked
   * on the bytes, so a bad value costs no string.
   */
  decimalAt(index: number): string | undefined {
    const o = this.#base + index * STRIDE;
    return isDecimalBytes(this.raw, this.#table[o + 1]!, this.#table[o + 2]!) ? this.valueAt(index) : undefined;
  }

  /** Whether the value at wire position `index` is a decimal (`-?digits[.digits]`); makes no string. */
  isDecimalAt(index: number): boolean {
    const o = this.#base + index * STRIDE;
    return isDecimalBytes(this.raw, this.#table[o + 1]!, this.#table[o + 2]!);
  }

  /** Value at wire position `index` as a safe integer (optional leading '-'), else undefined. */
  intAt(index: number): number | undefined {
    const o = this.#base + index * STRIDE;
    return readSigned(this.raw, this.#table[o + 1]!, this.#table[o + 2]!);
  }

  /** Wire position of the first field with `tag` at or after `from`, or -1. */
  indexOf(tag: number, from = 0): number {
    const t = this.#table;
    for (let i = from, o = this.#base + from * STRIDE; i < this.#count; i++, o += STRIDE) {
      if (t[o] === tag) return i;
    }
    return -1;
  }

  has(tag: number): boolean {
    return this.indexOf(tag) >= 0;
  }

  /** Value of the first occurrence of `tag`. */
  get(tag: number): string | undefined {
    const i = this.indexOf(tag);
    return i < 0 ? undefined : this.valueAt(i);
  }

  require(tag: number): string {
    const i = this.indexOf(tag);
    if (i < 0) throw new DecodeError('missing-field', tag, `The message has no tag ${tag}.`);
    return this.valueAt(i);
  }

  /** First occurrence of `tag` as a safe integer (optional leading '-'); undefined when absent. */
  getInt(tag: number): number | undefined {
    const i = this.indexOf(tag);
    if (i < 0) return undefined;
    const n = this.intAt(i);
    if (n === undefined) throw new DecodeError('bad-value', tag, `Tag ${tag} is not an integer.`);
    return n;
  }

  /**
   * First occurrence of `tag` as decimal text (`-?digits[.digits]`, never a float); undefined when
   * absent; DecodeError('bad-value') when present but not a decimal.
   */
  getDecimal(tag: number): string | undefined {
    const i = this.indexOf(tag);
    if (i < 0) return undefined;
    const value = this.decimalAt(i);
    if (value === undefined) throw new DecodeError('bad-value', tag, `Tag ${tag} is not a decimal number.`);
    return value;
  }

  /** Every occurrence of `tag`, in wire order (repeating groups). */
  all(tag: number): string[] {
    const out: string[] = [];
    for (let i = this.indexOf(tag); i >= 0; i = this.indexOf(tag, i + 1)) out.push(this.valueAt(i));
    return out;
  }

  *fields(): IterableIterator<[tag: number, value: string]> {
    for (let i = 0; i < this.#count; i++) yield [this.tagAt(i), this.valueAt(i)];
  }

  /** The frame with SOH shown as `separator` (default '|'), for logs and the UI. */
  toDisplayString(separator = '|'): string {
    return (this.raw as unknown as Latin1Sliceable).latin1Slice(0, this.raw.length).replaceAll('\x01', separator);
  }
}
