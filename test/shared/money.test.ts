import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DecimalError, parse, toString } from '../../shared/decimal.ts';
import { formatUsd, isUnitPrice, noPrice, parsePrice } from '../../shared/money.ts';

describe('prices', () => {
  test('reads the Yes price in either wire unit as dollars', () => {
    assert.equal(toString(parsePrice('0.4200', 'dollars')), '0.42');
    assert.equal(toString(parsePrice('0.725', 'dollars')), '0.725'); // 72.5¢ with 21005=Y
    assert.equal(toString(parsePrice('42', 'cents')), '0.42');
    assert.equal(toString(parsePrice('30.60', 'cents')), '0.306');
    assert.throws(() => parsePrice('4.2e1', 'cents'), DecimalError);
  });

  test('the No price is 1 − Yes', () => {
    assert.equal(toString(noPrice(parse('0.75'))), '0.25');
    assert.equal(toString(noPrice(parse('0.0001'))), '0.9999');
  });

  test('unit prices are 0..1 inclusive', () => {
    assert.equal(isUnitPrice(parse('0')), true);
    assert.equal(isUnitPrice(parse('1')), true);
    assert.equal(isUnitPrice(parse('1.000001')), false);
    assert.equal(isUnitPrice(parse('-0.01')), false);
  });
});

describe('formatUsd', () => {
  test('groups thousands and puts the sign before the dollar sign', () => {
    assert.equal(formatUsd(parse('1234567.891')), '$1,234,567.89');
    assert.equal(formatUsd(parse('-0.42')), '-$0.42');
    assert.equal(formatUsd(parse('999')), '$999.00');
    assert.equal(formatUsd(parse('-1000')), '-$1,000.00');
    assert.equal(formatUsd(parse('30.60306'), 4), '$30.6031');
    assert.equal(formatUsd(parse('0.125')), '$0.12'); // half-even
    assert.equal(formatUsd(parse('0.135')), '$0.14');
    assert.equal(formatUsd(parse('-0.004')), '$0.00'); // never "-$0.00"
    assert.equal(formatUsd(parse('12.5'), 0, 'ceil'), '$13');
  });
});
