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
  return { exposed, listeners, ipcRenderer, contextBridge };
});

vi.mock('electron', () => ({
  contextBridge: fake.contextBridge,
  ipcRenderer: fake.ipcRenderer,
  default: { contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer },
}));

await import('../../electron/preload.ts');
const { EVENT_CHANNEL, REFUSAL_CHANNEL } = await import('../../electron/ipc-wire.ts');

type Bridge = {
  invoke: (channel: string, payload?: unknown, ...rest: unknown[]) => Promise<any>;
  on: (event: string, listener: unknown) => () => void;
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

  it("exposes exactly { invoke, on } under 'credence', once, frozen", () => {
    expect(fake.exposed).toHaveLength(1);
    expect(fake.exposed[0][0]).toBe('credence');
    expect(Object.keys(bridge()).sort()).toEqual(['invoke', 'on']);
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
