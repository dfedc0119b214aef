// Fault specs parse from the CLI spelling, and the per-connection arming state makes exactly the
// promised decisions message by message.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { ArmedFaults, FaultSpecError, corruptChecksum, describeFault, parseFaultSpec } from '../../electron/simulator/faults.ts';
import type { Fault } from '../../electron/simulator/faults.ts';
import { encodeMessage } from '../../electron/core/fix/encode.ts';
import { FixFramer } from '../../electron/core/fix/framer.ts';
import type { FrameError } from '../../electron/core/fix/errors.ts';

describe('parseFaultSpec', () => {
  test('reads every documented spelling', () => {
    assert.deepEqual(parseFaultSpec('drop-after:500'), { kind: 'drop-after', messages: 500 });
    assert.deepEqual(parseFaultSpec('drop-after:0'), { kind: 'drop-after', messages: 0 });
    assert.deepEqual(parseFaultSpec('garbage'), { kind: 'garbage' });
    assert.deepEqual(parseFaultSpec('garbage:xyz'), { kind: 'garbage', bytes: Buffer.from('xyz') });
    assert.deepEqual(parseFaultSpec('bad-checksum'), { kind: 'bad-checksum' });
    assert.deepEqual(parseFaultSpec('seq-gap:3'), { kind: 'seq-gap', skip: 3 });
    assert.deepEqual(parseFaultSpec('silent-heartbeat'), { kind: 'silent-heartbeat' });
    assert.deepEqual(parseFaultSpec('logout:"going: away"'), { kind: 'logout', text: 'going: away' });
    assert.deepEqual(parseFaultSpec('logout:bye'), { kind: 'logout', text: 'bye' });
    assert.deepEqual(parseFaultSpec('maintenance-reset'), { kind: 'maintenance-reset' });
    assert.deepEqual(parseFaultSpec('every:1000:seq-gap:2'), { every: 1000, fault: { kind: 'seq-gap', skip: 2 } });
  });

  test('refuses bad specs with a kind and a sentence', () => {
    const cases: Array<[string, string]> = [
      ['explode', 'unknown-fault'],
      ['drop-after', 'bad-argument'],
      ['drop-after:-1', 'bad-argument'],
      ['seq-gap:0', 'bad-argument'],
      ['bad-checksum:2', 'bad-argument'],
      ['logout', 'bad-argument'],
      ['every:0:garbage', 'bad-argument'],
      ['every:5:every:2:garbage', 'bad-argument'],
    ];
    for (const [spec, kind] of cases) {
      assert.throws(() => parseFaultSpec(spec), (e: unknown) => e instanceof FaultSpecError && e.kind === kind && e.message.length > 10, spec);
    }
  });

  test('every fault has a description', () => {
    const all: Fault[] = [
      { kind: 'drop-after', messages: 2 }, { kind: 'garbage' }, { kind: 'bad-checksum' }, { kind: 'seq-gap', skip: 1 },
      { kind: 'silent-heartbeat' }, { kind: 'logout', text: 'x' }, { kind: 'maintenance-reset' },
    ];
    assert.equal(new Set(all.map(describeFault)).size, all.length);
  });
});

describe('ArmedFaults', () => {
  test('seq-gap withholds exactly the next n application messages', () => {
    const armed = new ArmedFaults();
    armed.arm({ kind: 'seq-gap', skip: 2 });
    assert.deepEqual([1, 2, 3].map(() => armed.onAppMessage().withhold), [true, true, false]);
  });

  test('drop-after n asks for the drop on the nth message, drop-after 0 at once', () => {
    const armed = new ArmedFaults();
    assert.equal(armed.arm({ kind: 'drop-after', messages: 3 }).dropNow, false);
    assert.deepEqual([1, 2, 3, 4].map(() => armed.onAppMessage().dropAfter), [false, false, true, false]);
    assert.equal(armed.arm({ kind: 'drop-after', messages: 0 }).dropNow, true);
  });

  test('bad-checksum corrupts one frame per arming; silent-heartbeat sticks', () => {
    const armed = new ArmedFaults();
    assert.equal(armed.silent, false);
    armed.arm({ kind: 'bad-checksum' });
    armed.arm({ kind: 'silent-heartbeat' });
    assert.deepEqual([armed.takeBadChecksum(), armed.takeBadChecksum()], [true, false]);
    assert.equal(armed.silent, true);
    assert.throws(() => armed.arm({ kind: 'garbage' }), RangeError);
  });

  test('corruptChecksum yields a frame the framer rejects as bad-checksum', () => {
    const frame = encodeMessage({ msgType: '0', msgSeqNum: 5, senderCompId: 'KalshiRT', targetCompId: 'k', sendingTime: '20261124-14:05:09.123' }, []);
    const errors: FrameError[] = [];
    const frames: Buffer[] = [];
    new FixFramer().push(Buffer.concat([corruptChecksum(frame), frame]), { onFrame: (f) => frames.push(f), onFrameError: (e) => errors.push(e) });
    assert.deepEqual(errors.map((e) => e.kind), ['bad-checksum']);
    assert.equal(frames.length, 1, 'the intact copy after it still frames');
    assert.equal(corruptChecksum(frame).length, frame.length);
  });
});
