// live.ts — the Live view's part of the IPC contract: the snapshot a (re)loaded window draws from and
// the batches pushed after it (executions, statuses, logs, the engine's alerts, surveillance alerts);
// the wire rules of contract.ts apply (plain JSON, absent = null, decimals as text).
import { z } from 'zod';
import { surveillanceAlertSchema } from '../alerts-contract.ts';
import { accountStatusSchema, accountViewSchema } from './accounts.ts';
import { accountId, epochMs, executionRecordSchema, journalPosition, noArguments } from './wire-basics.ts';

/** The most executions a snapshot returns (the Live view keeps fewer). */
export const MAX_SNAPSHOT_EXECUTIONS = 2_000;

export const liveExecutionSchema = z.strictObject({
  accountId,
  position: journalPosition,
  record: executionRecordSchema,
}).readonly();

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

export const liveRequests = {
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
  'demo.status': {
    request: noArguments,
    response: demoStatusSchema,
  },
} as const;

export type LiveExecutionWire = z.infer<typeof liveExecutionSchema>;
export type LogLine = z.infer<typeof logLineSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type DemoStatus = z.infer<typeof demoStatusSchema>;
export type LiveBatch = z.infer<typeof liveBatchSchema>;
export type AppSnapshot = z.infer<(typeof liveRequests)['app.snapshot']['response']>;
