import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeField, enumLabel, tagName } from '../../../shared/fix/dictionary.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';

test('names tags, falling back to the number', () => {
  assert.equal(tagName(150), 'ExecType');
  assert.equal(tagName(20126), 'ListenerSession');
  assert.equal(tagName(21003), 'ResendEventCount'); // inbound meaning of the reassigned tag
  assert.equal(tagName(21011), 'SkipPendingExecReports');
  assert.equal(tagName(424242), '424242');
});

test('every tag constant has its own name back', () => {
  for (const [name, tag] of Object.entries(Tag)) {
    if (name === 'SkipPendingExecReportsLegacy') continue;
    assert.equal(tagName(tag), name);
  }
});

test('labels coded values', () => {
  assert.equal(enumLabel(150, 'F'), 'Trade');
  assert.equal(enumLabel(39, '2'), 'Filled');
  assert.equal(enumLabel(373, '10'), 'SendingTimeAccuracyProblem');
  assert.equal(enumLabel(21004, '5'), 'NotEnabled');
  assert.equal(enumLabel(150, 'Z'), undefined);
  assert.equal(enumLabel(55, 'F'), undefined);
  assert.equal(enumLabel(150, 'toString'), undefined); // no prototype leaks
});

test('labels every MsgType', () => {
  for (const [name, code] of Object.entries(MsgType)) assert.equal(enumLabel(35, code), name);
});

test('describes a field', () => {
  assert.equal(describeField(150, 'F'), 'ExecType(150)=F (Trade)');
  assert.equal(describeField(55, 'KX'), 'Symbol(55)=KX');
  assert.equal(describeField(99999, 'x'), '99999=x');
});
