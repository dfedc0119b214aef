// errors.ts — the closed sets of things that can go wrong while framing, decoding and encoding FIX.
// Each kind has exactly one user-facing sentence (describe*Kind); the error's own message adds the
// specifics (offsets, tags, values) for logs. Owns no parsing logic and never decides what to do next.

export type FrameErrorKind = 'bad-checksum' | 'bad-body-length' | 'garbled' | 'too-long';

export function describeFrameErrorKind(kind: FrameErrorKind): string {
  switch (kind) {
    case 'bad-checksum':
      return 'A FIX message arrived with a wrong CheckSum(10) and was dropped.';
    case 'bad-body-length':
      return 'A FIX message arrived whose BodyLength(9) does not match its content and was dropped.';
    case 'garbled':
      return 'Bytes that are not a FIX message arrived on the connection and were skipped.';
    case 'too-long':
      return 'A FIX message longer than the allowed maximum arrived and was dropped.';
  }
}

export class FrameError extends Error {
  override readonly name = 'FrameError';
  readonly kind: FrameErrorKind;
  /** Offset in the whole stream (bytes pushed since the framer was created) where the bad bytes start. */
  readonly streamOffset: number;

  constructor(kind: FrameErrorKind, message: string, streamOffset: number) {
    super(message);
    this.kind = kind;
    this.streamOffset = streamOffset;
  }
}

export type DecodeErrorKind = 'malformed-field' | 'missing-field' | 'bad-value';

export function describeDecodeErrorKind(kind: DecodeErrorKind): string {
  switch (kind) {
    case 'malformed-field':
      return 'A FIX message contains a field that is not of the form tag=value.';
    case 'missing-field':
      return 'A FIX message lacks a field that its type requires.';
    case 'bad-value':
      return 'A FIX message contains a field whose value is not valid for that field.';
  }
}

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  readonly kind: DecodeErrorKind;
  /** The offending tag, when one can be named (a malformed tag number cannot). */
  readonly tag: number | undefined;

  constructor(kind: DecodeErrorKind, tag: number | undefined, message: string) {
    super(message);
    this.kind = kind;
    this.tag = tag;
  }
}

/** Encoding errors are programming errors on our side (we only ever build admin messages). */
export type EncodeErrorKind = 'bad-tag' | 'bad-value' | 'reserved-tag';

export function describeEncodeErrorKind(kind: EncodeErrorKind): string {
  switch (kind) {
    case 'bad-tag':
      return 'An outgoing FIX field has a tag number that is not a positive integer.';
    case 'bad-value':
      return 'An outgoing FIX field has a value that cannot be written on the wire.';
    case 'reserved-tag':
      return 'An outgoing FIX message body repeats a header or trailer field that the encoder writes itself.';
  }
}

export class EncodeError extends Error {
  override readonly name = 'EncodeError';
  readonly kind: EncodeErrorKind;
  readonly tag: number | undefined;

  constructor(kind: EncodeErrorKind, tag: number | undefined, message: string) {
    super(message);
    this.kind = kind;
    this.tag = tag;
  }
}
