// values.ts — syntax checks and integer reads for FIX value types (decimals, integers) over text or
// frame bytes. Only says whether a value is well-formed; never converts money to a binary float.

/** True for `-?\d+(\.\d+)?`, the only decimal form we accept for prices, quantities and amounts. */
export function isDecimalText(text: string): boolean {
  const len = text.length;
  let i = text.charCodeAt(0) === 0x2d /* - */ ? 1 : 0;
  const intStart = i;
  while (i < len && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return false;
  if (i === len) return true;
  if (text.charCodeAt(i) !== 0x2e /* . */) return false;
  const fracStart = ++i;
  while (i < len && isDigit(text.charCodeAt(i))) i++;
  return i === len && i > fracStart;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** isDecimalText over bytes [start, end) of a frame, without making a string first. */
export function isDecimalBytes(buf: Uint8Array, start: number, end: number): boolean {
  let i = buf[start] === 0x2d /* - */ ? start + 1 : start;
  const intStart = i;
  while (i < end && isDigit(buf[i]!)) i++;
  if (i === intStart) return false;
  if (i === end) return true;
  if (buf[i] !== 0x2e /* . */) return false;
  const fracStart = ++i;
  while (i < end && isDigit(buf[i]!)) i++;
  return i === end && i > fracStart;
}

/** Non-negative decimal integer in bytes [start, end), or -1 if not all digits or beyond 15 digits. */
export function readUnsigned(buf: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Integer with optional leading '-' in bytes [start, end), or undefined. */
export function readSigned(buf: Uint8Array, start: number, end: number): number | undefined {
  const negative = buf[start] === 0x2d; /* - */
  const n = readUnsigned(buf, negative ? start + 1 : start, end);
  if (n < 0) return undefined;
  return negative && n !== 0 ? -n : n;
}
