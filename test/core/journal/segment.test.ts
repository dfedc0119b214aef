// segment.test.ts — the stored form of a committed batch: frames back to back with a 16-byte index entry
// each, read back exactly; the segment hash covers the previous link, every header field, the index
// and the frames; the per-message check moves with a message's bytes, receive time and id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { GENESIS_HASH } from '../../../electron/core/journal/hash-chain.ts';
import {
  buildSegment, frameAt, INDEX_ENTRY_BYTES, indexEntry, messageCheck, segmentHash, seqOfFrame, type SegmentHeader, type SegmentMessage,
} from '../../../electron/core/journal/segment.ts';
import { er, heartbeat } from './journal-fixtures.ts';

const T = 1_790_000_000_000;
const PLACEMENT = { id: 41, sessionId: 2, connectionId: 7, epoch: 1 } as const;
const MESSAGES: SegmentMessage[] = [heartbeat(5), er(6, { execId: '4;6' }), heartbeat(7)].map((m, i) => ({ raw: m.raw, msgSeqNum: m.msgSeqNum, receivedAt: T + i * 1000 }));

test('a segment holds the frames back to back and reads each one back with its receive time', () => {
  const s = buildSegment(GENESIS_HASH, PLACEMENT, MESSAGES);
  assert.deepEqual(s.frames, Buffer.concat(MESSAGES.map((m) => m.raw)));
  assert.equal(s.index.length, MESSAGES.length * INDEX_ENTRY_BYTES);
  MESSAGES.forEach((m, i) => {
    assert.deepEqual(frameAt(s.index, s.frames, i), m.raw);
    assert.equal(indexEntry(s.index, s.frames, i)?.receivedAt, m.receivedAt);
    assert.equal(indexEntry(s.index, s.frames, i)?.check, messageCheck(m.raw, m.receivedAt, PLACEMENT.id + i));
  });
  assert.equal(frameAt(s.index, s.frames, MESSAGES.length), undefined, 'past the last message');
  assert.deepEqual(s.header, { ...PLACEMENT, count: 3, firstSeq: 5, lastSeq: 7, firstReceivedAt: T, lastReceivedAt: T + 2000 });
});

test('the segment hash is sha256 over prev ‖ header (nine u64) ‖ index ‖ frames', () => {
  const s = buildSegment(GENESIS_HASH, PLACEMENT, MESSAGES);
  const header = Buffer.alloc(72);
  [41, 2, 7, 1, 3, 5, 7, T, T + 2000].forEach((v, i) => header.writeBigUInt64BE(BigInt(v), i * 8));
  const expected = createHash('sha256').update(GENESIS_HASH).update(header).update(s.index).update(s.frames).digest();
  assert.deepEqual(s.hash, expected);
});

test('changing the previous link, any header field, the index or the frames changes the segment hash', () => {
  const s = buildSegment(GENESIS_HASH, PLACEMENT, MESSAGES);
  const changes: Partial<SegmentHeader>[] = [
    { id: 42 }, { sessionId: 3 }, { connectionId: null }, { epoch: 2 }, { count: 2 }, { firstSeq: 4 }, { lastSeq: 8 }, { firstReceivedAt: T + 1 }, { lastReceivedAt: T },
  ];
  for (const change of changes) assert.notDeepEqual(segmentHash(GENESIS_HASH, { ...s.header, ...change }, s.index, s.frames), s.hash, JSON.stringify(change));
  assert.notDeepEqual(segmentHash(Buffer.alloc(32, 1), s.header, s.index, s.frames), s.hash);
  for (const blob of ['index', 'frames'] as const) {
    const copy = Buffer.from(s[blob]);
    copy[copy.length - 1] = copy[copy.length - 1]! ^ 1;
    const hash = blob === 'index' ? segmentHash(GENESIS_HASH, s.header, copy, s.frames) : segmentHash(GENESIS_HASH, s.header, s.index, copy);
    assert.notDeepEqual(hash, s.hash, blob);
  }
});

test('a message check changes with any flipped bit, the receive time or the id', () => {
  const raw = MESSAGES[1]!.raw;
  const base = messageCheck(raw, T, 9);
  fc.assert(
    fc.property(fc.nat({ max: raw.length * 8 - 1 }), (bit) => {
      const copy = Buffer.from(raw);
      copy[bit >> 3] = copy[bit >> 3]! ^ (1 << (bit & 7));
      assert.notEqual(messageCheck(copy, T, 9), base);
    }),
    { numRuns: 200 },
  );
  for (const receivedAt of [T + 1, T - 1, T + 2 ** 32, T + 2 ** 40]) assert.notEqual(messageCheck(raw, receivedAt, 9), base, String(receivedAt));
  assert.notEqual(messageCheck(raw, T, 10), base);
});

test('a damaged index yields no message instead of a wrong slice', () => {
  const s = buildSegment(GENESIS_HASH, PLACEMENT, MESSAGES);
  const idx = Buffer.from(s.index);
  idx.writeUInt32BE(s.frames.length + 1, INDEX_ENTRY_BYTES); // message 1 ends past the frames
  assert.equal(frameAt(idx, s.frames, 1), undefined);
  idx.writeUInt32BE(1, INDEX_ENTRY_BYTES); // message 1 ends before it starts
  assert.equal(indexEntry(idx, s.frames, 1), undefined);
  assert.deepEqual(frameAt(idx, s.frames, 0), MESSAGES[0]!.raw, 'the messages before are still readable');
});

test('seqOfFrame reads MsgSeqNum from the bytes, and null when it is absent or not digits', () => {
  assert.equal(seqOfFrame(er(1234, { execId: '1;1' }).raw), 1234);
  assert.equal(seqOfFrame(Buffer.from('8=FIXT.1.1\x019=5\x0135=0\x0110=000\x01', 'latin1')), null);
  assert.equal(seqOfFrame(Buffer.from('8=FIXT.1.1\x0134=12a\x0110=000\x01', 'latin1')), null);
  assert.equal(seqOfFrame(Buffer.from('8=FIXT.1.1\x0134=\x0110=000\x01', 'latin1')), null);
});

test('any run of messages round-trips through a segment', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat({ max: 2 ** 45 })), { minLength: 1, maxLength: 20 }), (items) => {
      const messages = items.map(([bytes, receivedAt], i) => ({ raw: Buffer.from(bytes), msgSeqNum: i + 1, receivedAt }));
      const s = buildSegment(GENESIS_HASH, { id: 1, sessionId: 1, connectionId: null, epoch: 0 }, messages);
      messages.forEach((m, i) => {
        assert.deepEqual(frameAt(s.index, s.frames, i), m.raw);
        assert.equal(indexEntry(s.index, s.frames, i)?.receivedAt, m.receivedAt);
      });
    }),
    { numRuns: 150 },
  );
});
