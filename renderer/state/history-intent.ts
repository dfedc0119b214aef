// history-intent.ts — "show these fills in History": set by another view (a click on a market in P&L),
// read and cleared by the History view, which applies it as its filter. A tiny store of its own, so
// neither view imports the other; `nonce` makes a second click on the same market a new request.
import { create } from 'zustand';

export interface HistoryIntent {
  /** A market ticker (History filters on it as a prefix, so an event ticker works too). */
  readonly market?: string;
  /** The Fillwatch account id (AccountSummary.id); its API key id is in the live store's accounts. */
  readonly accountId?: string;
  readonly nonce: number;
}

export interface HistoryIntentState {
  readonly intent: HistoryIntent | null;
  /** Asks for History with this filter; App switches to History when it changes. */
  open(target: Omit<HistoryIntent, 'nonce'>): void;
  /** History takes it once applied, so a later visit shows History as the user left it. */
  take(): HistoryIntent | null;
}

let nonce = 0;

export const useHistoryIntent = create<HistoryIntentState>()((set, get) => ({
  intent: null,
  open: (target) => set({ intent: { ...target, nonce: ++nonce } }),
  take: () => {
    const intent = get().intent;
    if (intent !== null) set({ intent: null });
    return intent;
  },
}));
