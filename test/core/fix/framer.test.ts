import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { FixFramer } from '../../../electron/core/fix/framer.ts';
import { HDR, frame, pipes, pushAll } from './fix-test-helpers.ts';

const A = frame(`${HDR}|112=alpha`);
const B = frame(`${HDR.replace('34=5', '34=6')}|58=second message`);

function corruptChecksum(f: Buffer): Buffer {
  const copy = Buffer.from(f);
  const d = copy.length - 2; // last checksum digit
  copy[d] = copy[d] === 0x30 ? 0x31 : 0x30;
  return copy;
}

describe('FixFramer: well-formed streams', () => {
  test('emits each whole frame from one chunk holding several', () => {
    const c = pushAll(new FixFramer(), [Buffer.concat([A, B, A])]);
    assert.deepEqual(c.frames.map(pipes), [pipes(A), pipes(B), pipes(A)]);
    assert.deepEqual(c.errors, []);
  });

  test('reassembles a frame fed one byte at a time and keeps only the partial bytes', () => {
    const framer = new FixFramer();
    const c = pushAll(framer, [...Buffer.concat([A, B])].map((b) => Buffer.from([b])).slice(0, A.length + 5));
    assert.deepEqual(c.frames.map(pipes), [pipes(A)]);
    assert.equal(framer.bufferedBytes, 5);
  });

  test('bufferedBytes is zero after complete frames', () => {
    const framer = new FixFramer();
    pushAll(framer, [A, B]);
    assert.equal(framer.bufferedBytes, 0);
  });

  test('keeps a partial 8=FI at the end of a chunk', () => {
    const framer = new FixFramer();
    const c = pushAll(framer, [Buffer.concat([A, A.subarray(0, 3)]), A.subarray(3)]);
    assert.equal(c.frames.length, 2);
    assert.deepEqual(c.errors, []);
  });

  test('accepts other FIX BeginStrings', () => {
    const f = frame(HDR, 'FIX.4.4');
    assert.deepEqual(pushAll(new FixFramer(), [f]).frames.map(pipes), [pipes(f)]);
  });
});

describe('FixFramer: bad frames', () => {
  test('a wrong checksum drops that frame only, with one bad-checksum error', () => {
    const c = pushAll(new FixFramer(), [Buffer.concat([A, corruptChecksum(B), A])]);
    assert.deepEqual(c.events, ['frame', 'bad-checksum', 'frame']);
    assert.match(c.errors[0]!.message, /CheckSum\(10\)=\d{3} but the bytes sum to \d{3}/);
  });

  test('two bad frames in a row give two errors', () => {
    const c = pushAll(new FixFramer(), [Buffer.concat([corruptChecksum(A), corruptChecksum(B), A])]);
    assert.deepEqual(c.events, ['bad-checksum', 'bad-checksum', 'frame']);
  });

  test('a BodyLength that is too short gives bad-body-length and the next frame is recovered', () => {
    const short = Buffer.from(pipes(A).replace(/9=\d+/, (m) => `9=${Number(m.slice(2)) - 3}`).replaceAll('|', '\x01'), 'latin1');
    const c = pushAll(new FixFramer(), [Buffer.concat([short, B])]);
    assert.deepEqual(c.events, ['bad-body-length', 'frame']);
    assert.equal(pipes(c.frames[0]!), pipes(B));
  });

  test('a BodyLength that is too long is detected once enough bytes arrive', () => {
    const long = Buffer.from(pipes(A).replace(/9=\d+/, (m) => `9=${Number(m.slice(2)) + 4}`).replaceAll('|', '\x01'), 'latin1');
    const c = pushAll(new FixFramer(), [long, B, A]);
    assert.equal(c.events[0], 'bad-body-length');
    assert.deepEqual(c.frames.map(pipes), [pipes(B), pipes(A)]);
    assert.equal(c.errors.length, 1);
  });

  test('garbage before a frame is reported once per run, not per byte', () => {
    const c = pushAll(new FixFramer(), [Buffer.from('hello\r\nworld'), Buffer.from('more junk'), A, Buffer.from('x'), B]);
    assert.deepEqual(c.events, ['garbled', 'frame', 'garbled', 'frame']);
    assert.equal(c.errors[0]!.streamOffset, 0);
    assert.equal(c.errors[1]!.streamOffset, 12 + 9 + A.length);
  });

  test('garbage with no frame start is discarded, not buffered', () => {
    const framer = new FixFramer();
    const c = pushAll(framer, [Buffer.alloc(100_000, 0x41)]);
    assert.deepEqual(c.events, ['garbled']);
    assert.equal(framer.bufferedBytes, 0);
  });

  test('a frame start whose second field is not 9= is garbled and skipped', () => {
    const c = pushAll(new FixFramer(), [Buffer.from('8=FIXT.1.1\x0135=0\x01', 'latin1'), A]);
    assert.deepEqual(c.events, ['garbled', 'frame']);
  });

  test('a frame over maxMessageBytes is too-long and not buffered', () => {
    const framer = new FixFramer({ maxMessageBytes: 256 });
    const big = frame(`${HDR}|58=${'x'.repeat(400)}`);
    const c = pushAll(framer, [big.subarray(0, 30)]);
    assert.deepEqual(c.events, ['too-long']);
    assert.ok(framer.bufferedBytes < 32);
    const rest = pushAll(framer, [big.subarray(30), A]);
    assert.deepEqual(rest.events, ['frame']); // the oversized frame's body is part of the reported run
  });

  test('default limit is 64 KiB', () => {
    const body = `${HDR}|58=`;
    const fits = frame(body + 'x'.repeat(64 * 1024 - 200));
    const tooBig = frame(body + 'x'.repeat(64 * 1024));
    assert.ok(fits.length <= 64 * 1024);
    assert.deepEqual(pushAll(new FixFramer(), [fits]).events, ['frame']);
    assert.deepEqual(pushAll(new FixFramer(), [tooBig]).events, ['too-long']);
  });

  test('a missing trailer SOH after 10=NNN is bad-checksum', () => {
    const broken = Buffer.from(A);
    broken[broken.length - 1] = 0x41;
    const c = pushAll(new FixFramer(), [broken, B]);
    assert.deepEqual(c.events, ['bad-checksum', 'frame']);
  });

  test('rejects a nonsense maxMessageBytes', () => {
    assert.throws(() => new FixFramer({ maxMessageBytes: 0 }), RangeError);
  });

  test('a bogus huge BodyLength does not hold the next valid frame hostage', () => {
    const bogus = Buffer.from('8=FIXT.1.1\x019=60000\x0135=0\x01', 'latin1');
    const framer = new FixFramer();
    const c = pushAll(framer, [bogus, A]);
    assert.deepEqual(c.events, ['bad-body-length', 'frame']);
    assert.equal(pipes(c.frames[0]!), pipes(A));
    assert.equal(framer.bufferedBytes, 0);
  });

  test('a bad-checksum frame that mentions 8=FIX in a value is still one error', () => {
    const withText = corruptChecksum(frame(`${HDR}|58=8=FIXT.1.1 looks like a start`));
    const c = pushAll(new FixFramer(), [Buffer.concat([A, withText, B])]);
    assert.deepEqual(c.events, ['frame', 'bad-checksum', 'frame']);
  });

  test('a frame whose length swallowed the next frame resumes at that frame', () => {
    // Garbage header whose BodyLength happens to end exactly at B's trailer: delimited, bad checksum.
    const bodyUpToB = `35=0\x01${B.subarray(0, B.length - 7).toString('latin1')}`;
    const swallowing = Buffer.from(`8=FIXT.1.1\x019=${bodyUpToB.length}\x01${bodyUpToB}`, 'latin1');
    const stream = Buffer.concat([swallowing, B.subarray(B.length - 7), A]);
    const c = pushAll(new FixFramer(), [stream]);
    assert.deepEqual(c.events, ['bad-checksum', 'frame', 'frame']);
    assert.deepEqual(c.frames.map(pipes), [pipes(B), pipes(A)]);
  });

  test('a large frame trickling in byte by byte is joined once, not once per byte', (t) => {
    const big = frame(`${HDR}|58=${'y'.repeat(50_000)}`);
    const concat = t.mock.method(Buffer, 'concat');
    const c = pushAll(new FixFramer(), [...big].map((b) => Buffer.from([b])));
    assert.deepEqual(c.events, ['frame']);
    // One join per byte until BodyLength is known (~20 bytes), then one when the frame is complete.
    assert.ok(concat.mock.callCount() < 40, `Buffer.concat called ${concat.mock.callCount()} times`);
  });

  test('a sink that throws does not make the framer repeat or lose frames', () => {
    const framer = new FixFramer();
    const seen: string[] = [];
    let fail = true;
    const sink = {
      onFrame(f: Buffer) {
        seen.push(pipes(f));
        if (fail) {
          fail = false;
          throw new Error('consumer bug');
        }
      },
      onFrameError() {},
    };
    assert.throws(() => framer.push(Buffer.concat([A, B]), sink), /consumer bug/);
    framer.push(A, sink);
    assert.deepEqual(seen, [pipes(A), pipes(B), pipes(A)]);
  });
});
