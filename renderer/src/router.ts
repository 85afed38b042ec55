import { useSyncExternalStore } from 'react';

// Hash routes: the page is one file served from app:// (and 127.0.0.1 in tests), so the path
// must never change; the hash survives reloads and needs no server-side fallback.
export const routes = ['clients', 'dashboard', 'import', 'accounts', 'transactions', 'bureau', 'whatif', 'plan', 'consent', 'settings'] as const;

/** The pages that need no chosen profile: the roster is where an adviser chooses one. */
export const PROFILELESS_ROUTES: readonly Route[] = ['clients'];
export type Route = (typeof routes)[number];

export const DEFAULT_ROUTE: Route = 'dashboard';

export function isRoute(value: string): value is Route {
  return (routes as readonly string[]).includes(value);
}

export function parseHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0] ?? '';
  return isRoute(name) ? name : DEFAULT_ROUTE;
}

export function hrefFor(route: Route): string {
  return `#/${route}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash));
}

/** The whole hash, for a view that reads its own parameters (the printed plan). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
