// field-readers.ts — checked reads of one field by wire position, shared by the typed message readers
// (execution-report.ts, market-settlement-report.ts). Each either returns the typed value or throws
// DecodeError('bad-value') naming the tag; none of them searches for a tag or converts to a float.

import { DecodeError } from './errors.ts';
import type { FixMessage } from './decode.ts';

/** Decimal text `-?digits[.digits]`. */
export function decimalAt(msg: FixMessage, index: number, tag: number): string {
  const value = msg.decimalAt(index);
  if (value === undefined) throw new DecodeError('bad-value', tag, `Tag ${tag} is not a decimal number.`);
  return value;
}

/** FIX Boolean: Y → true, N → false. */
export function yesNoAt(msg: FixMessage, index: number, tag: number): boolean {
  const value = msg.valueAt(index);
  if (value === 'Y') return true;
  if (value === 'N') return false;
  throw new DecodeError('bad-value', tag, `Tag ${tag} must be Y or N.`);
}

/** Non-negative integer, e.g. a NumInGroup count. */
export function countAt(msg: FixMessage, index: number, tag: number): number {
  const n = msg.intAt(index);
  if (n === undefined || n < 0) throw new DecodeError('bad-value', tag, `Tag ${tag} is not a non-negative integer.`);
  return n;
}

/** A repeating-group field found where its group has not been opened. */
export function outsideGroup(tag: number, expectedAfter: number): DecodeError {
  return new DecodeError('bad-value', tag, `Tag ${tag} appears outside its repeating group (expected after tag ${expectedAfter}).`);
}

/** A NumInGroup count that does not match the entries that follow it. */
export function checkGroupCount(tag: number, declared: number, actual: number): void {
  if (declared !== actual) throw new DecodeError('bad-value', tag, `Group count tag ${tag} says ${declared} but ${actual} entries follow.`);
}
