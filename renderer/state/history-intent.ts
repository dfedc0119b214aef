// history-intent.ts — "show these fills in History": set by another view (a click on a market in P&L,
// an alert's evidence), read and cleared by the History view, which applies it as its filter
// (state/history/intent-landing.ts) and highlights the executions it names. A tiny store of its own, so
// neither view imports the other; `nonce` makes a second click on the same market a new request.
import { create } from 'zustand';

export interface HistoryIntent {
  /** A market ticker (History filters on it as a prefix, so an event ticker works too). */
  readonly market?: string;
  /** The Fillwatch account id (AccountSummary.id); its API key id is in the live store's accounts. */
  readonly accountId?: string;
  /** Accounts by API key id (what the journal and History's filter name them by). */
  readonly accountKeys?: readonly string[];
  /** Executions to highlight by journal row id (an alert's evidence), and what they are. */
  readonly highlight?: { readonly rowIds: readonly number[]; readonly label: string };
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
