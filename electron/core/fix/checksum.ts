// checksum.ts — the FIX CheckSum(10): sum of bytes mod 256, written as exactly three digits.
// Pure arithmetic over a byte range; never looks at tags or decides whether a frame is valid.

/** Sum mod 256 of buf[start, end). */
export function fixChecksum(buf: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += buf[i]!;
  return sum & 0xff;
}

/** '007', '123': the wire form of a checksum value (0–255). */
export function formatChecksum(value: number): string {
  const v = value & 0xff;
  return v < 10 ? `00${v}` : v < 100 ? `0${v}` : String(v);
}
