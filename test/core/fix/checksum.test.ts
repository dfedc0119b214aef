import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixChecksum, formatChecksum } from '../../../electron/core/fix/checksum.ts';

test('sums bytes of the half-open range mod 256', () => {
  const buf = Buffer.from([0xff, 0x01, 0x02, 0x10]);
  assert.equal(fixChecksum(buf, 0, 2), 0); // 255 + 1 wraps
  assert.equal(fixChecksum(buf, 1, 4), 0x13);
  assert.equal(fixChecksum(buf, 2, 2), 0);
});

test('matches the classic FIX example "8=FIX.4.2|9=5|35=0|10=161"', () => {
  // A published FIX 4.2 heartbeat fragment whose checksum is known independently.
  const text = '8=FIX.4.2\x019=5\x0135=0\x01';
  const buf = Buffer.from(text, 'latin1');
  let expected = 0;
  for (const ch of text) expected += ch.charCodeAt(0);
  assert.equal(fixChecksum(buf, 0, buf.length), expected % 256);
  assert.equal(fixChecksum(buf, 0, buf.length), 161);
});

test('formats three digits', () => {
  assert.equal(formatChecksum(0), '000');
  assert.equal(formatChecksum(7), '007');
  assert.equal(formatChecksum(42), '042');
  assert.equal(formatChecksum(255), '255');
});
