// Planning a backfill by ExecID range (kalshi-fix.md §5): one request per exchange index, from the last
// ExecID seen there to the latest; ExecIDs compare as integer tuples, never as strings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatExecId, mergeHeads, planBackfill, rangeProblem } from '../../../electron/core/dropcopy/index.ts';
import { compareExecIdParts, parseExecId } from '../../../electron/core/journal/index.ts';

describe('planBackfill', () => {
  test('one range per known exchange index, in index order, open-ended', () => {
    const ranges = planBackfill(new Map([[2, '12;3;2'], [0, '1042;95'], [1, '7;1;1']]));
    assert.deepEqual(ranges, [
      { exchangeIndex: 0, beginExecId: '1042;95', endExecId: undefined },
      { exchangeIndex: 1, beginExecId: '7;1;1', endExecId: undefined },
      { exchangeIndex: 2, beginExecId: '12;3;2', endExecId: undefined },
    ]);
    for (const r of ranges) assert.equal(rangeProblem(r), undefined);
  });

  test('nothing known: index 0 from its start', () => {
    assert.deepEqual(planBackfill(new Map()), [{ exchangeIndex: 0, beginExecId: '0;0', endExecId: undefined }]);
  });

  test('a head that is not an ExecID of its own index is asked for from that index\'s start', () => {
    assert.deepEqual(planBackfill(new Map([[1, '4;7'], [3, '-1;-1']])), [
      { exchangeIndex: 1, beginExecId: '0;0;1', endExecId: undefined },
      { exchangeIndex: 3, beginExecId: '0;0;3', endExecId: undefined },
    ]);
  });

  test('leading zeros are normalised', () => {
    assert.equal(planBackfill(new Map([[0, '0042;007']]))[0]?.beginExecId, '42;7');
  });
});

describe('mergeHeads', () => {
  test('per index the older head wins, compared as integers ("9;5" is before "10;1")', () => {
    const merged = mergeHeads(new Map([[0, '10;1'], [1, '3;4;1']]), new Map([[0, '9;5'], [2, '1;1;2']]));
    assert.deepEqual([...merged].sort(), [[0, '9;5'], [1, '3;4;1'], [2, '1;1;2']]);
  });

  test('same clock: the event counter decides numerically ("4;9" before "4;10")', () => {
    assert.deepEqual([...mergeHeads(new Map([[0, '4;10']]), new Map([[0, '4;9']]))], [[0, '4;9']]);
    assert.deepEqual([...mergeHeads(new Map([[0, '4;9']]), new Map([[0, '4;10']]))], [[0, '4;9']]);
  });

  test('property: the merge is the per-index minimum, whatever the order', () => {
    const execId = fc.tuple(fc.nat(100_000), fc.nat(100_000)).map(([c, e]) => `${c};${e}`);
    fc.assert(fc.property(fc.array(execId, { minLength: 1, maxLength: 12 }), (ids) => {
      const merged = ids.reduce<Map<number, string>>((acc, id) => mergeHeads(acc, new Map([[0, id]])), new Map());
      const reversed = [...ids].reverse().reduce<Map<number, string>>((acc, id) => mergeHeads(acc, new Map([[0, id]])), new Map());
      const min = [...ids].sort((a, b) => compareExecIdParts(parseExecId(a)!, parseExecId(b)!))[0]!;
      assert.equal(merged.get(0), min);
      assert.equal(reversed.get(0), min);
    }), { numRuns: 200 });
  });
});

describe('rangeProblem', () => {
  const cases: Array<[string, Parameters<typeof rangeProblem>[0], RegExp]> = [
    ['a pending ExecID', { exchangeIndex: 0, beginExecId: '-1;-1', endExecId: undefined }, /not an ExecID/],
    ['Begin on another index', { exchangeIndex: 1, beginExecId: '4;7', endExecId: undefined }, /not on exchange index 1/],
    ['End on another index', { exchangeIndex: 0, beginExecId: '4;7', endExecId: '5;1;1' }, /another exchange index/],
    ['End before Begin as integers', { exchangeIndex: 0, beginExecId: '10;1', endExecId: '9;99' }, /comes before/],
  ];
  for (const [name, range, problem] of cases) test(name, () => assert.match(rangeProblem(range) ?? '', problem));

  test('formatExecId writes the index only when it is not 0', () => {
    assert.equal(formatExecId({ exchangeIndex: 0, clock: '4', event: '7' }), '4;7');
    assert.equal(formatExecId({ exchangeIndex: 3, clock: '4', event: '7' }), '4;7;3');
    assert.equal(rangeProblem({ exchangeIndex: 0, beginExecId: '9;99', endExecId: '10;1' }), undefined);
  });
});
