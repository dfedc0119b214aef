/// <reference lib="dom" />
// (DOM types: the functions passed to page.evaluate run in the page.)
// The History view in real headless Chromium through the harness, checked against the journal file
// itself (better-sqlite3, plain SQL written here): the demo simulator's executions appear and live rows
// join without moving a scrolled view; a quick filter, a per-column filter and a sort give exactly the
// journal's rows in the journal's order, with "Displaying X of Y" equal to its counts; scrolling pages
// through the whole result with no row missed or doubled; a CSV export equals the filtered, sorted rows
// and visible columns byte for byte; a reload restores the layout; Enter opens the details drawer
// (lifecycle, decoded FIX message) and Esc closes it; axe-core finds no WCAG 2 A/AA violation (dark and
// light). Screenshots into out/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { axeViolations } from './support/axe.ts';
import { chromiumPath, skipWithoutChromium } from './support/chromium.ts';
import { isZero, parse, sum, toString as decimalText } from '../../shared/decimal.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../out/screenshots');

interface JournalRow {
  raw_id: number; event_at: number; sender_comp_id: string; symbol: string; exec_type: string; side: string; last_qty: string | null; last_px: string | null;
  cum_qty: string; leaves_qty: string; avg_px: string; fee: string | null; ord_status: string; exec_id: string; order_id: string; text: string | null;
}

describe('History in Chromium, through the harness, against the journal', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let harness: Harness;
  let browser: Browser;
  let exportDir: string;
  let db: Database.Database;

  before(async () => {
    exportDir = mkdtempSync(join(tmpdir(), 'fillwatch-history-export-'));
    harness = await startHarness({ port: 0, demo: { accounts: 2, reportsPerSecond: 30, seed: 21 }, exportDir });
    browser = await chromium.launch({ executablePath: chromiumPath ?? '/usr/bin/chromium' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = new Database(harness.journalPath, { readonly: true, fileMustExist: true });
  });

  after(async () => {
    db?.close();
    await browser?.close();
    await harness?.close();
    rmSync(exportDir, { recursive: true, force: true });
  });

  const SELECT = `SELECT e.raw_id, e.event_at, s.sender_comp_id, e.symbol, e.exec_type, e.side, e.last_qty, e.last_px, e.cum_qty, e.leaves_qty, e.avg_px,
    e.fee, e.ord_status, e.exec_id, e.order_id, e.text FROM executions e JOIN sessions s ON s.id = e.session_id`;
  const journal = (where = '1', order = 'e.event_at DESC, e.raw_id DESC', params: unknown[] = []) =>
    db.prepare(`${SELECT} WHERE ${where} ORDER BY ${order}`).all(...params) as JournalRow[];
  const count = (where = '1', params: unknown[] = []) => (db.prepare(`SELECT count(*) FROM executions e WHERE ${where}`).pluck().get(...params) as number);

  async function openHistory(options: { colorScheme?: 'dark' | 'light'; fresh?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme: options.colorScheme ?? 'dark', reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    await page.goto(harness.url);
    if (options.fresh !== false) await page.evaluate(() => localStorage.clear());
    await page.click('#tab-history');
    await page.waitForSelector('.hgrid-row[data-row-id]', { timeout: 20_000 });
    return { page, problems };
  }

  /** Row ids on screen, top to bottom (rows are placed by transform, not DOM order). */
  const shownIds = (page: Page) => page.$$eval('.hgrid-row[data-row-id]', (rows) => rows
    .map((r) => ({ id: Number((r as HTMLElement).dataset['rowId']), y: new DOMMatrix(getComputedStyle(r).transform).m42 }))
    .sort((a, b) => a.y - b.y).map((r) => r.id));

  /** Waits for the queries to settle: no page or count in flight for a moment. */
  async function settle(page: Page): Promise<void> {
    await page.waitForFunction(() => !/Counting/.test(document.querySelector('[data-testid="history-count"]')?.textContent ?? 'Counting'), undefined, { timeout: 10_000 });
    await page.waitForTimeout(400);
  }

  /** Every row of the result, scrolling from the top to the end (the window reads and drops pages on the way). */
  async function scrollThrough(page: Page): Promise<number[]> {
    const seen: number[] = [];
    await page.$eval('.hgrid-scroll', (el) => { el.scrollTop = 0; });
    for (let i = 0; i < 400; i++) {
      await page.waitForTimeout(60);
      for (const id of await shownIds(page)) if (!seen.includes(id)) seen.push(id);
      const done = await page.$eval('.hgrid-scroll', (el) => {
        const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
        if (!end) el.scrollTop += el.clientHeight * 0.7;
        return end;
      });
      if (done) {
        await page.waitForTimeout(500); // a last page may still be on its way
        const still = await page.$eval('.hgrid-scroll', (el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
        if (still) break;
      }
    }
    for (const id of await shownIds(page)) if (!seen.includes(id)) seen.push(id);
    return seen;
  }

  test('the simulator\'s executions appear in History; live rows join above a scrolled view without moving it', async () => {
    const { page, problems } = await openHistory();
    try {
      await page.waitForFunction(() => document.querySelectorAll('.hgrid-row').length >= 25, undefined, { timeout: 20_000 });
      const top = (await shownIds(page))[0]!;
      const newest = (db.prepare('SELECT max(raw_id) FROM executions').pluck().get() as number);
      assert.ok(top <= newest, 'what is shown was committed');
      // New executions join on top while the view is at the top.
      await page.waitForFunction((id) => Number(document.querySelector('.hgrid-row')?.getAttribute('data-row-id')) !== id
        && [...document.querySelectorAll<HTMLElement>('.hgrid-row')].some((r) => Number(r.dataset['rowId']) > id), top, { timeout: 20_000 });
      // Scrolled down, the row the user reads stays where it is as more arrive.
      await page.$eval('.hgrid-scroll', (el) => { el.scrollTop = 24 * 10; });
      await page.waitForTimeout(200);
      const anchor = await page.evaluate(() => {
        const el = document.querySelector('.hgrid-scroll')!;
        const box = el.getBoundingClientRect();
        const row = [...document.querySelectorAll<HTMLElement>('.hgrid-row')].find((r) => r.getBoundingClientRect().top >= box.top + 40)!;
        return { id: row.dataset['rowId']!, top: row.getBoundingClientRect().top };
      });
      const committed = count();
      await waitUntil(() => count() >= committed + 10, 20_000);
      await page.waitForTimeout(1_500);
      const now = await page.evaluate((id) => document.querySelector<HTMLElement>(`.hgrid-row[data-row-id="${id}"]`)?.getBoundingClientRect().top ?? null, anchor.id);
      assert.ok(now !== null && Math.abs(now - anchor.top) <= 1, `the row the user reads stayed put (${anchor.top} → ${now})`);
      // A new query (a quick filter every ExecID matches) starts at the top again, from wherever the view was.
      const query = await page.$eval('.hgrid-scroll', (el) => Number((el as HTMLElement).dataset['query']));
      await page.fill('#history-quick', ';');
      await page.waitForFunction((q) => Number(document.querySelector<HTMLElement>('.hgrid-scroll')!.dataset['query']) > q, query, { timeout: 10_000 });
      await page.waitForTimeout(100);
      assert.equal(await page.$eval('.hgrid-scroll', (el) => el.scrollTop), 0, 'the new query shows from the top');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('filters and sorts give exactly the journal\'s rows, in its order, with its counts; an export equals them byte for byte', async () => {
    // A static journal from here on: the demo accounts log out.
    await harness.services.recorder.stopAccount('demo-1');
    await harness.services.recorder.stopAccount('demo-2');
    const { page, problems } = await openHistory();
    try {
      await settle(page);
      // Everything, newest first: every row, once, in the journal's order (pages read while scrolling).
      assert.deepEqual(await scrollThrough(page), journal().map((r) => r.raw_id), 'all rows, newest first');
      assert.equal(await page.textContent('[data-testid="history-count"]'), `Displaying ${fmt(count())} of ${fmt(count())} executions`);

      // Quick filter + Side + ExecType, sorted by Price (highest first).
      await page.keyboard.press('/');
      await page.keyboard.type('7');
      await page.click('button[aria-controls="history-filters"]');
      await page.getByRole('checkbox', { name: 'Sell Yes' }).check();
      await page.getByRole('checkbox', { name: 'Trade (fill)' }).check();
      await page.getByRole('button', { name: 'Price', exact: true }).click();
      await page.waitForSelector('[role="columnheader"][aria-sort="descending"]:has-text("Price")');
      await settle(page);
      const where = "e.side = '2' AND e.exec_type = 'F' AND (instr(lower(e.exec_id), '7') OR instr(lower(e.order_id), '7') OR instr(lower(e.cl_ord_id), '7') OR instr(lower(ifnull(e.text, '')), '7'))";
      const expected = journal(where, 'e.last_px_key DESC, e.event_at DESC, e.raw_id DESC');
      assert.ok(expected.length >= 3, `the filter keeps some rows (${expected.length})`);
      assert.deepEqual(await scrollThrough(page), expected.map((r) => r.raw_id), 'filtered and sorted by price as the journal does');
      assert.equal(await page.textContent('[data-testid="history-count"]'), `Displaying ${fmt(expected.length)} of ${fmt(count())} executions`);
      const prices = await page.$$eval('.hgrid-row .cell-lastPx', (cells) => cells.map((c) => c.textContent));
      for (const price of prices) assert.match(price!, /^\$\d+\.\d{2,6}$/);

      // Export CSV: exactly these rows and the visible columns, in order.
      await page.getByRole('button', { name: 'Export CSV…' }).click();
      await page.waitForSelector('.export-result[data-state="done"]', { timeout: 20_000 });
      const [file] = readdirSync(exportDir).filter((f) => f.endsWith('.csv'));
      assert.ok(file !== undefined, 'the CSV was written into the save dialog\'s folder');
      assert.equal(readFileSync(join(exportDir, file), 'utf8'), expectedCsv(expected));
      assert.match(await page.textContent('.export-result') ?? '', new RegExp(`Saved ${fmt(expected.length)} rows to`));
      await page.screenshot({ path: join(SCREENSHOTS, 'history-filtered-dark.png') });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('a reload restores the layout: columns, widths, order, sort and filters', async () => {
    const { page, problems } = await openHistory();
    try {
      await settle(page);
      await page.getByRole('button', { name: 'Columns' }).click();
      await page.getByRole('checkbox', { name: 'Fee' }).uncheck();
      await page.getByRole('button', { name: 'Move Market left' }).click();
      await page.getByRole('button', { name: 'Done' }).click();
      const handle = await page.$('[role="columnheader"]:has-text("Market") .hgrid-resizer');
      const box = (await handle!.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + 5);
      await page.mouse.down();
      await page.mouse.move(box.x + 62, box.y + 5, { steps: 4 });
      await page.mouse.up();
      await page.getByRole('button', { name: 'Market', exact: true }).click();
      await page.fill('#history-quick', 'a');
      await settle(page);
      const layout = () => page.evaluate(() => ({
        headers: [...document.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.replace(/[▲▼]/g, '')),
        widths: [...document.querySelectorAll<HTMLElement>('[role="columnheader"]')].map((h) => h.style.width),
        sorted: document.querySelector('[role="columnheader"][aria-sort]')?.textContent?.replace(/[▲▼]/g, '') + ':' + document.querySelector('[role="columnheader"][aria-sort]')?.getAttribute('aria-sort'),
        quick: (document.querySelector('#history-quick') as HTMLInputElement).value,
      }));
      const before = await layout();
      assert.ok(!before.headers.includes('Fee'), 'Fee is hidden');
      assert.equal(before.headers.indexOf('Market'), before.headers.indexOf('Account') - 1, 'Market moved before Account');
      assert.equal(before.sorted, 'Market:ascending');
      const rowsBefore = await shownIds(page);
      await page.reload();
      await page.click('#tab-history');
      await page.waitForSelector('.hgrid-row[data-row-id]');
      await settle(page);
      assert.deepEqual(await layout(), before);
      assert.deepEqual(await shownIds(page), rowsBefore, 'the same rows, in the same order');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('keyboard column resize: Alt+→/← on a focused header widens or narrows it (Shift: 1 px), Alt+Home resets it, each width announced; the sort is untouched', async () => {
    const { page, problems } = await openHistory();
    try {
      await settle(page);
      const market = page.getByRole('button', { name: 'Market', exact: true });
      const header = page.locator('[role="columnheader"]', { has: market });
      const width = async () => header.evaluate((h) => (h as HTMLElement).getBoundingClientRect().width);
      const said = () => page.locator('.history [role="status"][aria-live="polite"]').last().textContent();
      const sortBefore = await header.getAttribute('aria-sort');
      const start = await width();
      await market.focus();
      await page.keyboard.press('Alt+ArrowRight');
      await page.keyboard.press('Alt+ArrowRight');
      assert.equal(await width(), start + 20);
      assert.equal(await said(), `Market column ${start + 20} pixels wide.`);
      await page.keyboard.press('Alt+Shift+ArrowLeft');
      assert.equal(await width(), start + 19);
      assert.equal(await said(), `Market column ${start + 19} pixels wide.`);
      assert.equal(await header.getAttribute('aria-sort'), sortBefore, 'resizing keys do not sort');
      assert.equal(await market.getAttribute('aria-keyshortcuts'), 'Alt+ArrowLeft Alt+ArrowRight Alt+Home');
      // The width is kept like a dragged one.
      const saved = await page.evaluate(() => Object.values(localStorage).map((v) => { try { return JSON.parse(v) as { columnSizing?: Record<string, number> }; } catch { return {}; } }).find((v) => v.columnSizing !== undefined));
      assert.equal(saved?.columnSizing?.['market'], start + 19);
      await page.keyboard.press('Alt+Home');
      assert.equal(await width(), start);
      assert.equal(await said(), `Market column ${start} pixels wide.`);
      // A header the journal cannot sort by is focusable, so it resizes too.
      const text = page.locator('[role="columnheader"] span.hgrid-th-label', { hasText: /^Text$/ });
      const textHeader = text.locator('xpath=..');
      const textStart = await textHeader.evaluate((h) => (h as HTMLElement).getBoundingClientRect().width);
      await text.focus();
      await page.keyboard.press('Alt+ArrowLeft');
      assert.equal(await textHeader.evaluate((h) => (h as HTMLElement).getBoundingClientRect().width), textStart - 10);
      assert.equal(await said(), `Text column ${textStart - 10} pixels wide.`);
      await page.keyboard.press('Alt+Home');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('keyboard: / focuses the filter, j/k and arrows move, Enter opens the drawer (lifecycle, decoded FIX), Esc closes; axe finds no WCAG A/AA violation', async () => {
    for (const colorScheme of ['dark', 'light'] as const) {
      const { page, problems } = await openHistory({ colorScheme });
      try {
        await settle(page);
        await page.keyboard.press('/');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'history-quick');
        await page.focus('.hgrid-scroll');
        const active = () => page.$eval('.hgrid-scroll', (el) => el.getAttribute('aria-activedescendant'));
        const first = await active();
        await page.keyboard.press('j');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('k');
        const second = await active();
        assert.notEqual(second, first);
        assert.equal(second, `hrow-${(await shownIds(page))[1]}`);
        await page.keyboard.press('Enter');
        await page.waitForSelector('.history-drawer .drawer-fix');
        const drawer = await page.textContent('.history-drawer');
        assert.match(drawer!, /Order lifecycle/);
        assert.match(drawer!, /ExecType\s*[0-9A-Z]\s*(New|Trade|Canceled|Replaced|Rejected|Expired)/);
        assert.match(drawer!, /BeginString\s*FIXT\.1\.1/);
        // The order summary counts the journal's fills of that order (the demo may add one meanwhile).
        const orderId = db.prepare('SELECT order_id FROM executions WHERE raw_id = ?').pluck().get(Number(second!.slice('hrow-'.length))) as string;
        const expected = () => {
          const fills = (db.prepare("SELECT last_qty FROM executions WHERE order_id = ? AND exec_type = 'F' AND last_qty IS NOT NULL").pluck().all(orderId) as string[])
            .map((q) => parse(q)).filter((q) => !isZero(q));
          return fills.length === 0 ? 'no fills' : `${fills.length} ${fills.length === 1 ? 'fill' : 'fills'} for ${decimalText(sum(fills))} at`;
        };
        const before = expected();
        const summary = await page.textContent('[data-testid="order-summary"]');
        const after = expected();
        assert.ok(summary!.includes(before) || summary!.includes(after), `${summary} says ${before}`);
        await page.click('button[aria-controls="history-filters"]');
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${colorScheme}: ${JSON.stringify(violations, null, 1)}`);
        await page.screenshot({ path: join(SCREENSHOTS, `history-drawer-${colorScheme}.png`) });
        await page.click('button[aria-controls="history-filters"]');
        await page.focus('.history-drawer button');
        await page.keyboard.press('Escape');
        await page.waitForSelector('.history-drawer', { state: 'detached' });
        assert.equal(await page.evaluate(() => document.activeElement?.className), 'hgrid-scroll', 'focus returns to the grid');
        assert.deepEqual(await axeViolations(page), [], `${colorScheme} without the drawer`);
        await page.screenshot({ path: join(SCREENSHOTS, `history-${colorScheme}.png`) });
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }
  });
});

const fmt = (n: number) => new Intl.NumberFormat('en-US').format(n);

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The CSV History must write for these rows with its default columns, built here from the journal's
// own values with a small CSV writer of this test's (FIX names for codes, ISO times, exact decimals).
const EXEC_TYPE: Record<string, string> = { '0': 'New', '4': 'Canceled', '5': 'Replaced', '8': 'Rejected', C: 'Expired', F: 'Trade' };
const ORD_STATUS: Record<string, string> = { '0': 'New', '1': 'PartiallyFilled', '2': 'Filled', '4': 'Canceled', '5': 'Replaced', '8': 'Rejected', C: 'Expired' };
const SIDE: Record<string, string> = { '1': 'Buy (Yes)', '2': 'Sell (Yes) / Buy No' };

function cell(value: string | null, numeric = false): string {
  if (value === null || value === '') return '';
  const safe = /^[=+\-@\t\r]/.test(value) && !(numeric && /^-?\d+(\.\d+)?$/.test(value)) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function expectedCsv(rows: readonly JournalRow[]): string {
  const header = ['Time (UTC)', 'Account (SenderCompID)', 'Market', 'ExecType', 'Side', 'LastQty', 'LastPx', 'CumQty', 'LeavesQty', 'AvgPx', 'Fee', 'OrdStatus', 'ExecID', 'OrderID', 'Text'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push([
      new Date(r.event_at).toISOString(), cell(r.sender_comp_id), cell(r.symbol), EXEC_TYPE[r.exec_type] ?? r.exec_type, cell(SIDE[r.side] ?? r.side),
      cell(r.last_qty, true), cell(r.last_px, true), cell(r.cum_qty, true), cell(r.leaves_qty, true), cell(r.avg_px, true), cell(r.fee, true),
      ORD_STATUS[r.ord_status] ?? r.ord_status, cell(r.exec_id), cell(r.order_id), cell(r.text),
    ].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
