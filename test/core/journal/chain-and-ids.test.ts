// chain-and-ids.test.ts — the pure pieces: the schema-1 row hash (still verified for rows an upgraded
// journal kept) covers every field it should, and ExecIDs compare as integer tuples (property-tested
// against BigInt). The segment link of schema 2 is tested in segment.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { compareExecIdParts, parseExecId } from '../../../electron/core/journal/exec-id.ts';
import { GENESIS_HASH, rowHash, type ChainedFields } from '../../../electron/core/journal/hash-chain.ts';

const ROW: ChainedFields = {
  id: 7, sessionId: 1, connectionId: 3, epoch: 0, msgSeqNum: 42, receivedAt: 1_790_000_000_123, possDup: false, msgType: '8',
  raw: Buffer.from('8=FIXT.1.1\x019=5\x0135=8\x0110=000\x01', 'latin1'),
};

test('rowHash is sha256 over prev ‖ fields ‖ raw in the documented layout', () => {
  const fixed = Buffer.alloc(8 * 6 + 2);
  [ROW.id, ROW.sessionId, ROW.connectionId ?? 0, ROW.epoch, ROW.msgSeqNum, ROW.receivedAt].forEach((v, i) => fixed.writeBigUInt64BE(BigInt(v), i * 8));
  fixed[48] = 0;
  fixed[49] = 1;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(ROW.raw.length);
  const expected = createHash('sha256').update(GENESIS_HASH).update(fixed).update('8', 'latin1').update(len).update(ROW.raw).digest();
  assert.deepEqual(rowHash(GENESIS_HASH, ROW), expected);
});

test('changing any chained field or the previous hash changes the row hash', () => {
  const base = rowHash(GENESIS_HASH, ROW);
  const variants: Partial<ChainedFields>[] = [
    { id: 8 }, { sessionId: 2 }, { connectionId: null }, { epoch: 1 }, { msgSeqNum: 43 }, { receivedAt: ROW.receivedAt + 1 },
    { possDup: true }, { msgType: '0' }, { raw: Buffer.concat([ROW.raw, Buffer.from('x')]) },
  ];
  for (const change of variants) assert.notDeepEqual(rowHash(GENESIS_HASH, { ...ROW, ...change }), base, JSON.stringify(Object.keys(change)));
  assert.notDeepEqual(rowHash(Buffer.alloc(32, 1), ROW), base);
});

test('parseExecId reads clock;event and clock;event;index, and rejects pending and malformed ids', () => {
  assert.deepEqual(parseExecId('4;7'), { exchangeIndex: 0, clock: '4', event: '7' });
  assert.deepEqual(parseExecId('004;07;1'), { exchangeIndex: 1, clock: '4', event: '7' });
  for (const bad of ['-1;-1', '4', '4;', ';7', '4;7;', 'a;b', '4;7;1;2', '1234567890123456789;1']) assert.equal(parseExecId(bad), undefined, bad);
});

test('compareExecIdParts orders like (clock, event) compared as integers', () => {
  const digits = fc.bigInt({ min: 0n, max: 10n ** 18n - 1n });
  fc.assert(
    fc.property(digits, digits, digits, digits, (c1, e1, c2, e2) => {
      const a = parseExecId(`${c1};${e1}`)!;
      const b = parseExecId(`${c2};${e2}`)!;
      const expected = c1 !== c2 ? (c1 < c2 ? -1 : 1) : e1 !== e2 ? (e1 < e2 ? -1 : 1) : 0;
      assert.equal(Math.sign(compareExecIdParts(a, b)), expected);
    }),
    { numRuns: 300 },
  );
  assert.ok(compareExecIdParts(parseExecId('4;10')!, parseExecId('4;9')!) > 0, "'4;10' is after '4;9'");
});
