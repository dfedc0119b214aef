// The kalshi-fix.md §7 samples, byte for byte: framing, decoding, typed ER reading and re-encoding.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { FixFramer } from '../../../electron/core/fix/framer.ts';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { encodeMessage } from '../../../electron/core/fix/encode.ts';
import type { FieldList } from '../../../electron/core/fix/encode.ts';
import { readExecutionReport } from '../../../electron/core/fix/execution-report.ts';
import { Tag } from '../../../shared/fix/tags.ts';
import { GOLDEN, SIGNATURE_344, wire } from './golden-messages.ts';
import type { GoldenName } from './golden-messages.ts';
import { pipes, pushAll } from './fix-test-helpers.ts';

const names = Object.keys(GOLDEN) as GoldenName[];
const HEADER_TAGS = new Set<number>([8, 9, 10, 35, 34, 49, 52, 56, 43, 122]);

describe('golden §7 messages', () => {
  test('the framer yields each one intact from a concatenated stream', () => {
    const stream = Buffer.concat(names.map(wire));
    const c = pushAll(new FixFramer(), [stream]);
    assert.deepEqual(c.errors, []);
    assert.deepEqual(c.frames.map(pipes), names.map((n) => GOLDEN[n]));
  });

  for (const name of names) {
    test(`${name}: decodes and re-encodes to the same bytes`, () => {
      const msg = FixMessage.parse(wire(name));
      const body: FieldList = [...msg.fields()].filter(([t]) => !HEADER_TAGS.has(t));
      const again = encodeMessage(
        { msgType: msg.msgType, msgSeqNum: msg.msgSeqNum, senderCompId: msg.senderCompId, targetCompId: msg.targetCompId, sendingTime: msg.sendingTime },
        body,
      );
      assert.equal(pipes(again), GOLDEN[name]);
    });
  }

  test('logon carries the listener flags and a 344-character signature', () => {
    const msg = FixMessage.parse(wire('logon'));
    assert.equal(msg.msgType, 'A');
    assert.equal(msg.get(Tag.ListenerSession), 'Y');
    assert.equal(msg.get(Tag.SkipPendingExecReports), 'Y');
    assert.equal(msg.getInt(Tag.RawDataLength), 344);
    assert.equal(msg.get(Tag.RawData), SIGNATURE_344);
    assert.equal(msg.getInt(Tag.HeartBtInt), 30);
  });

  test('new-order ack reads as ExecType New with no fill fields', () => {
    const er = readExecutionReport(FixMessage.parse(wire('newAck')));
    assert.deepEqual(er, {
      msgSeqNum: 2,
      possDup: false,
      sendingTime: '20261124-14:06:00.010',
      orderId: '8c1f0d2a-55e1-4b7e-9d3c-2a6e9f001234',
      clOrdId: 'cl-0001',
      execId: '1042;77',
      execType: '0',
      ordStatus: '0',
      side: '1',
      symbol: 'KXHIGHNY-26NOV24-B52.5',
      orderQty: '10.00',
      price: '0.4200',
      cumQty: '0.00',
      leavesQty: '10.00',
      avgPx: '0',
      transactTime: '20261124-14:06:00.008',
      collateralChanges: [],
    });
  });

  test('partial fill reads every trade field', () => {
    const er = readExecutionReport(FixMessage.parse(wire('partialFill')));
    assert.equal(er.execType, 'F');
    assert.equal(er.ordStatus, '1');
    assert.equal(er.lastQty, '4.00');
    assert.equal(er.lastPx, '0.4200');
    assert.equal(er.cumQty, '4.00');
    assert.equal(er.leavesQty, '6.00');
    assert.equal(er.trdMatchId, 'a7d2e4c0-1b2f-4e55-8d1a-3c9b7e2f0a11');
    assert.equal(er.aggressor, false);
    assert.equal(er.longQty, '4.00');
    assert.equal(er.shortQty, '0.00');
    assert.equal(er.fee, '0.02');
    assert.deepEqual(er.collateralChanges, [{ amount: '-1.70', type: 'BALANCE' }]);
  });

  test('full fill, replace and cancel', () => {
    const full = readExecutionReport(FixMessage.parse(wire('fullFill')));
    assert.equal(full.ordStatus, '2');
    assert.equal(full.leavesQty, '0.00');
    assert.deepEqual(full.collateralChanges, [{ amount: '-2.54', type: 'BALANCE' }]);

    const replace = readExecutionReport(FixMessage.parse(wire('replace')));
    assert.equal(replace.execType, '5');
    assert.equal(replace.origClOrdId, 'cl-0002');
    assert.equal(replace.clOrdId, 'cl-0003');
    assert.equal(replace.price, '0.4000');
    assert.equal(replace.lastQty, undefined);

    const cancel = readExecutionReport(FixMessage.parse(wire('cancel')));
    assert.equal(cancel.execType, '4');
    assert.equal(cancel.ordStatus, '4');
    assert.equal(cancel.origClOrdId, 'cl-0003');
    assert.equal(cancel.leavesQty, '0.00');
  });

  test('settlement report and logout decode', () => {
    const ums = FixMessage.parse(wire('settlement'));
    assert.equal(ums.msgType, 'UMS');
    assert.equal(ums.get(Tag.MarketResult), 'yes');
    assert.equal(ums.get(Tag.CollateralAmountType), 'PAYOUT');
    assert.throws(() => readExecutionReport(ums), { name: 'DecodeError', kind: 'bad-value', tag: 35 });

    const logout = FixMessage.parse(wire('logout'));
    assert.equal(logout.msgType, '5');
    assert.equal(logout.msgSeqNum, 57);
    assert.equal(logout.get(Tag.Text), 'client shutdown');
  });
});
