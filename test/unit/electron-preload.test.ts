import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../core/ipc/channel-names.ts';
import { channels, eventNames } from '../../core/ipc/contract.ts';

// A fake `electron` for the preload: contextBridge records what is exposed, ipcRenderer is a
// small emitter whose invoke() is a spy.
const fake = vi.hoisted(() => {
  const exposed: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: { profiles: [] } })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer, senderId: 0 }, ...args);
    },
  };
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.push([key, api])) };
  // Electron's webUtils: the path of a File the user handed over, '' for one made in JS, and a
  // throw for anything that is not a File (as documented for Electron 45).
  const paths = new WeakMap<object, string>();
  const webUtils = {
    getPathForFile: vi.fn((file: unknown) => {
      if (!(file instanceof File)) throw new TypeError('getPathForFile expects a File');
      return paths.get(file) ?? '';
    }),
  };
  return { exposed, listeners, ipcRenderer, contextBridge, webUtils, paths };
});

vi.mock('electron', () => ({
  contextBridge: fake.contextBridge,
  ipcRenderer: fake.ipcRenderer,
  webUtils: fake.webUtils,
  default: { contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer, webUtils: fake.webUtils },
}));

await import('../../electron/preload.ts');
const { EVENT_CHANNEL, FILE_REF_CHANNEL, REFUSAL_CHANNEL } = await import('../../electron/ipc-wire.ts');

type Bridge = {
  invoke: (channel: string, payload?: unknown, ...rest: unknown[]) => Promise<any>;
  on: (event: string, listener: unknown) => () => void;
  holdFile: (file: unknown) => Promise<any>;
};

function bridge(): Bridge {
  return fake.exposed[0][1] as Bridge;
}

describe("the preload's names", () => {
  // The compiler holds the lists to the contract (core/ipc/channel-names.ts); a name listed twice it cannot see.
  it('are the contract channel and event names, each once', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    expect([...CHANNEL_NAMES].sort()).toEqual([...channels].sort());
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
    expect([...EVENT_NAMES].sort()).toEqual([...eventNames].sort());
  });
});

describe('preload', () => {
  beforeEach(() => {
    fake.ipcRenderer.invoke.mockClear();
  });

  it("exposes exactly { invoke, on, holdFile } under 'credence', once, frozen", () => {
    expect(fake.exposed).toHaveLength(1);
    expect(fake.exposed[0][0]).toBe('credence');
    expect(Object.keys(bridge()).sort()).toEqual(['holdFile', 'invoke', 'on']);
    expect(typeof bridge().invoke).toBe('function');
    expect(typeof bridge().on).toBe('function');
    expect(Object.isFrozen(bridge())).toBe(true);
  });

  it('forwards every contract channel with exactly one payload argument', async () => {
    for (const channel of channels) {
      const result = await bridge().invoke(channel, { some: 'payload' }, 'smuggled', 'args');
      expect(result).toEqual({ ok: true, value: { profiles: [] } });
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, { some: 'payload' });
    }
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(channels.length);
  });

  it.each(['profiles.drop', 'credence:event', 'credence:refusal', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'constructor', 'toString', ''])(
    'never invokes the unknown channel %j: main gets only its name, on the refusal channel, and words the refusal',
    async (channel) => {
      const refusal = { ok: false, error: { code: 'ipc.unknown_channel', message: { 'zh-CN': '…', en: '…' }, details: { channel } } };
      fake.ipcRenderer.invoke.mockResolvedValueOnce(refusal as never);
      const result = await bridge().invoke(channel, { some: 'payload' });
      expect(result).toEqual(refusal);
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(REFUSAL_CHANNEL, channel);
    },
  );

  it('sends main only the type of a channel name that is not a string, never running its toString', async () => {
    const toString = vi.fn(() => 'app.info');
    for (const [channel, sent] of [[undefined, 'undefined'], [null, 'object'], [42, 'number'], [{ toString }, 'object']] as const) {
      await bridge().invoke(channel as never, {});
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(REFUSAL_CHANNEL, sent);
    }
    expect(toString).not.toHaveBeenCalled();
  });

  it('refuses unknown events and non-function listeners by throwing', () => {
    for (const event of ['app.evil', 'credence:event', '__proto__', 'app.info']) {
      expect(() => bridge().on(event, () => {})).toThrow(/Unknown event/);
    }
    expect(() => bridge().on(eventNames[0], 'not a function')).toThrow(TypeError);
    expect(fake.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('passes listeners only the payload of their own event, and unsubscribes', () => {
    const listener = vi.fn();
    const off = bridge().on('app.notice', listener);
    expect(typeof off).toBe('function');
    const payload = { message: { 'zh-CN': '通知', en: 'Notice' } };
    fake.ipcRenderer.emit(EVENT_CHANNEL, 'app.notice', payload);
    fake.ipcRenderer.emit(EVENT_CHANNEL, 'other.event', { not: 'for you' });
    expect(listener).toHaveBeenCalledTimes(1);
    // Only the payload: the IpcRendererEvent (with its sender) never reaches the page.
    expect(listener.mock.calls[0]).toEqual([payload]);
    off();
    off();
    fake.ipcRenderer.emit(EVENT_CHANNEL, 'app.notice', payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.listeners.get(EVENT_CHANNEL)?.size ?? 0).toBe(0);
  });
});

describe('preload: a file the page was handed', () => {
  beforeEach(() => {
    fake.ipcRenderer.invoke.mockClear();
  });

  /** A File as a drop gives it: backed by a file on disk at `path`. */
  const onDisk = (name: string, path: string) => {
    const file = new File(['x'], name);
    fake.paths.set(file, path);
    return file;
  };

  it('sends main only its path, on the file-ref channel, and gives the page main\'s answer', async () => {
    const held = { ok: true, value: { name: '支付宝交易明细.csv', fileRef: 'dropped:1b4e28ba-2fa1-11d2-883f-0016d3cca427', size: 1 } };
    fake.ipcRenderer.invoke.mockResolvedValueOnce(held as never);
    const answer = await bridge().holdFile(onDisk('支付宝交易明细.csv', '/home/u/Downloads/支付宝交易明细.csv'));
    expect(answer).toEqual(held);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(FILE_REF_CHANNEL, '/home/u/Downloads/支付宝交易明细.csv');
  });

  it.each([
    ['a File made by the page (no file on disk)', () => new File(['a,b'], 'made.csv')],
    ['a file not named as a bill', () => onDisk('id_ed25519', '/home/u/.ssh/id_ed25519')],
    ['a document', () => onDisk('notes.pdf', '/home/u/notes.pdf')],
    ['something that is not a File', () => ({ name: 'x.csv', path: '/etc/passwd.csv' })],
    ['a Blob', () => new Blob(['a,b'])],
  ])('answers null for %s and asks main nothing: its bytes go in the request as before', async (_label, make) => {
    expect(await bridge().holdFile(make())).toBeNull();
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});
