// history-controller.ts — the History view's conversation with main: a snapshot for each query (a new
// filter or sort), pages at either end of the window as the user scrolls, the live rows committed
// since (history.changes from the snapshot's position, after each live batch that carried
// executions), the counts, and a notification's fill located in its page. Answers to an older query
// are dropped (each query has a generation), so fast typing never shows stale rows.
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import type { HistorySortWire, IpcError, IpcResult } from '../../../shared/ipc/contract.ts';
import { noteExportProgress } from './export-actions.ts';
import { filterFromForm, EMPTY_FORM, type FilterForm } from './filter-form.ts';
import { loadLayout, saveLayout, type HistoryLayout } from './layout.ts';
import { appendPage, bottomCursor, insertLive, prependPage, topCursor, windowOf, type WindowPage } from './row-window.ts';
import { useHistoryStore } from './history-store.ts';

export const PAGE_ROWS = 100;
export const MAX_PAGES = 6;
const COUNT_REFRESH_MS = 1_000;
/** Counts wait until typing pauses: the worker that answers the next keystroke's page is then free. */
const COUNT_AFTER_MS = 150;

export class HistoryController {
  readonly #api: FillwatchApi;
  readonly #store = useHistoryStore;
  #generation = 0;
  #position: string | null = null;
  #pulling = false;
  #pullAgain = false;
  #countTimer: ReturnType<typeof setTimeout> | undefined;
  #snapshotInFlight = false;
  #reloadWanted = false;
  /** The unfiltered total changes only with new rows, not with the filter. */
  #totalStale = true;
  /** Where the grid is scrolled: the first row on screen (its index in the window's rows), and whether it shows the very top. */
  viewport = { firstIndex: 0, atTop: true };

  constructor(api: FillwatchApi, storage: Storage | undefined = globalThis.localStorage) {
    this.#api = api;
    this.#store.getState().set({ layout: loadLayout(storage) });
    // Every layout change is saved as it happens: a reload or a restart shows the same view.
    this.#store.subscribe((state, before) => { if (state.layout !== before.layout) saveLayout(storage, state.layout); });
    api.on.liveBatch((batch) => {
      if (batch.executions.length === 0) return;
      this.#totalStale = true;
      void this.#pull();
    });
    api.on.resync(() => void this.reload());
    api.on.exportProgress(noteExportProgress);
  }

  get generation(): number {
    return this.#generation;
  }

  #query() {
    const { layout } = this.#store.getState();
    return { filter: filterFromForm(layout.form).filter, sort: layout.sort };
  }

  setLayout(change: Partial<HistoryLayout>, requery = false): void {
    const { layout } = this.#store.getState();
    this.#store.getState().set({ layout: { ...layout, ...change } });
    if (requery) void this.reload();
  }

  setForm(form: FilterForm): void {
    this.setLayout({ form }, true);
  }

  setSort(sort: HistorySortWire): void {
    this.setLayout({ sort }, true);
  }

  clearFilters(): void {
    this.setForm(EMPTY_FORM);
  }

  /**
   * Reads the first page of the current query. One snapshot at a time: while one is in flight a newer
   * query only marks itself wanted, and is read (as it stands then) when the answer arrives, so keys
   * typed while the worker scans never queue a stale scan each behind it.
   */
  async reload(): Promise<void> {
    ++this.#generation;
    // The count of the previous query no longer applies: "Counting…" until this one's arrives.
    this.#store.getState().set({ load: 'loading', paging: null, matching: null });
    if (this.#snapshotInFlight) { this.#reloadWanted = true; return; }
    this.#snapshotInFlight = true;
    try {
      do {
        this.#reloadWanted = false;
        const generation = this.#generation;
        const { filter, sort } = this.#query();
        const answer = await this.#api.history.snapshot({ filter, sort, limit: PAGE_ROWS });
        if (this.#reloadWanted) continue; // a newer query: read it instead of showing this one
        if (generation !== this.#generation) return; // locate() took over
        if (!this.#accept(answer)) return;
        this.#show(generation, answer.value);
      } while (this.#reloadWanted);
    } finally {
      this.#snapshotInFlight = false;
    }
  }

  #show(generation: number, snapshot: { readonly page: WindowPage; readonly position: string }): void {
    this.#position = snapshot.position;
    const window = windowOf([snapshot.page]);
    const active = this.#store.getState().activeRowId;
    this.#store.getState().set({
      window, load: 'ready', error: null, shownQuery: this.#store.getState().shownQuery + 1,
      activeRowId: window.rows.some((r) => r.rowId === active) ? active : (window.rows[0]?.rowId ?? null),
    });
    this.#store.getState().shiftBy(Number.NEGATIVE_INFINITY, false); // a new query starts at the top
    setTimeout(() => { if (generation === this.#generation) void this.#count(generation); }, COUNT_AFTER_MS);
  }

  async loadNext(): Promise<void> {
    const state = this.#store.getState();
    const after = bottomCursor(state.window);
    if (state.paging !== null || after === null || state.load !== 'ready') return;
    await this.#page('bottom', { after });
  }

  async loadPrevious(): Promise<void> {
    const state = this.#store.getState();
    const before = topCursor(state.window);
    if (state.paging !== null || before === null || state.load !== 'ready') return;
    await this.#page('top', { before });
  }

  async #page(end: 'top' | 'bottom', cursor: { after: string } | { before: string }): Promise<void> {
    const generation = this.#generation;
    this.#store.getState().set({ paging: end });
    const answer = await this.#api.history.page({ ...this.#query(), limit: PAGE_ROWS, ...cursor, ...(this.#position === null ? {} : { asOf: this.#position }) });
    if (generation !== this.#generation) return;
    this.#store.getState().set({ paging: null });
    if (!this.#accept(answer)) return;
    const state = this.#store.getState();
    // Rows keep their places as pages come and go (row-window.ts): the view moves only if they moved.
    const { window, moved } = end === 'bottom' ? appendPage(state.window, answer.value, MAX_PAGES) : prependPage(state.window, answer.value, MAX_PAGES);
    state.set({ window });
    if (moved !== 0) state.shiftBy(moved, false);
  }

  /** Rows committed since the position, joined where the sort puts them; repeats while more arrive. */
  async #pull(): Promise<void> {
    if (this.#pulling) { this.#pullAgain = true; return; }
    this.#pulling = true;
    try {
      do {
        this.#pullAgain = false;
        const generation = this.#generation;
        if (this.#position === null || this.#store.getState().load !== 'ready') return;
        const { filter, sort } = this.#query();
        const answer = await this.#api.history.changes({ position: this.#position, filter });
        if (generation !== this.#generation || !answer.ok) continue;
        this.#position = answer.value.position;
        const state = this.#store.getState();
        const { window, inserted, above } = insertLive(state.window, answer.value.rows, sort, this.viewport.firstIndex);
        if (inserted > 0) state.set({ window });
        if (above > 0 && !this.viewport.atTop) state.shiftBy(above, true);
        if (answer.value.more) this.#pullAgain = true;
        this.#scheduleCount(generation);
      } while (this.#pullAgain);
    } finally {
      this.#pulling = false;
    }
  }

  #scheduleCount(generation: number): void {
    if (this.#countTimer !== undefined) return;
    this.#countTimer = setTimeout(() => { this.#countTimer = undefined; void this.#count(generation); }, COUNT_REFRESH_MS);
  }

  async #count(generation: number): Promise<void> {
    const { filter } = this.#query();
    const stale = this.#totalStale;
    this.#totalStale = false;
    const [matching, total] = await Promise.all([this.#api.history.count({ filter }), stale ? this.#api.history.count({ filter: {} }) : undefined]);
    if (total !== undefined && !total.ok) this.#totalStale = true;
    if (generation !== this.#generation) return;
    this.#store.getState().set({
      matching: matching.ok ? matching.value : null,
      ...(total === undefined ? {} : { total: total.ok ? total.value : null }),
    });
  }

  /** Shows a notification's execution in its page, with the user's filter and sort when they include it. */
  async locate(rowId: number): Promise<boolean> {
    const generation = ++this.#generation;
    for (const attempt of ['as is', 'no filters', 'newest first'] as const) {
      if (attempt === 'no filters') this.setLayout({ form: EMPTY_FORM });
      if (attempt === 'newest first') this.setLayout({ sort: { column: 'time', direction: 'desc' } });
      const { filter, sort } = this.#query();
      const head = await this.#api.history.snapshot({ filter, sort, limit: 1 });
      if (!head.ok || generation !== this.#generation) return false;
      const found = await this.#api.history.around({ filter, sort, limit: PAGE_ROWS, rowId, asOf: head.value.position });
      if (generation !== this.#generation || !this.#accept(found)) return false;
      if (found.value === null) continue;
      this.#position = head.value.position;
      const state = this.#store.getState();
      state.set({ window: windowOf([found.value.page]), load: 'ready', error: null, activeRowId: rowId, highlight: { rowId, nonce: (state.highlight?.nonce ?? 0) + 1 } });
      void this.#count(generation);
      return true;
    }
    this.#store.getState().set({ error: { kind: 'not-found', message: 'That execution is not in the journal History reads.' }, load: 'failed' });
    return false;
  }

  #accept<T>(answer: IpcResult<T>): answer is { readonly ok: true; readonly value: T } {
    if (answer.ok) return true;
    this.#fail(answer.error);
    return false;
  }

  #fail(error: IpcError): void {
    this.#store.getState().set({ load: 'failed', error, paging: null });
  }
}

let controller: HistoryController | undefined;

/** The window's one History controller, started on first use. */
export function historyController(api: FillwatchApi): HistoryController {
  if (controller === undefined) {
    controller = new HistoryController(api);
    void controller.reload();
  }
  return controller;
}
