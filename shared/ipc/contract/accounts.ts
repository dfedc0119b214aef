// accounts.ts — what any view may know of an account: its phase and status (the status strip), and
// its public summary (names and where it connects, nothing secret); the wire rules of contract.ts apply (plain JSON, absent = null, decimals as text).
import { z } from 'zod';
import { accountId, epochMs } from './wire-basics.ts';

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

export type AccountPhaseWire = z.infer<typeof accountPhaseSchema>;
export type AccountStatusWire = z.infer<typeof accountStatusSchema>;
export type AccountSummary = z.infer<typeof accountSummarySchema>;
export type AccountView = z.infer<typeof accountViewSchema>;
