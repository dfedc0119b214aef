import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { ExecutionReportView, readExecutionReport } from '../../../electron/core/fix/execution-report.ts';
import { ExecutionReportGenerator } from '../../../electron/simulator/er-generator.ts';
import { renderExecutionReport } from '../../../electron/simulator/er-render.ts';
import { encodeMessage } from '../../../electron/core/fix/encode.ts';
import { DecodeError } from '../../../electron/core/fix/errors.ts';
import { GOLDEN, wire, type GoldenName } from './golden-messages.ts';

const KEYS = ['msgSeqNum', 'possDup', 'sendingTime', 'orderId', 'clOrdId', 'origClOrdId', 'execId', 'execType', 'ordStatus', 'side',
  'symbol', 'orderQty', 'price', 'lastQty', 'lastPx', 'cumQty', 'leavesQty', 'avgPx', 'transactTime', 'text', 'ordRejReason',
  'trdMatchId', 'aggressor', 'longQty', 'shortQty', 'fee', 'collateralChanges', 'lastMkt', 'allocAccount', 'clearingBusinessDate',
  'timeInForce', 'expireTime'] as const;

function generatedFrames(n: number): Buffer[] {
  const generator = new ExecutionReportGenerator({ seed: 5, total: n });
  return generator.take(n).map((r, i) => encodeMessage(
    { msgType: '8', senderCompId: 'KalshiRT', targetCompId: 'key', msgSeqNum: i + 1, sendingTime: '20261124-14:05:09.123' },
    renderExecutionReport(r, { units: 'dollars', preserveOriginalOrderQty: false }),
  ));
}

describe('ExecutionReportView', () => {
  test('every getter equals the eager object, for the golden ERs and 2,000 generated ones', () => {
    const goldenErs = (Object.keys(GOLDEN) as GoldenName[]).map((name) => wire(name)).filter((f) => f.includes('\x0135=8\x01'));
    assert.ok(goldenErs.length >= 3);
    for (const frame of [...goldenErs, ...generatedFrames(2000)]) {
      const msg = FixMessage.parse(frame);
      const view = ExecutionReportView.read(msg);
      const eager = readExecutionReport(msg) as unknown as Record<string, unknown>;
      for (const key of KEYS) assert.deepEqual(view[key], eager[key], `${key} of ${view.execId}`);
    }
  });

  test('views made long ago stay correct after the shared slab has been reused many times', () => {
    const frames = generatedFrames(3000);
    const views = frames.map((f) => ExecutionReportView.read(FixMessage.parse(f)));
    views.forEach((view, i) => assert.equal(view.execId, readExecutionReport(FixMessage.parse(frames[i]!)).execId));
  });

  test('validation happens at read(), not when a field is first used', () => {
    const frame = encodeMessage(
      { msgType: '8', senderCompId: 'KalshiRT', targetCompId: 'key', msgSeqNum: 9, sendingTime: '20261124-14:05:09.123' },
      [[37, 'o-1'], [11, 'c-1'], [17, '4;7'], [150, 'F'], [39, '1'], [54, '1'], [55, 'KXT-1'], [32, '4,00'], [31, '0.42'], [14, '4'], [151, '6'], [6, '0.42']],
    );
    assert.throws(() => ExecutionReportView.read(FixMessage.parse(frame)), (e: unknown) => e instanceof DecodeError && e.kind === 'bad-value' && e.tag === 32);
  });
});
