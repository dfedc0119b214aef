// harness-server.ts — the app harness's transport: an HTTP server on 127.0.0.1 serving the built
// renderer (renderer-files.ts, the same files app:// serves) with the same security headers and CSP
// (plus this server's own WebSocket in connect-src), the bridge script injected before the app's, and a
// WebSocket on /ipc that carries the IPC contract into the same IpcDoor Electron's main uses. Only
// requests whose Host is this server and whose Origin is this page are served (no DNS rebinding, no
// other site's page talking to the recorder).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Disposable, Event } from '../../shared/events/emitter.ts';
import { eventChannel, type ExportProgressWire, type LiveBatch, type NotificationWire } from '../../shared/ipc/contract.ts';
import { HARNESS_SOCKET_PATH, type SocketMessage, type SocketRequest } from '../../shared/ipc/socket-frames.ts';
import { IpcDoor, trustOrigins, type RequestHandlers } from '../main/ipc/ipc-door.ts';
import { resolveRendererFile } from '../main/renderer-files.ts';
import { contentSecurityPolicy, securityHeaders } from '../main/security.ts';

export interface HarnessServerOptions {
  readonly port: number;
  readonly rendererDir: string;
  readonly bridgeFile: string;
  readonly handlers: RequestHandlers;
  readonly onBatch: Event<LiveBatch>;
  /** Notifications for the page's toast log (the harness has no desktop to show them on). */
  readonly onNotification?: Event<NotificationWire>;
  /** What main serves changed as a whole: pages take a fresh snapshot. */
  readonly onResync?: Event<{ reason: string }>;
  /** History exports' progress. */
  readonly onExportProgress?: Event<ExportProgressWire>;
  readonly log?: (line: string) => void;
}

export interface HarnessServer {
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const BRIDGE_PATH = '/harness/bridge.js';
const MAX_FRAME_BYTES = 1 << 20;

export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const log = options.log ?? (() => {});
  const http = createServer();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, HOST, () => { http.off('error', reject); resolve(); });
  });
  const { port } = http.address() as AddressInfo;
  const origin = `http://${HOST}:${port}`;
  const hostHeader = `${HOST}:${port}`;
  const csp = contentSecurityPolicy({ connectSrc: [`ws://${hostHeader}`] });
  const headers = securityHeaders(csp);
  const door = new IpcDoor(options.handlers, trustOrigins([origin]), {
    onRefused: (channel, kind, message) => log(`IPC ${channel} refused (${kind}): ${message}`),
  });
  const indexHtml = injectBridge(readFileSync(`${options.rendererDir}/index.html`, 'utf8'));

  http.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void serveFile(request, response).catch(() => { if (!response.headersSent) response.writeHead(500, headers); response.end(); });
  });
  async function serveFile(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== hostHeader) return void response.writeHead(421, headers).end('Misdirected request');
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, headers).end();
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path === '/' || path === '/index.html') return send(response, 'text/html; charset=utf-8', indexHtml);
    if (path === BRIDGE_PATH) return send(response, 'text/javascript; charset=utf-8', await readFile(options.bridgeFile));
    const file = resolveRendererFile(options.rendererDir, path);
    if (file === undefined) return void response.writeHead(404, headers).end('Not found');
    return send(response, file.contentType, await readFile(file.path));
  }
  function send(response: ServerResponse, contentType: string, body: string | Buffer): void {
    response.writeHead(200, { ...headers, 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  http.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path !== HARNESS_SOCKET_PATH || request.headers.host !== hostHeader || request.headers.origin !== origin) {
      log(`refused a WebSocket from origin ${request.headers.origin ?? 'none'} to ${path}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, request.headers.origin ?? null));
  });
  function serveSocket(ws: WebSocket, pageOrigin: string | null): void {
    // A browser sets Origin itself; a page can only be framed by us (CSP frame-ancestors 'none').
    const sender = { url: pageOrigin, isMainFrame: true };
    ws.on('message', (data, isBinary) => {
      const request = isBinary ? undefined : parseRequest(data.toString());
      if (request === undefined) return void ws.close(1003, 'Expected a JSON request frame');
      void door.handle(request.channel, sender, request.payload).then((result) => {
        const reply: SocketMessage = { kind: 'reply', id: request.id, result };
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
    });
  }

  const broadcast = (channel: string, payload: unknown) => {
    const frame = JSON.stringify({ kind: 'event', channel, payload } satisfies SocketMessage);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(frame);
  };
  const batches: Disposable = options.onBatch((batch) => broadcast(eventChannel('live.batch'), batch));
  const notifications: Disposable | undefined = options.onNotification?.((n) => broadcast(eventChannel('notifications.shown'), n));
  const resyncs: Disposable | undefined = options.onResync?.((r) => broadcast(eventChannel('app.resync'), r));
  const exports: Disposable | undefined = options.onExportProgress?.((p) => broadcast(eventChannel('history.exportProgress'), p));

  return {
    url: `${origin}/`,
    origin,
    close: async () => {
      batches.dispose();
      notifications?.dispose();
      resyncs?.dispose();
      exports?.dispose();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** The bridge must define window.fillwatch before the app's module runs: module scripts run in order. */
function injectBridge(html: string): string {
  const at = html.indexOf('<script');
  if (at < 0) throw new Error('The built index.html has no <script>: is out/renderer a renderer build?');
  return `${html.slice(0, at)}<script type="module" src="${BRIDGE_PATH}"></script>\n    ${html.slice(at)}`;
}

function parseRequest(text: string): SocketRequest | undefined {
  try {
    const value = JSON.parse(text) as Partial<SocketRequest>;
    return typeof value === 'object' && value !== null && Number.isSafeInteger(value.id) && typeof value.channel === 'string'
      ? { id: value.id!, channel: value.channel, payload: value.payload }
      : undefined;
  } catch {
    return undefined;
  }
}
