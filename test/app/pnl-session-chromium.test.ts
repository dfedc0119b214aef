/// <reference lib="dom" />
// (DOM types: the functions passed to page.evaluate run in the page.)
// The P&L and Session views in real headless Chromium through the harness, with the demo simulator
// streaming: Session shows each listener logged on with its round trip and the engine's log, filtered
// by severity and account; P&L shows the markets, the chart and the totals, sorts, and a click on a
// market opens History. Then the accounts stop, and every figure on the P&L page (markets, totals, by
// event, by day in the chosen zone) equals `fillwatch pnl --api-key-id` for the same journal, as exact
// decimal strings, and Session's state and sequence numbers equal what the recorder reports. axe-core
// finds no WCAG 2 A/AA violation (dark and light). Screenshots go to out/screenshots/ (and to docs/
// for the README with FILLWATCH_DOCS_SCREENSHOTS=1).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runPnl } from '../../electron/cli/pnl-command.ts';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { formatMoney } from '../../renderer/format/pnl-format.ts';
import { axeViolations } from './support/axe.ts';
import { chromiumPath, skipWithoutChromium } from './support/chromium.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../out/screenshots');
const DOCS = join(import.meta.dirname, '../../docs');
const updateDocs = process.env['FILLWATCH_DOCS_SCREENSHOTS'] === '1';
const ZONE = 'America/New_York';

interface CliPnl {
  readonly markets: readonly Record<string, string | number | null>[];
  readonly totals: {
    readonly all: Record<string, string | number>;
    readonly byEvent: Record<string, Record<string, string | number>>;
    readonly byDay: Record<string, Record<string, string | number>>;
  };
}

describe('P&L and Session views in Chromium, through the harness', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let harness: Harness;
  let browser: Browser;

  before(async () => {
    harness = await startHarness({ port: 0, demo: { accounts: 2, reportsPerSecond: 12, seed: 23 } });
    browser = await chromium.launch({ executablePath: chromiumPath ?? '/usr/bin/chromium' });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  async function openView(view: 'pnl' | 'session', colorScheme: 'dark' | 'light' = 'dark'): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme, reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`); });
    await page.goto(harness.url);
    // Toasts would cover the panels in the screenshots; this file checks no notification.
    await page.evaluate(async () => {
      const rules = await window.fillwatch!.notifications.getRules();
      if (rules.ok && rules.value.enabled) await window.fillwatch!.notifications.setRules({ ...rules.value, enabled: false });
    });
    await page.click(`#tab-${view}`);
    await page.waitForSelector(`#panel-${view}`);
    return { page, problems };
  }

  async function shoot(page: Page, name: string, docs?: string): Promise<void> {
    await page.evaluate(() => { for (const b of document.querySelectorAll<HTMLButtonElement>('.toast-dismiss')) b.click(); });
    await page.screenshot({ path: join(SCREENSHOTS, name) });
    if (updateDocs && docs !== undefined) await page.screenshot({ path: join(DOCS, docs) });
  }

  const noViolations = async (page: Page, what: string) => assert.deepEqual(await axeViolations(page), [], `${what}: axe-core WCAG 2 A/AA violations`);

  test('P&L while streaming: markets, chart and totals; sorting; a market opens History', async () => {
    const { page, problems } = await openView('pnl');
    try {
      await page.waitForFunction(() => document.querySelectorAll('.pnl-grid tbody tr[data-symbol]').length >= 3, undefined, { timeout: 20_000 });
      await page.waitForSelector('.pnl-chart svg path');
      await page.getByLabel('Days in').selectOption(ZONE);
      await page.waitForFunction((zone) => document.querySelector('#pnl-day-title')?.textContent?.includes(zone), ZONE);
      const net = page.locator('.pnl-grid tfoot td.pcell-net');
      assert.equal(await net.innerText(), formatMoney((await net.getAttribute('data-exact'))!), 'the total is its exact value formatted');

      // Sort by Net, largest first: the exact values are in order.
      await page.locator('.pnl-grid thead th', { hasText: 'Net' }).getByRole('button').click();
      assert.equal(await page.locator('.pnl-grid thead th', { hasText: 'Net' }).getAttribute('aria-sort'), 'descending');
      const nets = await page.$$eval('.pnl-grid tbody td.pcell-net', (cells) => cells.map((c) => c.getAttribute('data-exact')!));
      assert.deepEqual(nets, [...nets].sort((a, b) => Number(b) - Number(a)), 'sorted by net, descending');

      await noViolations(page, 'P&L (dark)');
      await shoot(page, 'pnl-dark.png', 'pnl-view.png');

      // Keyboard: Enter on a row opens its fills in History.
      const first = page.locator('.pnl-grid tbody tr[data-symbol]').first();
      await first.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#tab-history')?.getAttribute('aria-selected') === 'true');
      await page.click('#tab-pnl');
      await page.locator('.pnl-grid tbody tr[data-symbol] .pnl-market-link').first().click();
      await page.waitForFunction(() => document.querySelector('#tab-history')?.getAttribute('aria-selected') === 'true');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('Session while streaming: listeners logged on with their round trip; a gap, an unreadable report and a drop show up; the log filters', async () => {
    const { page, problems } = await openView('session');
    const field = (account: string, name: string) => page.locator(`.session-grid tr[data-account="${account}"][data-role="listener"] [data-field="${name}"]`);
    try {
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll<HTMLElement>('.session-grid tr[data-role="listener"]')];
        return rows.length === 2 && rows.every((r) => r.querySelector('[data-field="state"]')?.getAttribute('data-state') === 'active'
          && r.querySelector('[data-field="roundTrip"]')?.textContent !== '—');
      }, undefined, { timeout: 20_000 });
      const seqIn = await page.$$eval('.session-grid tr[data-role="listener"] [data-field="nextInbound"]', (cells) => cells.map((c) => Number(c.textContent)));
      assert.ok(seqIn.every((n) => n > 1), `sequence numbers are shown (${seqIn.join(', ')})`);
      assert.match(await page.locator('.session-grid tr[data-account="demo-1"]').innerText(), /Logged on/);

      // The exchange skips three messages (RT resends them), sends an unreadable report, drops a connection.
      harness.services.injectDemoFaultForTest({ kind: 'seq-gap', skip: 3 }, 'demo-1');
      await page.waitForFunction(() => document.querySelector('.session-grid tr[data-account="demo-1"] [data-field="resends"]')?.textContent === '1 / 1', undefined, { timeout: 15_000 });
      assert.equal(await field('demo-1', 'gaps').innerText(), '1');
      harness.services.injectDemoFaultForTest({ kind: 'malformed', defect: 'empty-value' }, 'demo-2');
      await page.waitForSelector('.session-list li[data-raw-id]', { timeout: 15_000 });
      assert.equal(await field('demo-2', 'malformed').innerText(), '1');
      assert.match(await page.locator('.session-list li[data-raw-id]').innerText(), /ExecutionReport 34=\d+ · message \d+[\s\S]*Tag 58/);
      assert.match(await page.locator('li[data-alert="undecodable"]').innerText(), /could not be read: .*; kept in the journal \(message \d+\)/);
      harness.services.injectDemoFaultForTest({ kind: 'drop-after', messages: 0 }, 'demo-1');
      await page.waitForFunction(() => document.querySelector('.session-grid tr[data-account="demo-1"] [data-field="logons"]')?.textContent?.startsWith('2') === true, undefined, { timeout: 15_000 });
      assert.match(await page.locator('.session-grid tr[data-account="demo-1"] .session-disconnect').innerText(), /connection closed/);
      await page.waitForFunction(() => document.querySelector('.session-grid tr[data-account="demo-1"] [data-field="state"]')?.getAttribute('data-state') === 'active');
      assert.match(await page.locator('.session-log-table').innerText(), /MsgSeqNum too high, expecting \d+ but received \d+; requesting a resend/);

      await page.waitForSelector('.session-log-table tr[data-severity="info"]');
      assert.match(await page.locator('.session-log-table').innerText(), /Logged on as a read-only listener/);
      await page.getByRole('button', { name: /^Info/ }).click();
      assert.equal(await page.locator('.session-log-table tr[data-severity="info"]').count(), 0, 'Info lines hidden');
      await page.getByRole('button', { name: /^Info/ }).click();
      await page.getByLabel('Account', { exact: true }).selectOption('demo-2');
      const accounts = await page.$$eval('.session-log-table tbody tr td:nth-child(2)', (cells) => [...new Set(cells.map((c) => c.textContent))]);
      assert.deepEqual(accounts, ['Demo desk B']);
      await page.getByLabel('Account', { exact: true }).selectOption('');

      // Keyboard: Tab reaches the grid's row; arrows move between connections.
      await page.focus('.session-grid tr[data-account="demo-1"]');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['account']), 'demo-2');
      await noViolations(page, 'Session (dark)');
      await shoot(page, 'session-dark.png', 'session-view.png');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('light theme: both views pass axe-core', async () => {
    for (const view of ['pnl', 'session'] as const) {
      const { page, problems } = await openView(view, 'light');
      try {
        await page.waitForSelector(view === 'pnl' ? '.pnl-grid tbody tr[data-symbol]' : '.session-grid tr[data-role="listener"]', { timeout: 20_000 });
        await noViolations(page, `${view} (light)`);
        await shoot(page, `${view}-light.png`);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }
  });

  test('accounts stopped: every P&L figure equals fillwatch pnl for the journal; Session equals the recorder', async () => {
    const recorder = harness.services.recorder;
    const configs = await recorder.configs();
    for (const c of configs) await recorder.stopAccount(c.id);
    const { page, problems } = await openView('pnl');
    try {
      await page.getByLabel('Days in').selectOption(ZONE);
      for (const config of configs) {
        const lines: string[] = [];
        assert.equal(runPnl(['--db', harness.journalPath, '--format', 'json', '--time-zone', ZONE, '--api-key-id', config.apiKeyId], (l) => lines.push(l), () => {}), 0);
        const cli = JSON.parse(lines.join('\n')) as CliPnl;
        await page.getByLabel('Account', { exact: true }).selectOption(config.id);
        await page.waitForFunction(([net, zone]) => document.querySelector('.pnl-grid tfoot td.pcell-net')?.getAttribute('data-exact') === net
          && document.querySelector('#pnl-day-title')?.textContent?.includes(zone!), [String(cli.totals.all['net']), ZONE] as const, { timeout: 10_000 });

        const shown = await page.$$eval('.pnl-grid tbody tr[data-symbol]', (rows) => rows.map((r) => {
          const exact = (id: string) => r.querySelector(`td.pcell-${id}`)?.getAttribute('data-exact') ?? null;
          return [r.getAttribute('data-symbol'), exact('position'), exact('avgEntryPrice'), exact('mark'), exact('realized'), exact('unrealized'), exact('fees'), exact('net')];
        }));
        const expected = cli.markets.map((m) => [m['symbol'], m['position'], m['avgEntryPrice'], m['mark'], m['realized'], m['unrealized'], m['fees'], m['net']]);
        assert.deepEqual([...shown].sort(), [...expected].sort(), `${config.id}: every market's figures equal fillwatch pnl`);

        const totals = await page.$$eval('.pnl-grid tfoot td[data-exact]', (cells) => Object.fromEntries(cells.map((c) => [c.className.match(/pcell-(\w+)/)![1], c.getAttribute('data-exact')])));
        assert.deepEqual(totals, { realized: cli.totals.all['realized'], unrealized: cli.totals.all['unrealized'], fees: cli.totals.all['fees'], net: cli.totals.all['net'] });

        const days = await page.$$eval('table[data-table="by-day"] tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-day'), ...[...r.querySelectorAll('td[data-exact]')].map((c) => c.getAttribute('data-exact'))]));
        const cliDays = Object.entries(cli.totals.byDay).map(([day, t]) => [day, t['contracts'], t['realized'], t['fees'], t['net']]);
        assert.deepEqual([...days].reverse(), cliDays, `${config.id}: days in ${ZONE} equal fillwatch pnl --time-zone`);

        const events = await page.$$eval('table[data-table="by-event"] tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-event'), ...[...r.querySelectorAll('td[data-exact]')].map((c) => c.getAttribute('data-exact'))]));
        const cliEvents = Object.entries(cli.totals.byEvent).map(([event, t]) => [event, t['realized'], t['unrealized'], t['fees'], t['net']]);
        assert.deepEqual(events, cliEvents, `${config.id}: totals by event equal fillwatch pnl`);
        assert.equal(await page.locator('.pnl-chart svg').getAttribute('data-last-net'), cli.totals.all['net'], 'the chart ends at the net');
      }

      await page.click('#tab-session');
      const statuses = await recorder.accounts();
      for (const s of statuses) {
        const row = page.locator(`.session-grid tr[data-account="${s.accountId}"][data-role="listener"]`);
        await page.waitForFunction((id) => document.querySelector(`.session-grid tr[data-account="${id}"] [data-field="state"]`)?.getAttribute('data-state') === 'stopped', s.accountId);
        assert.equal(await row.locator('[data-field="nextInbound"]').innerText(), String(s.nextInbound));
        assert.equal(await row.locator('[data-field="nextOutbound"]').innerText(), String(s.nextOutbound));
        assert.match(await row.innerText(), /Stopped/);
      }
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
