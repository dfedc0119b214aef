// envelope.ts — the {ok, value} | {ok: false, error} envelope every answer travels in, and the
// closed list of error kinds.
import { z } from 'zod';

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
