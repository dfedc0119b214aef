import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { DecodeError } from '../../../electron/core/fix/errors.ts';
import { HDR, frame } from './fix-test-helpers.ts';

function decodeError(fn: () => unknown, kind: DecodeError['kind'], tag: number | undefined): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DecodeError, `expected DecodeError, got ${String(e)}`);
    assert.equal(e.kind, kind);
    assert.equal(e.tag, tag);
    return true;
  });
}

/** Raw bytes from '|' text without fixing 9/10 (parse does not check them). */
const raw = (text: string): Buffer => Buffer.from(text.replaceAll('|', '\x01'), 'latin1');

describe('FixMessage.parse', () => {
  const msg = FixMessage.parse(frame(`${HDR.replace('35=0', '35=8')}|43=Y|122=20261124-14:00:00.000|453=2|448=a|452=24|448=b|452=12|1704=-3|58=a=b`));

  test('exposes header fields', () => {
    assert.equal(msg.msgType, '8');
    assert.equal(msg.msgSeqNum, 5);
    assert.equal(msg.senderCompId, 'KalshiRT');
    assert.equal(msg.targetCompId, '3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77');
    assert.equal(msg.sendingTime, '20261124-14:06:00.010');
    assert.equal(msg.possDup, true);
  });

  test('looks up first occurrence, all occurrences and presence', () => {
    assert.equal(msg.get(448), 'a');
    assert.deepEqual(msg.all(448), ['a', 'b']);
    assert.deepEqual(msg.all(452), ['24', '12']);
    assert.deepEqual(msg.all(999), []);
    assert.equal(msg.has(122), true);
    assert.equal(msg.has(999), false);
    assert.equal(msg.get(999), undefined);
    assert.equal(msg.get(58), 'a=b'); // '=' inside a value is data
  });

  test('require throws missing-field with the tag', () => {
    assert.equal(msg.require(453), '2');
    decodeError(() => msg.require(11), 'missing-field', 11);
  });

  test('getInt reads signed integers and rejects others', () => {
    assert.equal(msg.getInt(453), 2);
    assert.equal(msg.getInt(1704), -3);
    assert.equal(msg.getInt(999), undefined);
    decodeError(() => msg.getInt(49), 'bad-value', 49);
    decodeError(() => msg.getInt(52), 'bad-value', 52);
  });

  test('getDecimal returns decimal text and rejects anything else', () => {
    const m = FixMessage.parse(frame(`${HDR}|31=0.4200|32=-4|38=1e3`));
    assert.equal(m.getDecimal(31), '0.4200');
    assert.equal(m.getDecimal(32), '-4');
    assert.equal(m.getDecimal(44), undefined);
    decodeError(() => m.getDecimal(38), 'bad-value', 38);
  });

  test('fields() yields every field in wire order', () => {
    const tags = [...msg.fields()].map(([t]) => t);
    assert.deepEqual(tags.slice(0, 8), [8, 9, 35, 34, 49, 52, 56, 43]);
    assert.equal(tags.at(-1), 10);
    assert.deepEqual([...msg.fields()].find(([t]) => t === 122), [122, '20261124-14:00:00.000']);
  });

  test('toDisplayString shows SOH as | or a chosen separator', () => {
    assert.match(msg.toDisplayString(), /^8=FIXT\.1\.1\|9=\d+\|35=8\|34=5\|.*\|10=\d{3}\|$/);
    assert.ok(msg.toDisplayString(' ').startsWith('8=FIXT.1.1 9='));
  });

  test('raw is the frame passed in', () => {
    const f = frame(HDR);
    assert.equal(FixMessage.parse(f).raw, f);
  });

  test('possDup defaults to false and reads N', () => {
    assert.equal(FixMessage.parse(frame(HDR)).possDup, false);
    assert.equal(FixMessage.parse(frame(`${HDR}|43=N`)).possDup, false);
  });

  test('reads RawData by the length in RawDataLength even when it contains SOH', () => {
    const m = FixMessage.parse(frame(`${HDR}|95=5|96=ab\x01cd|98=0`));
    assert.equal(m.get(96), 'ab\x01cd');
    assert.equal(m.get(98), '0');
  });

  test('messages parsed earlier stay intact after many later parses', () => {
    const first = FixMessage.parse(frame(`${HDR}|58=keep me`));
    for (let i = 0; i < 3000; i++) FixMessage.parse(frame(`${HDR}|58=other ${i}`));
    assert.equal(first.get(58), 'keep me');
    assert.equal(first.msgSeqNum, 5);
  });
});

describe('FixMessage.parse rejects', () => {
  test('bytes that are not tag=value fields', () => {
    decodeError(() => FixMessage.parse(raw('8=FIXT.1.1|9=5|garbage|10=000|')), 'malformed-field', undefined);
    decodeError(() => FixMessage.parse(raw('8=FIXT.1.1|9=5|=x|10=000|')), 'malformed-field', undefined);
    decodeError(() => FixMessage.parse(raw('8=FIXT.1.1|9=5|035=0|10=000|')), 'malformed-field', undefined);
    decodeError(() => FixMessage.parse(raw('8=FIXT.1.1|9=5|35=|10=000|')), 'malformed-field', 35);
    decodeError(() => FixMessage.parse(raw('8=FIXT.1.1|9=5|35=0|10=000')), 'malformed-field', undefined);
    decodeError(() => FixMessage.parse(raw('8=FIXT.1.1|9=5|35')), 'malformed-field', undefined);
    decodeError(() => FixMessage.parse(Buffer.alloc(0)), 'malformed-field', undefined);
  });

  test('a RawData shorter or longer than announced', () => {
    decodeError(() => FixMessage.parse(frame(`${HDR}|95=9|96=abc`)), 'malformed-field', 96);
    decodeError(() => FixMessage.parse(frame(`${HDR}|95=x|96=abc`)), 'bad-value', 95);
  });

  test('missing required header and trailer fields, naming the tag', () => {
    decodeError(() => FixMessage.parse(raw(`9=5|${HDR}|10=000|`)), 'missing-field', 8);
    decodeError(() => FixMessage.parse(raw(`8=FIXT.1.1|${HDR}|10=000|`)), 'missing-field', 9);
    decodeError(() => FixMessage.parse(raw(`8=FIXT.1.1|9=1|${HDR}|`)), 'missing-field', 10);
    for (const tag of [35, 34, 49, 52, 56]) {
      const without = HDR.split('|').filter((f) => !f.startsWith(`${tag}=`)).join('|');
      decodeError(() => FixMessage.parse(frame(without)), 'missing-field', tag);
    }
  });

  test('bad MsgSeqNum or PossDupFlag values', () => {
    decodeError(() => FixMessage.parse(frame(HDR.replace('34=5', '34=0'))), 'bad-value', 34);
    decodeError(() => FixMessage.parse(frame(HDR.replace('34=5', '34=-5'))), 'bad-value', 34);
    decodeError(() => FixMessage.parse(frame(HDR.replace('34=5', '34=5x'))), 'bad-value', 34);
    decodeError(() => FixMessage.parse(frame(`${HDR}|43=y`)), 'bad-value', 43);
  });
});
