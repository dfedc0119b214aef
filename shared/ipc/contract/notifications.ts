// notifications.ts — the notifications' part of the IPC contract: the rules the user set, a shown
// notification and what its click opens; the wire rules of contract.ts apply (plain JSON, absent = null, decimals as text).
import { z } from 'zod';
import type { NotificationRules } from '../../notifications/notification-rules.ts';
import { accountId, decimalText, epochMs, journalPosition, noArguments } from './wire-basics.ts';

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

export const notificationRequests = {
  'notifications.getRules': {
    request: noArguments,
    response: notificationRulesSchema,
  },
  /** Replaces the rules; answers with the rules now in force (saved before answering). */
  'notifications.setRules': {
    request: z.strictObject({ rules: notificationRulesSchema }),
    response: notificationRulesSchema,
  },
} as const;

export type NotificationRulesWire = z.infer<typeof notificationRulesSchema>;
export type NotificationWire = z.infer<typeof notificationSchema>;
export type NotificationTargetWire = z.infer<typeof notificationTargetSchema>;
