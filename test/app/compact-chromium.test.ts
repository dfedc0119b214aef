/// <reference lib="dom" />
// (DOM types: the functions passed to page.evaluate run in the page.)
// The compact window's page (index.html?view=compact, what main's always-on-top window loads) in real
// headless Chromium through the harness, at the window's size: the status strip and a six-column Live
// grid that fits without scrolling sideways, no view tabs or toast log, demo fills arriving, AA
// contrast in dark and light. Screenshots go to out/screenshots/compact-*.png (artifacts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { COMPACT_SIZE, COMPACT_URL } from '../../electron/main/shell/compact-window.ts';
import { chromiumPath, skipWithoutChromium } from './support/chromium.ts';
import { contrastFailures } from './support/contrast.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../out/screenshots');

describe('the compact window\'s page in Chromium', { skip: skipWithoutChromium, timeout: 120_000 }, () => {
  let harness: Harness;
  let browser: Browser;

  before(async () => {
    harness = await startHarness({ port: 0, demo: { accounts: 2, reportsPerSecond: 8, seed: 5 } });
    browser = await chromium.launch({ executablePath: chromiumPath ?? '/usr/bin/chromium' });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  test('status strip and a narrow Live grid only, fitting the small window, readable in dark and light', async () => {
    for (const colorScheme of ['dark', 'light'] as const) {
      const page = await browser.newPage({ viewport: COMPACT_SIZE, colorScheme, reducedMotion: 'reduce' });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
      try {
        await page.goto(new URL(new URL(COMPACT_URL).search, harness.url).href);
        await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-exec-id]').length >= 5, undefined, { timeout: 20_000 });
        assert.equal(await page.title(), 'Fillwatch (compact)');
        assert.equal(await page.locator('.app-compact').count(), 1);
        assert.equal(await page.locator('[role=tablist]').count(), 0, 'no view tabs');
        assert.equal(await page.locator('.toast-log, [role=log]').count(), 0, 'no toast log');
        assert.equal(await page.locator('.account-chip').count(), 2, 'every account\'s status');
        assert.deepEqual(await page.locator('thead th').allTextContents(), ['Time (UTC)', 'Market', 'Event', 'Side', 'Qty', 'Price']);
        const overflow = await page.$eval('.grid-scroll', (e) => e.scrollWidth - e.clientWidth);
        assert.ok(overflow <= 0, `the grid fits the window (${overflow} px too wide)`);
        assert.equal(await page.locator('h1#live-title').count(), 1, 'the grid keeps its heading for screen readers');
        assert.deepEqual(await page.evaluate(contrastFailures, '.app'), [], `compact (${colorScheme}) has text below AA contrast`);
        await page.screenshot({ path: join(SCREENSHOTS, `compact-${colorScheme}.png`) });
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }
  });
});
