import type { CredenceBridge } from '../../../core/ipc/bridge.ts';
import { createHttpBridge } from './http-bridge.ts';
import { takeLaunchToken, type LaunchEnvironment } from './launch-token.ts';

// One renderer, two transports, chosen once at start-up, before anything renders:
// - `window.credence` already there: Electron's preload (or a test harness) put it there; use it.
// - else, opened from `npm run preview`'s URL (a token in the fragment, or kept in this tab's
//   sessionStorage) on the loopback server: install the HTTP bridge as `window.credence`.
// - else nothing: every call then reports that the app's main program cannot be reached.

export type TransportKind = 'native' | 'http' | 'none';

export interface StartWindow extends LaunchEnvironment {
  credence?: CredenceBridge;
  location: LaunchEnvironment['location'] & Pick<Location, 'protocol' | 'hostname' | 'origin'>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

function hasBridge(win: StartWindow): boolean {
  const bridge = win.credence as Partial<CredenceBridge> | undefined;
  return typeof bridge?.invoke === 'function' && typeof bridge.on === 'function';
}

export function chooseTransport(win: StartWindow = window as unknown as StartWindow): TransportKind {
  if (hasBridge(win)) return 'native';
  // The preview server only ever listens on loopback over plain http.
  if (win.location.protocol !== 'http:' || !LOOPBACK_HOSTS.has(win.location.hostname)) return 'none';
  const token = takeLaunchToken(win);
  if (!token) return 'none';
  Object.defineProperty(win, 'credence', {
    value: createHttpBridge({ origin: win.location.origin, token }),
    writable: false,
    configurable: false,
    enumerable: true,
  });
  return 'http';
}
