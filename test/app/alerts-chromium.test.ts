/// <reference lib="dom" />
// (DOM types: the functions passed to page.evaluate run in the page.)
// The Alerts view and Settings → Surveillance in real headless Chromium through the harness, the demo
// simulator streaming two accounts under rules it trips (rules.json in the data folder: a 60-contract
// position limit, 30-contract large fills): alerts appear live, open first, severity as words on AA
// colours; one alert's evidence opens in History, marked; a review needs a comment and is recorded in the
// journal with the reviewer's name (read back through the recorder); a high-severity alert raised a
// desktop notification once (its id kept in notifications.json); a reload shows the reviewed state; an
// unreadable report shows as the engine's own alert above the grid and as a feed-integrity alert; the
// rules editor names a refused field, saves a new version that the running recorder applies at once (a
// restricted prefix raises restricted-list alerts); after the accounts stop the view holds exactly the
// journal's alerts, in its order, none twice. axe-core finds no WCAG 2 A/AA violation, dark and light.
// Screenshots go to out/screenshots/ (and docs/alerts-view.png, while streaming, with FILLWATCH_DOCS_SCREENSHOTS=1).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { axeViolations } from './support/axe.ts';
import { chromiumPath, skipWithoutChromium } from './support/chromium.ts';
import { MemoryKeychain } from './support/memory-keychain.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../out/screenshots');
const DOCS = join(import.meta.dirname, '../../docs');
const updateDocs = process.env['FILLWATCH_DOCS_SCREENSHOTS'] === '1';
const REVIEWER = 'Dana Reyes';
const COMMENT = 'Hedge for the desk\'s KXHIGH book; size agreed with the risk desk.';

/** Rules the demo trips within seconds (its orders are up to 50 contracts). */
const RULES = {
  version: 1,
  positionLimit: { severity: 'high', warnPercent: 80, limits: [{ scope: 'market', prefix: '', contracts: '60' }] },
  largeFill: { severity: 'medium', fillContracts: '30', fillNotional: null, orderContracts: null, orderNotional: null },
  crossAccount: { enabled: false },
};

describe('Alerts view and the rules editor in Chromium, through the harness', { skip: skipWithoutChromium, timeout: 240_000 }, () => {
  let harness: Harness;
  let browser: Browser;
  let dir: string;
  let reviewedId: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-alerts-'));
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(RULES));
    harness = await startHarness({ port: 0, db: join(dir, 'journal.db'), dataDir: dir, keychain: new MemoryKeychain(), demo: { accounts: 2, reportsPerSecond: 12, seed: 23 } });
    browser = await chromium.launch({ executablePath: chromiumPath ?? '/usr/bin/chromium' });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openAlerts(colorScheme: 'dark' | 'light' = 'dark'): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme, reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`); });
    await page.goto(harness.url);
    await page.click('#tab-alerts');
    await page.waitForSelector('#panel-alerts .alerts');
    return { page, problems };
  }

  async function shoot(page: Page, name: string, docs?: string): Promise<void> {
    await page.evaluate(() => { for (const b of document.querySelectorAll<HTMLButtonElement>('.toast-dismiss')) b.click(); });
    await page.screenshot({ path: join(SCREENSHOTS, name) });
    if (updateDocs && docs !== undefined) await page.screenshot({ path: join(DOCS, docs) });
  }

  const noViolations = async (page: Page, what: string) => assert.deepEqual(await axeViolations(page), [], `${what}: axe-core WCAG 2 A/AA violations`);

  test('alerts appear live, open first; the evidence opens in History, marked; a review is recorded with its comment; a high alert notified once', async () => {
    const { page, problems } = await openAlerts();
    try {
      await page.waitForSelector('.alerts-grid tr[data-rule="position-limit"][data-severity="high"]', { timeout: 40_000 });
      await page.waitForSelector('.alerts-grid tr[data-rule="large-fill"]', { timeout: 20_000 });
      const states = await page.$$eval('.alerts-grid[aria-label="Alerts, open first"] tr[data-alert-id]', (rows) => rows.map((r) => r.getAttribute('data-state')));
      assert.ok(states.length >= 2 && states.every((s) => s === 'open'), 'new alerts are open');
      // A high alert became one desktop notification (the harness's toast log shows it).
      await page.waitForSelector('.toast-critical', { timeout: 10_000 });
      assert.match(await page.locator('.toast-critical').first().innerText(), /High alert|surveillance alerts/);
      await noViolations(page, 'Alerts (dark)');
      await shoot(page, 'alerts-dark.png');

      // Details: the first large-fill alert (keyboard: its row, then Enter).
      const row = page.locator('.alerts-grid tr[data-rule="large-fill"]').first();
      const id = (await row.getAttribute('data-alert-id'))!;
      reviewedId = id;
      await row.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="alert-details"] .alert-evidence tbody tr');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'alert-details-title', 'focus lands in the details');
      const detail = await page.evaluate(async (alertId) => (await window.fillwatch!.alerts.get(alertId)), id);
      assert.ok(detail.ok && detail.value !== null);
      const evidenceRows = detail.value.executions.map((e) => e.rowId).filter((r): r is number => r !== null);
      assert.ok(evidenceRows.length >= 1, 'the evidence is located in the journal');
      assert.equal(await page.locator('.alert-evidence tbody tr').count(), detail.value.executions.length);

      // One click: History, filtered to the alert's account and market, the evidence marked.
      await page.getByRole('button', { name: /^Show (it|these \d+) in History$/ }).click();
      await page.waitForFunction(() => document.querySelector('#tab-history')?.getAttribute('aria-selected') === 'true');
      await page.waitForSelector('.hgrid-row[data-evidence="true"]', { timeout: 10_000 });
      const marked = await page.$$eval('.hgrid-row[data-evidence="true"]', (rows) => rows.map((r) => Number(r.getAttribute('data-row-id'))));
      // The demo keeps trading: a later fill of the same order may have joined the evidence since (it only grows).
      const later = await page.evaluate(async (alertId) => (await window.fillwatch!.alerts.get(alertId)), id);
      const evidenceNow = later.ok && later.value !== null ? later.value.executions.map((e) => e.rowId).filter((r): r is number => r !== null) : evidenceRows;
      assert.ok(evidenceRows.every((r) => evidenceNow.includes(r)), 'evidence only grows');
      assert.ok(marked.length >= 1 && marked.every((r) => evidenceNow.includes(r)), `marked rows ${marked.join(',')} are the evidence ${evidenceNow.join(',')}`);
      assert.match(await page.getByTestId('history-evidence').innerText(), /Evidence of “Large fill”: \d+ executions? marked/);
      await noViolations(page, 'History with evidence (dark)');
      await shoot(page, 'alerts-evidence-history.png');

      // Back to the alert: the reviewer is asked for once, then the review needs a comment.
      await page.click('#tab-alerts');
      await page.waitForSelector('[data-testid="alert-details"]');
      await page.getByRole('textbox', { name: 'Reviewer name' }).fill(REVIEWER);
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByRole('radio', { name: 'Acknowledge' }).check();
      await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
      assert.match(await page.locator('.review-form [role="alert"]').innerText(), /Write a comment saying why/);
      assert.equal(await page.getByLabel(/^Comment/).getAttribute('aria-invalid'), 'true');
      await page.getByLabel(/^Comment/).fill(COMMENT);
      await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
      await page.waitForSelector(`.alerts-grid tr[data-alert-id="${id}"][data-state="acknowledged"]`);
      assert.match(await page.locator('.review-form [role="status"]').innerText(), new RegExp(`Recorded: Acknowledged, signed ${REVIEWER}`));
      assert.match(await page.locator('.alert-history').innerText(), /Open → Acknowledged by Dana Reyes[\s\S]*Hedge for the desk/);
      await noViolations(page, 'Alert details (dark)');
      await shoot(page, 'alerts-details-dark.png', 'alerts-view.png');

      // In the journal: the review with its reviewer, comment and time.
      const stored = await harness.services.recorder.getAlert(id);
      const reviews = stored?.history.filter((h) => h.kind === 'review') ?? [];
      assert.equal(stored?.state, 'acknowledged');
      assert.deepEqual(reviews.map((r) => r.kind === 'review' && [r.from, r.to, r.reviewer, r.comment]), [['open', 'acknowledged', REVIEWER, COMMENT]]);
      // Notified alerts are remembered by id beside the journal, so a restart never shows them again.
      const state = JSON.parse(readFileSync(join(dir, 'notifications.json'), 'utf8')) as { notifiedAlerts: Record<string, string[]> };
      const notified = state.notifiedAlerts[harness.journalPath] ?? [];
      const highs = (await harness.services.recorder.listAlerts({ severity: 'high' })).map((a) => a.id);
      assert.ok(notified.length >= 1 && notified.every((n) => highs.includes(n)), 'only high alerts were notified, by id');
      assert.equal(new Set(notified).size, notified.length, 'none twice');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('a reload keeps the reviewed state; filters narrow the list; an unreadable report shows as the engine\'s alert and a feed-integrity alert', async () => {
    const { page, problems } = await openAlerts();
    try {
      await page.waitForSelector(`.alerts-grid tr[data-alert-id="${reviewedId}"][data-state="acknowledged"]`, { timeout: 10_000 });
      await page.getByLabel('State').selectOption('acknowledged');
      await page.waitForFunction((id) => {
        const rows = [...document.querySelectorAll('.alerts-grid tr[data-alert-id]')];
        return rows.length === 1 && rows[0]!.getAttribute('data-alert-id') === id;
      }, reviewedId);
      await page.getByLabel('State').selectOption('');
      await page.getByLabel('Rule').selectOption('position-limit');
      await page.waitForFunction(() => [...document.querySelectorAll('.alerts-grid tr[data-alert-id]')].every((r) => r.getAttribute('data-rule') === 'position-limit'));
      await page.getByRole('button', { name: 'Clear filters' }).click();

      // An unreadable report: the engine's own alert shows above the grid, and the feed-integrity rule raises one.
      harness.services.injectDemoFaultForTest({ kind: 'malformed', defect: 'empty-value' }, 'demo-2');
      await page.waitForSelector('.alerts-main > .alerts-section:first-child li[data-alert="undecodable"]', { timeout: 15_000 });
      await page.waitForSelector('.alerts-grid tr[data-rule="feed-integrity"]', { timeout: 15_000 });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('rules editor: a refused field is named and marked; a saved version runs at once', async () => {
    const { page, problems } = await openAlerts();
    try {
      await page.click('#tab-settings');
      await page.waitForSelector('[data-testid="rules-status"]');
      assert.match(await page.getByTestId('rules-status').innerText(), /Version 1 · rules\.json · running now/);
      const contracts = page.locator('[data-field="largeFill.fillContracts"]');
      await contracts.fill('thirty');
      await page.getByRole('button', { name: 'Save surveillance rules' }).click();
      await page.waitForSelector('.surveillance-settings [role="alert"]');
      assert.match(await page.locator('.surveillance-settings [role="alert"]').innerText(), /Not saved: rules: largeFill\.fillContracts: expected a positive decimal/);
      assert.equal(await contracts.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-field')), 'largeFill.fillContracts', 'the refused box has the focus');
      await noViolations(page, 'Settings with a refused rule (dark)');

      await contracts.fill('40');
      await page.getByRole('button', { name: 'Add a restricted entry' }).click();
      await page.locator('[data-field="restrictedList.entries[0].prefix"]').fill('KX');
      await page.locator('[data-field="restrictedList.entries[0].reason"]').fill('Test: every Kalshi series');
      await page.getByRole('button', { name: 'Save surveillance rules' }).click();
      await page.waitForFunction(() => /Version 2 · rules\.json · running now/.test(document.querySelector('[data-testid="rules-status"]')?.textContent ?? ''));
      const onDisk = JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')) as { version: number; largeFill: { fillContracts: string }; restrictedList: { entries: unknown[] } };
      assert.equal(onDisk.version, 2);
      assert.equal(onDisk.largeFill.fillContracts, '40');
      assert.deepEqual(onDisk.restrictedList.entries, [{ prefix: 'KX', reason: 'Test: every Kalshi series' }]);
      await shoot(page, 'settings-surveillance-dark.png');

      // The running recorder took them: the next orders are on the restricted list.
      await page.click('#tab-alerts');
      await page.waitForSelector('.alerts-grid tr[data-rule="restricted-list"]', { timeout: 20_000 });
      const restricted = await harness.services.recorder.listAlerts({ ruleId: 'restricted-list' });
      assert.ok(restricted.length >= 1 && restricted.every((a) => a.rulesVersion === 2), 'raised by version 2');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('light theme passes axe-core; after the accounts stop the view holds exactly the journal\'s alerts, in order, none twice', async () => {
    const recorder = harness.services.recorder;
    for (const c of await recorder.configs()) await recorder.stopAccount(c.id);
    const { page, problems } = await openAlerts('light');
    try {
      await page.waitForSelector('.alerts-grid tr[data-alert-id]');
      const journal = (await recorder.listAlerts({})).map((a) => a.id);
      await page.waitForFunction((n) => document.querySelectorAll('.alerts-grid tr[data-alert-id]').length === n, journal.length, { timeout: 10_000 });
      const shown = await page.$$eval('.alerts-grid tr[data-alert-id]', (rows) => rows.map((r) => r.getAttribute('data-alert-id')!));
      assert.deepEqual(shown, journal, 'the journal\'s alerts, in its order (open first), each once');
      // The tab counts what waits for a review: the journal's open, unsuppressed alerts.
      const waiting = (await recorder.listAlerts({ state: 'open', suppressed: false })).length;
      assert.ok(waiting > 0);
      await page.waitForFunction((n) => document.querySelector('[data-testid="alerts-count"]')?.textContent === String(n), waiting, { timeout: 10_000 });
      assert.match(await page.locator('#tab-alerts').innerText(), new RegExp(`${waiting} open for review`));
      await noViolations(page, 'Alerts (light)');
      await page.locator(`.alerts-grid tr[data-alert-id="${reviewedId}"]`).click();
      await page.waitForSelector('.alert-history li[data-kind="review"]');
      await noViolations(page, 'Alert details (light)');
      await shoot(page, 'alerts-light.png');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
