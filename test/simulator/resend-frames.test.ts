// A resent message is written from its stored body text without re-encoding the fields: the bytes
// must still be exactly what the encoder makes of the same header and body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMessage } from '../../electron/core/fix/encode.ts';
import { ExecutionReportGenerator } from '../../electron/simulator/er-generator.ts';
import { renderExecutionReport } from '../../electron/simulator/er-render.ts';
import { SessionRecord, bodyFromText } from '../../electron/simulator/message-store.ts';
import { resendFrame } from '../../electron/simulator/resend-frames.ts';

test('resent frames are byte for byte what encodeMessage makes of the stored message', () => {
  const record = new SessionRecord('key-1', 'KalshiRT');
  record.allocateAdmin();
  const reports = new ExecutionReportGenerator({ seed: 3 }).take(200);
  for (const [i, report] of reports.entries()) {
    record.allocateApp('8', renderExecutionReport(report, { units: i % 2 === 0 ? 'dollars' : 'cents', preserveOriginalOrderQty: false }), `20261124-14:00:0${i % 10}.123`);
  }
  const plan = record.planResend(1, 0);
  assert.ok(plan.ok);
  const ids = { senderCompId: 'KalshiRT', targetCompId: 'key-1' };
  const sendingTime = '20261124-15:00:00.000';
  for (const step of plan.steps) {
    if (step.kind !== 'resend') continue;
    const m = step.message;
    const expected = encodeMessage({ ...ids, msgType: m.msgType, msgSeqNum: m.msgSeqNum, sendingTime, possDup: true, origSendingTime: m.sendingTime }, bodyFromText(m.bodyText));
    assert.deepEqual(resendFrame(step, ids, sendingTime), expected);
  }
});
