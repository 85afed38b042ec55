import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HARDENED_WEB_PREFERENCES } from '../helpers/hardened-web-preferences.ts';

// A fake `electron`: only what security.ts touches, recording every call.
const fake = vi.hoisted(() => {
  const windows: Array<{ options: any; loadURL: any; once: any; show: any }> = [];
  class BrowserWindow {
    options: any;
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    show = vi.fn();
    webContents = {};
    constructor(options: any) {
      this.options = options;
      windows.push(this);
    }
  }
  return { windows, BrowserWindow };
});

vi.mock('electron', () => ({ BrowserWindow: fake.BrowserWindow, default: { BrowserWindow: fake.BrowserWindow } }));

// Pass-through fs/promises whose reads are recorded, to prove nothing outside the root is read.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = vi.fn(actual.readFile);
  return { ...actual, readFile, default: { ...actual, readFile } };
});

const fsp = await import('node:fs/promises');
const security = await import('../../electron/security.ts');
const {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  createMainWindow,
  hardenApp,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  registerAppScheme,
  resolveAppFile,
  serveApp,
} = security;

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

describe('BrowserWindow', () => {
  it('is created with every hardened webPreference and loads app://credence/index.html', () => {
    createMainWindow('/somewhere/out/preload/index.cjs');
    const window = fake.windows.at(-1)!;
    expect(window.options.webPreferences).toEqual({ preload: '/somewhere/out/preload/index.cjs', ...HARDENED_WEB_PREFERENCES });
    expect(window.loadURL).toHaveBeenCalledWith('app://credence/index.html');
    expect(window.options.show).toBe(false);
    expect(window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });
});

describe('app:// scheme', () => {
  it('is registered privileged: standard, secure, fetch; nothing more', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is handled on the session by the file handler', () => {
    const ses = { protocol: { handle: vi.fn() } };
    serveApp(ses as never, '/root');
    expect(ses.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('exports the agreed CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    expect(security.META_CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP.replace("; frame-ancestors 'none'", ''));
  });
});

describe('app:// protocol handler', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'credence-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Credence</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(join(root, 'assets', 'font.woff2'), 'x');
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
    handler = createAppProtocolHandler(root);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  beforeEach(() => {
    vi.mocked(fsp.readFile).mockClear();
  });

  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  function expectNoReadOutsideRoot() {
    for (const [path] of vi.mocked(fsp.readFile).mock.calls) {
      expect(resolve(String(path)).startsWith(root + sep)).toBe(true);
    }
  }

  it.each([
    ['app://credence/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Credence</title>'],
    ['app://credence/', 'text/html; charset=utf-8', '<!doctype html><title>Credence</title>'],
    ['app://credence/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://credence/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://credence/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://credence/assets/font.woff2', 'font/woff2', 'x'],
  ])('serves %s as %s with the CSP and nosniff headers', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
    // The read spy is live (so the no-read-outside checks below are not vacuous).
    expect(vi.mocked(fsp.readFile)).toHaveBeenCalledTimes(1);
    expectNoReadOutsideRoot();
  });

  it('answers 404 (still with the CSP) for a missing file or a folder', async () => {
    for (const url of ['app://credence/missing.js', 'app://credence/assets']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://credence/index.html', 'POST')).status).toBe(405);
    const head = await get('app://credence/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://credence/../../etc/passwd',
    'app://credence/../secret.txt',
    'app://credence/%2e%2e/secret.txt',
    'app://credence/%2e%2e%2fsecret.txt',
    'app://credence/%2E%2E%2Fsecret.txt',
    'app://credence/assets/..%2f..%2fsecret.txt',
    'app://credence/..%5csecret.txt',
    'app://credence/assets%5c..%5c..%5csecret.txt',
    'app://credence/%5c%5cserver%5cshare',
    'app://credence//etc/passwd',
    'app://credence/%2fetc%2fpasswd',
    'app://credence/C:/Windows/win.ini',
    'app://credence/C:%5cWindows%5cwin.ini',
    'app://credence/index.html%00.js',
    'app://credence/%E0%A4%A',
    'app:///etc/passwd',
    'app://evil/index.html',
    'app://credence.evil/index.html',
    'app://credence:8080/index.html',
    'https://credence/index.html',
    'file:///etc/passwd',
    'app://credence/assets/link.txt',
  ])('refuses %s with a 4xx and reads nothing outside the root', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toContain('TOP SECRET');
    expectNoReadOutsideRoot();
  });

  it('refuses an encoded absolute path to the secret file', async () => {
    const response = await get(`app://credence/${encodeURIComponent(join(base, 'secret.txt'))}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toContain('TOP SECRET');
    expectNoReadOutsideRoot();
  });

  it('resolves only inside the root, refusing encoded traversal before touching the disk', () => {
    expect(resolveAppFile(root, 'app://credence/assets/app.js')).toEqual({ ok: true, file: join(root, 'assets', 'app.js') });
    expect(resolveAppFile(root, 'app://credence/')).toEqual({ ok: true, file: join(root, 'index.html') });
    for (const url of ['app://credence/%2e%2e%2fsecret.txt', 'app://credence/..%5csecret.txt', 'app://other/x', 'app://credence/%00', 'app://user@credence/index.html', 'app://credence/a%2f..%2f..%2fb', 'not a url']) {
      expect(resolveAppFile(root, url).ok).toBe(false);
    }
  });
});

describe('session hardening', () => {
  function fakeSession() {
    const handlers: Record<string, any> = {};
    return {
      handlers,
      setPermissionRequestHandler: vi.fn((h) => (handlers.request = h)),
      setPermissionCheckHandler: vi.fn((h) => (handlers.check = h)),
      setDevicePermissionHandler: vi.fn((h) => (handlers.device = h)),
      webRequest: { onBeforeRequest: vi.fn((h) => (handlers.beforeRequest = h)) },
      on: vi.fn((name, h) => (handlers[name] = h)),
    };
  }

  it('denies every permission request and check, and every device', () => {
    const ses = fakeSession();
    hardenSession(ses as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      ses.handlers.request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.handlers.check({}, permission, 'app://credence', {})).toBe(false);
    }
    expect(ses.handlers.device({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that is not app://credence/ or data:', () => {
    const ses = fakeSession();
    hardenSession(ses as never);
    const decide = (url: string) => {
      const callback = vi.fn();
      ses.handlers.beforeRequest({ url }, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0][0];
    };
    for (const url of [
      'https://example.com/x',
      'http://127.0.0.1:1/',
      'file:///etc/passwd',
      'ws://localhost:5173/',
      'app://evil/index.html',
      'app://credence.example.com/',
      'devtools://devtools/bundled/inspector.html',
      'blob:app://credence/1234',
    ]) {
      expect(decide(url)).toEqual({ cancel: true });
    }
    expect(decide('app://credence/index.html')).toEqual({ cancel: false });
    expect(decide('app://credence/assets/app.js')).toEqual({ cancel: false });
    expect(decide('data:image/png;base64,AAAA')).toEqual({ cancel: false });
    expect(isAllowedRequestUrl('https://example.com/x')).toBe(false);
  });

  it('cancels downloads', () => {
    const ses = fakeSession();
    hardenSession(ses as never);
    const event = { preventDefault: vi.fn() };
    ses.handlers['will-download'](event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('webContents hardening', () => {
  function fakeContents() {
    const listeners: Record<string, Array<(...args: any[]) => void>> = {};
    return {
      listeners,
      on: vi.fn((name: string, listener: (...args: any[]) => void) => {
        (listeners[name] ??= []).push(listener);
      }),
      setWindowOpenHandler: vi.fn(),
      fire(name: string, details: Record<string, unknown>) {
        const event = { ...details, preventDefault: vi.fn() };
        for (const listener of listeners[name] ?? []) listener(event, details.url);
        return event.preventDefault.mock.calls.length > 0;
      },
    };
  }

  it('prevents navigation, frame navigation and redirects away from the app', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html', 'app://credence/other.html', 'javascript:alert(1)']) {
      expect(contents.fire('will-navigate', { url, isMainFrame: true })).toBe(true);
      expect(contents.fire('will-frame-navigate', { url, isMainFrame: true })).toBe(true);
      expect(contents.fire('will-redirect', { url, isMainFrame: true })).toBe(true);
    }
    // Reloading the app's own page is the one navigation allowed; sub-frames never navigate.
    expect(contents.fire('will-navigate', { url: 'app://credence/index.html', isMainFrame: true })).toBe(false);
    expect(contents.fire('will-frame-navigate', { url: 'app://credence/index.html', isMainFrame: false })).toBe(true);
    expect(contents.fire('will-redirect', { url: 'app://credence/index.html', isMainFrame: true })).toBe(true);
  });

  it('denies every new window', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    const handler = contents.setWindowOpenHandler.mock.calls[0][0];
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://credence/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents <webview> attachment', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.fire('will-attach-webview', { url: 'app://credence/index.html' })).toBe(true);
  });

  it('is applied to every webContents the app creates', () => {
    const app = { on: vi.fn() };
    hardenApp(app);
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const contents = fakeContents();
    app.on.mock.calls[0][1]({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(Object.keys(contents.listeners).sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
  });
});
