// history.ts — the History view's part of the IPC contract (shared/history: the journal's keyset pages,
// counts, lifecycles, raw messages, exports); the wire rules of contract.ts apply (plain JSON, absent = null, decimals as text).
import { z } from 'zod';
import { HISTORY_SORT_COLUMNS } from '../../history/history-sort.ts';
import { accountId, decimalText, epochMs, executionRecordSchema, journalPosition } from './wire-basics.ts';

const code = z.string().min(1).max(8);
const codeList = z.array(code).max(20).readonly();
const decimalRange = z.strictObject({ min: decimalText.exactOptional(), max: decimalText.exactOptional() }).readonly();

/** shared/history/history-filter.ts on the wire (lists bounded so one request stays small). */
export const historyFilterSchema = z.strictObject({
  accounts: z.array(accountId).max(200).readonly().exactOptional(),
  market: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('exact'), tickers: z.array(z.string().min(1).max(200)).max(500).readonly() }).readonly(),
    z.strictObject({ kind: z.literal('prefix'), prefix: z.string().max(200) }).readonly(),
  ]).exactOptional(),
  events: z.array(z.string().min(1).max(200)).max(500).readonly().exactOptional(),
  sides: codeList.exactOptional(),
  execTypes: codeList.exactOptional(),
  ordStatuses: codeList.exactOptional(),
  time: z.strictObject({ from: epochMs.exactOptional(), to: epochMs.exactOptional() }).readonly().exactOptional(),
  lastQty: decimalRange.exactOptional(),
  lastPx: decimalRange.exactOptional(),
  text: z.string().max(200).exactOptional(),
}).readonly();

export const historySortSchema = z.strictObject({ column: z.enum(HISTORY_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }).readonly();

/** Opaque strings History hands out (a cursor names a place in one sort; a position a point in commit order). */
const historyCursor = z.string().min(1).max(4_000);
const historyPosition = z.string().min(1).max(100);
/** Rows per page (the service allows 1…1000). */
const pageLimit = z.int().min(1).max(1_000);

export const historyRowSchema = z.strictObject({
  ...executionRecordSchema.unwrap().shape,
  rowId: journalPosition,
  /** SenderCompID (the API key id) of the session that stored it. */
  account: z.string().nullable(),
  /** TransactTime in epoch ms, or the receive time when the report had none. */
  eventAt: z.int(),
  balanceChange: decimalText.nullable(),
}).readonly();

export const historyPageSchema = z.strictObject({
  rows: z.array(historyRowSchema).readonly(),
  next: historyCursor.nullable(),
  previous: historyCursor.nullable(),
}).readonly();

export const historyCountSchema = z.strictObject({ value: z.int().nonnegative(), exact: z.boolean() }).readonly();

/** One field of a stored message, decoded for reading: the bytes themselves stay in main. */
export const rawFieldSchema = z.strictObject({
  tag: z.int().nonnegative(),
  /** 'ExecType', or null when the tag is not in Kalshi's dictionary. */
  name: z.string().nullable(),
  value: z.string(),
  /** 'Trade' for 150=F, or null when the tag has no coded values. */
  meaning: z.string().nullable(),
}).readonly();

export const rawMessageSchema = z.strictObject({
  rowId: journalPosition,
  receivedAt: epochMs,
  msgSeqNum: z.int().nullable(),
  fields: z.array(rawFieldSchema).readonly(),
  /** Why some of the bytes could not be read as fields (kept in the journal as received), or null. */
  problem: z.string().nullable(),
}).readonly();

export const exportFormatSchema = z.enum(['csv', 'json']);

/** An export's progress, pushed while main writes the file page by page. */
export const exportProgressSchema = z.strictObject({
  exportId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  rows: z.int().nonnegative(),
  /** Rows the filter matches (null while unknown); `totalExact` false: at least that many. */
  total: z.int().nonnegative().nullable(),
  totalExact: z.boolean(),
  path: z.string(),
  /** Failed: why, and what to do. */
  message: z.string().nullable(),
}).readonly();

export const historyRequests = {
  /** History's first page and the journal position it was read at: page on with asOf, follow with history.changes. */
  'history.snapshot': {
    request: z.strictObject({ filter: historyFilterSchema, sort: historySortSchema, limit: pageLimit }),
    response: z.strictObject({ page: historyPageSchema, position: historyPosition }).readonly(),
  },
  'history.page': {
    request: z.strictObject({
      filter: historyFilterSchema, sort: historySortSchema, limit: pageLimit,
      after: historyCursor.exactOptional(), before: historyCursor.exactOptional(), asOf: historyPosition.exactOptional(),
    }),
    response: historyPageSchema,
  },
  /** The page that holds one row (a notification's fill), with the rows around it. */
  'history.around': {
    request: z.strictObject({ filter: historyFilterSchema, sort: historySortSchema, limit: pageLimit, rowId: journalPosition, asOf: historyPosition.exactOptional() }),
    response: z.strictObject({ page: historyPageSchema, index: z.int().nonnegative() }).readonly().nullable(),
  },
  'history.count': {
    request: z.strictObject({ filter: historyFilterSchema, exact: z.boolean().exactOptional(), asOf: historyPosition.exactOptional() }),
    response: historyCountSchema,
  },
  /** Rows committed after a position that match the filter, in commit order (the live rows of a History view). */
  'history.changes': {
    request: z.strictObject({ position: historyPosition, filter: historyFilterSchema.exactOptional(), limit: z.int().min(1).max(10_000).exactOptional() }),
    response: z.strictObject({ rows: z.array(historyRowSchema).readonly(), position: historyPosition, more: z.boolean() }).readonly(),
  },
  'history.row': {
    request: z.strictObject({ rowId: journalPosition }),
    response: historyRowSchema.nullable(),
  },
  'history.byExecId': {
    request: z.strictObject({ execId: z.string().min(1).max(200) }),
    response: z.array(historyRowSchema).readonly(),
  },
  /** Every execution of one order, in event order: ack → partials → fill / cancel / replace / reject. */
  'history.lifecycle': {
    request: z.strictObject({ orderId: z.string().min(1).max(200) }),
    response: z.array(historyRowSchema).readonly(),
  },
  /** The message that carried a row, decoded with tag and enum names. */
  'history.rawMessage': {
    request: z.strictObject({ rowId: journalPosition }),
    response: rawMessageSchema.nullable(),
  },
  /**
   * Main's save dialog, then the file written page by page from the same query as the view (progress
   * as history.exportProgress events). Answers once the file is chosen, not when it is written.
   */
  'history.export': {
    request: z.strictObject({
      format: exportFormatSchema, filter: historyFilterSchema, sort: historySortSchema,
      /** The visible columns, in order (shared/history/export-columns.ts ids). */
      columns: z.array(z.string().min(1).max(40)).min(1).max(40).readonly(),
    }),
    response: z.union([
      z.strictObject({ started: z.literal(false) }).readonly(),
      z.strictObject({ started: z.literal(true), exportId: z.string(), path: z.string() }).readonly(),
    ]),
  },
  'history.cancelExport': {
    request: z.strictObject({ exportId: z.string().min(1).max(100) }),
    response: z.strictObject({ cancelled: z.boolean() }).readonly(),
  },
} as const;

export type HistoryFilterWire = z.infer<typeof historyFilterSchema>;
export type HistorySortWire = z.infer<typeof historySortSchema>;
export type HistoryRowWire = z.infer<typeof historyRowSchema>;
export type HistoryPageWire = z.infer<typeof historyPageSchema>;
export type HistoryCountWire = z.infer<typeof historyCountSchema>;
export type RawMessageWire = z.infer<typeof rawMessageSchema>;
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export type ExportProgressWire = z.infer<typeof exportProgressSchema>;
