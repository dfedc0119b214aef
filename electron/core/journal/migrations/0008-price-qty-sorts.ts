// 0008-price-qty-sorts.ts — History sorted by Price (LastPx) or Qty (LastQty) at a million executions
// (issue 12): until now SQLite computed the decimal key of every row and sorted them all, ~0.5 s per
// page. Two indexes let a page walk the rows already in order, as the time, market and kind sorts do:
//  - executions_by_last_px on (LAST_PX_SORT_SQL, event_at): LastPx in one unit for every account.
//    Prices are exact decimal TEXT in the unit the session asked for at Logon (21005: dollars '0.42' or
//    cents '42', kept per row in price_unit since 0004), and text sorts as text ('0.5' after '0.45',
//    '9' after '10'); 0003's last_px_key is exact micro-units of the row's own unit. So the sort key is
//    that key in 10^-8 dollars: a cents row's micro-cents as they are, a dollars row's micro-dollars ×
//    100 — exact integers (no float), and 42¢ sorts with $0.42 when one file holds accounts of both
//    units. Rows without a LastPx (acks, cancels) keep the absent key: first ascending, last
//    descending, in time order among themselves.
//  - executions_by_last_qty on (last_qty_key, event_at): quantities have no unit; 0003's VIRTUAL key.
// Each index ends in event_at and SQLite appends raw_id, which is the whole keyset (key, event_at,
// raw_id) of history-plan.ts, so a page is a seek and a walk, and so is the page after it.
// Why an index on an expression and not a new VIRTUAL column: SQLite checks every row of the table
// (pragma quick_check) when ALTER TABLE adds a generated column — 4.4 s of a 1M-row journal's upgrade,
// more than building both indexes. The planner uses the index when a query names the same expression
// (history-columns.ts takes it from here), but seeks it only from a plain comparison on the expression
// (history-plan.ts adds one in front of the row-value keyset).
// Cost: each commit touches one leaf page per distinct price (or quantity) it carries instead of one
// per index (bench/README.md has the ingest figures measured with and without). On an existing journal
// the migration builds both from the table: one pass and one sort each (~2 s each for 1M rows on the
// loaded 2-core bench VM), inside the runner's transaction like every migration.
import type Database from 'better-sqlite3';
import { ABSENT_DECIMAL_KEY } from '../history-decimal-key.ts';

/** The indexes this migration adds (the bench drops them to measure what they cost at ingest). */
export const PRICE_QTY_INDEXES = ['executions_by_last_px', 'executions_by_last_qty'] as const;

/** A dollars key beyond this (a price over $90M, never sent by Kalshi) is clamped so ×100 stays a safe integer for the cursor. */
const DOLLARS_KEY_LIMIT = 90_071_992_547_409;

/**
 * LastPx in 10^-8 dollars whatever the row's unit (price_unit 1 = cents), or the absent key. The index
 * is on this very text: changing it changes what this migration created (write a new migration).
 */
export const LAST_PX_SORT_SQL = `(CASE WHEN last_px_key = ${ABSENT_DECIMAL_KEY} OR price_unit = 1 THEN last_px_key`
  + ` ELSE max(min(last_px_key, ${DOLLARS_KEY_LIMIT}), -${DOLLARS_KEY_LIMIT}) * 100 END)`;

export function migrate0008(db: Database.Database): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS executions_by_last_px  ON executions (${LAST_PX_SORT_SQL}, event_at);
    CREATE INDEX IF NOT EXISTS executions_by_last_qty ON executions (last_qty_key, event_at);
  `);
}
