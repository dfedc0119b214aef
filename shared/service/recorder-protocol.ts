// recorder-protocol.ts — the messages between the recorder running in a worker thread and its host
// (Electron's main): calls with a sequence number and their results, the service's events, and the
// one thing the worker must ask for, a Logon signature (the private key never leaves the host).
// Readonly tagged unions, in the shape of Signal's WorkerRequest / WrappedWorkerResponse.
import type { LogonSignatureFields } from './logon-signature-fields.ts';
import type { RecorderMethod } from './recorder-api.ts';
import type { ServiceEvent } from './service-events.ts';

export type HostToWorker =
  | { readonly kind: 'call'; readonly seq: number; readonly method: RecorderMethod; readonly args: readonly unknown[] }
  | { readonly kind: 'signed'; readonly id: number; readonly signature: string }
  | { readonly kind: 'sign-failed'; readonly id: number; readonly message: string };

/** An error as it crosses the thread: its class name (to rebuild a typed error) and its sentence. */
export interface WireError {
  readonly name: string;
  readonly message: string;
}

export type WorkerToHost =
  | { readonly kind: 'ready' }
  | { readonly kind: 'result'; readonly seq: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'result'; readonly seq: number; readonly ok: false; readonly error: WireError }
  | { readonly kind: 'event'; readonly event: ServiceEvent }
  | { readonly kind: 'sign'; readonly id: number; readonly apiKeyId: string; readonly fields: LogonSignatureFields };

export function toWireError(error: unknown): WireError {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}
