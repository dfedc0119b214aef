import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ExecIdSet } from '../../../shared/positions/exec-id-set.ts';

/** The reference meaning: numbered IDs compare by (clock, event, index), anything else by its text. */
function key(id: string): string {
  const m = /^(\d{1,15});(\d{1,15})(?:;(\d{1,15}))?$/.exec(id);
  return m === null ? `text:${id}` : `${Number(m[1])};${Number(m[2])};${Number(m[3] ?? 0)}`;
}

describe('ExecIdSet', () => {
  test('remembers in-order, late and odd-format IDs', () => {
    const s = new ExecIdSet();
    for (const id of ['4;7', '4;9', '5;1', '5;1;1']) s.add(id);
    s.add('4;8'); // late: below the highest seen on index 0
    s.add('-1;-1'); // not the numbered format
    s.add('abc');
    for (const id of ['4;7', '4;8', '4;9', '5;1', '5;1;0', '5;1;1', '-1;-1', 'abc']) assert.equal(s.has(id), true, id);
    for (const id of ['4;6', '4;10', '5;2', '5;1;2', '6;0', '', ';', '4;', '4;7;1', '-1', 'ABC']) assert.equal(s.has(id), false, id);
    assert.equal(s.size, 7);
  });

  test('IDs too long for exact numbers still work, as text', () => {
    const s = new ExecIdSet();
    s.add('1234567890123456;1');
    assert.equal(s.has('1234567890123456;1'), true);
    assert.equal(s.has('1234567890123457;1'), false);
  });

  test('a clone is independent', () => {
    const s = new ExecIdSet();
    s.add('1;1');
    const c = s.clone();
    c.add('1;2');
    c.add('0;5');
    assert.equal(s.has('1;2'), false);
    assert.equal(s.has('0;5'), false);
    assert.equal(c.has('1;1') && c.has('1;2') && c.has('0;5'), true);
  });

  test('property: agrees with a Set of keys for any arrival order', () => {
    const arbId = fc.oneof(
      fc.tuple(fc.nat(30), fc.nat(30)).map(([c, e]) => `${c};${e}`),
      fc.tuple(fc.nat(30), fc.nat(30), fc.nat(2)).map(([c, e, i]) => `${c};${e};${i}`),
      fc.string({ unit: fc.constantFrom('1', ';', '-', 'x'), maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(arbId, { maxLength: 2000 }), fc.array(arbId, { maxLength: 50 }), (adds, probes) => {
        const s = new ExecIdSet();
        const ref = new Set<string>();
        for (const id of adds) {
          assert.equal(s.has(id), ref.has(key(id)), id);
          if (!ref.has(key(id))) {
            s.add(id);
            ref.add(key(id));
          }
        }
        for (const id of probes) assert.equal(s.has(id), ref.has(key(id)), id);
        assert.equal(s.size, ref.size);
      }),
      { numRuns: 100 },
    );
  });

  test('property: mostly increasing IDs (the live case) past the first growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 20 }), { minLength: 1500, maxLength: 3000 }), (steps) => {
        const s = new ExecIdSet();
        const ref = new Set<string>();
        let event = 100;
        for (const step of steps) {
          event = Math.max(0, event + step);
          const id = `7;${event}`;
          assert.equal(s.has(id), ref.has(id));
          if (!ref.has(id)) {
            s.add(id);
            ref.add(id);
          }
        }
        for (let e = 0; e <= event + 1; e++) assert.equal(s.has(`7;${e}`), ref.has(`7;${e}`));
      }),
      { numRuns: 30 },
    );
  });
});
