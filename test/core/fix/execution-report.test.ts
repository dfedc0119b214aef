import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { readExecutionReport } from '../../../electron/core/fix/execution-report.ts';
import { frame } from './fix-test-helpers.ts';

const HDR = '35=8|34=9|49=KalshiRT|52=20261124-14:07:12.510|56=key';
const REQUIRED = '37=ord-1|11=cl-1|17=4;7|150=F|39=1|54=2|55=KXTEST-1|14=1.00|151=2.00|6=0.5500';

const read = (body: string) => readExecutionReport(FixMessage.parse(frame(`${HDR}|${body}`)));

function fails(body: string, kind: string, tag: number): void {
  assert.throws(() => read(body), { name: 'DecodeError', kind, tag });
}

describe('readExecutionReport', () => {
  test('reads the minimal always-present fields and no optional ones', () => {
    const er = read(REQUIRED);
    assert.deepEqual(er, {
      msgSeqNum: 9,
      possDup: false,
      sendingTime: '20261124-14:07:12.510',
      orderId: 'ord-1',
      clOrdId: 'cl-1',
      execId: '4;7',
      execType: 'F',
      ordStatus: '1',
      side: '2',
      symbol: 'KXTEST-1',
      cumQty: '1.00',
      leavesQty: '2.00',
      avgPx: '0.5500',
      collateralChanges: [],
    });
    assert.equal(Object.hasOwn(er, 'price'), false); // exactOptionalPropertyTypes: absent, not undefined
  });

  test('reads every optional field', () => {
    const er = read(
      `43=Y|122=20261124-14:00:00.000|${REQUIRED}|41=cl-0|38=3.00|44=55|32=1.00|31=55|60=20261124-14:07:12.500|58=POST_ONLY_CROSS|103=99|880=tm-1|1057=Y|704=0.00|705=1.00|136=1|137=0.0123|138=USD|139=4|891=0|30=0|79=3|715=20261124|59=6|126=20261125-04:59:59.999`,
    );
    assert.equal(er.possDup, true);
    assert.equal(er.origClOrdId, 'cl-0');
    assert.equal(er.orderQty, '3.00');
    assert.equal(er.price, '55'); // whole cents without 21005=Y
    assert.equal(er.lastQty, '1.00');
    assert.equal(er.lastPx, '55');
    assert.equal(er.transactTime, '20261124-14:07:12.500');
    assert.equal(er.text, 'POST_ONLY_CROSS');
    assert.equal(er.ordRejReason, '99');
    assert.equal(er.trdMatchId, 'tm-1');
    assert.equal(er.aggressor, true);
    assert.equal(er.longQty, '0.00');
    assert.equal(er.shortQty, '1.00');
    assert.equal(er.fee, '0.0123');
    assert.equal(er.lastMkt, '0');
    assert.equal(er.allocAccount, '3');
    assert.equal(er.clearingBusinessDate, '20261124');
    assert.equal(er.timeInForce, '6');
    assert.equal(er.expireTime, '20261125-04:59:59.999');
  });

  test('reads several collateral changes in order', () => {
    const er = read(`${REQUIRED}|1703=2|1704=-1.70|1705=BALANCE|1704=0.3000|1705=PAYOUT`);
    assert.deepEqual(er.collateralChanges, [
      { amount: '-1.70', type: 'BALANCE' },
      { amount: '0.3000', type: 'PAYOUT' },
    ]);
  });

  test('the first occurrence wins for single-valued tags', () => {
    assert.equal(read(`${REQUIRED}|58=first|58=second`).text, 'first');
  });

  for (const [tag, name] of [[37, 'OrderID'], [11, 'ClOrdID'], [17, 'ExecID'], [150, 'ExecType'], [39, 'OrdStatus'], [54, 'Side'], [55, 'Symbol'], [14, 'CumQty'], [151, 'LeavesQty'], [6, 'AvgPx']] as const) {
    test(`a missing ${name}(${tag}) is missing-field`, () => {
      fails(REQUIRED.split('|').filter((f) => !f.startsWith(`${tag}=`)).join('|'), 'missing-field', tag);
    });
  }

  test('decimals must be -?digits[.digits]', () => {
    for (const bad of ['1.', '.5', '1e3', '+1', '1,00', '0x10', '--1', '1.2.3', 'NaN', '-']) {
      fails(`${REQUIRED}|31=${bad}`, 'bad-value', 31);
    }
    fails(REQUIRED.replace('14=1.00', '14=one'), 'bad-value', 14);
    for (const tag of [38, 44, 32, 704, 705, 137]) fails(`${REQUIRED}|${tag}=x`, 'bad-value', tag);
  });

  test('AggressorIndicator must be Y or N', () => {
    fails(`${REQUIRED}|1057=T`, 'bad-value', 1057);
  });

  test('collateral group errors name the tag', () => {
    fails(`${REQUIRED}|1703=2|1704=-1.70|1705=BALANCE`, 'bad-value', 1703);
    fails(`${REQUIRED}|1703=x|1704=-1.70|1705=BALANCE`, 'bad-value', 1703);
    fails(`${REQUIRED}|1704=-1.70|1705=BALANCE`, 'bad-value', 1704);
    fails(`${REQUIRED}|1703=1|1705=BALANCE|1704=-1.70`, 'bad-value', 1705);
    fails(`${REQUIRED}|1703=1|1704=-1.70`, 'missing-field', 1705);
    fails(`${REQUIRED}|1703=1|1704=1.7x|1705=BALANCE`, 'bad-value', 1704);
  });

  test('refuses other message types', () => {
    assert.throws(() => readExecutionReport(FixMessage.parse(frame(`${HDR.replace('35=8', '35=9')}|${REQUIRED}`))), {
      name: 'DecodeError',
      kind: 'bad-value',
      tag: 35,
    });
  });
});
