// The Live grid's geometry without a browser (renderer/views/Live/grid-template.ts): which rows are in
// the DOM for a scroll position (in view, overscan, the tab stop kept with a gap), where the view goes
// when rows arrive above it, the column template of the full and the compact grid, and the arrival
// highlight by age.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { arrivalStage, FADING_MS, NEW_MS, untilNextStage } from '../../renderer/views/Live/arrival-highlight.ts';
import { FrameGate } from '../../renderer/state/frame-gate.ts';
import { anchoredScrollTop, cellFlex, indexOfDescending, OVERSCAN_ROWS, ROW_PX, rowWindow } from '../../renderer/views/Live/grid-template.ts';

const indexes = (w: ReturnType<typeof rowWindow>) => w.rows.map((r) => r.index);

describe('Live grid window', () => {
  test('at the top: the rows in view and the overscan below, the rest as padding', () => {
    const w = rowWindow(500, 0, 10 * ROW_PX);
    assert.deepEqual(indexes(w), Array.from({ length: 10 + OVERSCAN_ROWS }, (_, i) => i));
    assert.equal(w.padTop, 0);
    assert.equal(w.padBottom, 500 - 10 - OVERSCAN_ROWS);
    assert.ok(w.rows.every((r) => r.gapBefore === 0));
  });

  test('scrolled: overscan on both sides; padding plus rows always make the whole list', () => {
    for (const top of [0, 1, ROW_PX * 3.5, ROW_PX * 100, ROW_PX * 495, ROW_PX * 10_000]) {
      const w = rowWindow(500, top, 20 * ROW_PX);
      const shown = indexes(w);
      assert.equal(w.padTop + shown.length + w.padBottom, 500, `top ${top}`);
      assert.deepEqual(shown, Array.from({ length: shown.length }, (_, i) => w.padTop + i), 'contiguous');
    }
    const middle = rowWindow(500, ROW_PX * 100, 20 * ROW_PX);
    assert.equal(middle.padTop, 100 - OVERSCAN_ROWS);
    assert.equal(indexes(middle).at(-1), 120 + OVERSCAN_ROWS - 1);
  });

  test('the tab stop stays in the DOM away from the view, after a gap of the rows left out', () => {
    const below = rowWindow(500, 0, 10 * ROW_PX, 300);
    assert.equal(indexes(below).at(-1), 300);
    assert.equal(below.rows.at(-1)!.gapBefore, 300 - (10 + OVERSCAN_ROWS));
    assert.equal(below.padBottom, 199);
    const above = rowWindow(500, ROW_PX * 200, 10 * ROW_PX, 3);
    assert.equal(above.padTop, 3);
    assert.equal(above.rows[0]!.index, 3);
    assert.equal(above.rows[1]!.gapBefore, 200 - OVERSCAN_ROWS - 4);
    const inside = rowWindow(500, 0, 10 * ROW_PX, 2);
    assert.deepEqual(indexes(inside), indexes(rowWindow(500, 0, 10 * ROW_PX)), 'no second copy when it is in view');
    assert.deepEqual(rowWindow(0, 0, 100, 0), { rows: [], padTop: 0, padBottom: 0 });
  });

  test('rows arriving above a scrolled view move it by as many rows; at the top it stays put', () => {
    const before = [100, 99, 98, 97, 96, 95];
    const after = [103, 102, 101, 100, 99, 98, 97];
    assert.equal(anchoredScrollTop(before, after, 2 * ROW_PX + 5), 5 * ROW_PX + 5, 'row 98 was at the top and still is');
    assert.equal(anchoredScrollTop(before, after, 0), null, 'at the top, new rows show');
    assert.equal(anchoredScrollTop(before, before, 3 * ROW_PX), null, 'nothing changed');
    assert.equal(anchoredScrollTop(before, [110, 109], 3 * ROW_PX), null, 'the row is gone: stay');
    assert.equal(anchoredScrollTop(before, [100, 99, 98, 97, 96, 95, 94], 2 * ROW_PX), null, 'only older rows added: nothing moved');
  });

  test('positions are found in a newest-first list', () => {
    const order = [50, 40, 31, 30, 7, 2];
    for (const [i, p] of order.entries()) assert.equal(indexOfDescending(order, p), i);
    assert.equal(indexOfDescending(order, 8), -1);
    assert.equal(indexOfDescending([], 1), -1);
  });

  test('column widths: a column without a width takes the rest; without one, widths share the spare room in proportion', () => {
    const full = [{ width: '14ch' }, { width: null }, { width: '9.5ch' }];
    const ch = (n: number) => `calc(${n} * var(--live-ch))`;
    assert.deepEqual(full.map((c) => cellFlex(c, full)), [{ flex: `0 0 ${ch(14)}` }, { flex: '1 1 0', minWidth: ch(8) }, { flex: `0 0 ${ch(9.5)}` }]);
    const compact = [{ width: '14ch' }, { width: '9.5ch' }];
    assert.deepEqual(compact.map((c) => cellFlex(c, compact)), [{ flex: `14 0 ${ch(14)}` }, { flex: `9.5 0 ${ch(9.5)}` }]);
    assert.deepEqual(cellFlex({ width: '120px' }, full), { flex: '0 0 120px' }, 'other units as they are');
  });

  test('a row that arrived live: new, then fading, then plain, by its age; the next change is due when the stage ends', () => {
    assert.equal(arrivalStage(undefined), 'none', 'from a snapshot');
    assert.equal(arrivalStage(0), 'new');
    assert.equal(arrivalStage(NEW_MS - 1), 'new');
    assert.equal(arrivalStage(NEW_MS), 'fading');
    assert.equal(arrivalStage(FADING_MS), 'none');
    assert.equal(untilNextStage(100), NEW_MS - 100);
    assert.equal(untilNextStage(NEW_MS + 100), FADING_MS - NEW_MS - 100);
    assert.equal(untilNextStage(FADING_MS), Number.POSITIVE_INFINITY);
    assert.equal(untilNextStage(undefined), Number.POSITIVE_INFINITY);
  });

  test('frame gate: a batch is applied at once when nothing waits for a frame; those that come faster wait and go together, in order', () => {
    const applied: number[][] = [];
    const frames: (() => void)[] = [];
    const gate = new FrameGate<number>({ apply: (items) => applied.push([...items]), nextFrame: (f) => frames.push(f), holdWhen: (n) => n >= 100 });
    gate.push(1);
    assert.deepEqual(applied, [[1]], 'at once');
    gate.push(2);
    gate.push(3);
    assert.deepEqual(applied, [[1]], 'the DOM already changed this frame: held');
    assert.equal(frames.length, 1, 'one frame asked for');
    frames.shift()!();
    assert.deepEqual(applied, [[1], [2, 3]], 'merged, at the frame');
    frames.shift()?.();
    gate.push(4);
    assert.deepEqual(applied.at(-1), [4], 'a frame passed: at once again');
    frames.shift()!();
    gate.push(500);
    assert.deepEqual(applied.at(-1), [4], 'a large batch waits for the frame that paints it');
    gate.push(5);
    gate.clear();
    frames.shift()!();
    assert.deepEqual(applied.at(-1), [4], 'cleared: a snapshot superseded what was held');
  });
});
