// socket-frames.ts — how the app harness carries the IPC contract over a WebSocket (JSON text frames):
// the page sends requests with an id, main answers each with the same id and pushes events. The
// payloads inside are exactly the contract's; only this thin envelope is the harness's own.
export const HARNESS_SOCKET_PATH = '/ipc';

export interface SocketRequest {
  readonly id: number;
  readonly channel: string;
  readonly payload: unknown;
}

export type SocketMessage =
  | { readonly kind: 'reply'; readonly id: number; readonly result: unknown }
  | { readonly kind: 'event'; readonly channel: string; readonly payload: unknown };
