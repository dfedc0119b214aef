import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { readMarketSettlementReport } from '../../../electron/core/fix/market-settlement-report.ts';
import { frame } from './fix-test-helpers.ts';
import { wire } from './golden-messages.ts';

const HDR = '35=UMS|34=7|49=KalshiPT|52=20261125-15:00:00.000|56=key';
const HEAD = '20105=st-1|55=KXT-1|715=20261125|20106=2|20107=scalar|893=N|730=30.60';
const PARTY_A = '20109=pa|20110=24|704=100.01|705=0.00|1703=1|1704=30.55|1705=PAYOUT|136=1|137=0.0006|138=USD|139=4|891=0';
const PARTY_B = '20109=pb|20110=24|705=5.00|1703=1|1704=0.00|1705=PAYOUT';

const read = (body: string) => readMarketSettlementReport(FixMessage.parse(frame(`${HDR}|${body}`)));

function fails(body: string, kind: string, tag: number): void {
  assert.throws(() => read(body), { name: 'DecodeError', kind, tag });
}

describe('readMarketSettlementReport', () => {
  test('reads the golden §7 settlement report', () => {
    const r = readMarketSettlementReport(FixMessage.parse(wire('settlement')));
    assert.deepEqual(r, {
      msgSeqNum: 7,
      possDup: false,
      sendingTime: '20261125-15:00:00.000',
      reportId: 'st-9f31',
      symbol: 'KXHIGHNY-26NOV24-B52.5',
      clearingBusinessDate: '20261125',
      totalReports: 1,
      marketResult: 'yes',
      lastFragment: true,
      settlementPrice: '100.00',
      parties: [
        {
          partyId: '6b1e2f40-9a7c-4d3e-8f21-0a5b6c7d8e9f',
          partyRole: '24',
          longQty: '10.00',
          shortQty: '0.00',
          collateralChanges: [{ amount: '10.00', type: 'PAYOUT' }],
          fees: [{ amount: '0.00', currency: 'USD', type: '4', basis: '0' }],
        },
      ],
    });
  });

  test('keeps nested groups with their own party', () => {
    const r = read(`${HEAD}|20108=2|${PARTY_A}|${PARTY_B}`);
    assert.equal(r.lastFragment, false);
    assert.equal(r.totalReports, 2);
    assert.deepEqual(r.parties.map((p) => [p.partyId, p.longQty, p.shortQty, p.collateralChanges.length, p.fees.length]), [
      ['pa', '100.01', '0.00', 1, 1],
      ['pb', undefined, '5.00', 1, 0],
    ]);
  });

  test('a page with no parties is fine', () => {
    assert.deepEqual(read(`${HEAD}|20108=0`).parties, []);
    assert.deepEqual(read(HEAD).parties, []);
  });

  test('required fields and group consistency', () => {
    fails('55=KXT-1', 'missing-field', 20105);
    fails('20105=st-1', 'missing-field', 55);
    fails(`${HEAD}|20108=1|${PARTY_A}|${PARTY_B}`, 'bad-value', 20108);
    fails(`${HEAD}|${PARTY_A}`, 'bad-value', 20109);
    fails(`${HEAD}|20108=1|20109=pa|1703=2|1704=1|1705=PAYOUT`, 'bad-value', 1703);
    fails(`${HEAD}|20108=1|20109=pa|1704=1|1705=PAYOUT`, 'bad-value', 1704);
    fails(`${HEAD}|20108=1|20109=pa|1703=1|1704=1`, 'missing-field', 1705);
    fails(`${HEAD}|20108=1|20109=pa|137=0.01`, 'bad-value', 137);
    fails(`${HEAD}|20108=1|20109=pa|136=2|137=0.01`, 'bad-value', 136);
    fails(`${HEAD}|704=1.00`, 'bad-value', 704);
    fails(`${HEAD}|20108=x`, 'bad-value', 20108);
    fails(`${HEAD.replace('730=30.60', '730=30,60')}`, 'bad-value', 730);
    fails(`${HEAD.replace('893=N', '893=maybe')}`, 'bad-value', 893);
  });

  test('refuses other message types', () => {
    assert.throws(() => readMarketSettlementReport(FixMessage.parse(wire('fullFill'))), { name: 'DecodeError', kind: 'bad-value', tag: 35 });
  });
});
