// history-scroll-chromium.test.ts — scrolling History through more rows than its window holds (6 pages
// of 100), in headless Chromium through the harness, over a journal of random executions written by the
// real ingest path. Pages are read at the bottom and dropped at the top on the way; a row the user sees
// must stay the same element at the same place on screen while it is in view, whatever page comes or
// goes (when rows were renumbered from the window's top, a dropped page redrew every row on screen twice
// and cost a 70–120 ms frame each time: bench item 10's scroll).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { chromium, type Browser } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { execSpecs, ingest } from '../core/journal/history-fixtures.ts';
import { tempDir, type TempDir } from '../core/journal/journal-fixtures.ts';
import { chromiumPath, skipWithoutChromium } from './support/chromium.ts';

const ROWS = 1_000;

describe('History scrolled through more pages than its window holds', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let temp: TempDir;
  let harness: Harness;
  let browser: Browser;

  before(async () => {
    temp = tempDir('fillwatch-history-scroll-');
    const path = join(temp.path, 'journal.db');
    ingest(path, fc.sample(execSpecs(ROWS, ROWS), { seed: 7, numRuns: 1 })[0]!, 50);
    harness = await startHarness({ port: 0, db: path, demo: false });
    browser = await chromium.launch({ executablePath: chromiumPath ?? '/usr/bin/chromium' });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
    temp?.remove();
  });

  test('a row in view stays the same element at the same place while pages are read below and dropped above', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    try {
      await page.goto(harness.url);
      await page.click('#tab-history');
      await page.waitForSelector('.hgrid-row[data-row-id]', { timeout: 20_000 });
      await page.waitForTimeout(300);
      // At rest only a few rows beyond the view are drawn (each one costs a new query its layout and paint).
      const atRest = await page.$eval('.hgrid-scroll', (el) => ({
        drawn: el.querySelectorAll('.hgrid-row').length,
        fit: Math.ceil((el.clientHeight - el.querySelector('.hgrid-head')!.getBoundingClientRect().height) / 24),
      }));
      assert.ok(atRest.drawn >= atRest.fit && atRest.drawn <= atRest.fit + 6, `${atRest.drawn} rows drawn for ${atRest.fit} in view`);
      // Each row element gets a serial number the first time it is seen; a row drawn again gets a new one.
      const look = () => page.evaluate(() => {
        const w = window as unknown as { serials?: WeakMap<Element, number>; next?: number };
        w.serials ??= new WeakMap();
        const scroller = document.querySelector('.hgrid-scroll')!.getBoundingClientRect();
        const seen: { id: number; serial: number; top: number }[] = [];
        for (const row of document.querySelectorAll<HTMLElement>('.hgrid-row[data-row-id]')) {
          const box = row.getBoundingClientRect();
          if (box.bottom <= scroller.top + 30 || box.top >= scroller.bottom) continue; // under the header, or below the view
          if (!w.serials.has(row)) w.serials.set(row, (w.next = (w.next ?? 0) + 1));
          seen.push({ id: Number(row.dataset['rowId']), serial: w.serials.get(row)!, top: box.top });
        }
        return seen;
      });
      const ids = new Set<number>();
      let before = await look();
      for (let step = 0; step < 400 && ids.size < 800; step++) {
        // Scroll by a third of a screen and wait for the page reads it may start to land.
        await page.$eval('.hgrid-scroll', (el) => { el.scrollTop += 240; });
        await page.waitForTimeout(60);
        const after = await look();
        for (const row of after) {
          ids.add(row.id);
          const was = before.find((r) => r.id === row.id);
          if (was === undefined) continue;
          assert.equal(row.serial, was.serial, `row ${row.id} stayed the same element while in view (step ${step})`);
          assert.ok(Math.abs(row.top - (was.top - 240)) <= 1, `row ${row.id} moved with the scroll only (${was.top} → ${row.top}, step ${step})`);
        }
        before = after;
      }
      assert.ok(ids.size >= 800, `scrolled through ${ids.size} rows: pages were read and dropped`);
      // Far down (pages dropped above), the keyboard still moves through rows in view: the active row is
      // put on screen at its place, not at its index in what the window holds.
      await page.focus('.hgrid-scroll');
      // The active row (the first of the result) left the window long ago: a key starts from the rows
      // in view instead of jumping back to the window's top.
      const scrolledTo = await page.$eval('.hgrid-scroll', (el) => el.scrollTop);
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(150);
      const moved = await page.$eval('.hgrid-scroll', (el) => el.scrollTop);
      assert.ok(Math.abs(moved - scrolledTo) <= 48, `the view stayed where it was (${scrolledTo} → ${moved})`);
      for (const key of ['ArrowDown', 'PageDown', 'PageDown', 'ArrowUp', 'PageUp', 'PageUp', 'PageUp']) {
        await page.keyboard.press(key);
        await page.waitForTimeout(150);
        const shown = await page.evaluate(() => {
          const grid = document.querySelector('.hgrid-scroll')!;
          const row = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
          if (row === null) return `no row ${grid.getAttribute('aria-activedescendant')} scrollTop ${grid.scrollTop}`;
          // What shows: below the sticky header, above a horizontal scrollbar (clientHeight leaves it out).
          const box = row.getBoundingClientRect();
          const top = grid.getBoundingClientRect().top + grid.clientTop;
          const from = top + grid.querySelector('.hgrid-head')!.getBoundingClientRect().height;
          const to = top + grid.clientHeight;
          return box.top >= from - 1 && box.bottom <= to + 1 ? true : `row at ${box.top}..${box.bottom}, shown ${from}..${to}, scrollTop ${grid.scrollTop}`;
        });
        assert.equal(shown, true, `after ${key} the active row is in view`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
