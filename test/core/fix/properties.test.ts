// Property and fuzz tests for the codec as a whole: round-trips, chunking invariance, and that any
// byte stream (random, FIX-like or a mutated valid stream) only ever yields frames, FrameErrors and
// DecodeErrors, with bounded buffering and recovery of every frame the damage did not touch.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { FixFramer } from '../../../electron/core/fix/framer.ts';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { encodeMessage } from '../../../electron/core/fix/encode.ts';
import type { FieldList, OutboundHeader } from '../../../electron/core/fix/encode.ts';
import { readExecutionReport } from '../../../electron/core/fix/execution-report.ts';
import { readMarketSettlementReport } from '../../../electron/core/fix/market-settlement-report.ts';
import { DecodeError, FrameError } from '../../../electron/core/fix/errors.ts';
import { collector, frame, pipes, pushAll } from './fix-test-helpers.ts';

// FIX_FUZZ_RUNS=20000 node --test test/core/fix/properties.test.ts  for a deep local fuzz run.
const deepRuns = Number(process.env['FIX_FUZZ_RUNS'] ?? '') || 0;
const runs = (n: number) => ({ numRuns: deepRuns || n });
const RUNS = runs(200);
const RESERVED = new Set([8, 9, 10, 34, 35, 43, 49, 52, 56, 122, 93, 95]);

/** Non-empty Latin-1 text without SOH: anything FIX can carry in a plain field. */
const fixValue = fc
  .array(fc.integer({ min: 2, max: 255 }), { minLength: 1, maxLength: 24 })
  .map((codes) => String.fromCharCode(...codes));
const fixTag = fc.integer({ min: 1, max: 999_999 }).filter((t) => !RESERVED.has(t));
const bodyFields: fc.Arbitrary<FieldList> = fc.array(
  fc.tuple(fixTag, fc.oneof(fixValue, fc.integer({ min: -1e12, max: 1e12 }))),
  { maxLength: 30 },
);
const outboundHeader: fc.Arbitrary<OutboundHeader> = fc.record(
  {
    msgType: fixValue,
    senderCompId: fixValue,
    targetCompId: fixValue,
    msgSeqNum: fc.integer({ min: 1, max: 2 ** 31 }),
    sendingTime: fixValue,
    possDup: fc.boolean(),
    origSendingTime: fixValue,
  },
  { requiredKeys: ['msgType', 'senderCompId', 'targetCompId', 'msgSeqNum', 'sendingTime'] },
);
const message = fc.tuple(outboundHeader, bodyFields).map(([h, b]) => encodeMessage(h, b));

/** Cut points → chunks. */
function split(buf: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let at = 0;
  for (const p of points) {
    out.push(buf.subarray(at, p));
    at = p;
  }
  out.push(buf.subarray(at));
  return out;
}

/** Feeds chunks and checks the invariants every stream must keep; returns what came out. */
function feedChecked(chunks: readonly Buffer[], maxMessageBytes = 4096) {
  const framer = new FixFramer({ maxMessageBytes });
  const c = collector();
  for (const chunk of chunks) {
    framer.push(chunk, c.sink); // must never throw
    assert.ok(framer.bufferedBytes <= maxMessageBytes + 4, `buffered ${framer.bufferedBytes}`);
  }
  for (const e of c.errors) assert.ok(e instanceof FrameError);
  for (const f of c.frames) {
    assert.ok(f.length <= maxMessageBytes);
    for (const read of [readExecutionReport, readMarketSettlementReport, (m: FixMessage) => [...m.fields()]]) {
      try {
        read(FixMessage.parse(f));
      } catch (e) {
        assert.ok(e instanceof DecodeError, `unexpected ${String(e)}`);
      }
    }
  }
  return c;
}

describe('codec properties', () => {
  test('encode → decode round-trips header and body fields in order', () => {
    fc.assert(
      fc.property(outboundHeader, bodyFields, (h, body) => {
        const msg = FixMessage.parse(encodeMessage(h, body));
        assert.equal(msg.msgType, h.msgType);
        assert.equal(msg.msgSeqNum, h.msgSeqNum);
        assert.equal(msg.senderCompId, h.senderCompId);
        assert.equal(msg.targetCompId, h.targetCompId);
        assert.equal(msg.sendingTime, h.sendingTime);
        assert.equal(msg.possDup, h.possDup === true);
        assert.equal(msg.get(122), h.origSendingTime);
        const fields = [...msg.fields()];
        const headerCount = 7 + (h.possDup === undefined ? 0 : 1) + (h.origSendingTime === undefined ? 0 : 1);
        assert.deepEqual(fields.slice(headerCount, -1), body.map(([t, v]) => [t, String(v)]));
        assert.equal(fields.at(-1)?.[0], 10);
      }),
      RUNS,
    );
  });

  test('every encoded message is one valid frame', () => {
    fc.assert(
      fc.property(message, (m) => {
        const c = pushAll(new FixFramer(), [m]);
        assert.deepEqual(c.errors, []);
        assert.deepEqual(c.frames.map(pipes), [pipes(m)]);
      }),
      RUNS,
    );
  });

  test('any split of a valid stream yields the same frames and no errors', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 40 }), (msgs, cuts) => {
        const stream = Buffer.concat(msgs);
        const framer = new FixFramer();
        const c = pushAll(framer, split(stream, cuts));
        assert.deepEqual(c.errors, []);
        assert.deepEqual(c.frames.map(pipes), msgs.map(pipes));
        assert.equal(framer.bufferedBytes, 0);
      }),
      RUNS,
    );
  });
});

/** Bytes biased toward FIX syntax so the fuzzer reaches deep framer and decoder paths. */
const fixishBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom('8=FIX', '8=FIXT.1.1\x01', '9=', '\x01', '10=', '=', '35=8\x01', '35=UMS\x01', '34=1\x01', '95=3\x01', '96='),
      fc.constantFrom('1703=', '1704=', '1705=', '20108=', '20109=', '136=', '137=', '49=a\x01', '52=b\x01', '56=c\x01'),
      fc.integer({ min: 0, max: 999 }).map(String),
      fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString('latin1')),
    ),
    { maxLength: 120 },
  )
  .map((parts) => Buffer.from(parts.join(''), 'latin1'));

describe('fuzz: hostile streams', () => {
  test('random bytes only yield FrameErrors and DecodeErrors, with bounded buffering', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 20 }), (bytes, cuts) => {
        feedChecked(split(Buffer.from(bytes), cuts), 256);
      }),
      RUNS,
    );
  });

  test('FIX-like token soup only yields FrameErrors and DecodeErrors', () => {
    fc.assert(
      fc.property(fixishBytes, fc.array(fc.nat(), { maxLength: 20 }), (bytes, cuts) => {
        feedChecked(split(bytes, cuts), 256);
      }),
      runs(400),
    );
  });

  test('framed arbitrary bodies decode or throw DecodeError only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (body) => {
        const bytes = Buffer.concat([Buffer.from(`8=FIXT.1.1\x019=${body.length}\x01`, 'latin1'), Buffer.from(body)]);
        let sum = 0;
        for (const b of bytes) sum += b;
        const f = Buffer.concat([bytes, Buffer.from(`10=${String(sum % 256).padStart(3, '0')}\x01`, 'latin1')]);
        const c = feedChecked([f]);
        // Framing only looks at 8, 9 and 10, so the frame always gets through to the decoder.
        if (body.length === 0 || body[body.length - 1] === 1) assert.equal(c.frames.length, 1);
      }),
      RUNS,
    );
  });

  test('well-formed frames of random Kalshi fields reach the typed readers, which throw DecodeError only', () => {
    const tags = [37, 11, 41, 17, 150, 39, 54, 55, 38, 44, 32, 31, 14, 151, 6, 60, 58, 103, 880, 1057, 704, 705, 136, 137, 138, 139, 891, 1703, 1704, 1705, 20105, 715, 20106, 20107, 893, 730, 20108, 20109, 20110, 43, 95, 96];
    const values = ['0', '1', '2', 'Y', 'N', 'F', '-1.70', '10.00', '0.4200', 'x', '1e3', 'BALANCE', 'PAYOUT', '-', '.5', '00', '3'];
    const field = fc.tuple(fc.constantFrom(...tags), fc.constantFrom(...values)).map(([t, v]) => `${t}=${v}`);
    fc.assert(
      fc.property(fc.constantFrom('8', 'UMS'), fc.array(field, { maxLength: 40 }), (msgType, fields) => {
        const f = frame([`35=${msgType}`, '34=1', '49=K', '52=20261124-14:06:00.010', '56=me', ...fields].join('|'));
        const c = feedChecked([f]);
        assert.equal(c.frames.length, 1);
      }),
      runs(400),
    );
  });

  test('garbage (without a frame start) before valid frames: all frames recovered, one error per run', () => {
    const garbage = fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b)).filter((b) => b.indexOf('8=FIX') < 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(garbage), message), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 20 }), (parts, cuts) => {
        const stream = Buffer.concat(parts.flatMap(([g, m]) => (g === null ? [m] : [g, m])));
        const c = feedChecked(split(stream, cuts), 64 * 1024);
        assert.deepEqual(c.frames.map(pipes), parts.map(([, m]) => pipes(m)));
        assert.deepEqual(c.events.filter((e) => e !== 'frame'), parts.filter(([g]) => g !== null).map(() => 'garbled'));
      }),
      RUNS,
    );
  });

  test('one corrupted byte in one frame: exactly one error and every other frame recovered', () => {
    fc.assert(
      fc.property(
        fc.array(message, { minLength: 2, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (msgs, which, offset, delta, cuts) => {
          const victim = which % msgs.length;
          const damaged = Buffer.from(msgs[victim]!);
          const at = offset % damaged.length;
          damaged[at] = (damaged[at]! + delta) & 0xff;
          // A sentinel frame at the end resolves a victim whose BodyLength grew.
          const sentinel = encodeMessage({ msgType: '0', senderCompId: 'S', targetCompId: 'T', msgSeqNum: 1, sendingTime: 'x' }, []);
          const all = [...msgs.slice(0, victim), damaged, ...msgs.slice(victim + 1), sentinel];
          const c = feedChecked(split(Buffer.concat(all), cuts), 64 * 1024);
          const expected = [...msgs.slice(0, victim), ...msgs.slice(victim + 1), sentinel].map(pipes);
          assert.deepEqual(c.frames.map(pipes), expected);
          assert.equal(c.errors.length, 1, `events ${c.events.join(',')} damaged byte ${at}`);
        },
      ),
      runs(400),
    );
  });

  test('random mutations of a valid stream never break the invariants and later clean frames survive', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 30 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 5 }), fc.array(mutation, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 10 }), message, (msgs, mutations, cuts, tail) => {
        let stream = Buffer.concat(msgs);
        for (const m of mutations) {
          const at = m.at % (stream.length + 1);
          if (m.kind === 'flip' && at < stream.length) {
            stream = Buffer.from(stream);
            stream[at] = m.value;
          } else if (m.kind === 'insert') {
            stream = Buffer.concat([stream.subarray(0, at), Buffer.from(m.bytes), stream.subarray(at)]);
          } else if (m.kind === 'delete') {
            stream = Buffer.concat([stream.subarray(0, at), stream.subarray(at + m.count)]);
          }
        }
        // Two clean frames after the damage: the first may be consumed as the end of a bad frame's
        // announced length; by then the second is complete and must be recovered.
        const c = feedChecked(split(Buffer.concat([stream, tail, tail]), cuts), 64 * 1024);
        assert.equal(pipes(c.frames.at(-1)!), pipes(tail));
      }),
      runs(300),
    );
  });
});
