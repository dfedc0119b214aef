import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type Decimal,
  type RoundingMode,
  DecimalError,
  ONE,
  ZERO,
  abs,
  add,
  cmp,
  div,
  fromCents,
  fromInteger,
  fromMicros,
  isZero,
  max,
  min,
  mul,
  mulDiv,
  mulExact,
  neg,
  parse,
  product,
  round,
  sign,
  sub,
  sum,
  toMicros,
  toString,
} from '../../shared/decimal.ts';
import { type Q, q, qAdd, qDiv, qFromMicros, qFromString, qIsMicro, qMul, qRoundToMicros } from './rational.ts';

const MODES: readonly RoundingMode[] = ['floor', 'ceil', 'half-even', 'trunc'];
const d = (text: string): Decimal => parse(text);
const kindOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof DecimalError) return e.kind;
    throw e;
  }
  return 'no error';
};

// Up to ±10^9 dollars with all 6 places used.
const arbDecimal = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(fromMicros);
const arbNonZero = arbDecimal.filter((x) => !isZero(x));
const arbMode = fc.constantFrom(...MODES);
const arbPlaces = fc.integer({ min: 0, max: 6 });

describe('parse and toString', () => {
  test('round-trips the canonical forms', () => {
    for (const [text, canonical] of [
      ['0.42', '0.42'],
      ['-0.42', '-0.42'],
      ['0.4200', '0.42'],
      ['10', '10'],
      ['10.00', '10'],
      ['007.50', '7.5'],
      ['-0', '0'],
      ['0.000001', '0.000001'],
      ['-0.000001', '-0.000001'],
      ['1.0000000', '1'], // 7 places, but the 7th is a zero: still exact
      ['123456789012345.123456', '123456789012345.123456'], // beyond the float fast path
      ['-98765432109876543210.5', '-98765432109876543210.5'],
    ] as const) {
      assert.equal(toString(d(text)), canonical, text);
    }
  });

  test('stores micro-units', () => {
    assert.equal(toMicros(d('0.42')), 420_000n);
    assert.equal(toMicros(d('-1.5')), -1_500_000n);
    assert.equal(toMicros(d('30.60306')), 30_603_060n);
  });

  test('rejects anything that is not a plain decimal, with a kind', () => {
    for (const text of ['', '-', '1e5', 'NaN', 'Infinity', '1.2.3', '.5', '5.', '+1', ' 1', '1 ', '1,5', '0x10', '--1', '1-', '١']) {
      assert.equal(kindOf(() => parse(text)), 'not-a-decimal', JSON.stringify(text));
    }
  });

  test('refuses more than 6 places unless a rounding mode is given', () => {
    assert.equal(kindOf(() => parse('0.1234567')), 'too-many-places');
    assert.match(new DecimalError('too-many-places', 'x').message, /more decimal places/);
    assert.equal(toString(parse('0.1234565', 'half-even')), '0.123456'); // tie → even 6
    assert.equal(toString(parse('0.1234575', 'half-even')), '0.123458'); // tie → even 8
    assert.equal(toString(parse('0.12345651', 'half-even')), '0.123457'); // above the tie
    assert.equal(toString(parse('-0.1234561', 'floor')), '-0.123457');
    assert.equal(toString(parse('-0.1234561', 'ceil')), '-0.123456');
    assert.equal(toString(parse('-0.1234569', 'trunc')), '-0.123456');
  });

  test('formats to a fixed number of places, rounding only with a mode', () => {
    assert.equal(toString(d('10'), 2), '10.00');
    assert.equal(toString(d('-0.42'), 4), '-0.4200');
    assert.equal(toString(d('0.5'), 0, 'half-even'), '0');
    assert.equal(toString(d('1.5'), 0, 'half-even'), '2');
    assert.equal(toString(d('-0.001'), 2, 'half-even'), '0.00'); // no "-0.00"
    assert.equal(toString(d('0.123'), 8), '0.12300000');
    assert.equal(kindOf(() => toString(d('0.125'), 2)), 'too-many-places');
    assert.equal(toString(d('0.125'), 2, 'half-even'), '0.12');
    assert.equal(toString(d('0.125'), 2, 'ceil'), '0.13');
    assert.equal(kindOf(() => toString(d('1'), -1)), 'bad-places');
  });

  test('property: parse(toString(x)) == x, with and without fixed places', () => {
    fc.assert(
      fc.property(arbDecimal, (x) => {
        assert.equal(parse(toString(x)), x);
        assert.equal(parse(toString(x, 6)), x);
        assert.equal(parse(toString(x, 9)), x);
      }),
    );
  });

  test('property: any string either parses to its exact value or is refused with a kind', () => {
    const arbText = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', 'e', ' '), maxLength: 14 });
    fc.assert(
      fc.property(arbText, (text) => {
        const plain = /^-?\d+(\.\d+)?$/.test(text);
        let value: Decimal;
        try {
          value = parse(text);
        } catch (e) {
          assert.ok(e instanceof DecimalError);
          assert.equal(e.kind, plain ? 'too-many-places' : 'not-a-decimal', text);
          if (plain) assert.equal(qIsMicro(qFromString(text)), false);
          return;
        }
        assert.ok(plain, `accepted ${JSON.stringify(text)}`);
        assert.deepEqual(qFromMicros(value), qFromString(text));
      }),
      { numRuns: 500 },
    );
  });

  test('property: parsing with a mode matches the rational reference', () => {
    const arbLong = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 12 }))
      .map(([negative, digits, places]) => {
        const s = digits.toString().padStart(places + 1, '0');
        return (negative ? '-' : '') + (places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`);
      });
    fc.assert(
      fc.property(arbLong, arbMode, (text, mode) => {
        assert.equal(toMicros(parse(text, mode)), qRoundToMicros(qFromString(text), 6, mode), `${text} ${mode}`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fromCents and integers', () => {
  test('converts cents to dollars exactly', () => {
    assert.equal(toString(fromCents('42')), '0.42');
    assert.equal(toString(fromCents('30.60')), '0.306');
    assert.equal(toString(fromCents('100')), '1');
    assert.equal(toString(fromCents('72.5')), '0.725');
    assert.equal(toString(fromCents('0.0001')), '0.000001');
    assert.equal(toString(fromCents(42n)), '0.42');
    assert.equal(toString(fromCents(-7)), '-0.07');
    assert.equal(kindOf(() => fromCents('0.00001')), 'too-many-places');
    assert.equal(kindOf(() => fromCents(0.5)), 'not-a-decimal');
    assert.equal(toString(fromInteger(3)), '3');
    assert.equal(toString(fromInteger(-2n)), '-2');
  });
});

describe('exact arithmetic', () => {
  test('add, sub, neg, abs, cmp, sign, min, max, sum on examples', () => {
    assert.equal(toString(add(d('0.1'), d('0.2'))), '0.3'); // the float classic, exact here
    assert.equal(toString(sub(d('0.42'), d('1'))), '-0.58');
    assert.equal(toString(neg(d('0.42'))), '-0.42');
    assert.equal(toString(abs(d('-3.5'))), '3.5');
    assert.equal(cmp(d('0.42'), d('0.420')), 0);
    assert.equal(cmp(d('-1'), d('0.000001')), -1);
    assert.equal(sign(d('-0.000001')), -1);
    assert.equal(sign(ZERO), 0);
    assert.equal(toString(min(d('2'), d('-3'))), '-3');
    assert.equal(toString(max(d('2'), d('-3'))), '2');
    assert.equal(toString(sum([d('0.1'), d('0.2'), d('-0.05')])), '0.25');
    assert.equal(toString(mulExact(d('100.01'), d('0.306'))), '30.60306'); // kalshi-fix.md §6 scalar example
    assert.equal(toString(mulExact(d('2.5'), d('0.415'))), '1.0375');
    assert.equal(kindOf(() => mulExact(d('0.001'), d('0.0001'))), 'inexact');
  });

  test('property: add is commutative and associative, sub inverts it, cmp agrees with sub', () => {
    fc.assert(
      fc.property(arbDecimal, arbDecimal, arbDecimal, (a, b, c) => {
        assert.equal(add(a, b), add(b, a));
        assert.equal(add(add(a, b), c), add(a, add(b, c)));
        assert.equal(sub(add(a, b), b), a);
        assert.equal(sub(a, b), add(a, neg(b)));
        assert.equal(cmp(a, b), sign(sub(a, b)));
        assert.deepEqual(qFromMicros(add(a, b)), qAdd(qFromMicros(a), qFromMicros(b)));
      }),
    );
  });

  test('property: multiplying by one changes nothing, in every mode', () => {
    fc.assert(
      fc.property(arbDecimal, arbMode, (x, mode) => {
        assert.equal(mulExact(x, ONE), x);
        assert.equal(mul(x, ONE, 6, mode), x);
        assert.equal(div(x, ONE, 6, mode), x);
        assert.equal(product([x], 6, mode), x);
      }),
    );
  });
});

describe('rounding', () => {
  test('examples in every mode', () => {
    const cases: [string, number, RoundingMode, string][] = [
      ['2.5', 0, 'half-even', '2'],
      ['3.5', 0, 'half-even', '4'],
      ['-2.5', 0, 'half-even', '-2'],
      ['-2.5', 0, 'floor', '-3'],
      ['-2.5', 0, 'ceil', '-2'],
      ['-2.5', 0, 'trunc', '-2'],
      ['2.51', 0, 'half-even', '3'],
      ['0.042485', 4, 'ceil', '0.0425'],
      ['0.0424', 4, 'ceil', '0.0424'], // already on the grid: unchanged
    ];
    for (const [x, dp, mode, want] of cases) assert.equal(toString(round(d(x), dp, mode)), want, `${x} ${dp} ${mode}`);
    // 0.5 × 0.333333 = 0.1666665: a tie at 6 places.
    assert.equal(toString(mul(d('0.5'), d('0.333333'), 6, 'half-even')), '0.166666');
    assert.equal(toString(mul(d('0.5'), d('0.333333'), 6, 'ceil')), '0.166667');
    assert.equal(toString(mul(d('-0.5'), d('0.333333'), 6, 'floor')), '-0.166667');
    assert.equal(toString(div(d('1'), d('3'), 6, 'half-even')), '0.333333');
    assert.equal(toString(div(d('2'), d('3'), 6, 'half-even')), '0.666667');
    assert.equal(toString(div(d('-2'), d('3'), 2, 'floor')), '-0.67');
    assert.equal(toString(div(d('1'), d('-8'), 2, 'half-even')), '-0.12');
    assert.equal(toString(mulDiv(d('0.05'), d('1'), d('3'), 6, 'half-even')), '0.016667');
    assert.equal(kindOf(() => div(ONE, ZERO, 6, 'floor')), 'division-by-zero');
    assert.equal(kindOf(() => round(ONE, 7, 'floor')), 'bad-places');
    // 0.07 × 2.5 × 0.415 × 0.585 = 0.042485625 exactly; one rounding at the end.
    assert.equal(toString(product([d('0.07'), d('2.5'), d('0.415'), d('0.585')], 4, 'ceil')), '0.0425');
    assert.equal(toString(product([d('0.07'), d('2.5'), d('0.415'), d('0.585')], 6, 'floor')), '0.042485');
    assert.equal(product([], 2, 'floor'), ONE);
  });

  test('property: round, mul, div, mulDiv and product match the rational reference', () => {
    fc.assert(
      fc.property(arbDecimal, arbDecimal, arbNonZero, arbPlaces, arbMode, (a, b, c, dp, mode) => {
        const [qa, qb, qc] = [qFromMicros(a), qFromMicros(b), qFromMicros(c)];
        assert.equal(toMicros(round(a, dp, mode)), qRoundToMicros(qa, dp, mode));
        assert.equal(toMicros(mul(a, b, dp, mode)), qRoundToMicros(qMul(qa, qb), dp, mode));
        assert.equal(toMicros(div(a, c, dp, mode)), qRoundToMicros(qDiv(qa, qc), dp, mode));
        assert.equal(toMicros(mulDiv(a, b, c, dp, mode)), qRoundToMicros(qDiv(qMul(qa, qb), qc), dp, mode));
        assert.equal(toMicros(product([a, b, c], dp, mode)), qRoundToMicros(qMul(qMul(qa, qb), qc), dp, mode));
      }),
      { numRuns: 500 },
    );
  });

  test('property: floor ≤ x ≤ ceil one grid step apart, trunc toward zero, half-even within half a step', () => {
    fc.assert(
      fc.property(arbDecimal, arbPlaces, (x, dp) => {
        const step = 10n ** BigInt(6 - dp);
        const lo = round(x, dp, 'floor');
        const hi = round(x, dp, 'ceil');
        assert.ok(lo <= x && x <= hi);
        assert.ok(hi - lo === 0n || hi - lo === step);
        assert.equal(hi === lo, x % step === 0n);
        assert.equal(round(x, dp, 'trunc'), x < 0n ? hi : lo);
        const near = round(x, dp, 'half-even');
        const distance = abs(sub(near, x));
        assert.ok(2n * distance <= step);
        if (2n * distance === step) assert.equal((near / step) % 2n, 0n); // ties land on even
        for (const mode of MODES) assert.equal(round(round(x, dp, mode), dp, mode), round(x, dp, mode));
      }),
    );
  });

  test('property: ceil to 6 then to 4 places equals ceil to 4 places (fee rounding can be staged)', () => {
    const arbQ = fc.tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.bigInt({ min: 1n, max: 10n ** 6n })).map(([n, den]): Q => q(n, den));
    fc.assert(
      fc.property(arbQ, (x) => {
        const staged = round(fromMicros(qRoundToMicros(x, 6, 'ceil')), 4, 'ceil');
        assert.equal(toMicros(staged), qRoundToMicros(x, 4, 'ceil'));
      }),
    );
  });
});
