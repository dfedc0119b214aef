// history-text-scan.ts — finds every row a rare quick-filter text matches (the history store keeps
// them in its TextMatchCache): from the in-memory corpus (history-text-corpus.ts) for the rows it
// holds, and by SQL's LIKE for the rest. The corpus is filled in the background once warmed (the app
// warms it at start, anyone else on History's first snapshot), a slice of rows per event-loop turn so
// the thread it shares with recording and other queries is never held for long (a few ms a slice),
// and none within YIELD_MS of a query (someone is typing: the queries get the core); until it is
// complete, the rows it lacks are scanned as before, so an answer never depends on how far it got. A
// failed read only stops the filling.
import type { SqlTerm } from './history-filter-sql.ts';
import type { StatementOf } from './history-probe.ts';
import { TextCorpus, type CorpusRow, type NewestMatches } from './history-text-corpus.ts';

export interface TextScanOptions {
  /** Rows read per event-loop turn (default 2,048: ~3 ms). */
  readonly sliceRows?: number;
  readonly maxCorpusBytes?: number;
}

// Each row's corpusLine() made by SQL: one text per row crosses N-API instead of four (0.37 against
// 0.62 s for a million rows). A pending report's exec_key is '-1;-1|OrderID|…' and its ExecID '-1;-1'
// (history-filter-sql.ts).
const CORPUS_ROWS_SQL = `SELECT raw_id, (CASE WHEN substr(exec_key, 1, 6) = '-1;-1|' THEN '-1;-1' ELSE exec_key END)
    || char(0) || order_id || char(0) || ifnull(cl_ord_id, '') || char(0) || ifnull(text, '') || char(0), event_at
  FROM executions WHERE raw_id > ? ORDER BY raw_id LIMIT ?`;

/** No slice is filled within this many ms of a query. */
const YIELD_MS = 50;

export class TextScanner {
  readonly #statement: StatementOf;
  readonly #sliceRows: number;
  readonly #corpus: TextCorpus;
  #timer: { cancel(): void } | undefined;
  /** Cancels the pending gatherLater(). */
  #cancelGather: (() => void) | undefined;
  #lastRequestAt = Number.NEGATIVE_INFINITY;
  #warm = false;
  #closed = false;
  /** The corpus could not take more rows (no memory): filling stopped for good. */
  #broken = false;

  constructor(statement: StatementOf, options: TextScanOptions = {}) {
    this.#statement = statement;
    this.#sliceRows = Math.max(1, options.sliceRows ?? 2048);
    this.#corpus = new TextCorpus(options.maxCorpusBytes);
  }

  /** How many rows the corpus holds. */
  get corpusRows(): number {
    return this.#corpus.rows;
  }

  /** Rows the corpus holds (up to this id), and its size: for tests and the bench. */
  get corpus(): { readonly upTo: number; readonly bytes: number; readonly filling: boolean } {
    return { upTo: this.#corpus.upTo, bytes: this.#corpus.bytes, filling: this.#timer !== undefined };
  }

  /** A query is being answered: the filling waits YIELD_MS after it. */
  noteRequest(): void {
    this.#lastRequestAt = performance.now();
  }

  /** History is in use: fill the corpus in the background (again after new rows, when scans lack many). */
  warm(): void {
    this.#warm = true;
    this.#schedule();
  }

  /**
   * The ids, ascending, of the rows up to `upTo` that `term` (the text's compiled LIKE) matches; 'over'
   * once more than `max` do.
   */
  scan(text: string, term: SqlTerm, upTo: number, max: number): number[] | 'over' {
    let covered = TextCorpus.searchable(text) ? Math.min(this.#corpus.upTo, upTo) : 0;
    let ids: number[] | 'over' = [];
    try {
      if (covered > 0) ids = this.#corpus.match(text, covered, max);
    } catch {
      covered = 0; // its scratch memory could not grow: SQL reads every row instead
    }
    if (ids === 'over') return 'over';
    if (covered < upTo) {
      const rest = this.#statement(`SELECT raw_id FROM executions NOT INDEXED WHERE raw_id > ? AND raw_id <= ? AND (${term.sql}) LIMIT ?`, 'pluck')
        .all(covered, upTo, ...term.params, max + 1 - ids.length) as number[];
      ids.push(...rest);
      if (ids.length > max) return 'over';
      if (upTo - covered > this.#sliceRows) this.#schedule();
    }
    return ids;
  }

  /**
   * The rows up to `upTo` that `term` (the text's compiled LIKE) matches, newest first until the `want`
   * latest by the time sort are certain (TextCorpus.newestMatches): the rows past the corpus by SQL, the
   * rest from it. Undefined when the corpus cannot answer this (a text with a NUL, or more than a slice
   * of rows not in it yet: the caller's plan reads the table instead).
   */
  newest(text: string, term: SqlTerm, upTo: number, want: number, max: number): Omit<NewestMatches, 'eventAts'> | 'over' | undefined {
    const covered = Math.min(this.#corpus.upTo, upTo);
    if (!TextCorpus.searchable(text) || this.#corpus.upTo === 0 || upTo - covered > this.#sliceRows) return undefined;
    const recent = this.#statement(`SELECT raw_id FROM executions WHERE raw_id > ? AND raw_id <= ? AND (${term.sql})`, 'pluck')
      .all(covered, upTo, ...term.params) as number[];
    let older: NewestMatches | 'over';
    try {
      // `want` from the corpus whatever the recent rows: theirs may be older event times (a backfill).
      older = this.#corpus.newestMatches(text, covered, want, max - recent.length);
    } catch {
      return undefined; // its scratch memory could not grow
    }
    if (older === 'over') return 'over';
    if (upTo > covered) this.#schedule();
    return { ids: [...recent, ...older.ids], complete: older.complete, rowsRead: older.rowsRead };
  }

  /**
   * After a page read only part of a text's match (newest()): the whole of it on the next idle turn of
   * the event loop (the user reads the page, the renderer draws it), handed to `keep` so the next key
   * narrows it (~1 ms instead of a corpus pass of ~10 ms at 1M rows). Only the newest text's; an
   * optimisation, so a failure only leaves the next key to read as before.
   */
  gatherLater(text: string, term: SqlTerm, upTo: number, max: number, keep: (ids: number[]) => void): void {
    this.#cancelGather?.();
    const immediate = setImmediate(() => {
      this.#cancelGather = undefined;
      if (this.#closed) return;
      try {
        const ids = this.scan(text, term, upTo, max);
        if (ids !== 'over') keep(ids);
      } catch {
        // the journal closed meanwhile, or the corpus could not grow
      }
    });
    this.#cancelGather = () => clearImmediate(immediate);
  }

  close(): void {
    this.#cancelGather?.();
    this.#closed = true;
    this.#timer?.cancel();
    this.#timer = undefined;
  }

  #schedule(): void {
    if (!this.#warm || this.#closed || this.#broken || this.#timer !== undefined || this.#corpus.full) return;
    // Both stay referenced (close() cancels them): an unreferenced immediate does not wake an idle event
    // loop, so the filling would only creep on between other events.
    const wait = YIELD_MS - (performance.now() - this.#lastRequestAt);
    if (wait > 0) {
      const timer = setTimeout(() => { this.#timer = undefined; this.#schedule(); }, Math.ceil(wait));
      this.#timer = { cancel: () => clearTimeout(timer) };
      return;
    }
    // An immediate, not a timer: I/O (socket reads, requests) still runs between slices, without a timer's 1 ms floor.
    const immediate = setImmediate(() => this.#fillSlice());
    this.#timer = { cancel: () => clearImmediate(immediate) };
  }

  #fillSlice(): void {
    this.#timer = undefined;
    if (this.#closed) return;
    let rows: CorpusRow[];
    try {
      rows = this.#statement(CORPUS_ROWS_SQL, 'raw').all(this.#corpus.upTo, this.#sliceRows) as CorpusRow[];
    } catch {
      return; // the corpus stays as far as it got; scans read the rest with SQL
    }
    try {
      if (!this.#corpus.append(rows)) return;
    } catch {
      this.#broken = true; // its memory could not grow: it stays as far as it got, scans read the rest
      return;
    }
    if (rows.length === this.#sliceRows) this.#schedule();
  }
}
