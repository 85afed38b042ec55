// The app's own origin. Dependency-free so that main, IPC and tests can share it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'credence';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for `app://credence/...` only. WHATWG URL gives the origin "null" for custom schemes,
 * so protocol and host are compared; `host` includes any port, so `app://credence:1/` fails too.
 */
export function isAppUrl(url: unknown): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The only document the window may (re)load: the entry page, with any query or hash. */
export function isAppEntryUrl(url: unknown): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url as string);
  return pathname === '/' || pathname === '/index.html';
}
