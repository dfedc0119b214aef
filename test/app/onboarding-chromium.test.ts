/// <reference lib="dom" />
// Onboarding in real Chromium through the harness, with the real OS keychain (keytar → gnome-keyring
// over D-Bus; scripts/test.sh starts a throwaway one): in demo mode, Settings adds a Kalshi account on a
// custom host (the project's simulator over real TLS, its CA chosen through the open dialog), imports its
// key file into the keychain, saves and connects; the demo ends, the account's fills stream into Live,
// and the key is in the keychain under its API key id — and never in a frame the page received. Also:
// generating a pair shows its public key and copies it; WCAG 2 A/AA (axe-core) on the form.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import type * as Keytar from 'keytar';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { keytarKeychain } from '../../electron/main/accounts/keychain.ts';
import { generateKeyPair } from '../../electron/core/signing/index.ts';
import { KalshiSimulator } from '../../electron/simulator/simulator.ts';
import { axeViolations } from './support/axe.ts';
import { chromiumPath, skipWithoutChromium } from './support/chromium.ts';

const DOCS = join(import.meta.dirname, '../../docs');
const SCREENSHOTS = join(import.meta.dirname, '../../out/screenshots');
const keychainRequired = process.env['FILLWATCH_KEYCHAIN_REQUIRED'] === '1';
const skip = skipWithoutChromium || (!keychainRequired && process.env['DBUS_SESSION_BUS_ADDRESS'] === undefined ? 'no D-Bus session for the keychain (run via scripts/test.sh)' : false);

describe('onboarding in Chromium, with the real keychain', { skip, timeout: 120_000 }, () => {
  const service = `fillwatch-e2e-${randomUUID()}`;
  const apiKeyId = randomUUID();
  const pair = generateKeyPair();
  const keytar = createRequire(import.meta.url)('keytar') as typeof Keytar;
  let dir: string;
  let simulator: KalshiSimulator;
  let endpoint: { host: string; port: number };
  let harness: Harness;
  let browser: Browser;
  const frames: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-onboarding-'));
    simulator = new KalshiSimulator({ accounts: [{ apiKeyId, publicKeyPem: pair.publicKeyPem, seed: 21 }], ratePerSecond: 8, streamWhileDisconnected: true });
    endpoint = await simulator.start();
    writeFileSync(join(dir, 'read-only-key.pem'), pair.privateKeyPem);
    writeFileSync(join(dir, 'simulator-ca.pem'), simulator.caCertPem ?? '');
    harness = await startHarness({
      port: 0, db: join(dir, 'journal.db'), demo: { accounts: 1, reportsPerSecond: 6, seed: 4 }, keychain: keytarKeychain(service),
      files: { 'private-key': join(dir, 'read-only-key.pem'), 'ca-certificate': join(dir, 'simulator-ca.pem') },
    });
    browser = await chromium.launch({ executablePath: chromiumPath ?? '/usr/bin/chromium' });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
    await simulator?.stop();
    for (const { account } of await keytar.findCredentials(service).catch(() => [])) await keytar.deletePassword(service, account);
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  async function openApp(colorScheme: 'dark' | 'light' = 'dark'): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme, reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
      socket.on('framesent', (frame) => frames.push(String(frame.payload)));
    });
    await page.goto(harness.url);
    return { page, problems };
  }

  test('import a key file, save, and the demo gives way to the account: its fills in Live, its key in the keychain', async () => {
    const { page, problems } = await openApp();
    try {
      await page.waitForSelector('.demo-badge');
      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.getByText('Demo mode: the fills you see come from').waitFor();
      await page.getByRole('button', { name: 'Add an account' }).click();
      const form = page.getByRole('form', { name: 'Add a Kalshi account' });
      await form.getByText('one connection per API key').waitFor();
      await form.getByLabel('Name').fill('Simulator desk');
      await form.getByRole('radio', { name: /Custom host/ }).check();
      await form.getByRole('textbox', { name: 'Host' }).fill(endpoint.host);
      await form.getByRole('textbox', { name: 'Port', exact: true }).fill(String(endpoint.port));
      await form.getByRole('button', { name: 'Choose…' }).click();
      await form.getByText('Fillwatch Simulator CA').waitFor();
      await form.getByLabel(/API key id/).fill(apiKeyId);
      await form.getByRole('button', { name: 'Import key file…' }).click();
      const stored = form.locator('.key-stored');
      await stored.waitFor();
      assert.match(await stored.textContent() ?? '', /^In the keychain: RSA-2048 SHA256:/);
      assert.equal(await keytar.getPassword(service, apiKeyId), pair.privateKeyPem, 'the real keychain holds the key under the API key id');
      assert.deepEqual(await axeViolations(page, '.account-form'), [], 'the onboarding form meets WCAG 2 A/AA');
      // The README's picture: the whole form, from the reason for a separate read-only key to Save.
      await page.setViewportSize({ width: 1280, height: 1240 });
      await page.locator('.settings-body').evaluate((e) => e.scrollTo(0, 0));
      await page.screenshot({ path: join(DOCS, 'onboarding.png') });
      await page.setViewportSize({ width: 1440, height: 900 });

      await form.getByRole('button', { name: 'Save and connect' }).click();
      const row = page.locator(`tr[data-account-id="${apiKeyId}"]`);
      await row.waitFor();
      await page.waitForFunction(() => document.querySelector('.demo-badge') === null, undefined, { timeout: 20_000 });
      assert.equal(await page.getByText('Demo mode: the fills you see come from').count(), 0);
      await row.getByRole('button', { name: 'Test connection' }).click();
      await row.getByText('Connected: the exchange accepted the Logon').waitFor({ timeout: 20_000 });
      await page.waitForFunction((id) => document.querySelector(`tr[data-account-id="${id}"] .phase`)?.textContent === 'active', apiKeyId, { timeout: 20_000 });
      assert.deepEqual(await axeViolations(page, '.settings'), [], 'Settings meets WCAG 2 A/AA');
      await page.screenshot({ path: join(SCREENSHOTS, 'settings-accounts.png') });

      await page.getByRole('tab', { name: 'Live' }).click();
      await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-exec-id]').length >= 3, undefined, { timeout: 20_000 });
      const chips = await page.locator('.account-chip').allTextContents();
      assert.equal(chips.length, 1);
      assert.match(chips[0]!, /Simulator desk/);
      assert.ok(frames.every((f) => !f.includes('PRIVATE KEY')), 'no private key in any frame between page and main');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('generate a pair: the public key is shown and copied; the private half waits in the keychain', async () => {
    const { page, problems } = await openApp('light');
    try {
      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Add an account' }).click();
      const form = page.getByRole('form', { name: 'Add a Kalshi account' });
      await form.getByRole('radio', { name: /Generate a new key pair here/ }).check();
      await form.getByRole('button', { name: 'Generate key pair' }).click();
      const publicKey = form.getByLabel(/Public key/);
      await publicKey.waitFor();
      const shown = await publicKey.inputValue();
      assert.match(shown, /^-----BEGIN PUBLIC KEY-----\n/);
      await form.getByRole('button', { name: 'Copy public key' }).click();
      await form.getByText('Copied to the clipboard.').waitFor();
      assert.equal(harness.clipboard.at(-1), shown);
      const names = (await keytar.findCredentials(service)).map((c) => c.account);
      assert.ok(names.some((n) => n.startsWith('generated:')), `the private half is in the keychain (${names.join(', ')})`);
      assert.deepEqual(await axeViolations(page, '.account-form'), [], 'the generate step meets WCAG 2 A/AA (light theme)');
      await page.screenshot({ path: join(SCREENSHOTS, 'onboarding-generate-light.png') });
      await form.getByRole('button', { name: 'Cancel' }).click();
      assert.ok(frames.every((f) => !f.includes('PRIVATE KEY')));

      // Notification rules: a problem is named before saving; saved rules come back from main.
      const rules = page.getByRole('form', { name: 'Notifications' });
      await rules.getByRole('checkbox', { name: 'Every fill' }).uncheck();
      await rules.getByRole('button', { name: 'Save rules' }).click();
      await rules.getByText('Choose "every fill", or give a minimum size or notional.').waitFor();
      await rules.getByLabel('…or at least this many contracts').fill('25');
      await rules.getByRole('button', { name: 'Save rules' }).click();
      await rules.getByText('Saved.').waitFor();
      const saved = await page.evaluate(() => window.fillwatch!.notifications.getRules());
      assert.ok(saved.ok && saved.value.minQty === '25' && !saved.value.allFills);
      assert.deepEqual(await axeViolations(page, '.settings'), [], 'Settings with rules and display meets WCAG 2 A/AA');

      // Display: a chosen theme overrides the system's (this page runs with the system in light).
      await page.getByRole('radio', { name: 'Dark' }).check();
      assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'dark');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(17, 21, 27)');
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
      await page.evaluate(() => localStorage.removeItem('fillwatch.preferences.v1'));
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
