// malformed-defects.ts — the field-rule violations the simulator can put into an otherwise correct
// ExecutionReport (fault `malformed:<defect>`): one per kind of field FixMessage's strict scan refuses.
// The frame stays correctly framed (BodyLength and CheckSum recomputed), so a receiver must treat it
// as received-but-malformed (FIX: advance, Reject), not as garbled. A resend carries the same defect.
import { Buffer } from 'node:buffer';
import { fixChecksum, formatChecksum } from '../core/fix/checksum.ts';

export const MALFORMED_DEFECTS = {
  /** `58=` SOH: a tag without a value (373=4). */
  'empty-value': '58=\x01',
  /** A field that does not start with a tag number (373=0). */
  'not-a-tag': 'x58=oops\x01',
  /** A tag number longer than 9 digits (373=0). */
  'long-tag': '1234567890=x\x01',
  /** A tag number with a leading zero (373=0). */
  'leading-zero-tag': '058=x\x01',
  /** A field with no '=' at all (373=0). */
  'no-equals': '58oops\x01',
  /** RawData(96) shorter than RawDataLength(95) announced (373=6). */
  'data-length-mismatch': '95=9\x0196=abc\x01',
  /** RawDataLength(95) that is not a byte count (373=6). */
  'bad-data-length': '95=abc\x0196=abc\x01',
} as const;

export type MalformedDefect = keyof typeof MALFORMED_DEFECTS;

export function isMalformedDefect(name: string): name is MalformedDefect {
  return Object.hasOwn(MALFORMED_DEFECTS, name);
}

/** The frame with the defect's bytes inserted just before CheckSum(10); 9 and 10 recomputed. */
export function withDefect(frame: Buffer, defect: MalformedDefect): Buffer {
  const text = frame.toString('latin1');
  const bodyStart = text.indexOf('\x01', text.indexOf('\x019=') + 1) + 1; // after `9=NNN` SOH
  const trailer = text.lastIndexOf('\x0110=') + 1;
  const body = text.slice(bodyStart, trailer) + MALFORMED_DEFECTS[defect];
  const head = `${text.slice(0, text.indexOf('\x01') + 1)}9=${Buffer.byteLength(body, 'latin1')}\x01`;
  const withoutSum = Buffer.from(head + body, 'latin1');
  return Buffer.concat([withoutSum, Buffer.from(`10=${formatChecksum(fixChecksum(withoutSum, 0, withoutSum.length))}\x01`, 'latin1')]);
}
