import { BrowserWindow, type App, type Protocol, type Session, type WebContents } from 'electron';
// The module object, read at call time, so Electron's asar support for fs.promises applies.
import fsp from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY as SHARED_CSP } from '../core/security/csp.ts';
import { contentTypeFor, resolveStaticPath } from '../core/security/static-files.ts';
import { APP_ENTRY_URL, APP_SCHEME, isAppEntryUrl, isAppUrl } from './app-url.ts';

// Hardening of the main process, after the Electron security checklist
// (https://www.electronjs.org/docs/latest/tutorial/security). Each function is small and is
// composed by main.ts; test/unit/electron-security.test.ts asserts every setting.

/** Sent as a response header with every app:// response (the one policy, from core/security/csp.ts). */
export const CONTENT_SECURITY_POLICY = SHARED_CSP;

/** The same policy as renderer/index.html's meta tag carries it: `frame-ancestors` is ignored in meta. */
export const META_CONTENT_SECURITY_POLICY = SHARED_CSP.split(';')
  .map((directive) => directive.trim())
  .filter((directive) => directive !== '' && !directive.startsWith('frame-ancestors'))
  .join('; ');

/** Must run before `app` is ready: app:// behaves like https (standard, secure origin, fetch). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

// ---------------------------------------------------------------------------------------------
// app://credence/ → files under the renderer root

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export type AppFileResolution = { ok: true; file: string } | { ok: false; status: 400 | 403 };

/**
 * Maps an app:// URL to a file under `root`, or refuses it. The URL must be app://credence/ with no
 * credentials or port; its path then goes through the shared guard in core/security/static-files.ts
 * (decoding, then refusing `..` in any encoding, backslashes, NUL, absolute and drive paths).
 */
export function resolveAppFile(root: string, requestUrl: string): AppFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (!isAppUrl(url.href)) return { ok: false, status: 403 };
  const file = resolveStaticPath(root, url.pathname);
  return file === undefined ? { ok: false, status: 403 } : { ok: true, file };
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function refusal(status: number): Response {
  const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' }[status] ?? 'Error';
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The `protocol.handle('app', …)` handler: GET/HEAD of files inside `root`, with the strict CSP. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const base = resolve(root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const target = resolveAppFile(base, request.url);
    if (!target.ok) return refusal(target.status);
    try {
      // Symlinks must not lead out of the root either.
      const [realBase, realFile] = await Promise.all([fsp.realpath(base), fsp.realpath(target.file)]);
      if (!isInside(realBase, realFile)) return refusal(403);
      if (!(await fsp.stat(realFile)).isFile()) return refusal(404);
      const body = request.method === 'HEAD' ? null : new Uint8Array(await fsp.readFile(realFile));
      return new Response(body, { status: 200, headers: securityHeaders(contentTypeFor(realFile)) });
    } catch {
      return refusal(404);
    }
  };
}

/** Serves the renderer from `root` on the session's app:// scheme. */
export function serveApp(ses: Pick<Session, 'protocol'>, root: string): void {
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}

// ---------------------------------------------------------------------------------------------
// Session: no permissions, no devices, no downloads, no requests outside the app

/** The renderer may load its own files and data: images; everything else is cancelled. */
export function isAllowedRequestUrl(url: string): boolean {
  return isAppUrl(url) || url.startsWith('data:');
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  ses.on('will-download', (event) => event.preventDefault());
}

// ---------------------------------------------------------------------------------------------
// Every webContents: no navigation away, no new windows, no <webview>

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppEntryUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppEntryUrl(event.url)) event.preventDefault();
  });
  // app:// never redirects, so any redirect is unexpected.
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies `hardenWebContents` to every webContents the app ever creates, windows or otherwise. */
export function hardenApp(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

// ---------------------------------------------------------------------------------------------
// The window

/** The only window: sandboxed, context-isolated, no Node, loading app://credence/index.html. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Credence',
    webPreferences: {
      preload: preloadPath,
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
      spellcheck: false,
      safeDialogs: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
