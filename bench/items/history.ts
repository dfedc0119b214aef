// history.ts (bench item 8) — History's queries at a million executions (issue 10 §3). Records a
// journal the way item 6 does (a real catch-up over TLS from the simulator), twice in the same run:
// once without the indexes of migrations 0003 and 0008 and once with them, for what they cost at ingest and on
// disk; then times each kind of History request over the indexed journal: first page, next page and
// count for representative filters and sorts, and the single-row lookups. Per-call latencies are
// summarised as p50 (the Median column) and p95 (judged against the goals).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Journal } from '../../electron/core/journal/index.ts';
import { encodePosition } from '../../electron/core/journal/history-cursor.ts';
import { openHistoryStore, type SqliteHistoryStore } from '../../electron/core/journal/index.ts';
import { HISTORY_INDEXES } from '../../electron/core/journal/migrations/0003-history.ts';
import { PRICE_QTY_INDEXES } from '../../electron/core/journal/migrations/0008-price-qty-sorts.ts';

/** History's indexes (0003: market, kind, account; 0008: Price and Qty sorts), dropped for the run without. */
const INDEXES: readonly string[] = [...HISTORY_INDEXES, ...PRICE_QTY_INDEXES];
const migrationOf = (index: string): string => ((HISTORY_INDEXES as readonly string[]).includes(index) ? '0003' : '0008');
import type { HistoryFilter } from '../../shared/history/history-filter.ts';
import type { HistoryPageRequest } from '../../shared/history/history-page.ts';
import type { HistorySort } from '../../shared/history/history-sort.ts';
import { eventTickerOf } from '../../shared/positions/event-ticker.ts';
import type { Figure, ItemResult } from '../report.ts';
import { runCatchUp, type CatchUpResult } from '../scenarios/catch-up.ts';
import { LIVE_BEFORE_DROP } from '../scenarios/series.ts';
import { collectGarbage, summarize } from '../stats.ts';
import { BENCH_API_KEY_ID } from '../workloads.ts';
import type { BenchContext } from './context.ts';

const GOAL_FIRST_MS = 30;
const GOAL_NEXT_MS = 10;
const GOAL_COUNT_MS = 100;
const PAGE_ROWS = 50;
const HOUR_MS = 3_600_000;

interface Plan {
  readonly size: number;
  /** Calls measured per request kind and phase (after WARMUP), unless the time budget runs out first. */
  readonly samples: number;
  /** Stop sampling a phase once its calls took this long (ms), keeping at least MIN_SAMPLES. */
  readonly budgetMs: number;
}

const WARMUP = 2;
const MIN_SAMPLES = 5;

function planOf(quick: boolean): Plan {
  return quick ? { size: 20_000, samples: 3, budgetMs: 200 } : { size: 1_000_000, samples: 40, budgetMs: 6_000 };
}

/** What the journal holds, to draw each sample's parameters from (markets, hours, prices, ids, texts). */
interface Sample {
  readonly markets: readonly string[];
  readonly firstAt: number;
  readonly lastAt: number;
  readonly orderIds: readonly string[];
  readonly execIds: readonly string[];
  readonly rowIds: readonly number[];
  readonly texts: readonly string[];
  readonly topRowId: number;
}

interface QueryKind {
  readonly id: string;
  readonly label: string;
  /** The request of sample i (parameters rotate so a p95 is not one cached answer). */
  readonly request: (s: Sample, i: number) => { filter: HistoryFilter; sort: HistorySort };
}

const NEWEST: HistorySort = { column: 'time', direction: 'desc' };
const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const price = (i: number): string => `0.${String(5 + ((i * 7) % 85)).padStart(2, '0')}`;
const band = (i: number): { min: string; max: string } => {
  const low = 5 + ((i * 11) % 85);
  return { min: `0.${String(low).padStart(2, '0')}`, max: `0.${String(low + 5).padStart(2, '0')}` };
};
const hourOf = (s: Sample, i: number): { from: number; to: number } => {
  const hours = Math.max(1, Math.floor((s.lastAt - s.firstAt) / HOUR_MS));
  const from = s.firstAt + ((i * 37) % hours) * HOUR_MS;
  return { from, to: from + HOUR_MS };
};
const dayOf = (s: Sample, i: number): { from: number; to: number } => {
  const { from } = hourOf(s, i);
  return { from, to: from + 24 * HOUR_MS };
};

const KINDS: readonly QueryKind[] = [
  { id: 'newest', label: 'everything, newest first', request: () => ({ filter: {}, sort: NEWEST }) },
  { id: 'market', label: 'one market, newest first', request: (s, i) => ({ filter: { market: { kind: 'exact', tickers: [at(s.markets, i)] } }, sort: NEWEST }) },
  { id: 'event', label: 'one event, newest first', request: (s, i) => ({ filter: { events: [eventTickerOf(at(s.markets, i))] }, sort: NEWEST }) },
  { id: 'series', label: 'a series (ticker prefix), newest first', request: (s, i) => ({ filter: { market: { kind: 'prefix', prefix: at(s.markets, i).split('-')[0]! } }, sort: NEWEST }) },
  { id: 'fills-side', label: 'fills of one side, newest first', request: (_, i) => ({ filter: { execTypes: ['F'], sides: [i % 2 === 0 ? '1' : '2'] }, sort: NEWEST }) },
  { id: 'rejects', label: 'rejects (ExecType 8), newest first', request: () => ({ filter: { execTypes: ['8'] }, sort: NEWEST }) },
  { id: 'absent-kind', label: 'trade busts (ExecType H, none stored)', request: () => ({ filter: { execTypes: ['H'] }, sort: NEWEST }) },
  { id: 'hour', label: 'one hour, oldest first', request: (s, i) => ({ filter: { time: hourOf(s, i) }, sort: { column: 'time', direction: 'asc' } }) },
  { id: 'price-band', label: 'LastPx in a 5¢ band, newest first', request: (_, i) => ({ filter: { lastPx: band(i) }, sort: NEWEST }) },
  { id: 'price-exact', label: 'LastPx = one price, newest first', request: (_, i) => ({ filter: { lastPx: { min: price(i), max: price(i) } }, sort: NEWEST }) },
  { id: 'big-fills', label: 'LastQty ≥ 40, newest first', request: () => ({ filter: { lastQty: { min: '40' } }, sort: NEWEST }) },
  { id: 'account', label: 'one account, newest first', request: () => ({ filter: { accounts: [BENCH_API_KEY_ID] }, sort: NEWEST }) },
  {
    id: 'combo', label: 'market + fills + side + one day',
    request: (s, i) => ({ filter: { market: { kind: 'exact', tickers: [at(s.markets, i)] }, execTypes: ['F'], sides: ['2'], time: dayOf(s, i) }, sort: NEWEST }),
  },
  { id: 'by-price', label: 'sorted by LastPx, highest first', request: () => ({ filter: {}, sort: { column: 'lastPx', direction: 'desc' } }) },
  { id: 'by-market', label: 'sorted by market', request: () => ({ filter: {}, sort: { column: 'market', direction: 'asc' } }) },
  { id: 'market-by-qty', label: 'one market sorted by LastQty, largest first', request: (s, i) => ({ filter: { market: { kind: 'exact', tickers: [at(s.markets, i)] } }, sort: { column: 'lastQty', direction: 'desc' } }) },
  { id: 'by-exec-type', label: 'sorted by ExecType', request: () => ({ filter: {}, sort: { column: 'execType', direction: 'asc' } }) },
  { id: 'by-side', label: 'sorted by Side, sells first', request: () => ({ filter: {}, sort: { column: 'side', direction: 'desc' } }) },
  { id: 'by-account', label: 'sorted by account', request: () => ({ filter: {}, sort: { column: 'account', direction: 'asc' } }) },
  { id: 'by-exec-id', label: 'sorted by ExecID, last first', request: () => ({ filter: {}, sort: { column: 'execId', direction: 'desc' } }) },
  { id: 'text-rare', label: 'text: part of one OrderID (rare)', request: (s, i) => ({ filter: { text: at(s.orderIds, i).slice(-12) }, sort: NEWEST }) },
  { id: 'text-common', label: 'text: a reject reason (common)', request: (s, i) => ({ filter: { text: at(s.texts, i).slice(0, 12).toLowerCase() }, sort: NEWEST }) },
  { id: 'by-order-id', label: 'sorted by OrderID (no index)', request: () => ({ filter: {}, sort: { column: 'orderId', direction: 'asc' } }) },
  { id: 'by-cum-qty', label: 'sorted by CumQty (no index)', request: () => ({ filter: {}, sort: { column: 'cumQty', direction: 'desc' } }) },
];

export async function runHistory(ctx: BenchContext): Promise<ItemResult> {
  const plan = planOf(ctx.quick);
  const label = plan.size >= 1e6 ? `${plan.size / 1e6}M` : `${plan.size / 1e3}k`;
  const without = await ingest(ctx, plan, false);
  const indexed = await ingest(ctx, plan, true);
  try {
    const figures: Figure[] = [...ingestFigures(without, indexed), ...indexBytes(indexed)];
    const store = openHistoryStore(indexed.storePath);
    const shapes: string[] = [];
    try {
      const sample = sampleOf(indexed.storePath);
      for (const kind of KINDS) {
        ctx.log(`  history: ${kind.label}`);
        shapes.push(`${kind.id}: ${store.explain({ ...kind.request(sample, 0), limit: PAGE_ROWS })}`);
        figures.push(...await measureKind(store, kind, sample, plan));
      }
      figures.push(...await measureLookups(store, sample, plan));
    } finally {
      await store.close();
    }
    return {
      id: 'history',
      title: `8. History queries over ${label} executions (first page ${PAGE_ROWS} rows, next page, count), and what their indexes cost`,
      figures,
      notes: [
        `Journal recorded as in item 6 (catch-up of ${label} ERs over TLS, store journal), once with the indexes of migrations 0003 and 0008 dropped before the run and once with them, in this run; ingest = first resent ER → last committed.`,
        'Latencies: Median = p50 of the calls; the goal is judged on p95 (given in the Goal column). Parameters rotate between calls (market, hour, price band, ids), so repeats are not one cached answer.',
        'Counts: "exact" unless the remark says a lower bound — past a 60 ms budget a count answers "at least N" and finishes on demand (HistoryStore.count with exact: true).',
        `Plans (history-plan.ts): ${shapes.join('; ')}.`,
      ],
      settings: { size: plan.size, pageRows: PAGE_ROWS, samples: plan.samples, sampleBudgetMs: plan.budgetMs },
    };
  } finally {
    rmSync(join(indexed.storePath, '..', '..'), { recursive: true, force: true });
  }
}

/**
 * One catch-up into a fresh journal. Without the history indexes: the journal is created first and
 * the indexes dropped, so the recorder then opens a file that is already at the latest schema.
 */
async function ingest(ctx: BenchContext, plan: Plan, withIndexes: boolean): Promise<Ingested> {
  const dir = join(ctx.workDir, `history-${withIndexes ? 'with' : 'without'}-indexes`);
  // Where the catch-up's journal pipeline puts its file (bench/pipeline.ts); checked below.
  const path = join(dir, 'store', 'journal.db');
  if (!withIndexes) {
    mkdirSync(join(dir, 'store'), { recursive: true });
    Journal.open(path, { session: { senderCompId: BENCH_API_KEY_ID, targetCompId: 'KalshiRT' } }).close();
    const db = new Database(path);
    for (const index of INDEXES) db.exec(`DROP INDEX ${index}`);
    db.close();
  }
  ctx.log(`  history: ingest ${plan.size.toLocaleString('en-US')} ERs ${withIndexes ? 'with' : 'without'} the history indexes`);
  collectGarbage();
  const writtenBefore = bytesWritten();
  const result = await runCatchUp({ backlog: plan.size, live: LIVE_BEFORE_DROP, store: 'journal', dir, coalesceWrites: true, timeoutMs: Math.max(120_000, plan.size * 0.5) });
  const written = writtenBefore === undefined ? undefined : bytesWritten()! - writtenBefore;
  if (result.storePath !== path) throw new Error(`The catch-up wrote ${result.storePath}, not the prepared ${path}.`);
  if (!withIndexes) rmSync(dir, { recursive: true, force: true });
  return { ...result, written };
}

/**
 * Bytes this process has passed to write() so far (Linux /proc/self/io wchar): the journal's WAL
 * appends and checkpoints, where an index that touches many pages per commit shows. undefined elsewhere.
 */
function bytesWritten(): number | undefined {
  try {
    const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/** A catch-up, and the bytes the bench process wrote during it (WAL + checkpoints), when known. */
interface Ingested extends CatchUpResult {
  readonly written: number | undefined;
}

function ingestFigures(without: Ingested, indexed: Ingested): Figure[] {
  const rate = (r: Ingested): number => r.caughtUp / ((r.doneNs - r.firstErNs) / 1e9);
  const figures: Figure[] = [];
  const pair = (key: string, what: string, unit: string, better: 'lower' | 'higher', of: (r: Ingested) => number): void => {
    figures.push({ id: `history.${key}.without`, label: `${what}, without history indexes`, unit, better, summary: summarize([of(without)]) });
    figures.push({ id: `history.${key}.with`, label: `${what}, with history indexes`, unit, better, summary: summarize([of(indexed)]), baselineOf: `history.${key}.without` });
  };
  pair('ingest', 'ingest', 'ER/s', 'higher', rate);
  pair('cpu', 'ingest CPU', 'µs/ER', 'lower', (r) => r.burstCpuUs / r.caughtUp);
  pair('bytes', 'journal on disk', 'B/ER', 'lower', (r) => r.diskBytes / r.total);
  if (without.written !== undefined && indexed.written !== undefined) pair('written', 'bytes written while ingesting', 'B/ER', 'lower', (r) => r.written! / r.caughtUp);
  return figures;
}

/** Bytes per execution of each history index (and, for scale, of the table itself), read from dbstat. */
function indexBytes(indexed: CatchUpResult): Figure[] {
  const db = new Database(indexed.storePath, { readonly: true });
  try {
    const names = ['executions', 'executions_by_time', ...INDEXES];
    const rows = db.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name IN (${names.map(() => '?').join(', ')}) GROUP BY name`).all(...names) as { name: string; bytes: number }[];
    return rows.map((r) => ({
      id: `history.disk.${r.name}`,
      label: `on disk: ${r.name}${INDEXES.includes(r.name) ? ` (${migrationOf(r.name)})` : ''}`,
      unit: 'B/ER',
      better: 'lower' as const,
      summary: summarize([r.bytes / indexed.total]),
    }));
  } finally {
    db.close();
  }
}

/** Markets, time span, ids and texts spread over the whole journal, read directly (bench only). */
function sampleOf(path: string): Sample {
  const db = new Database(path, { readonly: true });
  try {
    const markets = db.prepare('SELECT DISTINCT symbol FROM executions INDEXED BY executions_by_market ORDER BY symbol').pluck().all() as string[];
    const span = db.prepare('SELECT min(event_at) AS first, max(event_at) AS last, max(raw_id) AS top FROM executions').get() as { first: number; last: number; top: number };
    const spread = Array.from({ length: 64 }, (_, i) => Math.floor(((i + 0.5) / 64) * span.top));
    const rows = spread.map((id) => db.prepare('SELECT raw_id, exec_id, order_id FROM executions WHERE raw_id >= ? ORDER BY raw_id LIMIT 1').get(id) as { raw_id: number; exec_id: string; order_id: string });
    const texts = db.prepare("SELECT DISTINCT text FROM (SELECT text FROM executions WHERE text IS NOT NULL LIMIT 5000)").pluck().all() as string[];
    return {
      markets, firstAt: span.first, lastAt: span.last, texts: texts.length > 0 ? texts : ['none'],
      orderIds: rows.map((r) => r.order_id), execIds: rows.map((r) => r.exec_id), rowIds: rows.map((r) => r.raw_id), topRowId: span.top,
    };
  } finally {
    db.close();
  }
}

/** Milliseconds per call of `call(i)`, after warm-up, within the plan's count and time budget. */
async function timeCalls(plan: Plan, call: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await call(i);
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < plan.samples && (samples.length < MIN_SAMPLES || spent < plan.budgetMs); i++) {
    const started = performance.now();
    await call(WARMUP + i);
    const ms = performance.now() - started;
    samples.push(ms);
    spent += ms;
  }
  return samples;
}

function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]!;
}

function latencyFigure(id: string, label: string, samples: readonly number[], goalMs: number | undefined, remark?: string): Figure {
  const q = p95(samples);
  return {
    id, label, unit: 'ms', better: 'lower', summary: summarize(samples),
    ...(goalMs === undefined ? {} : { goal: { text: `p95 ${q.toFixed(1)} ms ≤ ${goalMs} ms`, met: q <= goalMs } }),
    ...(remark === undefined ? {} : { remark }),
  };
}

async function measureKind(store: SqliteHistoryStore, kind: QueryKind, sample: Sample, plan: Plan): Promise<Figure[]> {
  const requestOf = (i: number): HistoryPageRequest => ({ ...kind.request(sample, i), limit: PAGE_ROWS });
  const figures: Figure[] = [latencyFigure(`history.first.${kind.id}`, `first page: ${kind.label}`, await timeCalls(plan, (i) => store.page(requestOf(i))), GOAL_FIRST_MS)];
  // The next page after each sample's first page (read untimed, beforehand).
  const nexts = await Promise.all(Array.from({ length: WARMUP + plan.samples }, async (_, i) => (await store.page(requestOf(i))).next));
  if (nexts.every((n) => n !== null)) {
    const next = await timeCalls(plan, (i) => store.page({ ...requestOf(i), after: nexts[i]! }));
    figures.push(latencyFigure(`history.next.${kind.id}`, `next page: ${kind.label}`, next, GOAL_NEXT_MS));
  }
  if (kind.request(sample, 0).sort.column === 'time') {
    let inexact = 0;
    let value = 0;
    const counts = await timeCalls(plan, async (i) => {
      const count = await store.count(requestOf(i).filter);
      if (!count.exact) inexact++;
      value = count.value;
    });
    const remark = inexact > 0 ? `a lower bound in ${inexact} of ${counts.length + WARMUP} calls (last: at least ${value.toLocaleString('en-US')})` : `exact (last: ${value.toLocaleString('en-US')})`;
    figures.push(latencyFigure(`history.count.${kind.id}`, `count: ${kind.label}`, counts, GOAL_COUNT_MS, remark));
  }
  return figures;
}

async function measureLookups(store: SqliteHistoryStore, sample: Sample, plan: Plan): Promise<Figure[]> {
  // A position 100 row ids back: what a window that reloads during a burst catches up on.
  const position = encodePosition(Math.max(0, sample.topRowId - 100));
  return [
    latencyFigure('history.lookup.exec-id', 'row by ExecID', await timeCalls(plan, (i) => store.byExecId(at(sample.execIds, i))), undefined),
    latencyFigure('history.lookup.lifecycle', "an order's lifecycle (scans: no OrderID index)", await timeCalls(plan, (i) => store.orderLifecycle(at(sample.orderIds, i))), undefined),
    latencyFigure('history.lookup.raw', 'raw FIX message of a row', await timeCalls(plan, (i) => store.rawMessage(at(sample.rowIds, i))), undefined),
    latencyFigure('history.lookup.snapshot', 'snapshot: first page + position', await timeCalls(plan, () => store.snapshot({ filter: {}, sort: NEWEST, limit: PAGE_ROWS })), GOAL_FIRST_MS),
    latencyFigure('history.lookup.changes', 'changesSince: the last 100 row ids', await timeCalls(plan, () => store.changesSince(position)), GOAL_NEXT_MS),
  ];
}
