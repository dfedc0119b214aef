// ipc-door.ts — the one door every renderer request comes through, whatever carries it (Electron's
// ipcMain or the harness's WebSocket): the sender first (our own page, main frame), then the channel,
// then the payload against the contract's zod schema; only then the handler. The answer is always the
// contract's envelope, never a throw (Electron would pass only the message across), and main checks
// its own answer against the response schema too, so a shape change fails here, loudly, not on screen.
import { z } from 'zod';
import {
  IPC_PREFIX, requests, type IpcErrorKind, type IpcResult, type RequestName, type RequestOf, type ResponseOf,
} from '../../../shared/ipc/contract.ts';

/** Who sent a request, as the transport knows it. */
export interface IpcSender {
  /** The sending frame's URL (Electron) or the page origin (the harness's WebSocket); null when unknown. */
  readonly url: string | null;
  readonly isMainFrame: boolean;
}

export type SenderPolicy = (sender: IpcSender) => boolean;

export type RequestHandlers = {
  readonly [N in RequestName]: (payload: RequestOf<N>) => ResponseOf<N> | Promise<ResponseOf<N>>;
};

/** A handler's refusal with a kind the renderer can act on (e.g. 'not-found'). */
export class IpcRequestError extends Error {
  override readonly name = 'IpcRequestError';
  readonly kind: IpcErrorKind;
  constructor(kind: IpcErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/**
 * 'app://fillwatch' for 'app://fillwatch/index.html'. Computed by hand because WHATWG URL gives
 * non-special schemes (our custom protocol) the opaque origin 'null'.
 */
export function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Trusts the main frame of pages served from exactly these origins. */
export function trustOrigins(origins: readonly string[]): SenderPolicy {
  const trusted = new Set(origins);
  return (sender) => sender.isMainFrame && trusted.has(originOf(sender.url) ?? '');
}

export interface IpcDoorOptions {
  /** Told about every refused or failed request (security events go to main's log). */
  readonly onRefused?: (channel: string, kind: IpcErrorKind, message: string) => void;
}

const refuse = (kind: IpcErrorKind, message: string): IpcResult<never> => ({ ok: false, error: { kind, message } });

export class IpcDoor {
  readonly #handlers: RequestHandlers;
  readonly #isTrusted: SenderPolicy;
  readonly #options: IpcDoorOptions;

  constructor(handlers: RequestHandlers, isTrusted: SenderPolicy, options: IpcDoorOptions = {}) {
    this.#handlers = handlers;
    this.#isTrusted = isTrusted;
    this.#options = options;
  }

  async handle(channel: string, sender: IpcSender, payload: unknown): Promise<IpcResult<unknown>> {
    const result = await this.#answer(channel, sender, payload);
    if (!result.ok) this.#options.onRefused?.(channel, result.error.kind, result.error.message);
    return result;
  }

  async #answer(channel: string, sender: IpcSender, payload: unknown): Promise<IpcResult<unknown>> {
    if (!this.#isTrusted(sender)) return refuse('forbidden-sender', `Refused: the request did not come from Fillwatch's own window (${originOf(sender.url) ?? 'unknown origin'}${sender.isMainFrame ? '' : ', a sub-frame'}).`);
    const name = requestName(channel);
    if (name === undefined) return refuse('unknown-request', `There is no request "${channel}".`);
    const contract = requests[name];
    const parsed = contract.request.safeParse(payload ?? {});
    if (!parsed.success) return refuse('invalid-payload', `${name}: ${z.prettifyError(parsed.error)}`);
    let value: unknown;
    try {
      const handler = this.#handlers[name] as (p: unknown) => unknown;
      value = await handler(parsed.data);
    } catch (error) {
      if (error instanceof IpcRequestError) return refuse(error.kind, error.message);
      return refuse('failed', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const checked = contract.response.safeParse(value);
    if (!checked.success) return refuse('failed', `${name} produced an answer that breaks the IPC contract: ${z.prettifyError(checked.error)}`);
    return { ok: true, value: checked.data };
  }
}

function requestName(channel: string): RequestName | undefined {
  if (!channel.startsWith(IPC_PREFIX)) return undefined;
  const name = channel.slice(IPC_PREFIX.length);
  return Object.hasOwn(requests, name) ? (name as RequestName) : undefined;
}
