// slow-down.ts — whether the exchange's words for ending a session mean "come back later": a rate
// limit on Logon (kalshi-fix.md §1, §8 item 24) or maintenance. Logging on again at once would only be
// refused again and count against the limit, so the reconnect policy waits longer, and a Logon refused
// for such a reason is retried (later) instead of ending the session for good.

const SLOW_DOWN_TEXT = /rate.?limit|too many|throttl|maintenance|try again later/i;

export function asksToSlowDown(text: string | undefined): boolean {
  return text !== undefined && SLOW_DOWN_TEXT.test(text);
}
