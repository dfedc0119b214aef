// event-ticker.ts: the event a market belongs to, guessed from its ticker.
//
// ERs carry no event-ticker tag (kalshi-fix.md §4.1), so the ledger groups markets by a heuristic:
// Kalshi market tickers are `<SERIES>-<EVENT SUFFIX>-<MARKET SUFFIX>` and the event ticker is the
// market ticker without its last '-' part (KXHIGHNY-26NOV24-B52.5 → KXHIGHNY-26NOV24).
// Known limit: a market that is the only one in its event may have a ticker with a single '-'
// (e.g. HIGHNY-23DEC31), and then the guess is the series (HIGHNY). The REST API's
// `event_ticker` is the truth; PositionBook takes an `eventOf` override for when we have it.
// A ticker without '-' is its own event.
export function eventTickerOf(marketTicker: string): string {
  const cut = marketTicker.lastIndexOf('-');
  return cut <= 0 ? marketTicker : marketTicker.slice(0, cut);
}
