import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { isDecimalBytes, isDecimalText, readSigned, readUnsigned } from '../../../electron/core/fix/values.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/; // the contract the brief states; the code must not use a regex

const decimalish = fc
  .array(fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', ' ', '5'), { maxLength: 8 })
  .map((parts) => parts.join(''));

test('isDecimalText and isDecimalBytes agree with -?\\d+(\\.\\d+)? on decimal-like text', () => {
  fc.assert(
    fc.property(fc.oneof(decimalish, fc.string({ maxLength: 8 })), (text) => {
      const expected = DECIMAL.test(text);
      assert.equal(isDecimalText(text), expected, text);
      const bytes = Buffer.from(`x${text}y`, 'latin1');
      assert.equal(isDecimalBytes(bytes, 1, bytes.length - 1), expected && Buffer.byteLength(text, 'latin1') === text.length, text);
    }),
    { numRuns: 500 },
  );
});

test('examples', () => {
  for (const ok of ['0', '42', '-1.70', '0.4200', '100.00']) assert.equal(isDecimalText(ok), true, ok);
  for (const bad of ['', '-', '.5', '5.', '1e3', '+1', '1,0', '1.2.3', ' 1']) assert.equal(isDecimalText(bad), false, bad);
});

test('readUnsigned / readSigned', () => {
  const b = Buffer.from('123|-45|-0|x1|1234567890123456', 'latin1');
  assert.equal(readUnsigned(b, 0, 3), 123);
  assert.equal(readUnsigned(b, 4, 7), -1);
  assert.equal(readSigned(b, 4, 7), -45);
  assert.equal(Object.is(readSigned(b, 8, 10), 0), true); // never -0
  assert.equal(readSigned(b, 11, 13), undefined);
  assert.equal(readUnsigned(b, 3, 3), -1);
  assert.equal(readUnsigned(b, 14, 30), -1); // 16 digits: beyond what we read exactly
});
