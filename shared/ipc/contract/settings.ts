// settings.ts — Settings' part of the IPC contract: accounts with their keys' and certificates' public
// facts, the account form, key import/generation and the CA certificate picker. Key material never
// crosses: main opens its own dialogs and keeps the bodies; the wire rules of contract.ts apply (plain JSON, absent = null, decimals as text).
import { z } from 'zod';
import { accountPhaseSchema, accountSummarySchema } from './accounts.ts';
import { accountId, noArguments } from './wire-basics.ts';

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

export const settingsRequests = {
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
} as const;

export type KeyFacts = z.infer<typeof keyFactsSchema>;
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;
export type CertificateFacts = z.infer<typeof certificateFactsSchema>;
export type AccountSettings = z.infer<typeof accountSettingsSchema>;
export type SettingsView = z.infer<typeof settingsViewSchema>;
export type AccountDraft = z.infer<typeof accountDraftSchema>;
