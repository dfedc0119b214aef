// history-store.ts — the History view's state in one zustand store: the layout (columns, sort, filters;
// persisted by layout.ts), the loaded window of rows (row-window.ts, a few pages, never the whole
// history), the counts for "Displaying X of Y", the journal position live rows continue from, what is
// loading or failed, the row the keyboard is on, the drawer's row, and the running export. Only plain
// setters here; history-controller.ts talks to main.
import { create } from 'zustand';
import type { ExportProgressWire, HistoryCountWire, IpcError } from '../../../shared/ipc/contract.ts';
import { DEFAULT_LAYOUT, type HistoryLayout } from './layout.ts';
import { EMPTY_WINDOW, type RowWindow } from './row-window.ts';

export type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

export interface HistoryState {
  readonly layout: HistoryLayout;
  readonly window: RowWindow;
  readonly load: LoadState;
  /** Counts the queries whose rows are shown (the grid exposes it as data-query: the bench waits on it). */
  readonly shownQuery: number;
  readonly error: IpcError | null;
  /** Reading more at an end of the window. */
  readonly paging: 'top' | 'bottom' | null;
  /** Rows the filter matches, and rows in the journal (null while counting). */
  readonly matching: HistoryCountWire | null;
  readonly total: HistoryCountWire | null;
  /** Rows above (or below, negative) what the user looked at that entered or left the window: the grid keeps its place. */
  readonly shift: { readonly rows: number; readonly live: boolean; readonly seq: number };
  readonly activeRowId: number | null;
  readonly drawerRowId: number | null;
  /** A notification's fill, highlighted once shown. */
  readonly highlight: { readonly rowId: number; readonly nonce: number } | null;
  /** Executions another view asked to see (an alert's evidence): marked until cleared. */
  readonly evidence: { readonly rowIds: ReadonlySet<number>; readonly label: string } | null;
  readonly exportJob: ExportProgressWire | null;
  readonly exportError: string | null;
  set(patch: Partial<Omit<HistoryState, 'set' | 'shiftBy'>>): void;
  shiftBy(rows: number, live: boolean): void;
}

export const useHistoryStore = create<HistoryState>()((set) => ({
  layout: DEFAULT_LAYOUT,
  window: EMPTY_WINDOW,
  load: 'idle',
  shownQuery: 0,
  error: null,
  paging: null,
  matching: null,
  total: null,
  shift: { rows: 0, live: false, seq: 0 },
  activeRowId: null,
  drawerRowId: null,
  highlight: null,
  evidence: null,
  exportJob: null,
  exportError: null,
  set: (patch) => set(patch),
  shiftBy: (rows, live) => set((s) => ({ shift: { rows, live, seq: s.shift.seq + 1 } })),
}));
