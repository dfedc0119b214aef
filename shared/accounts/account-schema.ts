// account-schema.ts — the runtime schema of an AccountConfig, for the one place it is read back from
// disk (main's accounts.json): a hand-edited or half-migrated file is refused field by field, never
// half-trusted. The compile-time guard keeps it identical to the AccountConfig type.
import { z } from 'zod';
import type { AccountConfig } from './account-config.ts';

const endpoint = { host: z.string().min(1).max(253), port: z.int().min(1).max(65_535) };

export const accountConfigSchema = z.strictObject({
  id: z.string().min(1).max(200),
  label: z.string().min(1).max(80),
  apiKeyId: z.string().min(1).max(200),
  environment: z.enum(['production', 'demo', 'custom']),
  listener: z.strictObject({ ...endpoint, target: z.enum(['KalshiRT', 'KalshiNR']) }).readonly(),
  dropCopy: z.strictObject(endpoint).readonly().exactOptional(),
  tls: z.strictObject({
    caPem: z.string().max(65_536).exactOptional(),
    pinnedSha256: z.array(z.string().min(1).max(200)).readonly().exactOptional(),
    servername: z.string().min(1).max(253).exactOptional(),
  }).readonly().exactOptional(),
  session: z.strictObject({
    heartBtIntSec: z.int().min(1).max(300).exactOptional(),
    useDollars: z.boolean().exactOptional(),
    receiveSettlementReports: z.boolean().exactOptional(),
    skipPendingTag: z.union([z.literal(21011), z.literal(21003)]).exactOptional(),
    retentionHours: z.int().min(1).exactOptional(),
    sendRawDataLength: z.boolean().exactOptional(),
  }).readonly().exactOptional(),
}).readonly();

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaIsTheType: Same<z.infer<typeof accountConfigSchema>, AccountConfig> = true;
