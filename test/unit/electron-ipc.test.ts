import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, eventNames } from '../../core/ipc/contract.ts';
import { createHandlers } from '../../core/ipc/handlers.ts';
import { createDispatch, type Handlers } from '../../core/ipc/registry.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { createEmitter, isTrustedSender, registerIpc } from '../../electron/ipc.ts';
import { EVENT_CHANNEL, REFUSAL_CHANNEL } from '../../electron/ipc-wire.ts';

// ipc.ts imports only types from electron; nothing here may load the real module.
vi.mock('electron', () => {
  throw new Error('electron must not be loaded by electron/ipc.ts');
});

type Listener = (event: unknown, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: vi.fn((channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}

interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
}

const appFrame = (): FakeFrame => ({ url: 'app://credence/index.html', processId: 7, routingId: 1, parent: null });

function eventFrom(senderFrame: FakeFrame | null, mainFrame: FakeFrame = senderFrame ?? appFrame()) {
  return { sender: { mainFrame }, senderFrame };
}

describe('registerIpc', () => {
  let dataDir: string;
  let store: ProfileStore;
  let ipcMain: ReturnType<typeof fakeIpcMain>;
  let spies: Record<string, ReturnType<typeof vi.fn>>;
  let dispatchSpy: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'credence-ipc-'));
    store = new ProfileStore(dataDir);
    const real = createHandlers({ store, dataDir, version: '0.1.0', transport: 'electron', emit: () => {} });
    spies = Object.fromEntries(Object.entries(real).map(([name, fn]) => [name, vi.fn(fn as (...a: unknown[]) => unknown)]));
    const dispatch = createDispatch(spies as unknown as Handlers);
    dispatchSpy = vi.fn(dispatch);
    ipcMain = fakeIpcMain();
    registerIpc(ipcMain, dispatchSpy as never);
  });

  afterEach(() => {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (channel: string, event: unknown, ...args: unknown[]) => ipcMain.handlers.get(channel)!(event, ...args);

  it('registers exactly the contract channels and the refusal channel, each once', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels, REFUSAL_CHANNEL].sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(channels.length + 1);
  });

  it('answers a name the preload refused with ipc.unknown_channel in both languages, from main', async () => {
    // The preload sends a name outside the contract as data (electron/preload.ts); main words the refusal.
    const refused = (await call(REFUSAL_CHANNEL, eventFrom(appFrame()), 'fs.readFile')) as any;
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'ipc.unknown_channel',
        message: { 'zh-CN': '未知的请求通道 fs.readFile。', en: 'Unknown request channel fs.readFile.' },
        details: { channel: 'fs.readFile' },
      },
    });
    const odd = (await call(REFUSAL_CHANNEL, eventFrom(appFrame()), { toString: () => 'app.info' })) as any;
    expect(odd.error.details).toEqual({ channel: 'object' });
    const long = (await call(REFUSAL_CHANNEL, eventFrom(appFrame()), 'x'.repeat(5000))) as any;
    expect(long.error.details.channel).toHaveLength(200);
    expect(dispatchSpy).not.toHaveBeenCalled();
    const foreign = (await call(REFUSAL_CHANNEL, eventFrom({ ...appFrame(), url: 'https://evil.example/' }), 'x')) as any;
    expect(foreign.error.code).toBe('ipc.forbidden_sender');
  });

  it('can remove every handler again', () => {
    const ipc = fakeIpcMain();
    const dispose = registerIpc(ipc, dispatchSpy as never);
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('gives the main frame of the app page the dispatch result', async () => {
    const created = (await call('profiles.create', eventFrom(appFrame()), { name: 'Alice' })) as any;
    expect(created.ok).toBe(true);
    expect(created.value.profile.name).toBe('Alice');
    const listed = (await call('profiles.list', eventFrom(appFrame()), {})) as any;
    // A new profile's roster line: no client details yet, never imported, no plan.
    const client = { details: { phone: null, tags: [], notes: '', archivedAt: null }, lastImportAt: null, nextAction: null };
    expect(listed).toEqual({ ok: true, value: { profiles: [{ ...created.value.profile, client }] } });
    const info = (await call('app.info', eventFrom(appFrame()), {})) as any;
    expect(info).toEqual({ ok: true, value: { version: '0.1.0', dataDir, transport: 'electron' } });
  });

  it('returns ipc.invalid_request for a payload that breaks the contract', async () => {
    for (const [channel, payload] of [
      ['profiles.create', { name: 42 }],
      ['profiles.create', {}],
      ['profiles.create', { name: 'x', extra: true }],
      ['profiles.delete', { id: '../../etc/passwd' }],
      ['profiles.list', 'not an object'],
    ] as const) {
      const result = (await call(channel, eventFrom(appFrame()), payload)) as any;
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('ipc.invalid_request');
      expect(result.error.message.en).toMatch(/^Invalid request/);
      expect(result.error.message['zh-CN']).toBeTruthy();
    }
    expect(spies['profiles.create']).not.toHaveBeenCalled();
    expect(spies['profiles.delete']).not.toHaveBeenCalled();
  });

  it('passes only the first argument on', async () => {
    await call('profiles.list', eventFrom(appFrame()), {}, { smuggled: true });
    expect(dispatchSpy).toHaveBeenCalledWith('profiles.list', {});
  });

  const subFrame = (): FakeFrame => ({ ...appFrame(), routingId: 2, parent: appFrame() });
  const refusedSenders: Array<[string, () => unknown]> = [
    ['no frame (navigated away or destroyed)', () => eventFrom(null, appFrame())],
    ['a sub-frame on the app origin', () => eventFrom(subFrame(), appFrame())],
    ['a sub-frame on another origin', () => eventFrom({ ...subFrame(), url: 'https://evil.example/' }, appFrame())],
    ['the main frame on https', () => eventFrom({ ...appFrame(), url: 'https://example.com/index.html' })],
    ['the main frame on file://', () => eventFrom({ ...appFrame(), url: 'file:///opt/credence/out/renderer/index.html' })],
    ['the main frame on another app host', () => eventFrom({ ...appFrame(), url: 'app://evil/index.html' })],
    ['the main frame on a look-alike host', () => eventFrom({ ...appFrame(), url: 'app://credence.evil/index.html' })],
    ['the main frame on about:blank', () => eventFrom({ ...appFrame(), url: 'about:blank' })],
    ['a frame with the main frame ids but a parent', () => eventFrom({ ...appFrame(), parent: appFrame() }, appFrame())],
    ['a webContents without a main frame', () => ({ sender: {}, senderFrame: appFrame() })],
  ];

  it.each(refusedSenders)('refuses %s with ipc.forbidden_sender, never calling the handler', async (_label, makeEvent) => {
    for (const channel of channels) {
      const payload = channel === 'profiles.create' ? { name: 'Mallory' } : channel === 'profiles.delete' ? { id: crypto.randomUUID() } : {};
      const result = (await call(channel, makeEvent(), payload)) as any;
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'ipc.forbidden_sender',
          message: { 'zh-CN': expect.any(String), en: expect.stringMatching(/refused/) },
          details: {},
        },
      });
    }
    expect(dispatchSpy).not.toHaveBeenCalled();
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
    expect(store.list()).toEqual([]);
  });

  it('accepts the same main frame matched by process and routing id', () => {
    expect(isTrustedSender(eventFrom(appFrame(), appFrame()) as never)).toBe(true);
    expect(isTrustedSender(eventFrom({ ...appFrame(), processId: 8 }, appFrame()) as never)).toBe(false);
  });
});

describe('createEmitter', () => {
  function fakeContents(destroyed = false) {
    return { send: vi.fn(), isDestroyed: () => destroyed };
  }

  it('sends a valid contract event on the event channel', () => {
    const contents = fakeContents();
    const emit = createEmitter(() => contents as never);
    const payload = { message: { 'zh-CN': '你好', en: 'Hello' } };
    emit('app.notice', payload);
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'app.notice', payload);
    expect(eventNames).toContain('app.notice');
  });

  it('refuses unknown events and payloads that break the schema, sending nothing', () => {
    const contents = fakeContents();
    const emit = createEmitter(() => contents as never) as (event: string, payload: unknown) => void;
    expect(() => emit('app.evil', {})).toThrow(/Unknown event/);
    expect(() => emit('app.notice', { message: 'plain string' })).toThrow(/does not match/);
    expect(contents.send).not.toHaveBeenCalled();
  });

  it('drops events when there is no window or it is destroyed', () => {
    const destroyed = fakeContents(true);
    createEmitter(() => destroyed as never)('app.notice', { message: { 'zh-CN': 'a', en: 'a' } });
    expect(destroyed.send).not.toHaveBeenCalled();
    expect(() => createEmitter(() => null)('app.notice', { message: { 'zh-CN': 'a', en: 'a' } })).not.toThrow();
  });
});
