// session.ts — the Session view's part of the IPC contract: each account's connections with their
// counters, and the messages kept raw because they could not be read; the wire rules of contract.ts apply (plain JSON, absent = null, decimals as text).
import { z } from 'zod';
import { accountPhaseSchema, accountStatusSchema } from './accounts.ts';
import { accountId, epochMs, noArguments } from './wire-basics.ts';

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

export const sessionRequests = {
  /** Every account's connections as the Session view shows them (read from the engine now). */
  'session.get': {
    request: noArguments,
    response: z.array(accountSessionSchema).readonly(),
  },
} as const;

export type ConnectionStatsWire = z.infer<typeof connectionStatsSchema>;
export type AccountSessionWire = z.infer<typeof accountSessionSchema>;
export type UndecodableNoticeWire = z.infer<typeof undecodableNoticeSchema>;
