// bridge.ts — the app harness's stand-in for the preload: it builds the same `window.fillwatch` (from
// shared/ipc/fillwatch-api.ts) over a WebSocket to the harness, which answers through the same IpcDoor
// as Electron's main. Served only by the harness, before the app's own script; the app's bundle never
// includes it. If the socket drops it reconnects; the batches' numbers tell the app to resync.
import { createFillwatchApi, type IpcTransport } from '../../shared/ipc/fillwatch-api.ts';
import { HARNESS_SOCKET_PATH, type SocketMessage, type SocketRequest } from '../../shared/ipc/socket-frames.ts';

const RECONNECT_MS = 1_000;

function socketTransport(url: string): IpcTransport {
  const pending = new Map<number, (result: unknown) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queued: string[] = [];
  let nextId = 1;
  let socket: WebSocket;

  const connect = () => {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      for (const frame of queued.splice(0)) socket.send(frame);
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as SocketMessage;
      if (message.kind === 'reply') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        for (const listener of listeners.get(message.channel) ?? []) listener(message.payload);
      }
    });
    socket.addEventListener('close', () => {
      const failed = { ok: false, error: { kind: 'failed', message: 'The connection to the harness closed.' } };
      for (const resolve of pending.values()) resolve(failed);
      pending.clear();
      setTimeout(connect, RECONNECT_MS);
    });
  };
  connect();

  return {
    invoke: (channel, payload) => new Promise((resolve) => {
      const request: SocketRequest = { id: nextId++, channel, payload };
      pending.set(request.id, resolve);
      const frame = JSON.stringify(request);
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      else queued.push(frame);
    }),
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => void set.delete(listener);
    },
  };
}

Object.defineProperty(window, 'fillwatch', {
  value: createFillwatchApi(socketTransport(`ws://${location.host}${HARNESS_SOCKET_PATH}`)),
  enumerable: true,
});
