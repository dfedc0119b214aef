// history-view.ts — bench item 10: the History view over a big journal, in headless Chromium through
// the app harness (the real runtime, IPC door and recorder worker; the built renderer). The journal is
// recorded as item 8 records it (a real catch-up over TLS from the simulator); the harness then opens
// it with no account running. Measured in the page (history-view-page.ts), from the input to the first
// frame that shows the new rows: a quick-filter keystroke (an ExecID typed one character at a time, each
// after the previous one's rows showed; the view applies every keystroke at once), a per-column filter
// (a Side checkbox), and a click on a sort header; then the time between animation frames while the
// grid scrolls through pages. Figures only:
// the goal (< 100 ms) is reported, never asserted.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { startHarness } from '../../electron/harness/harness.ts';
import type { Figure, ItemResult } from '../report.ts';
import { runCatchUp } from '../scenarios/catch-up.ts';
import { LIVE_BEFORE_DROP } from '../scenarios/series.ts';
import { summarize } from '../stats.ts';
import type { BenchContext } from './context.ts';
import { scrollFrames, timeFilterKeystroke, timeOpenDetails, timeSortClick, typeAtPace } from './history-view-page.ts';

const GOAL_MS = 100;
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
/** A person typing an ID: about five keys a second. */
const PACE_MS = 200;
const DETAIL_ROWS = 8;
const SORTS = ['Market', 'Side', 'Event', 'Account', 'ExecID', 'Price', 'Qty', 'Time (UTC)'] as const;

function planOf(quick: boolean) {
  return quick ? { size: 20_000, rounds: 1, pacedRounds: 1, scrollFrames: 120 } : { size: 1_000_000, rounds: 3, pacedRounds: 3, scrollFrames: 600 };
}

const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)]!;

function latency(id: string, label: string, samples: readonly number[], remark?: string): Figure {
  const q = p95(samples);
  return {
    id, label, unit: 'ms', better: 'lower', summary: summarize(samples),
    goal: { text: `p95 ${q.toFixed(0)} ms < ${GOAL_MS} ms`, met: q < GOAL_MS }, ...(remark === undefined ? {} : { remark }),
  };
}

export async function runHistoryView(ctx: BenchContext): Promise<ItemResult> {
  if (CHROMIUM === undefined) throw new Error('No Chromium (apt-get install chromium).');
  const plan = planOf(ctx.quick);
  const label = plan.size >= 1e6 ? `${plan.size / 1e6}M` : `${plan.size / 1e3}k`;
  const dir = join(ctx.workDir, 'history-view');
  ctx.log(`  history-view: record ${plan.size.toLocaleString('en-US')} ERs`);
  const recorded = await runCatchUp({ backlog: plan.size, live: LIVE_BEFORE_DROP, store: 'journal', dir, coalesceWrites: true, timeoutMs: Math.max(120_000, plan.size * 0.5) });
  const [execIds = [], pacedIds = []] = sampleExecIds(recorded.storePath, [plan.rounds, plan.pacedRounds]);
  const harness = await startHarness({ port: 0, db: recorded.storePath, demo: false, log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(harness.url);
    await page.click('#tab-history');
    await page.waitForSelector('.hgrid-row[data-row-id]', { timeout: 60_000 });
    const keystrokes: number[] = [];
    const keystrokesByRound: number[][] = [];
    const columnFilter: number[] = [];
    const sorts = new Map<string, number[]>();
    for (let round = 0; round < plan.rounds; round++) {
      ctx.log(`  history-view: round ${round + 1}: keystrokes, a side filter, sorts`);
      // An ExecID typed one character at a time, then cleared (each keystroke after the previous rows
      // showed); another ExecID each round, so no round reads what an earlier one kept.
      const execId = execIds[round]!;
      const typed: number[] = [];
      for (let n = 1; n <= execId.length; n++) typed.push(await page.evaluate(timeFilterKeystroke, execId.slice(0, n)));
      keystrokes.push(...typed);
      keystrokesByRound.push(typed);
      await page.evaluate(timeFilterKeystroke, '');
      columnFilter.push(await toggleSide(page, 'Sell Yes'), await toggleSide(page, 'Sell Yes'));
      for (const header of SORTS) sorts.set(header, [...(sorts.get(header) ?? []), await page.evaluate(timeSortClick, header)]);
    }
    // As a person types: a key every PACE_MS whether or not the last one's rows showed, so the view's
    // one-query-in-flight and its pause-gated counts work as they do for a user.
    const paced: number[] = [];
    for (const execId of pacedIds) {
      ctx.log(`  history-view: ${execId} typed at a key every ${PACE_MS} ms`);
      paced.push(...await page.evaluate(typeAtPace, { text: execId, intervalMs: PACE_MS }));
      await page.evaluate(timeFilterKeystroke, '');
    }
    // Details of rows spread over the first screen: the row, its raw message and its order's lifecycle.
    ctx.log('  history-view: details drawer');
    const details: number[] = [];
    for (let i = 0; i < DETAIL_ROWS; i++) details.push(await page.evaluate(timeOpenDetails, i * 3));
    await page.keyboard.press('Escape');
    ctx.log('  history-view: scrolling');
    const frames = await page.evaluate(scrollFrames, { step: 240, frames: plan.scrollFrames });
    const rowsSeen = await page.$eval('.hgrid-scroll', (el) => el.querySelectorAll('.hgrid-row').length);
    const figures: Figure[] = [
      latency('history-view.keystroke', `quick filter: keystroke → rows (an ExecID typed key by key, another each round: ${execIds.join(', ')})`, keystrokes,
        `p95 of the first round (typed as soon as History opened, SQLite's cache and the text corpus cold) ${p95(keystrokesByRound[0]!).toFixed(0)} ms, of the later rounds ${keystrokesByRound.length > 1 ? p95(keystrokesByRound.slice(1).flat()).toFixed(0) : '–'} ms`),
      latency('history-view.keystroke-paced', `quick filter typed at a key every ${PACE_MS} ms: keystroke → rows of that text or a longer one (${pacedIds.join(', ')})`, paced,
        'the key typed while a query is out is read when it answers, so its rows can come with a later key\'s'),
      latency('history-view.details', `details drawer: a row clicked → the execution with its order's lifecycle shown (${DETAIL_ROWS} rows)`, details,
        'three requests: the row, its raw message, its order\'s executions (found through the text corpus)'),
      latency('history-view.side-filter', 'per-column filter: Side checkbox → rows', columnFilter, 'a checkbox applies at once'),
      ...SORTS.map((header) => latency(`history-view.sort.${header.split(' ')[0]!.toLowerCase()}`, `sort by ${header}: click → rows`, sorts.get(header)!)),
      {
        id: 'history-view.scroll-frame', label: `scrolling 240 px per frame for ${plan.scrollFrames} frames: time between frames`, unit: 'ms', better: 'lower',
        summary: summarize(frames), remark: `p95 ${p95(frames).toFixed(1)} ms, worst ${Math.max(...frames).toFixed(0)} ms, ${frames.filter((f) => f > 50).length} frames over 50 ms; ${rowsSeen} rows in the DOM at the end`,
      },
    ];
    return {
      id: 'history-view',
      title: `10. History view over ${label} executions in Chromium (filter and sort → rows, scroll frames)`,
      figures,
      notes: [
        `Journal recorded as in item 8 (catch-up of ${label} ERs over TLS); opened by the app harness (runtime, IPC door, recorder worker) with no account running; headless Chromium ${browser.version()}, 1440×900.`,
        'Latency = input (value set and input event dispatched, or a header button clicked, in the page) → first animation frame after the grid shows the new query\'s rows (its data-query attribute). Each keystroke comes after the previous one\'s rows (except the paced figure: a key every ' + PACE_MS + ' ms, each measured until rows of its text or a longer one show); the view applies every keystroke and checkbox at once (one query in flight, and the newest form read when it answers). The app fills History\'s text corpus from its start, so the bench opens History and types while that may still be filling.',
        'Scroll: the grid scrolled by 240 px (10 rows) per animation frame; the window reads pages of 100 rows as it nears an end and holds at most 6.',
      ],
      settings: { size: plan.size, rounds: plan.rounds, scrollFrames: plan.scrollFrames, execIds: execIds.join(' ') },
    };
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function toggleSide(page: Page, name: string): Promise<number> {
  if (!(await page.isVisible('#history-filters'))) await page.click('button[aria-controls="history-filters"]');
  return page.evaluate(async (label) => {
    const grid = document.querySelector<HTMLElement>('.hgrid-scroll')!;
    const box = [...document.querySelectorAll<HTMLLabelElement>('.hfilter-choice')].find((l) => l.textContent === label)!.querySelector('input')!;
    const before = Number(grid.dataset['query']);
    const started = performance.now();
    box.click();
    await new Promise<void>((resolve) => {
      const check = () => (Number(grid.dataset['query']) > before ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
      check();
    });
    return performance.now() - started;
  }, name);
}

/** ExecIDs spread over the journal, a distinct one for each use, in groups of `counts` (read directly; bench only). */
function sampleExecIds(path: string, counts: readonly number[]): string[][] {
  const db = new Database(path, { readonly: true });
  try {
    const at = db.prepare('SELECT exec_id FROM executions WHERE raw_id >= (SELECT max(raw_id) * ? FROM executions) ORDER BY raw_id LIMIT 1').pluck();
    const places = [0.5, 0.3, 0.7, 0.1, 0.9, 0.2, 0.8, 0.4, 0.6];
    let next = 0;
    return counts.map((count) => Array.from({ length: count }, () => at.get(places[next++ % places.length]!) as string));
  } finally {
    db.close();
  }
}
