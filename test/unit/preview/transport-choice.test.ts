import { describe, expect, it } from 'vitest';
import type { CredenceBridge } from '../../../core/ipc/bridge.ts';
import { createToken } from '../../../core/preview/token.ts';
import { chooseTransport, type StartWindow } from '../../../renderer/src/transport/choose.ts';
import { takeLaunchToken, TOKEN_STORAGE_KEY, tokenFromHash } from '../../../renderer/src/transport/launch-token.ts';

function fakeWindow(href: string, stored: Record<string, string> = {}) {
  const url = new URL(href);
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const win = {
    location: { hash: url.hash, pathname: url.pathname, search: url.search, protocol: url.protocol, hostname: url.hostname, origin: url.origin },
    history: {
      state: { keep: true },
      replaceState: (_state: unknown, _title: string, next: string) => {
        replaced.push(next);
        win.location.hash = '';
      },
    },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
  } as StartWindow & { location: { hash: string } };
  return { win, storage, replaced };
}

describe('the launch token', () => {
  const token = createToken();

  it('is read from the fragment, kept in sessionStorage and stripped from the address bar', () => {
    const { win, storage, replaced } = fakeWindow(`http://127.0.0.1:5000/?x=1#token=${token}`);
    expect(takeLaunchToken(win)).toBe(token);
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe(token);
    expect(replaced).toEqual(['/?x=1']);
    // After a reload the fragment is gone; the tab's storage still has it.
    expect(takeLaunchToken(win)).toBe(token);
  });

  it('ignores malformed tokens and route fragments', () => {
    expect(tokenFromHash('#token=short')).toBeUndefined();
    expect(tokenFromHash(`#token=${token}x`)).toBeUndefined();
    expect(tokenFromHash('#/import')).toBeUndefined();
    expect(tokenFromHash('')).toBeUndefined();
    const { win, replaced } = fakeWindow('http://127.0.0.1:5000/#/import', { [TOKEN_STORAGE_KEY]: 'not a token' });
    expect(takeLaunchToken(win)).toBeUndefined();
    expect(replaced).toEqual([]);
  });
});

describe('chooseTransport', () => {
  const token = createToken();

  it('keeps the bridge Electron\'s preload (or a test harness) installed', () => {
    const native: CredenceBridge = Object.freeze({ invoke: async () => ({ ok: true, value: {} }), on: () => () => {} }) as never;
    const { win, replaced } = fakeWindow(`http://127.0.0.1:5000/#token=${token}`);
    win.credence = native;
    expect(chooseTransport(win)).toBe('native');
    expect(win.credence).toBe(native);
    expect(replaced).toEqual([]); // the token is not even looked at
  });

  it('installs the HTTP bridge, read-only, when opened from the preview URL', () => {
    const { win } = fakeWindow(`http://127.0.0.1:5000/#token=${token}`);
    expect(chooseTransport(win)).toBe('http');
    expect(typeof win.credence?.invoke).toBe('function');
    expect(typeof win.credence?.on).toBe('function');
    expect(win.location.hash).toBe('');
    expect(() => {
      (win as { credence?: unknown }).credence = { invoke: () => 'replaced' };
    }).toThrow(TypeError);
  });

  it('works on localhost and after a reload (token from this tab\'s storage)', () => {
    const { win } = fakeWindow('http://localhost:5000/', { [TOKEN_STORAGE_KEY]: token });
    expect(chooseTransport(win)).toBe('http');
  });

  it('installs nothing without a token, or anywhere but http on loopback', () => {
    expect(chooseTransport(fakeWindow('http://127.0.0.1:5000/').win)).toBe('none');
    expect(chooseTransport(fakeWindow(`https://127.0.0.1:5000/#token=${token}`).win)).toBe('none');
    expect(chooseTransport(fakeWindow(`http://evil.example:5000/#token=${token}`).win)).toBe('none');
    expect(chooseTransport(fakeWindow(`app://credence/index.html#token=${token}`).win)).toBe('none');
    const none = fakeWindow('http://127.0.0.1:5000/').win;
    chooseTransport(none);
    expect(none.credence).toBeUndefined();
  });
});
