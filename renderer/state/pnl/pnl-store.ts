// pnl-store.ts — the P&L view's state: which account it shows, the core's answer for it (exact decimal
// text, replaced whole on each read, never patched here), how the read went, and the grid's sort.
// One store update per answer, so a burst of fills re-renders the view once per read, not per fill.
import { create } from 'zustand';
import type { SortingState } from '@tanstack/react-table';
import type { IpcError, PositionsView } from '../../../shared/ipc/contract.ts';

export type PnlLoad = 'idle' | 'loading' | 'ready' | 'failed';

export interface PnlState {
  /** The account shown (null: none chosen yet; the view picks the first). */
  readonly accountId: string | null;
  readonly view: PositionsView | null;
  readonly load: PnlLoad;
  readonly error: IpcError | null;
  /** When the shown figures were read. */
  readonly readAt: number | null;
  readonly sorting: SortingState;
  set(patch: Partial<Omit<PnlState, 'set'>>): void;
}

export const usePnlStore = create<PnlState>()((set) => ({
  accountId: null,
  view: null,
  load: 'idle',
  error: null,
  readAt: null,
  sorting: [],
  set: (patch) => set(patch),
}));
