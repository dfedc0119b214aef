// alerts-contract.ts — the Alerts view's and the surveillance settings' part of the IPC contract
// (contract.ts spreads `alertRequests` into its requests and carries `surveillanceAlertSchema` in each
// LiveBatch): surveillance alerts as the journal keeps them (shared/surveillance/alert-records.ts),
// one alert's history and its evidence executions located in the journal, reviews, the reviewer's
// name and the rules document. Kept apart only for size; the rules of contract.ts apply (plain JSON,
// absent = null, decimals as text).
import { z } from 'zod';
import { ALERT_STATES, RULE_IDS, SEVERITIES } from '../surveillance/alert.ts';
import { MAX_COMMENT_LENGTH, MAX_REVIEWER_LENGTH } from '../surveillance/alert-transitions.ts';
import { rulesDocumentSchema } from '../surveillance/rules-schema.ts';

const epochMs = z.int().nonnegative();
const text = z.string().max(10_000);
const alertId = z.string().min(1).max(1_000);
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a plain decimal number');

export const alertStateSchema = z.enum(ALERT_STATES);
export const ruleIdSchema = z.enum(RULE_IDS);
export const severitySchema = z.enum(SEVERITIES);

export const alertEvidenceSchema = z.strictObject({
  /** accountId is the API key id: the journal's name for an account. */
  executions: z.array(z.strictObject({ accountId: z.string(), execId: z.string() }).readonly()).readonly(),
  orderIds: z.array(z.string()).readonly(),
  note: z.string().nullable(),
}).readonly();

/** An alert in the journal with its current state (its newest review's `to`, or open). */
export const surveillanceAlertSchema = z.strictObject({
  id: alertId,
  ruleId: ruleIdSchema,
  rulesVersion: z.int().nonnegative(),
  severity: severitySchema,
  /** API key ids. */
  accountIds: z.array(z.string()).readonly(),
  market: z.string().nullable(),
  /** When the triggering event happened (its TransactTime). */
  raisedAt: epochMs,
  title: text,
  text,
  evidence: alertEvidenceSchema,
  suppressedBy: z.string().nullable(),
  state: alertStateSchema,
  recordedAt: epochMs,
  reviewCount: z.int().nonnegative(),
  lastReviewAt: epochMs.nullable(),
}).readonly();

export const alertHistoryEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('raised'), auditId: z.int(), at: epochMs }).readonly(),
  z.strictObject({ kind: z.literal('evidence-added'), auditId: z.int(), at: epochMs, executions: z.int().nonnegative(), orders: z.int().nonnegative() }).readonly(),
  z.strictObject({ kind: z.literal('review'), auditId: z.int(), at: epochMs, from: alertStateSchema, to: alertStateSchema, reviewer: text, comment: text }).readonly(),
  z.strictObject({ kind: z.literal('exported'), auditId: z.int(), at: epochMs, command: z.enum(['alerts', 'evidence']), user: text, format: text, files: z.int().nonnegative() }).readonly(),
]);

/** One evidence execution as the journal holds it (rowId null: the journal does not have that ExecID). */
export const evidenceExecutionSchema = z.strictObject({
  accountId: z.string(),
  execId: z.string(),
  rowId: z.int().positive().nullable(),
  orderId: z.string().nullable(),
  symbol: z.string().nullable(),
  side: z.string().nullable(),
  execType: z.string().nullable(),
  lastQty: decimal.nullable(),
  lastPx: decimal.nullable(),
  eventAt: z.int().nullable(),
}).readonly();

export const alertDetailSchema = z.strictObject({
  alert: surveillanceAlertSchema,
  /** Oldest first. */
  history: z.array(alertHistoryEntrySchema).readonly(),
  /** The evidence executions located in the journal, in the alert's order (at most MAX_EVIDENCE_ROWS). */
  executions: z.array(evidenceExecutionSchema).readonly(),
  /** Evidence executions not located because there were more than that. */
  executionsNotShown: z.int().nonnegative(),
}).readonly();

export const MAX_EVIDENCE_ROWS = 200;

export const alertListFilterSchema = z.strictObject({
  state: alertStateSchema.exactOptional(),
  ruleId: ruleIdSchema.exactOptional(),
  /** An API key id. */
  accountId: z.string().min(1).max(200).exactOptional(),
  market: z.string().min(1).max(200).exactOptional(),
  severity: severitySchema.exactOptional(),
  /** true: only suppressed ones; false: none; absent: both. */
  suppressed: z.boolean().exactOptional(),
}).readonly();

/** What main keeps for surveillance: who reviews, and the rules document the recorder runs. */
export const surveillanceSettingsSchema = z.strictObject({
  /** Stamped on every review made in this app; null until set in Settings. */
  reviewer: z.string().nullable(),
  rules: z.strictObject({
    /** The document as saved (rules.json), or the defaults written out. */
    text: z.string(),
    /** The same, validated, with every default filled in. */
    document: rulesDocumentSchema,
    /** 'default': no rules.json yet; 'file': rules.json; 'invalid-file': rules.json could not be used (see problem): the defaults run. */
    source: z.enum(['default', 'file', 'invalid-file']),
    problem: z.string().nullable(),
    /** Whether the running recorder uses these rules now (false: they apply from the next start). */
    applied: z.boolean(),
  }).readonly(),
}).readonly();

export const alertRequests = {
  /** Alerts in the journal: open first, then escalated, acknowledged, closed; suppressed last; newest first within. */
  'alerts.list': {
    request: z.strictObject({ filter: alertListFilterSchema, limit: z.int().min(1).max(5_000).exactOptional() }),
    response: z.strictObject({ alerts: z.array(surveillanceAlertSchema).readonly(), more: z.boolean() }).readonly(),
  },
  /** One alert with its history (raised, evidence added, reviews, exports) and its evidence located in the journal. */
  'alerts.get': {
    request: z.strictObject({ id: alertId }),
    response: alertDetailSchema.nullable(),
  },
  /** Records a review by the reviewer named in Settings; refused ('rejected') with one sentence saying why. */
  'alerts.review': {
    request: z.strictObject({ id: alertId, to: alertStateSchema, comment: z.string().max(MAX_COMMENT_LENGTH) }),
    response: alertDetailSchema,
  },
  'surveillance.get': {
    request: z.strictObject({}),
    response: surveillanceSettingsSchema,
  },
  'surveillance.setReviewer': {
    request: z.strictObject({ reviewer: z.string().max(MAX_REVIEWER_LENGTH) }),
    response: surveillanceSettingsSchema,
  },
  /** Validates (the engine's schema), numbers it as a new version, saves rules.json and applies it. */
  'surveillance.setRules': {
    request: z.strictObject({ text: z.string().max(256_000) }),
    response: z.union([
      z.strictObject({ saved: z.literal(true), settings: surveillanceSettingsSchema }).readonly(),
      /** field: 'positionLimit.limits[0].contracts' ('' for the document as a whole); message: the one line naming it. */
      z.strictObject({ saved: z.literal(false), field: z.string(), message: z.string() }).readonly(),
    ]),
  },
} as const;

export type SurveillanceAlertWire = z.infer<typeof surveillanceAlertSchema>;
export type AlertHistoryEntryWire = z.infer<typeof alertHistoryEntrySchema>;
export type EvidenceExecutionWire = z.infer<typeof evidenceExecutionSchema>;
export type AlertDetailWire = z.infer<typeof alertDetailSchema>;
export type AlertListFilterWire = z.infer<typeof alertListFilterSchema>;
export type SurveillanceSettingsWire = z.infer<typeof surveillanceSettingsSchema>;
