// security.ts — the one file a security reviewer reads: what every window and its session may do.
// Windows run sandboxed with context isolation, no Node, web security on; the page comes from our own
// `app://fillwatch` protocol under a strict Content-Security-Policy (the harness serves the same
// one); navigation, new windows, webviews, permission requests and downloads are all refused; links
// open in the system browser only for an allow-list of Kalshi hosts. No `electron` import at runtime:
// main's glue passes the objects in, and tests pass doubles.
import type { Session, Shell, WebContents, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fillwatch';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

/**
 * Scripts, styles, fonts and images only from our own origin; no inline script or style, no eval, no
 * plugins, no framing, no forms. `connectSrc` adds the harness's WebSocket (Electron needs none).
 */
export function contentSecurityPolicy(options: { readonly connectSrc?: readonly string[] } = {}): string {
  const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...(options.connectSrc ?? [])]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Headers every page and asset of ours is served with (Electron protocol and harness alike). */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['kalshi.com', 'www.kalshi.com', 'docs.kalshi.com', 'demo.kalshi.co', 'help.kalshi.com']);

/** Only https links to Kalshi's own pages may leave the app (to the system browser). */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

export type WebContentsToHarden = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;
export type SessionToHarden = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'>;
export type OpenExternal = Shell['openExternal'];

/** Called for every WebContents the app creates (app 'web-contents-created'), windows or not. */
export function hardenWebContents(contents: WebContentsToHarden, openExternal: OpenExternal): void {
  const openIfAllowed = (url: string) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
  };
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  // The app is one page: any navigation is refused (a reload is not a navigation and still works).
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openIfAllowed(event.url);
  });
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission (camera, notifications-by-web-API, clipboard read, USB …) is refused. */
export function hardenSession(session: SessionToHarden): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
