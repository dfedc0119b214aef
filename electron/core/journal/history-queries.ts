// history-queries.ts — the History view's store over a journal file: HistoryStore
// (shared/history/history-store.ts) on its own read-only connection, safe while a recorder writes the
// same file (WAL: each call reads the last commit). Every call runs in one read transaction, so a
// page, its plan and a snapshot's position all see the same commits. Keyset pages (history-plan.ts),
// counts within a budget (history-count.ts), single rows, an order's lifecycle, raw messages, and
// changes since a journal position (the highest execution row id a read saw: ids grow in commit
// order, even with several writers, because each commit takes the write lock before numbering).
// Never writes. Calls slower than slowQueryMs are reported by name.
import type Database from 'better-sqlite3';
import { HistoryQueryError } from '../../../shared/history/history-error.ts';
import type { HistoryFilter } from '../../../shared/history/history-filter.ts';
import type {
  HistoryChanges, HistoryCount, HistoryCursor, HistoryPage, HistoryPageRequest, HistoryRow, HistorySnapshot, JournalPosition, RawFixMessage,
} from '../../../shared/history/history-page.ts';
import { HISTORY_SORT_COLUMNS, type HistorySort } from '../../../shared/history/history-sort.ts';
import type { ChangesOptions, HistoryCountOptions, HistoryStore } from '../../../shared/history/history-store.ts';
import { journalCall } from './errors.ts';
import { HISTORY_SELECT, SORT_COLUMNS, toHistoryRow, type HistoryDbRow, type SortColumnSpec } from './history-columns.ts';
import { countRows, DEFAULT_COUNT_LIMITS, type CountLimits } from './history-count.ts';
import { decodeCursor, decodePosition, encodeCursor, encodePosition, type CursorPlace } from './history-cursor.ts';
import { allTerms, compileFilter, whereSql, type CompiledFilter, type SqlTerm } from './history-filter-sql.ts';
import { DEFAULT_PLANNER_LIMITS, planPage, type PagePlan, type PageQuery, type PlanStep, type PlannerLimits } from './history-plan.ts';
import { HistoryProbe } from './history-probe.ts';
import { MAX_TEXT_IDS, TextMatchCache } from './history-text-cache.ts';
import { TextScanner, type TextScanOptions } from './history-text-scan.ts';
import { MessageReader } from './message-reader.ts';
import { openJournalDatabase } from './open-database.ts';

export interface HistoryStoreOptions {
  /** Calls slower than this (ms, default 40) are reported through onSlowQuery. */
  readonly slowQueryMs?: number;
  readonly onSlowQuery?: (name: string, ms: number) => void;
  /** How long a count may run before it answers "at least" (ms, default 60: with the chunk that crosses it, under 100). */
  readonly countBudgetMs?: number;
  /** Thresholds of the planner and the counter (tests make them tiny to take every path). */
  readonly limits?: Partial<PlannerLimits & CountLimits>;
  readonly now?: () => number;
  /** The in-memory corpus that rare text scans read (history-text-scan.ts). */
  readonly textScan?: TextScanOptions;
}

export const MAX_PAGE_ROWS = 1000;
const DEFAULT_CHANGES_LIMIT = 1000;
const MAX_CHANGES_LIMIT = 10_000;
/** Distinct SQL texts kept prepared (plans vary with the number of arms and list lengths). */
const STATEMENT_CACHE_SIZE = 256;

/** Opens `path` read-only (it must be at the current schema) for History. Throws JournalError. */
export function openHistoryStore(path: string, options: HistoryStoreOptions & { busyTimeoutMs?: number } = {}): SqliteHistoryStore {
  const db = openJournalDatabase(path, { readOnly: true, ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }) });
  // History rereads the same index pages page after page: a 32 MiB cache keeps them (the default is 2 MiB).
  db.pragma('cache_size = -32768');
  return new SqliteHistoryStore(db, options);
}

export class SqliteHistoryStore implements HistoryStore {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement<unknown[]>>();
  readonly #probe: HistoryProbe;
  readonly #messages: MessageReader;
  readonly #slowQueryMs: number;
  readonly #onSlowQuery: ((name: string, ms: number) => void) | undefined;
  readonly #countBudgetMs: number;
  readonly #now: () => number;
  readonly #plannerLimits: PlannerLimits;
  readonly #countLimits: CountLimits;
  #accounts = new Map<number, string>();
  /** Rows of recent rare text matches, so a longer text typed after them reads only those (history-text-cache.ts). */
  readonly #texts = new TextMatchCache();
  /** Finds a rare text's rows: in memory once History has been opened, else by a scan of the table. */
  readonly #textScanner: TextScanner;

  constructor(db: Database.Database, options: HistoryStoreOptions = {}) {
    this.#db = db;
    this.#slowQueryMs = options.slowQueryMs ?? 40;
    this.#onSlowQuery = options.onSlowQuery;
    this.#countBudgetMs = options.countBudgetMs ?? 60;
    this.#now = options.now ?? (() => performance.now());
    const limits = options.limits ?? {};
    this.#plannerLimits = { ...DEFAULT_PLANNER_LIMITS, ...definedOnly({ smallSet: limits.smallSet, maxArms: limits.maxArms, textWindow: limits.textWindow }) };
    this.#countLimits = { ...DEFAULT_COUNT_LIMITS, ...definedOnly({ exactLookupCap: limits.exactLookupCap, chunkIds: limits.chunkIds }) };
    this.#probe = new HistoryProbe((sql, mode) => this.#statement(sql, mode));
    this.#messages = new MessageReader(db);
    this.#textScanner = new TextScanner((sql, mode) => this.#statement(sql, mode), options.textScan);
  }

  /** What the text corpus holds so far (tests, bench). */
  get textCorpus(): TextScanner['corpus'] {
    return this.#textScanner.corpus;
  }

  async page(request: HistoryPageRequest): Promise<HistoryPage> {
    return this.#read('page', () => this.#page(request, request.asOf === undefined ? undefined : decodePosition(request.asOf)));
  }

  /** Fills the quick filter's text corpus in the background (history-text-scan.ts). */
  warm(): void {
    this.#textScanner.warm();
  }

  async snapshot(request: HistoryPageRequest): Promise<HistorySnapshot> {
    // A snapshot is what the History view reads first: from now on the quick filter is likely typed in.
    this.warm();
    return this.#read('snapshot', () => {
      const head = this.#head();
      return { page: this.#page(request, head), position: encodePosition(head) };
    });
  }

  async count(filter: HistoryFilter, options: HistoryCountOptions = {}): Promise<HistoryCount> {
    return this.#read('count', () => {
      const compiled = this.#compile(filter, options.asOf === undefined ? undefined : decodePosition(options.asOf));
      const candidates = compiled.matchesNothing ? undefined : this.#texts.candidates(textOf(filter));
      if (candidates !== undefined) {
        // Every row the text can match is known: count exactly among them.
        const where = whereSql(allTerms(compiled));
        const value = this.#statement(`SELECT count(*) FROM executions WHERE raw_id IN (${candidates.rowIds.sql}) AND ${where.sql}`, 'pluck').get(...candidates.rowIds.params, ...where.params) as number;
        return { value, exact: true };
      }
      return countRows(compiled, (sql, mode) => this.#statement(sql, mode), this.#probe, { exact: options.exact === true, budgetMs: this.#countBudgetMs, now: this.#now, limits: this.#countLimits });
    });
  }

  async positionAfterRow(rowId: number): Promise<JournalPosition> {
    if (!Number.isSafeInteger(rowId) || rowId < 0) throw new HistoryQueryError('bad-position', String(rowId));
    return encodePosition(rowId);
  }

  async changesSince(position: JournalPosition, options: ChangesOptions = {}): Promise<HistoryChanges> {
    const from = decodePosition(position);
    const limit = options.limit ?? DEFAULT_CHANGES_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_CHANGES_LIMIT) throw new HistoryQueryError('bad-limit', `changesSince limit ${String(limit)}`);
    return this.#read('changesSince', () => {
      const head = this.#head();
      const where = whereSql(allTerms(this.#compile(options.filter ?? {}, undefined)));
      // NOT INDEXED: read forward by row id from the position, whatever the filter.
      const rows = this.#statement(
        `SELECT ${HISTORY_SELECT} FROM executions NOT INDEXED WHERE raw_id > ? AND raw_id <= ? AND ${where.sql} ORDER BY raw_id LIMIT ?`,
      ).all(from, head, ...where.params, limit + 1) as HistoryDbRow[];
      const more = rows.length > limit;
      if (more) rows.length = limit;
      return { rows: rows.map((r) => this.#toRow(r)), position: encodePosition(more ? rows[limit - 1]!.raw_id : Math.max(from, head)), more };
    });
  }

  async byExecId(execId: string): Promise<readonly HistoryRow[]> {
    return this.#read('byExecId', () =>
      // exec_key is unique per account (schema 4): name the accounts so the lookup seeks the index.
      (this.#statement(`SELECT ${HISTORY_SELECT} FROM executions WHERE account_id IN (SELECT id FROM accounts) AND exec_key = ? ORDER BY raw_id`).all(execId) as HistoryDbRow[])
        .map((r) => this.#toRow(r)),
    );
  }

  async byRowId(rowId: number): Promise<HistoryRow | undefined> {
    return this.#read('byRowId', () => this.#one(`SELECT ${HISTORY_SELECT} FROM executions WHERE raw_id = ?`, rowId));
  }

  /**
   * An order's executions in event order. OrderIDs are random and an index on them would cost ingest a
   * random page write per order, so its rows are found as a rare quick-filter text's are: in the text
   * corpus (it holds every OrderID) for the rows it covers — ~10 ms at 1M rows against ~125 ms for a
   * scan of the table — and by a scan of the rest; `order_id = ?` keeps the order's own (the corpus
   * matches the id in any of its four fields).
   */
  async orderLifecycle(orderId: string): Promise<readonly HistoryRow[]> {
    return this.#read('orderLifecycle', () => {
      const byOrder = { sql: 'order_id = ?', params: [orderId] };
      const ids = this.#textScanner.scan(orderId, byOrder, this.#head(), MAX_TEXT_IDS);
      // Too many candidates (an id that is a common text): the whole table, as before the corpus.
      const among = ids === 'over' ? { sql: '', params: [] } : { sql: 'raw_id IN (SELECT value FROM json_each(?)) AND ', params: [JSON.stringify(ids)] };
      const rows = this.#statement(`SELECT ${HISTORY_SELECT} FROM executions WHERE ${among.sql}order_id = ? ORDER BY event_at, raw_id`).all(...among.params, orderId);
      return (rows as HistoryDbRow[]).map((r) => this.#toRow(r));
    });
  }

  async rawMessage(rowId: number): Promise<RawFixMessage | undefined> {
    return this.#read('rawMessage', () => {
      const message = this.#messages.message(rowId);
      // A copy: the reader hands out a view into the whole cached segment.
      return message === undefined ? undefined : { rowId: message.id, receivedAt: message.receivedAt, msgSeqNum: message.msgSeqNum, bytes: new Uint8Array(message.raw) };
    });
  }

  async close(): Promise<void> {
    this.#textScanner.close();
    this.#db.close();
  }

  /** The plan a page request would use (for tests and the bench), without reading the page. */
  explain(request: HistoryPageRequest): string {
    return this.#read('explain', () => {
      const q = this.#pageQuery(request, undefined);
      const plan = planPage(q.query, this.#probe);
      return plan === 'empty' ? 'empty' : plan.shape;
    });
  }

  #page(request: HistoryPageRequest, asOf: number | undefined): HistoryPage {
    let { query, backwards, given } = this.#pageQuery(request, asOf);
    const text = textOf(request.filter);
    // The first page of a text alone, newest first (what each keystroke in the quick filter asks) is
    // read from the corpus newest slice first, only as far as the page needs, unless a small kept match
    // holds it: a lookup of a few kept rows is quicker, one of thousands (row by row) is not.
    const newestFirst = text !== undefined && !given && request.sort.column === 'time' && request.sort.direction === 'desc' && textAlone(request.filter);
    const keptIsSmall = query.textCandidates !== undefined && query.textCandidates.count <= SMALL_KEPT_MATCH;
    // A longer text typed after a kept one: narrow the kept rows to this text first (a pass over them,
    // what the page's lookup costs anyway), so the next key reads fewer still.
    if (text !== undefined && query.textCandidates?.exact === false && (keptIsSmall || !newestFirst) && this.#collectText(text, asOf, query.textCandidates.rowIds)) {
      ({ query, backwards, given } = this.#pageQuery(request, asOf));
    }
    if (newestFirst && !keptIsSmall) {
      const textCandidates = this.#newestTextCandidates(text, asOf, request.limit + 1);
      if (textCandidates !== undefined) query = { ...query, textCandidates };
    }
    let plan: PagePlan | 'empty' = planPage(query, this.#probe);
    const rows: HistoryDbRow[] = [];
    for (let i = 0; plan !== 'empty' && i < plan.steps.length; i++) {
      const step: PlanStep = plan.steps[i]!;
      // The time-ordered walk did not fill the page: a rare text. Collect its rows (one scan, as this
      // step's own would have been) and read the page, and later a longer text, from them.
      if (step.textScan === true && text !== undefined && query.textCandidates === undefined && this.#collectText(text, asOf, undefined)) {
        ({ query, backwards, given } = this.#pageQuery(request, asOf));
        plan = planPage(query, this.#probe);
        rows.length = 0;
        i = -1;
        continue;
      }
      const found = this.#statement(step.sql).all(...step.params, request.limit + 1 - rows.length) as HistoryDbRow[];
      for (const row of found) rows.push(step.key === undefined ? row : { ...row, k0: step.key });
      if (rows.length > request.limit) break;
    }
    const more = rows.length > request.limit;
    if (more) rows.length = request.limit;
    if (backwards) rows.reverse();
    const cursorOf = (row: HistoryDbRow): HistoryCursor => encodeCursor(request.sort.column, { key: row.k0, eventAt: row.event_at, rowId: row.raw_id });
    const first = rows[0];
    const last = rows[rows.length - 1];
    // Going forward, rows lie behind a given cursor (the journal only grows); going back, ahead of it.
    const next = last === undefined ? null : (backwards ? given : more) ? cursorOf(last) : null;
    const previous = first === undefined ? null : (backwards ? more : given) ? cursorOf(first) : null;
    return { rows: rows.map((r) => this.#toRow(r)), next, previous };
  }

  #pageQuery(request: HistoryPageRequest, asOf: number | undefined): { query: Parameters<typeof planPage>[0]; backwards: boolean; given: boolean } {
    const limit = request.limit;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_ROWS) throw new HistoryQueryError('bad-limit', String(limit));
    const sort = checkSort(request.sort);
    const places = [request.after, request.before, request.afterRow, request.beforeRow].filter((p) => p !== undefined);
    if (places.length > 1) throw new HistoryQueryError('bad-cursor', 'only one of after, before, afterRow and beforeRow');
    const spec = SORT_COLUMNS[sort.column];
    const given = request.after ?? request.before;
    const rowId = request.afterRow ?? request.beforeRow;
    const cursor = rowId !== undefined ? this.#placeOfRow(rowId, spec) : given === undefined ? undefined : decodeCursor(given, sort.column, spec.key?.type);
    const backwards = request.before !== undefined || request.beforeRow !== undefined;
    const filter = this.#compile(request.filter, asOf);
    const textCandidates = filter.matchesNothing ? undefined : this.#texts.candidates(textOf(request.filter));
    return {
      query: { filter, sort, spec, cursor, backwards, accountName: (id) => this.#accountName(id) ?? '', limits: this.#plannerLimits, ...(textCandidates === undefined ? {} : { textCandidates }) },
      backwards,
      given: cursor !== undefined,
    };
  }

  /**
   * The rows up to `asOf` (or the head) that the text alone matches, kept when there are at most
   * MAX_TEXT_IDS of them: by the text scanner (stopped at the first row past the cap: a common text
   * gives up early), or among the candidate rows of a text this one contains.
   */
  #collectText(text: string, asOf: number | undefined, among: SqlTerm | undefined): boolean {
    const upTo = asOf ?? this.#head();
    const term = compileFilter({ text }, () => []).text;
    if (term === undefined) return false;
    const ids = among === undefined
      ? this.#textScanner.scan(text, term, upTo, MAX_TEXT_IDS)
      : this.#statement(`SELECT raw_id FROM executions WHERE raw_id IN (${among.sql}) AND (${term.sql}) AND raw_id <= ? LIMIT ?`, 'pluck').all(...among.params, ...term.params, upTo, MAX_TEXT_IDS + 1) as number[];
    if (ids === 'over' || ids.length > MAX_TEXT_IDS) return false;
    this.#texts.remember(text, upTo, ids);
    return true;
  }

  /**
   * Rows that surely hold the `want` latest matches of `text` alone (TextCorpus.newestMatches), as the
   * plan's text candidates; when that read every row, the whole match is kept for the next keys (as
   * #collectText keeps it). Undefined when the corpus cannot say: the plan walks the table as before.
   */
  #newestTextCandidates(text: string, asOf: number | undefined, want: number): PageQuery['textCandidates'] | undefined {
    const upTo = asOf ?? this.#head();
    const term = compileFilter({ text }, () => []).text;
    if (term === undefined) return undefined;
    const found = this.#textScanner.newest(text, term, upTo, want, MAX_TEXT_IDS);
    if (found === undefined || found === 'over') return undefined;
    const ids = found.ids.sort((a, b) => a - b);
    if (found.complete) this.#texts.remember(text, upTo, ids);
    // A text whose whole match is small (at its density so far): gather the rest while idle.
    else if (found.ids.length * this.#textScanner.corpusRows <= SMALL_KEPT_MATCH * Math.max(1, found.rowsRead)) {
      this.#textScanner.gatherLater(text, term, upTo, MAX_TEXT_IDS, (whole) => this.#texts.remember(text, upTo, whole));
    }
    return { rowIds: { sql: 'SELECT value FROM json_each(?)', params: [JSON.stringify(ids)] }, count: ids.length, exact: true };
  }

  /** The keyset place of one row in a sort, with the key computed by the same SQL the pages compare. */
  #placeOfRow(rowId: number, spec: SortColumnSpec): CursorPlace {
    if (!Number.isSafeInteger(rowId) || rowId < 1) throw new HistoryQueryError('bad-cursor', `row ${String(rowId)}`);
    const key = spec.key === undefined ? '' : `${spec.key.sql} AS k0, `;
    const row = this.#statement(`SELECT ${key}event_at, raw_id FROM executions WHERE raw_id = ?`).get(rowId) as { k0?: string | number; event_at: number; raw_id: number } | undefined;
    if (row === undefined) throw new HistoryQueryError('bad-cursor', `no row ${rowId}`);
    return { key: row.k0, eventAt: row.event_at, rowId: row.raw_id };
  }

  #compile(filter: HistoryFilter, asOf: number | undefined): CompiledFilter {
    return compileFilter(filter, (accounts) => {
      const list = accounts.map(() => '?').join(', ');
      return this.#statement(`SELECT id FROM sessions WHERE sender_comp_id IN (${list}) ORDER BY id`, 'pluck').all(...accounts) as number[];
    }, asOf);
  }

  #head(): number {
    return this.#statement('SELECT ifnull(max(raw_id), 0) FROM executions', 'pluck').get() as number;
  }

  #one(sql: string, value: number): HistoryRow | undefined {
    const row = this.#statement(sql).get(value) as HistoryDbRow | undefined;
    return row === undefined ? undefined : this.#toRow(row);
  }

  #toRow(row: HistoryDbRow): HistoryRow {
    return toHistoryRow(row, this.#accountName(row.session_id) ?? null);
  }

  /** SenderCompID of a session; the sessions table is read again when a new session shows up. */
  #accountName(sessionId: number): string | undefined {
    if (sessionId === 0) return undefined;
    let name = this.#accounts.get(sessionId);
    if (name === undefined) {
      const rows = this.#statement('SELECT id, sender_comp_id FROM sessions', 'raw').all() as [number, string][];
      this.#accounts = new Map(rows);
      name = this.#accounts.get(sessionId);
    }
    return name;
  }

  #statement(sql: string, mode: 'rows' | 'pluck' | 'raw' = 'rows'): Database.Statement<unknown[]> {
    const key = `${mode}\u0000${sql}`;
    let stmt = this.#statements.get(key);
    if (stmt === undefined) {
      stmt = this.#db.prepare(sql);
      if (mode === 'pluck') stmt.pluck();
      else if (mode === 'raw') stmt.raw();
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
    } else {
      this.#statements.delete(key); // re-inserted below: the Map's order is least recently used first
    }
    this.#statements.set(key, stmt);
    return stmt;
  }

  /** One read transaction: everything `work` reads comes from the same commit. */
  #read<T>(name: string, work: () => T): T {
    this.#textScanner.noteRequest();
    const started = performance.now();
    const result = journalCall(`reading history (${name})`, () => this.#db.transaction(work).deferred());
    const ms = performance.now() - started;
    if (ms >= this.#slowQueryMs) this.#onSlowQuery?.(name, ms);
    return result;
  }
}

function checkSort(sort: HistorySort): HistorySort {
  if (typeof sort !== 'object' || sort === null || !(HISTORY_SORT_COLUMNS as readonly string[]).includes(sort.column) || (sort.direction !== 'asc' && sort.direction !== 'desc')) {
    throw new HistoryQueryError('bad-sort', JSON.stringify(sort));
  }
  return sort;
}

/**
 * A kept text match this small is read row by row for the next key (~1 ms); past it the corpus read
 * newest first is quicker than looking up thousands of rows (~20 ms for 15,000 at 1M rows).
 */
const SMALL_KEPT_MATCH = 2_000;

/** The filter is the quick text and nothing else (the renderer leaves out what the user did not set). */
function textAlone(filter: HistoryFilter): boolean {
  return Object.entries(filter).every(([field, value]) => field === 'text' || value === undefined);
}

/** The quick filter's text when it is a non-empty string (compileFilter refuses other types). */
function textOf(filter: HistoryFilter): string | undefined {
  const text: unknown = (filter as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** The fields that are set (so `{ ...defaults, ...definedOnly(given) }` keeps a default for the rest). */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
