// history-filter.ts — what the History view can ask for: which executions (account, market or event,
// side, ExecType, OrdStatus, time, LastQty/LastPx ranges, a quick text match). Plain data, so it
// crosses IPC unchanged and a PostgreSQL store can read it the same way. Every present field must
// hold (AND); a list matches any of its values (OR), and an empty list matches nothing. Prices and
// quantities are decimal text compared exactly, never as binary floats.

/** A market filter: whole tickers, or every ticker that starts with a prefix (a series, an event…). */
export type MarketFilter =
  | { readonly kind: 'exact'; readonly tickers: readonly string[] }
  | { readonly kind: 'prefix'; readonly prefix: string };

/** Both ends inclusive; decimal text such as "0.42" or "10" (at most 6 decimal places). */
export interface DecimalRange {
  readonly min?: string;
  readonly max?: string;
}

/** TransactTime (or the receive time when the report had none) in epoch ms: [from, to). */
export interface TimeRange {
  readonly from?: number;
  readonly to?: number;
}

export interface HistoryFilter {
  /** Accounts by their SenderCompID (the API key id); every session of an account counts. */
  readonly accounts?: readonly string[];
  readonly market?: MarketFilter;
  /**
   * Event tickers: a market belongs to the event its ticker names without its last '-' part
   * (KXHIGHNY-26NOV24-B52.5 → KXHIGHNY-26NOV24), as shared/positions/event-ticker.ts defines it.
   */
  readonly events?: readonly string[];
  /** Side(54) codes: '1' buy Yes, '2' sell Yes. */
  readonly sides?: readonly string[];
  /** ExecType(150) codes: '0' new, 'F' trade, '4' canceled, '5' replaced, '8' rejected… */
  readonly execTypes?: readonly string[];
  /** OrdStatus(39) codes. */
  readonly ordStatuses?: readonly string[];
  readonly time?: TimeRange;
  /** Reports without a LastQty (acks, cancels…) never match a LastQty range; likewise LastPx. */
  readonly lastQty?: DecimalRange;
  readonly lastPx?: DecimalRange;
  /**
   * Quick text match: the text occurs in the ExecID, OrderID, ClOrdID or Text(58), ignoring the case
   * of ASCII letters.
   */
  readonly text?: string;
}
