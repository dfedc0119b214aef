import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMessage } from '../../../electron/core/fix/encode.ts';
import type { OutboundHeader } from '../../../electron/core/fix/encode.ts';
import { EncodeError } from '../../../electron/core/fix/errors.ts';
import { frame, pipes } from './fix-test-helpers.ts';

const header: OutboundHeader = {
  msgType: '1',
  senderCompId: 'key-id',
  targetCompId: 'KalshiRT',
  msgSeqNum: 12,
  sendingTime: '20261124-14:05:09.123',
};

test('writes header in FIX order, body in given order, and correct 9 and 10', () => {
  const out = encodeMessage(header, [[112, 'T-1'], [58, 'hi there']]);
  const expected = frame('35=1|34=12|49=key-id|52=20261124-14:05:09.123|56=KalshiRT|112=T-1|58=hi there');
  assert.equal(pipes(out), pipes(expected));
});

test('adds PossDupFlag and OrigSendingTime after TargetCompID, and a custom BeginString', () => {
  const out = encodeMessage({ ...header, possDup: true, origSendingTime: '20261124-14:00:00.000', beginString: 'FIX.4.4' }, [[36, 20], [123, 'Y']]);
  const expected = frame('35=1|34=12|49=key-id|52=20261124-14:05:09.123|56=KalshiRT|43=Y|122=20261124-14:00:00.000|36=20|123=Y', 'FIX.4.4');
  assert.equal(pipes(out), pipes(expected));
});

test('an empty body gives a header-only message', () => {
  assert.equal(pipes(encodeMessage(header, [])), pipes(frame('35=1|34=12|49=key-id|52=20261124-14:05:09.123|56=KalshiRT')));
});

test('allows SOH inside RawData only when RawDataLength announces its exact length', () => {
  const out = encodeMessage(header, [[95, 3], [96, 'a\x01b']]);
  assert.ok(pipes(out).includes('|95=3|96=a|b|10='));
  assert.throws(() => encodeMessage(header, [[95, 4], [96, 'a\x01b']]), EncodeError);
  assert.throws(() => encodeMessage(header, [[96, 'a\x01b']]), EncodeError);
});

function encodeError(fn: () => unknown, kind: EncodeError['kind']): void {
  assert.throws(fn, (e: unknown) => e instanceof EncodeError && e.kind === kind);
}

test('refuses values that cannot go on the wire', () => {
  encodeError(() => encodeMessage(header, [[58, '']]), 'bad-value');
  encodeError(() => encodeMessage(header, [[58, 'a\x01b']]), 'bad-value');
  encodeError(() => encodeMessage(header, [[58, 'snow ☃']]), 'bad-value');
  encodeError(() => encodeMessage(header, [[44, 0.42]]), 'bad-value'); // prices are strings, never floats
  encodeError(() => encodeMessage({ ...header, senderCompId: '' }, []), 'bad-value');
  encodeError(() => encodeMessage({ ...header, msgSeqNum: 0 }, []), 'bad-value');
  encodeError(() => encodeMessage({ ...header, msgSeqNum: 1.5 }, []), 'bad-value');
});

test('refuses bad tags and header tags in the body', () => {
  encodeError(() => encodeMessage(header, [[0, 'x']]), 'bad-tag');
  encodeError(() => encodeMessage(header, [[-1, 'x']]), 'bad-tag');
  encodeError(() => encodeMessage(header, [[1.5, 'x']]), 'bad-tag');
  for (const tag of [8, 9, 10, 35, 34, 49, 52, 56, 43, 122]) encodeError(() => encodeMessage(header, [[tag, 'x']]), 'reserved-tag');
});
