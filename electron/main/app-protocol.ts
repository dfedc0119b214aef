// app-protocol.ts — the renderer is served from `app://fillwatch/…` instead of file:// (a real origin
// for the CSP and the IPC sender check; no access to the rest of the disk), every response carrying
// security.ts's headers.
import { readFile } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import { resolveRendererFile } from './renderer-files.ts';
import { APP_HOST, APP_SCHEME, securityHeaders } from './security.ts';

/** Must be registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
];

export async function rendererResponse(rendererDir: string, requestUrl: string, csp: string): Promise<Response> {
  const url = new URL(requestUrl);
  const file = url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : undefined;
  if (file === undefined) return new Response('Not found', { status: 404, headers: securityHeaders(csp) });
  return new Response(await readFile(file.path), { status: 200, headers: { ...securityHeaders(csp), 'content-type': file.contentType } });
}
