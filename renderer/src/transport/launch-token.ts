// The preview server's token reaches the page in the printed URL's fragment
// (http://127.0.0.1:PORT/#token=…), which a browser never sends to a server, in a request line or
// a Referer. At start the page takes it from there, keeps it in sessionStorage (this tab only, so a
// reload still works) and removes it from the address bar and the history entry.

export const TOKEN_STORAGE_KEY = 'credence.previewToken';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface LaunchEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** The token from `#token=…` in the fragment, if it has a well-formed one. */
export function tokenFromHash(hash: string): string | undefined {
  if (!hash.startsWith('#token=')) return undefined;
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  return TOKEN_PATTERN.test(token) ? token : undefined;
}

/**
 * Takes the token from the fragment (stripping it from the address bar) or, after a reload, from
 * sessionStorage. Undefined when the page was not opened from the preview server's URL.
 */
export function takeLaunchToken(env: LaunchEnvironment): string | undefined {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash) {
    // Out of the address bar and this history entry before anything renders (the hash router then sees no route: the dashboard).
    env.history.replaceState(env.history.state, '', env.location.pathname + env.location.search);
    try {
      env.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage disabled: the token still serves this page until it is reloaded.
    }
    return fromHash;
  }
  let stored: string | null = null;
  try {
    stored = env.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    stored = null;
  }
  return stored !== null && TOKEN_PATTERN.test(stored) ? stored : undefined;
}
