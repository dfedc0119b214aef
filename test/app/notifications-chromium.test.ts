/// <reference lib="dom" />
// (DOM types: the functions passed to page.evaluate run in the page.)
// Notifications in real headless Chromium through the harness (demo mode, the real main-side services):
// the demo's fills become toasts in the page's toast log (a polite live region), bursts are coalesced
// into one toast, "Show" highlights the execution in Live, a toast can be dismissed, the toasts meet AA
// contrast in dark and light, and a reload does not show the same notifications again.
// Saves out/screenshots/notifications-dark.png and notifications-light.png (artifacts, not committed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { NotificationWire } from '../../shared/ipc/contract.ts';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { chromiumPath, skipWithoutChromium } from './support/chromium.ts';
import { contrastFailures } from './support/contrast.ts';
import { TOASTS_KEPT } from '../../renderer/state/notification-store.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../out/screenshots');

describe('notifications in Chromium, through the harness', { skip: skipWithoutChromium, timeout: 120_000 }, () => {
  let harness: Harness;
  let browser: Browser;
  /** Every notification main handed to its sinks, and every execution committed. */
  const sent: NotificationWire[] = [];
  let executions = 0;

  before(async () => {
    harness = await startHarness({ port: 0, demo: { accounts: 2, reportsPerSecond: 12, seed: 5 } });
    harness.services.notifications.addSink({ show: (n) => sent.push(n) });
    harness.services.feed.onBatch((batch) => { executions += batch.executions.length; });
    browser = await chromium.launch({ executablePath: chromiumPath ?? '/usr/bin/chromium' });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  async function openApp(colorScheme: 'dark' | 'light' = 'dark'): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme, reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`); });
    await page.goto(harness.url);
    return { page, problems };
  }

  const toastIds = (page: Page) => page.$$eval('.toast[data-notification-id]', (els) => els.map((e) => Number((e as HTMLElement).dataset['notificationId'])));

  test('demo fills appear in the toast log, coalesced; Show highlights the fill; a toast can be dismissed', async () => {
    const { page, problems } = await openApp();
    try {
      await page.waitForSelector('.toast-log .toast', { timeout: 20_000 });
      // Announced once each, from a polite log apart from the toasts that open and close on screen.
      assert.equal(await page.getAttribute('.toast-log [role="log"]', 'aria-live'), 'polite');
      assert.equal(await page.locator('.toast-log [role="log"] .toast').count(), 0, 'the toasts are not the live region');
      // Read together in the page: new toasts keep arriving.
      const { announced, shown } = await page.evaluate(() => ({
        announced: [...document.querySelectorAll('.toast-log [role="log"] p')].map((p) => p.textContent ?? ''),
        shown: [...document.querySelectorAll('.toast-title')].map((t) => t.textContent ?? ''),
      }));
      assert.ok(shown.length > 0 && shown.every((title) => announced.some((a) => a.startsWith(`${title}.`))), `every open toast was announced (${shown.join(' | ')} in ${announced.join(' | ')})`);
      // At 12 reports/s per account, a 2 s window holds many: each toast sums a burst. Over the grid only
      // the newest stays open; the button behind it lists them all.
      await page.waitForSelector('.toast-more', { timeout: 15_000 });
      assert.ok(await page.locator('.toast').count() <= 1, 'at most one normal toast open, the newest');
      await page.click('.toast-more');
      assert.ok(await page.locator('.toast').count() >= 2, 'expanded: every kept toast');
      const titles = await page.$$eval('.toast-title', (els) => els.map((e) => e.textContent ?? ''));
      await page.click('.toast-more'); // "Fewer" again
      assert.ok(titles.some((t) => /: (\d+ fills?|\d+ cancels?\/rejects?)( and \d+ cancels?\/rejects?)?$/.test(t) && !/: 1 fill$/.test(t)), `a burst is one toast (${titles.join(' | ')})`);
      const fills = sent.filter((n) => n.urgency === 'normal').length;
      assert.ok(fills * 5 < executions, `far fewer notifications (${fills}) than executions (${executions})`);

      await page.screenshot({ path: join(SCREENSHOTS, 'notifications-dark.png') });
      assert.deepEqual(await page.evaluate(contrastFailures, '.toast-log'), []);

      // "Show": Live focuses and highlights that execution's row (it is among the newest kept).
      // Picked and clicked in one go in the page: new toasts keep pushing the oldest out.
      const target = await page.evaluate(() => {
        const toast = document.querySelector<HTMLElement>('.toast[data-exec-id]')!;
        [...toast.querySelectorAll('button')].find((b) => b.textContent === 'Show')!.click();
        return toast.dataset['execId']!;
      });
      await page.waitForFunction((id) => (document.activeElement as HTMLElement | null)?.dataset['execId'] === id, target, { timeout: 5_000 });
      // The highlight is state (notification store), so the row keeps it while its arrival highlight fades.
      await page.waitForFunction((id) => document.querySelector(`tbody tr[data-exec-id="${CSS.escape(id)}"]`)?.classList.contains('is-notified') === true, target, { timeout: 5_000 });

      // Dismiss one.
      const first = await page.evaluate(() => {
        const toast = document.querySelector<HTMLElement>('.toast')!;
        toast.querySelector<HTMLButtonElement>('.toast-dismiss')!.click();
        return Number(toast.dataset['notificationId']);
      });
      await page.waitForFunction((id) => document.querySelector(`.toast[data-notification-id="${id}"]`) === null, first);

      // Calm over a streaming grid: with the pointer away, one toast stays open (no critical ones here)
      // and the others wait behind one button, which lists them all.
      await page.mouse.move(5, 5);
      await page.waitForSelector('.toast-more[aria-expanded="false"]', { timeout: 20_000 });
      assert.ok(await page.locator('.toast').count() <= 1, 'at most the newest open');
      assert.match(await page.locator('.toast-more').innerText(), /^\d+ more notifications?$/);
      await page.click('.toast-more');
      assert.equal(await page.getAttribute('.toast-more', 'aria-expanded'), 'true');
      // Every kept toast listed: TOASTS_KEPT once the demo's next notification refills the one dismissed above.
      await page.waitForFunction((kept) => document.querySelectorAll('.toast').length === kept, TOASTS_KEPT, { timeout: 20_000 });
      assert.equal(await page.getAttribute('.toast-more', 'aria-expanded'), 'true', 'still expanded as new toasts join');
      await page.screenshot({ path: join(SCREENSHOTS, 'notifications-expanded.png') });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('a reload does not show the same notifications again', async () => {
    const { page, problems } = await openApp();
    try {
      await page.waitForSelector('.toast', { timeout: 20_000 });
      const before = await toastIds(page);
      const newestBefore = Math.max(...sent.map((n) => n.id));
      await page.reload();
      // The reloaded page lists only what main sends from now on (new toasts may arrive at once).
      await page.waitForSelector('.toast', { timeout: 20_000 });
      await page.waitForTimeout(2_500);
      const after = await toastIds(page);
      assert.ok(after.length > 0);
      for (const id of after) assert.ok(id > newestBefore && !before.includes(id), `toast ${id} is new (before the reload: ${before.join(', ')})`);
      // No execution was notified twice: each notification's target is a later position of its account.
      const last = new Map<string, number>();
      for (const n of sent) {
        if (n.target === null || n.target.position === null) continue;
        assert.ok(n.target.position > (last.get(n.target.accountId) ?? 0), `notification ${n.id} covers new executions only`);
        last.set(n.target.accountId, n.target.position);
      }
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('the toast log in the light theme', async () => {
    const { page, problems } = await openApp('light');
    try {
      await page.waitForSelector('.toast', { timeout: 20_000 });
      assert.deepEqual(await page.evaluate(contrastFailures, '.toast-log'), []);
      await page.screenshot({ path: join(SCREENSHOTS, 'notifications-light.png') });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
