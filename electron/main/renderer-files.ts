// renderer-files.ts — which file of the built renderer a URL path means, or none: only files inside
// the renderer's folder (no `..`, no encoded escapes, no dotfiles), with their content type. Shared by
// the app:// protocol handler and the harness's HTTP server, so both serve exactly the same files.
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface RendererFile {
  readonly path: string;
  readonly contentType: string;
}

export function resolveRendererFile(root: string, pathname: string): RendererFile | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const path = resolve(join(base, relative));
  if (!path.startsWith(base + sep)) return undefined;
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
  if (contentType === undefined || !existsSync(path) || !statSync(path).isFile()) return undefined;
  return { path, contentType };
}
