// A correctly framed message with a bad field is *received* (FIX: advance + Reject), a garbled one
// (no readable 35/34) is ignored. These pin down which is which, and what the session learns.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { DecodeError } from '../../../electron/core/fix/errors.ts';
import { readExecutionReport } from '../../../electron/core/fix/execution-report.ts';
import { frame } from './fix-test-helpers.ts';

const HEAD = '35=8|49=KalshiRT|56=key|34=1234|52=20261124-14:06:00.010';
const ER = '37=o1|11=c1|17=1042;7|150=0|39=0|54=1|55=KX-1|38=10|44=0.42|14=0|151=10|6=0';

const cases: Array<{ name: string; text: string; reason: number; tag: number | undefined; says: RegExp }> = [
  { name: 'empty value', text: `${HEAD}|${ER}|58=`, reason: 4, tag: 58, says: /Tag 58 has an empty value/ },
  { name: 'field without a tag number', text: `${HEAD}|${ER}|x58=oops`, reason: 0, tag: undefined, says: /does not start with a tag number/ },
  { name: 'tag number longer than 9 digits', text: `${HEAD}|${ER}|1234567890=x`, reason: 0, tag: undefined, says: /longer than 9 digits/ },
  { name: 'tag number with a leading zero', text: `${HEAD}|${ER}|058=x`, reason: 0, tag: undefined, says: /tag number/ },
  { name: 'field without =', text: `${HEAD}|${ER}|58oops`, reason: 0, tag: undefined, says: /tag number/ },
  { name: 'data shorter than its length', text: `${HEAD}|${ER}|95=9|96=abc`, reason: 6, tag: 96, says: /9 bytes/ },
  { name: 'data length not a number', text: `${HEAD}|${ER}|95=abc|96=abc`, reason: 6, tag: 95, says: /byte count/ },
  { name: 'PossDupFlag not Y/N', text: `${HEAD}|43=X|${ER}`, reason: 6, tag: 43, says: /PossDupFlag/ },
  { name: 'SenderCompID missing', text: `${HEAD.replace('49=KalshiRT|', '')}|${ER}`, reason: 1, tag: 49, says: /SenderCompID/ },
  { name: 'SendingTime empty', text: `${HEAD.replace('52=20261124-14:06:00.010', '52=')}|${ER}`, reason: 4, tag: 52, says: /Tag 52 has an empty value/ },
];

describe('FixMessage.parseReceived', () => {
  for (const c of cases) {
    test(`${c.name}: received with MsgSeqNum, MsgType and a reason`, () => {
      const bytes = frame(c.text);
      assert.throws(() => FixMessage.parse(bytes), DecodeError, 'the strict parse must refuse it');
      const message = FixMessage.parseReceived(bytes);
      assert.equal(message.msgSeqNum, 1234);
      assert.equal(message.msgType, '8');
      assert.ok(message.problem !== undefined);
      assert.equal(message.problem.rejectReason, c.reason);
      assert.equal(message.problem.tag, c.tag);
      assert.match(message.problem.text, c.says);
      assert.equal(message.raw, bytes);
      // Content of a message with a problem is never trusted: the typed reader refuses it.
      assert.throws(() => readExecutionReport(message), (e: unknown) => e instanceof DecodeError && c.says.test(e.message));
    });
  }

  test('keeps PossDupFlag so a resent copy is a duplicate like any other', () => {
    const message = FixMessage.parseReceived(frame(`${HEAD}|43=Y|122=20261124-14:06:00.000|${ER}|58=`));
    assert.equal(message.possDup, true);
    assert.equal(message.problem?.rejectReason, 4);
  });

  test('a CompID lost to the problem reads as empty, not as garbage', () => {
    const message = FixMessage.parseReceived(frame(`${HEAD.replace('49=KalshiRT', '49=')}|${ER}`));
    assert.equal(message.senderCompId, '');
    assert.equal(message.targetCompId, 'key');
  });

  test('a well-formed message has no problem and parses exactly as parse() does', () => {
    const bytes = frame(`${HEAD}|${ER}`);
    const message = FixMessage.parseReceived(bytes);
    assert.equal(message.problem, undefined);
    assert.deepEqual([...message.fields()], [...FixMessage.parse(bytes).fields()]);
  });

  for (const [name, text] of [
    ['no MsgSeqNum', `${HEAD.replace('34=1234|', '')}|${ER}|58=`],
    ['MsgSeqNum unreadable', `${HEAD.replace('34=1234', '34=12a4')}|${ER}`],
    ['MsgSeqNum empty', `${HEAD.replace('34=1234', '34=')}|${ER}`],
    ['no MsgType', `${HEAD.replace('35=8|', '')}|${ER}|58=`],
  ] as const) {
    test(`${name}: garbled, so it throws and the session ignores it`, () => {
      assert.throws(() => FixMessage.parseReceived(frame(text)), (e: unknown) => e instanceof DecodeError && /garbled/.test(e.message));
    });
  }
});

describe('toExecutionRecord', () => {
  test('Side, ExecType and OrdStatus must be values Kalshi documents; anything else is refused, not guessed', async () => {
    const { readExecutionReport } = await import('../../../electron/core/fix/execution-report.ts');
    const { toExecutionRecord } = await import('../../../electron/core/fix/to-execution-record.ts');
    const record = toExecutionRecord(readExecutionReport(FixMessage.parse(frame(`${HEAD}|${ER}`))));
    assert.deepEqual([record.side, record.execType, record.ordStatus, record.msgSeqNum], ['1', '0', '0', 1234]);
    for (const [tag, bad] of [[150, 'H'], [39, 'Z'], [54, '3']] as const) {
      const text = `${HEAD}|${ER}`.replace(new RegExp(`\\|${tag}=[^|]+`), `|${tag}=${bad}`);
      assert.throws(() => toExecutionRecord(readExecutionReport(FixMessage.parse(frame(text)))),
        (e: unknown) => e instanceof DecodeError && e.tag === tag && /not a value Kalshi documents/.test(e.message));
    }
  });
});
