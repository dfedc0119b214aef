// The rules document: defaults fill in what a user leaves out, and an invalid document is refused
// with ONE line naming the field (what the CLI prints and Settings shows).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RULES, RulesDocumentError, parseRulesDocument } from '../../../shared/surveillance/rules-document.ts';

function refusal(doc: unknown): string {
  try {
    parseRulesDocument(typeof doc === 'string' ? doc : JSON.stringify(doc));
  } catch (error) {
    assert.ok(error instanceof RulesDocumentError);
    assert.doesNotMatch(error.message, /\n/);
    return error.message;
  }
  return assert.fail('accepted');
}

describe('rules document', () => {
  test('defaults: every rule on, with documented parameters', () => {
    assert.equal(DEFAULT_RULES.version, 1);
    assert.equal(DEFAULT_RULES.timeZone, 'America/New_York');
    assert.deepEqual(DEFAULT_RULES.positionLimit.limits, [{ scope: 'market', prefix: '', contracts: '5000' }]);
    assert.equal(DEFAULT_RULES.largeFill.fillContracts, '1000');
    assert.deepEqual(DEFAULT_RULES.offHours.days, ['mon', 'tue', 'wed', 'thu', 'fri']);
    assert.equal(DEFAULT_RULES.dailyCaps.lossLimit, '1000');
    assert.deepEqual(DEFAULT_RULES.allowList, []);
    for (const key of ['positionLimit', 'largeFill', 'restrictedList', 'crossAccount', 'orderToTrade', 'offHours', 'feedIntegrity', 'dailyCaps'] as const) {
      assert.equal(DEFAULT_RULES[key].enabled, true, key);
    }
  });

  test('a partial document keeps the defaults of what it leaves out; whole numbers become decimal text', () => {
    const doc = parseRulesDocument('{"version": 3, "largeFill": {"fillContracts": 250, "orderNotional": null}}');
    assert.equal(doc.version, 3);
    assert.equal(doc.largeFill.fillContracts, '250');
    assert.equal(doc.largeFill.orderNotional, null);
    assert.equal(doc.largeFill.fillNotional, '1000');
  });

  test('one line naming the field', () => {
    assert.equal(refusal({ version: 1, positionLimit: { limits: [{ contracts: '-5' }] } }),
      'rules.json: positionLimit.limits[0].contracts: expected a positive decimal (text like "1000" or "0.25", at most 6 places)');
    assert.equal(refusal({ version: 1, positionLimit: { limits: [{ contracts: 0.5 }] } }),
      'rules.json: positionLimit.limits[0].contracts: expected a positive decimal (text like "1000" or "0.25", at most 6 places)');
    assert.equal(refusal({ version: 1, positionLimit: { limits: [{ contract: '5' }] } }),
      'rules.json: positionLimit.limits[0].contract: unknown field (check its spelling; see the README\'s "Surveillance rules")');
    assert.equal(refusal({ positionLimit: {} }), 'rules.json: version: required');
    assert.equal(refusal({ version: 1, positionLimit: { limits: [{ scope: 'market' }] } }), 'rules.json: positionLimit.limits[0]: a limit needs "contracts" or "dollars" (or both)');
    assert.equal(refusal({ version: 1, timeZone: 'Mars/Base' }), 'rules.json: timeZone: expected an IANA time zone such as America/New_York');
    assert.equal(refusal({ version: 1, offHours: { start: '18:00', end: '08:00' } }), 'rules.json: offHours: "start" must be before "end"');
    assert.equal(refusal({ version: 1, restrictedList: { entries: [{ ticker: 'X', prefix: 'Y', reason: 'r' }] } }),
      'rules.json: restrictedList.entries[0]: an entry needs exactly one of "ticker" or "prefix"');
    assert.equal(refusal({ version: 1, allowList: [{ id: 'a', rule: 'off-hours', reason: 'r', who: 'w', expires: 'soon' }] }),
      'rules.json: allowList[0].expires: expected YYYY-MM-DD or an ISO time ending in Z');
    assert.equal(refusal({ version: 1, allowList: [1, 2].map(() => ({ id: 'a', rule: '*', reason: 'r', who: 'w', expires: '2027-01-01' })) }),
      'rules.json: allowList[1].id: "a" is used twice');
    assert.match(refusal('{"version": 1,'), /^rules\.json: not valid JSON \(/);
  });
});
