/// <reference lib="dom" />
// The recorder engine dies under a window that is watching (its worker killed, as a crash would): the
// window says so, the engine comes back by itself, and Live goes on with no hole and no double — the
// rows on screen are, top to bottom, exactly the journal's newest commits (read from the file itself).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { chromium, type Browser } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { chromiumPath, skipWithoutChromium } from './support/chromium.ts';

describe('an engine crash under a watching window', { skip: skipWithoutChromium, timeout: 120_000 }, () => {
  let harness: Harness;
  let browser: Browser;

  before(async () => {
    harness = await startHarness({ port: 0, demo: { accounts: 2, reportsPerSecond: 25, seed: 31 } });
    browser = await chromium.launch({ executablePath: chromiumPath ?? '/usr/bin/chromium' });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  test('reported in the window, restarted, and Live holds exactly the journal\'s commits', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(harness.url);
      await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-exec-id]').length >= 20, undefined, { timeout: 20_000 });
      await harness.services.crashEngineForTest();
      await page.getByText('The recorder engine was restarted; resyncing from the journal.').waitFor({ timeout: 20_000 });
      const shownPositions = () => page.$$eval('tbody tr[data-position]', (rows) => rows.map((r) => Number((r as HTMLElement).dataset['position'])));
      const before = (await shownPositions())[0]!;
      // The engine records again: new rows arrive above the ones from before the crash.
      await page.waitForFunction((top) => Number(document.querySelector<HTMLElement>('tbody tr[data-position]')?.dataset['position']) > top + 20, before, { timeout: 20_000 });
      await harness.runtime.services.recorder.stopAccount('demo-1');
      await harness.runtime.services.recorder.stopAccount('demo-2');
      await page.waitForTimeout(500);
      const shown = await shownPositions();
      const db = new Database(harness.journalPath, { readonly: true });
      const committed = (db.prepare('SELECT raw_id FROM executions ORDER BY raw_id DESC LIMIT ?').pluck().all(shown.length) as number[]);
      db.close();
      assert.deepEqual(shown, committed, 'the rows shown are the journal\'s newest commits, newest first: nothing missed, nothing twice');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
