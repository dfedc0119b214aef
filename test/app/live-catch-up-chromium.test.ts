/// <reference lib="dom" />
// (DOM types: the functions passed to page.evaluate run in the page.)
// A catch-up seen in the Live view, in real headless Chromium through the harness: the project's
// simulator drops the connection, keeps streaming while nobody listens, and the recorder's next logon
// resends the backlog (thousands of executions in a few seconds). Meanwhile the grid keeps the rows it
// showed and says it is catching up (renderer/state/catch-up.ts); when the burst is over it shows the
// journal's newest executions, newest first — and in between at most a screenful every few seconds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { SigningKeys } from '../../electron/main/keys/signing-keys.ts';
import { KalshiSimulator } from '../../electron/simulator/simulator.ts';
import { CATCH_UP_REFRESH_MS } from '../../renderer/state/catch-up.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { testKeys } from '../support/simulator-fixture.ts';
import { chromiumPath, skipWithoutChromium } from './support/chromium.ts';
import { contrastFailures } from './support/contrast.ts';
import { MemoryKeychain } from './support/memory-keychain.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../out/screenshots');
const LIVE = 40;
const BACKLOG = 6_000;

describe('a catch-up in the Live view (Chromium)', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let harness: Harness;
  let browser: Browser;
  let simulator: KalshiSimulator;
  let port: number;

  before(async () => {
    simulator = new KalshiSimulator({
      accounts: [{ apiKeyId: API_KEY_ID, publicKeyPem: testKeys().publicKeyPem }],
      seed: 17, ratePerSecond: 0, totalReports: LIVE + BACKLOG, streamWhileDisconnected: true,
      retainedMessages: LIVE + BACKLOG + 1_000, faults: [{ kind: 'drop-after', messages: LIVE }],
    });
    ({ port } = await simulator.start());
    const keys = new SigningKeys();
    keys.add(API_KEY_ID, testKeys().key);
    harness = await startHarness({ port: 0, keys, keychain: new MemoryKeychain(), log: () => {} });
    browser = await chromium.launch({ executablePath: chromiumPath ?? '/usr/bin/chromium' });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
    await simulator?.stop();
  });

  test('the grid holds its rows and says so while a resend streams in, then shows the newest once', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(harness.url);
      await page.waitForSelector('section.live');
      const account = {
        id: 'desk', label: 'Desk', apiKeyId: API_KEY_ID, environment: 'custom' as const,
        listener: { host: '127.0.0.1', port, target: 'KalshiRT' as const }, tls: { caPem: simulator.caCertPem! },
      };
      const recorder = harness.services.recorder;
      const dropped = within(20_000, 'the simulator dropped the connection', (resolve) => simulator.once('disconnect', () => resolve()));
      const streamed = within(60_000, 'the simulator streamed the backlog', (resolve) => simulator.once('stream-complete', () => resolve()));
      await recorder.addAccount(account);
      await dropped;
      await recorder.stopAccount(account.id); // down while the backlog builds
      await streamed;
      await page.waitForFunction((n) => document.querySelectorAll('tbody tr[data-position]').length >= Math.min(n, 30), LIVE, { timeout: 20_000 });
      await page.waitForTimeout(500);
      const positions = () => page.$$eval('tbody tr[data-position]', (rows) => rows.map((r) => Number((r as HTMLElement).dataset['position'])));
      const before = await positions();

      // Every row the grid inserts from now on, and whether the status was up when it did.
      await page.evaluate(() => {
        const seen: { position: number; catchingUp: boolean; at: number }[] = [];
        (window as unknown as { __inserted: typeof seen }).__inserted = seen;
        new MutationObserver((records) => {
          const catchingUp = document.querySelector('.catch-up-status') !== null;
          const at = performance.now();
          for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && n.dataset['position'] !== undefined) seen.push({ position: Number(n.dataset['position']), catchingUp, at });
        }).observe(document.querySelector('tbody')!, { childList: true });
      });
      await recorder.startAccount(account.id);
      const status = page.getByRole('status').filter({ hasText: 'Catching up on a burst of executions' });
      await status.waitFor({ timeout: 30_000 });
      const began = await page.evaluate(() => performance.now());
      const held = await positions();
      assert.deepEqual(await page.evaluate(contrastFailures, '.catch-up-status'), [], 'the status reads at AA contrast');
      await page.screenshot({ path: join(SCREENSHOTS, 'live-catch-up.png') }).catch(() => {}); // an artifact to look at, not a check
      assert.ok(held.length >= 20 && held[0]! >= before[0]!, 'the rows shown when the burst was seen (a first small batch of the resend may be among them)');
      await status.waitFor({ state: 'detached', timeout: 60_000 });
      const ended = await page.evaluate(() => performance.now());

      const db = new Database(harness.journalPath, { readonly: true });
      const total = (db.prepare('SELECT count(*) FROM executions').pluck().get() as number);
      const newest = db.prepare('SELECT raw_id FROM executions ORDER BY raw_id DESC LIMIT 20').pluck().all() as number[];
      db.close();
      assert.equal(total, LIVE + BACKLOG, 'the journal holds every execution');
      await page.waitForFunction((top) => Number(document.querySelector<HTMLElement>('tbody tr[data-position]')?.dataset['position']) === top, newest[0], { timeout: 10_000 });
      assert.deepEqual((await positions()).slice(0, newest.length), newest, 'then the newest, newest first');
      const inserted = await page.evaluate(() => (window as unknown as { __inserted: { position: number; catchingUp: boolean; at: number }[] }).__inserted);
      // While catching up the grid redraws only every CATCH_UP_REFRESH_MS: a screenful (≤ 60 rows with
      // the overscan) per refresh the catch-up lasted, never the stream.
      const whileCatchingUp = inserted.filter((r) => r.catchingUp);
      // (The catch-up began a little before its status showed: half a second of slack.)
      const refreshes = Math.floor((ended - began + 500) / CATCH_UP_REFRESH_MS);
      assert.ok(whileCatchingUp.length <= 60 * refreshes, `${whileCatchingUp.length} rows drawn while catching up for ${Math.round(ended - began)} ms`);
      assert.deepEqual(inserted.filter((r) => r.position <= before[0]!), [], 'only rows of the resend were drawn');
      const drawnAfter = inserted.filter((r) => r.position > held[0]!).length;
      assert.ok(drawnAfter > 0 && drawnAfter <= 60 * (refreshes + 1), `the burst drew screenfuls, not the burst (${drawnAfter} rows newer than those held of ${BACKLOG})`);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

function within(ms: number, what: string, start: (resolve: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting until ${what}`)), ms);
    start(() => { clearTimeout(timer); resolve(); });
  });
}
