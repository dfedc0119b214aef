// contract.ts — the whole IPC contract between Electron's main and the renderer, in one file: channel
// names (all `fillwatch:`-prefixed), the request/response pairs and the pushed events, each a zod
// schema with its z.infer type, and the {ok, value} | {ok: false, error} envelope every answer travels
// in. Main's handlers, the preload and the renderer are typed from the objects below, so a renamed
// field breaks all three at compile time; main parses every request with them before acting.
//
// Wire rules: plain JSON-safe data (Electron's structured clone and the harness's WebSocket carry it
// alike), so decimals travel as exact decimal strings (decimal.ts `toString`), never as numbers, and
// an absent value is `null`. Only public facts cross: no key material, no certificate bodies.
import { z } from 'zod';
import type { NotificationRules } from '../notifications/notification-rules.ts';
import { APP_VIEWS } from './app-views.ts';
import { EXEC_TYPES, ORD_STATUSES, SIDES, type ExecutionRecord } from '../records/execution-record.ts';
import { HISTORY_SORT_COLUMNS } from '../history/history-sort.ts';
import { alertRequests, surveillanceAlertSchema } from './alerts-contract.ts';

export const IPC_PREFIX = 'fillwatch:';

/** The most executions a snapshot returns (the Live view keeps fewer). */
export const MAX_SNAPSHOT_EXECUTIONS = 2_000;

//#region building blocks

/** An exact decimal as text: '-12.5', '0.4200'. Formatted only at display. */
export const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a plain decimal number');
const accountId = z.string().min(1).max(200);
const epochMs = z.int().nonnegative();
/** An execution's place in the journal (its message id): unique, increasing in commit order. */
export const journalPosition = z.int().positive();

export const executionRecordSchema = z.strictObject({
  execId: z.string(),
  orderId: z.string(),
  clOrdId: z.string(),
  origClOrdId: z.string().nullable(),
  symbol: z.string(),
  side: z.enum(SIDES),
  execType: z.enum(EXEC_TYPES),
  ordStatus: z.enum(ORD_STATUSES),
  lastQty: decimalText.nullable(),
  lastPx: decimalText.nullable(),
  cumQty: decimalText,
  leavesQty: decimalText,
  avgPx: decimalText,
  transactTime: z.string().nullable(),
  msgSeqNum: z.int(),
  possDup: z.boolean(),
  fee: decimalText.nullable(),
  text: z.string().nullable(),
}).readonly();

// Compile-time guard: the wire record is exactly the engine's record (shared/records).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _recordIsTheEngines: Same<z.infer<typeof executionRecordSchema>, ExecutionRecord> = true;

export const liveExecutionSchema = z.strictObject({
  accountId,
  position: journalPosition,
  record: executionRecordSchema,
}).readonly();

export const accountPhaseSchema = z.enum(['stopped', 'connecting', 'logging-on', 'active', 'logging-out', 'reconnect-wait', 'failed']);

export const accountStatusSchema = z.strictObject({
  accountId,
  phase: accountPhaseSchema,
  since: epochMs,
  /** When the exchange last sent anything (the status strip's "last message 3 s ago"). */
  lastMessageAt: epochMs.nullable(),
  nextInbound: z.int().nullable(),
  nextOutbound: z.int().nullable(),
  reason: z.string().nullable(),
}).readonly();

const endpoint = z.strictObject({ host: z.string(), port: z.int().min(1).max(65_535) }).readonly();

/** What the renderer may know of a configured account: names and where it connects, nothing secret. */
export const accountSummarySchema = z.strictObject({
  id: accountId,
  label: z.string(),
  apiKeyId: z.string(),
  environment: z.enum(['production', 'demo', 'custom']),
  listener: z.strictObject({ host: z.string(), port: z.int().min(1).max(65_535), target: z.enum(['KalshiRT', 'KalshiNR']) }).readonly(),
  dropCopy: endpoint.nullable(),
  /** How this account's prices are quoted on the wire (21005=Y: dollars). */
  priceUnit: z.enum(['dollars', 'cents']),
  /** Fed by the built-in simulator, not by Kalshi. */
  demo: z.boolean(),
}).readonly();

export const accountViewSchema = z.strictObject({ account: accountSummarySchema, status: accountStatusSchema }).readonly();

export const logLineSchema = z.strictObject({
  accountId,
  source: z.enum(['listener', 'drop-copy']),
  at: epochMs,
  severity: z.enum(['info', 'warning', 'error', 'critical']),
  text: z.string(),
}).readonly();

/** Things a person must see: possible missed fills, unreadable messages, a journal that cannot write. */
export const alertSchema = z.strictObject({
  kind: z.enum(['missed-fills', 'undecodable', 'store-failed', 'engine-restarted', 'service-error']),
  accountId: accountId.nullable(),
  at: epochMs,
  text: z.string(),
}).readonly();

export const demoStatusSchema = z.strictObject({
  active: z.boolean(),
  accountIds: z.array(accountId).readonly(),
  /** Execution reports per second per demo account. */
  reportsPerSecond: z.number().nonnegative().nullable(),
}).readonly();

const pnlFields = {
  realized: decimalText,
  unrealized: decimalText,
  fees: decimalText,
  /** The part of `fees` estimated with Kalshi's formula because the exchange sent none. */
  estimatedFees: decimalText,
  net: decimalText,
};

export const marketPositionSchema = z.strictObject({
  symbol: z.string(),
  event: z.string(),
  /** Net Yes contracts; negative = No held. */
  position: decimalText,
  heldSide: z.enum(['yes', 'no']).nullable(),
  avgEntryPrice: decimalText.nullable(),
  mark: decimalText.nullable(),
  markSource: z.enum(['last-fill', 'external', 'settlement']).nullable(),
  ...pnlFields,
  fills: z.int().nonnegative(),
  settled: z.boolean(),
  /** Signed Yes-equivalent cost of the open position. */
  costBasis: decimalText,
  boughtQty: decimalText,
  soldQty: decimalText,
  /** Kalshi's own position after the last fill that carried 704/705, and how often ours differed. */
  serverPosition: decimalText.nullable(),
  positionMismatches: z.int().nonnegative(),
  settlement: z.strictObject({
    result: z.enum(['yes', 'no', 'scalar']),
    /** Value of one Yes contract, dollars. */
    yesValue: decimalText,
    at: z.int(),
    /** Our position when it settled, and what it should pay before the fee. */
    position: decimalText,
    grossPayout: decimalText,
    /** 1704 PAYOUT as reported (net of the fee). */
    reportedPayout: decimalText.nullable(),
    fee: decimalText,
  }).readonly().nullable(),
}).readonly();

const pnlTotalsSchema = z.strictObject({ markets: z.int().nonnegative(), ...pnlFields }).readonly();

/** What was realized and paid on one day (unrealized P&L belongs to no day). */
export const dayTotalsSchema = z.strictObject({
  /** 'YYYY-MM-DD' in the view's time zone, or 'undated'. */
  day: z.string(),
  fills: z.int().nonnegative(),
  contracts: decimalText,
  notional: decimalText,
  realized: decimalText,
  fees: decimalText,
  estimatedFees: decimalText,
  net: decimalText,
}).readonly();

export const positionsViewSchema = z.strictObject({
  accountId,
  markets: z.array(marketPositionSchema).readonly(),
  totals: pnlTotalsSchema,
  byEvent: z.array(z.strictObject({ event: z.string(), totals: pnlTotalsSchema }).readonly()).readonly(),
  /** The IANA zone of the days in `byDay`. */
  timeZone: z.string(),
  byDay: z.array(dayTotalsSchema).readonly(),
  /** Cumulative net P&L (realized + unrealized at the last fill price − fees) after each time bucket. */
  series: z.strictObject({
    bucketMs: z.int().positive(),
    /** Net of records without a time (before every point). */
    undated: decimalText,
    points: z.array(z.strictObject({ at: z.int(), net: decimalText }).readonly()).readonly(),
  }).readonly(),
}).readonly();

const roundTripSchema = z.strictObject({ ms: z.number().nonnegative(), at: epochMs }).readonly();

/** One connection of an account as the Session view shows it (shared/service/connection-stats.ts). */
export const connectionStatsSchema = z.strictObject({
  role: z.enum(['listener', 'drop-copy']),
  target: z.enum(['KalshiRT', 'KalshiNR', 'KalshiDC']),
  host: z.string(),
  port: z.int(),
  state: z.enum([...accountPhaseSchema.options, 'idle']),
  nextInbound: z.int().nullable(),
  nextOutbound: z.int().nullable(),
  roundTrip: roundTripSchema.nullable(),
  connects: z.int().nonnegative(),
  logons: z.int().nonnegative(),
  reconnects: z.int().nonnegative(),
  lastLogonAt: epochMs.nullable(),
  lastDisconnect: z.strictObject({ at: epochMs, text: z.string() }).readonly().nullable(),
  gaps: z.int().nonnegative(),
  resendRequests: z.int().nonnegative(),
  resendsCompleted: z.int().nonnegative(),
  gapFills: z.int().nonnegative(),
  sequenceResets: z.int().nonnegative(),
  duplicatesIgnored: z.int().nonnegative(),
  testRequests: z.int().nonnegative(),
  heartbeatTimeouts: z.int().nonnegative(),
  possibleLosses: z.int().nonnegative(),
  malformed: z.int().nonnegative(),
  backfills: z.strictObject({
    started: z.int().nonnegative(),
    covered: z.int().nonnegative(),
    incomplete: z.int().nonnegative(),
    requests: z.int().nonnegative(),
    replayed: z.int().nonnegative(),
    recovered: z.int().nonnegative(),
    last: z.strictObject({ at: epochMs, covered: z.boolean(), text: z.string() }).readonly().nullable(),
  }).readonly().nullable(),
}).readonly();

/** A message kept raw in the journal because it could not be read. */
export const undecodableNoticeSchema = z.strictObject({
  rawId: z.int().positive(),
  msgType: z.string(),
  msgSeqNum: z.int(),
  possDup: z.boolean(),
  receivedAt: epochMs,
  reason: z.string(),
}).readonly();

export const accountSessionSchema = z.strictObject({
  accountId,
  /** The account's status now (the same as the status strip's). */
  status: accountStatusSchema,
  /** Counts run from here (the account started recording, or the engine restarted). */
  countingSince: epochMs,
  connections: z.array(connectionStatsSchema).readonly(),
  undecodable: z.strictObject({ count: z.int().nonnegative(), newest: z.array(undecodableNoticeSchema).readonly() }).readonly(),
}).readonly();

/** 'HH:MM' (24 h). */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** What the user asked to be notified about (shared/notifications/notification-rules.ts). */
export const notificationRulesSchema = z.strictObject({
  enabled: z.boolean(),
  allFills: z.boolean(),
  minQty: decimalText.exactOptional(),
  minNotional: decimalText.exactOptional(),
  markets: z.array(z.string().min(1).max(200)).max(500).readonly(),
  cancelsAndRejects: z.boolean(),
  sessionAlerts: z.boolean(),
  quietUntil: epochMs.exactOptional(),
  quietHours: z.strictObject({ from: clockTime, to: clockTime, timeZone: z.string().min(1).max(100) }).readonly().exactOptional(),
  alertsBypassQuiet: z.boolean(),
  /** High and critical surveillance alerts (absent: on). */
  surveillanceAlerts: z.boolean().exactOptional(),
}).readonly();

// Compile-time guard: the wire rules are assignable both ways to the planner's rules.
const _rulesOut: NotificationRules = {} as z.infer<typeof notificationRulesSchema>;
const _rulesIn: z.infer<typeof notificationRulesSchema> = {} as NotificationRules;

/** What a click on a notification opens and highlights. */
export const notificationTargetSchema = z.strictObject({
  accountId,
  position: journalPosition.nullable(),
  execId: z.string().nullable(),
  /** A surveillance alert to open in the Alerts view (instead of an execution). */
  alertId: z.string().min(1).max(1_000).exactOptional(),
}).readonly();

/** One desktop notification as shown (Electron's Notification, and in-page as the toast log). */
export const notificationSchema = z.strictObject({
  /** Unique within one run of main; a reloaded window never receives an earlier one again. */
  id: z.int().positive(),
  at: epochMs,
  title: z.string(),
  body: z.string(),
  urgency: z.enum(['normal', 'critical']),
  target: notificationTargetSchema.nullable(),
}).readonly();

/** The public half of a stored key: all the renderer may ever know of it. */
export const keyFactsSchema = z.strictObject({
  bits: z.int().positive(),
  /** 'SHA256:…' of the public key, as ssh-keygen prints it. */
  fingerprint: z.string(),
  /** SPKI PEM: what the user registers on Kalshi's API-key page. */
  publicKeyPem: z.string(),
}).readonly();

/** Whether the OS keychain answers; if not, what the user should do (never a plaintext fallback). */
export const keychainStatusSchema = z.strictObject({ available: z.boolean(), problem: z.string().nullable() }).readonly();

/** A CA certificate's public facts (the body stays in main). */
export const certificateFactsSchema = z.strictObject({ subject: z.string(), sha256: z.string() }).readonly();

/** One configured account as Settings shows it. */
export const accountSettingsSchema = z.strictObject({
  account: accountSummarySchema,
  /** Null: no private key is stored for this API key id. */
  key: keyFactsSchema.nullable(),
  caCertificate: certificateFactsSchema.nullable(),
}).readonly();

export const settingsViewSchema = z.strictObject({
  keychain: keychainStatusSchema,
  accounts: z.array(accountSettingsSchema).readonly(),
  /** Key pairs generated here and not yet given to an account (their public half may be registered already). */
  generatedKeys: z.array(z.strictObject({ generatedKeyId: z.string(), key: keyFactsSchema }).readonly()).readonly(),
  /** Demo mode runs (no real account is configured yet). */
  demo: z.boolean(),
}).readonly();

/** Kalshi's API key ids are UUIDs; the check is kept loose on the version nibble. */
export const apiKeyIdSchema = z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'the API key id is the UUID Kalshi shows beside the key');
const port = z.int().min(1).max(65_535);

/** What the account form sends: main turns it into an AccountConfig (host and ports for Kalshi's environments). */
export const accountDraftSchema = z.strictObject({
  /** Null for a new account. */
  id: accountId.nullable(),
  label: z.string().trim().min(1, 'give the account a name').max(80),
  apiKeyId: apiKeyIdSchema,
  environment: z.enum(['production', 'demo', 'custom']),
  target: z.enum(['KalshiRT', 'KalshiNR']),
  /** Custom environment only: the listener's host and port. */
  host: z.string().trim().max(253).nullable(),
  port: port.nullable(),
  /** Backfill possible missed fills over KalshiDC (needed on NR). */
  dropCopy: z.boolean(),
  /** Custom environment only: the drop copy's port (same host). */
  dropCopyPort: port.nullable(),
  /** 'keep' the stored one, a certificate picked with tls.pickCaCertificate, or none. */
  caCertificate: z.union([z.literal('keep'), z.strictObject({ pickId: z.string().min(1).max(100) }).readonly(), z.null()]),
  /** A key made by keys.generate, to be stored under this API key id. */
  generatedKeyId: z.string().min(1).max(100).nullable(),
}).readonly();

/** A file main read through its own open dialog, or the user cancelled it. */
const picked = <T extends z.ZodRawShape>(shape: T) =>
  z.union([z.strictObject({ picked: z.literal(false) }).readonly(), z.strictObject({ picked: z.literal(true), ...shape }).readonly()]);

/** Which view the main window should show (shared/ipc/app-views.ts). */
export const navigateSchema = z.strictObject({ view: z.enum(APP_VIEWS) }).readonly();

//#endregion

//#region History (shared/history: the journal's keyset pages, counts, lifecycles, raw messages)

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

//#endregion

//#region requests (renderer → main, answered once)

const noArguments = z.strictObject({});

export const requests = {
  /** Everything a (re)loaded window needs to draw, and the point the live batches continue from. */
  'app.snapshot': {
    request: z.strictObject({ limit: z.int().min(1).max(MAX_SNAPSHOT_EXECUTIONS).optional() }),
    response: z.strictObject({
      /** The last batch this snapshot already contains; apply only batches with a higher seq. */
      seq: z.int().nonnegative(),
      /** The newest journal position included (null before the first execution). */
      position: journalPosition.nullable(),
      accounts: z.array(accountViewSchema).readonly(),
      /** Newest first, at most `limit`. */
      executions: z.array(liveExecutionSchema).readonly(),
      logs: z.array(logLineSchema).readonly(),
      alerts: z.array(alertSchema).readonly(),
      demo: demoStatusSchema,
    }).readonly(),
  },
  'accounts.list': {
    request: noArguments,
    response: z.array(accountViewSchema).readonly(),
  },
  /** One account's positions and P&L; `byDay` in `timeZone` (an IANA name; default America/New_York). */
  'positions.get': {
    request: z.strictObject({ accountId, timeZone: z.string().min(1).max(100).optional() }),
    response: positionsViewSchema,
  },
  /** Every account's connections as the Session view shows them (read from the engine now). */
  'session.get': {
    request: noArguments,
    response: z.array(accountSessionSchema).readonly(),
  },
  'demo.status': {
    request: noArguments,
    response: demoStatusSchema,
  },
  'notifications.getRules': {
    request: noArguments,
    response: notificationRulesSchema,
  },
  /** Replaces the rules; answers with the rules now in force (saved before answering). */
  'notifications.setRules': {
    request: z.strictObject({ rules: notificationRulesSchema }),
    response: notificationRulesSchema,
  },
  /** Settings' accounts with their keys' public facts, and whether the keychain works. */
  'settings.get': {
    request: noArguments,
    response: settingsViewSchema,
  },
  /** Adds or changes an account (its key must be stored or just generated) and starts it; demo mode ends. */
  'accounts.save': {
    request: z.strictObject({ account: accountDraftSchema }),
    response: settingsViewSchema,
  },
  'accounts.remove': {
    request: z.strictObject({ id: accountId, deleteKey: z.boolean() }),
    response: settingsViewSchema,
  },
  /** (Re)connects the account and waits for the exchange's answer to its Logon (or a timeout). */
  'accounts.testConnection': {
    request: z.strictObject({ id: accountId }),
    response: z.strictObject({ connected: z.boolean(), phase: accountPhaseSchema, text: z.string() }).readonly(),
  },
  /** Main opens its own file dialog, validates the PEM and stores it in the keychain: the key never crosses IPC. */
  'keys.import': {
    request: z.strictObject({ apiKeyId: apiKeyIdSchema }),
    response: picked({ key: keyFactsSchema }),
  },
  /** A new RSA-2048 key pair, kept in the keychain until an account is saved with it. */
  'keys.generate': {
    request: noArguments,
    response: z.strictObject({ generatedKeyId: z.string(), key: keyFactsSchema }).readonly(),
  },
  'keys.delete': {
    request: z.strictObject({ apiKeyId: apiKeyIdSchema }),
    response: settingsViewSchema,
  },
  /** Puts a public key on the clipboard (main's; sandboxed pages have no clipboard permission). */
  'keys.copyPublicKey': {
    request: z.strictObject({ apiKeyId: apiKeyIdSchema.nullable(), generatedKeyId: z.string().max(100).nullable() }),
    response: z.strictObject({ copied: z.literal(true) }).readonly(),
  },
  /** Main's file dialog for a custom host's CA certificate (PEM); the body stays in main. */
  'tls.pickCaCertificate': {
    request: noArguments,
    response: picked({ pickId: z.string(), certificate: certificateFactsSchema }),
  },
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
  /** The Alerts view and Settings → Surveillance (alerts-contract.ts). */
  ...alertRequests,
} as const;

export type RequestName = keyof typeof requests;
export type RequestOf<N extends RequestName> = z.infer<(typeof requests)[N]['request']>;
export type ResponseOf<N extends RequestName> = z.infer<(typeof requests)[N]['response']>;
export type RequestChannel<N extends RequestName = RequestName> = `${typeof IPC_PREFIX}${N}`;

export const REQUEST_NAMES = Object.keys(requests) as readonly RequestName[];

export function requestChannel<N extends RequestName>(name: N): RequestChannel<N> {
  return `${IPC_PREFIX}${name}`;
}

//#endregion

//#region events (main → renderer, pushed)

/**
 * Everything that happened since the previous batch, sent at most once per animation frame (~16 ms),
 * never one message per execution. `seq` counts batches: a gap means one was lost, so resync.
 */
export const liveBatchSchema = z.strictObject({
  seq: z.int().positive(),
  /** In commit order (ascending position). */
  executions: z.array(liveExecutionSchema).readonly(),
  /** The latest status of each account that changed. */
  statuses: z.array(accountStatusSchema).readonly(),
  logs: z.array(logLineSchema).readonly(),
  alerts: z.array(alertSchema).readonly(),
  /** Accounts whose positions changed (ask positions.get for the new figures). */
  positionsChanged: z.array(accountId).readonly(),
  /** Surveillance alerts new to the journal or reviewed since the previous batch, as they are now (upsert by id). */
  surveillance: z.array(surveillanceAlertSchema).readonly(),
}).readonly();

export const events = {
  'live.batch': liveBatchSchema,
  /** A notification main showed (or would show): the window lists it in its toast log. */
  'notifications.shown': notificationSchema,
  /** The user clicked a notification: show and highlight its execution. */
  'notifications.clicked': notificationTargetSchema,
  /** What main serves changed as a whole (demo mode ended, accounts changed): take a fresh snapshot. */
  'app.resync': z.strictObject({ reason: z.string() }).readonly(),
  /** The app menu (View → Live, History, …) asks the main window to show a view. */
  'app.navigate': navigateSchema,
  /** A History export's progress (after each page written), then its end. */
  'history.exportProgress': exportProgressSchema,
} as const;

export type EventName = keyof typeof events;
export type EventOf<N extends EventName> = z.infer<(typeof events)[N]>;

export type EventChannel<N extends EventName = EventName> = `${typeof IPC_PREFIX}${N}`;

export function eventChannel<N extends EventName>(name: N): EventChannel<N> {
  return `${IPC_PREFIX}${name}`;
}

//#endregion

//#region the envelope

export const IPC_ERROR_KINDS = [
  /** The call did not come from our own window (wrong origin, a sub-frame). */
  'forbidden-sender',
  /** No such request. */
  'unknown-request',
  /** The payload does not match the contract. */
  'invalid-payload',
  /** The thing asked for does not exist (e.g. an unknown account). */
  'not-found',
  /** Main could not answer (the engine failed or restarted); retrying later may work. */
  'failed',
  /** The user's input was refused (a bad key file, a duplicate API key id); the message says why and what to do. */
  'rejected',
  /** An OS service main needs is missing (the keychain); the message says what to do. */
  'unavailable',
  /** History refused the query (a bad filter, sort, cursor or position: HistoryQueryError); the message says which. */
  'bad-query',
] as const;
export type IpcErrorKind = (typeof IPC_ERROR_KINDS)[number];

export interface IpcError {
  readonly kind: IpcErrorKind;
  readonly message: string;
}

/** Signal's envelope: Electron passes only `message` of a thrown error, so errors travel as data. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export const ipcErrorSchema = z.strictObject({ kind: z.enum(IPC_ERROR_KINDS), message: z.string() }).readonly();

//#endregion

export type ExecutionRecordWire = z.infer<typeof executionRecordSchema>;
export type LiveExecutionWire = z.infer<typeof liveExecutionSchema>;
export type AccountPhaseWire = z.infer<typeof accountPhaseSchema>;
export type AccountStatusWire = z.infer<typeof accountStatusSchema>;
export type AccountSummary = z.infer<typeof accountSummarySchema>;
export type AccountView = z.infer<typeof accountViewSchema>;
export type LogLine = z.infer<typeof logLineSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type DemoStatus = z.infer<typeof demoStatusSchema>;
export type MarketPosition = z.infer<typeof marketPositionSchema>;
export type PositionsView = z.infer<typeof positionsViewSchema>;
export type DayTotalsWire = z.infer<typeof dayTotalsSchema>;
export type ConnectionStatsWire = z.infer<typeof connectionStatsSchema>;
export type AccountSessionWire = z.infer<typeof accountSessionSchema>;
export type UndecodableNoticeWire = z.infer<typeof undecodableNoticeSchema>;
export type LiveBatch = z.infer<typeof liveBatchSchema>;
export type AppSnapshot = ResponseOf<'app.snapshot'>;
export type NotificationRulesWire = z.infer<typeof notificationRulesSchema>;
export type NotificationWire = z.infer<typeof notificationSchema>;
export type NotificationTargetWire = z.infer<typeof notificationTargetSchema>;
export type NavigateWire = z.infer<typeof navigateSchema>;
export type KeyFacts = z.infer<typeof keyFactsSchema>;
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;
export type CertificateFacts = z.infer<typeof certificateFactsSchema>;
export type AccountSettings = z.infer<typeof accountSettingsSchema>;
export type SettingsView = z.infer<typeof settingsViewSchema>;
export type AccountDraft = z.infer<typeof accountDraftSchema>;
export type HistoryFilterWire = z.infer<typeof historyFilterSchema>;
export type HistorySortWire = z.infer<typeof historySortSchema>;
export type HistoryRowWire = z.infer<typeof historyRowSchema>;
export type HistoryPageWire = z.infer<typeof historyPageSchema>;
export type HistoryCountWire = z.infer<typeof historyCountSchema>;
export type RawMessageWire = z.infer<typeof rawMessageSchema>;
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export type ExportProgressWire = z.infer<typeof exportProgressSchema>;
