import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { createToken } from '../../../core/preview/token.ts';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { createHttpBridge } from '../../../renderer/src/transport/http-bridge.ts';
import { bill } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { snapshot, startServer } from './helpers.ts';

/** The same handlers in-process, as Electron's main runs them: the envelopes to match. */
function directDispatch() {
  const dataDir = tempDir();
  const store = new ProfileStore(dataDir);
  return { dispatch: createDispatch(createHandlers({ store, dataDir, version: '0.0.0-preview-test', transport: 'http', emit: () => {} })), store, dataDir };
}

/** Ids, times and the data folder differ between two stores; everything else must be identical. */
function comparable(envelope: unknown, dataDir: string): unknown {
  return JSON.parse(
    JSON.stringify(envelope)
      .replaceAll(dataDir, '<data>')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00/g, '<time>'),
  );
}

describe('the renderer\'s HTTP bridge', () => {
  it('returns exactly the envelopes the dispatcher returns (what ipcRenderer.invoke would)', async () => {
    const app = await startServer();
    const direct = directDispatch();
    const bridge = createHttpBridge({ origin: app.server.origin, token: app.token });
    const invoke = bridge.invoke as (channel: unknown, payload?: unknown) => Promise<unknown>;
    const calls: Array<[string, unknown]> = [
      ['app.info', {}],
      ['profiles.list', {}],
      ['profiles.create', { name: '张三' }],
      ['profiles.create', { name: '张三' }], // duplicate: an error envelope
      ['profiles.create', { name: '   ' }],
      ['profiles.create', { name: 42 }],
      ['profiles.create', { name: 'a', extra: true }],
      ['profiles.create', undefined],
      ['profiles.create', null],
      ['profiles.list', {}],
      ['profiles.delete', { id: 'not-a-uuid' }],
      ['profiles.delete', { id: '6f1c1a52-2f6e-4c59-9d0b-1c7a4e0f3b11' }],
      ['review.list', { profileId: '6f1c1a52-2f6e-4c59-9d0b-1c7a4e0f3b11' }],
      ['import.cancel', { importId: '6f1c1a52-2f6e-4c59-9d0b-1c7a4e0f3b11' }],
      ['fs.readFile', { path: '/etc/passwd' }],
      ['../../profiles.create', { name: 'x' }],
      ['toString', {}],
    ];
    for (const [channel, payload] of calls) {
      const overHttp = await invoke(channel, payload);
      const inProcess = await direct.dispatch(channel, payload);
      expect(comparable(overHttp, app.dataDir), channel).toEqual(comparable(inProcess, direct.dataDir));
    }
    expect(app.store.list().map((p) => p.name)).toEqual(['张三']);
    direct.store.close();
  });

  it('delivers events to their listeners, over one stream, until unsubscribed', async () => {
    const app = await startServer();
    const stop = new AbortController();
    const requests: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      requests.push(String(input));
      return fetch(input, init);
    };
    const bridge = createHttpBridge({ origin: app.server.origin, token: app.token, signal: stop.signal, fetch: countingFetch });
    const notices: unknown[] = [];
    const progress: unknown[] = [];
    const offNotice = bridge.on('app.notice', (payload) => notices.push(payload));
    bridge.on('import.progress', (payload) => progress.push(payload));
    await expect.poll(() => requests.filter((url) => url.endsWith('/events')).length).toBe(1);
    // The stream is open once the server holds it: emit until the first one lands.
    await expect
      .poll(() => {
        app.server.emit('app.notice', { message: { 'zh-CN': '一', en: 'one' } });
        return notices.length;
      })
      .toBeGreaterThan(0);
    offNotice();
    const before = notices.length;
    app.server.emit('app.notice', { message: { 'zh-CN': '二', en: 'two' } });
    app.server.emit('import.progress', { importId: 'x', file: 'a.csv', fileIndex: 0, fileCount: 1, rowsRead: 5, percent: 50, phase: 'read' });
    await expect.poll(() => progress.length).toBe(1);
    expect(notices.length).toBe(before);
    expect(notices[0]).toEqual({ message: { 'zh-CN': '一', en: 'one' } });
    expect(progress[0]).toMatchObject({ rowsRead: 5 });
    // One stream per page, however many listeners.
    expect(requests.filter((url) => url.endsWith('/events'))).toHaveLength(1);
    stop.abort();
  });

  it('rejects (as a broken transport) when the server refuses, and changes nothing', async () => {
    const app = await startServer();
    const before = snapshot(app.dataDir);
    const wrong = createHttpBridge({ origin: app.server.origin, token: createToken() });
    await expect(wrong.invoke('profiles.create', { name: 'x' })).rejects.toThrow(/HTTP 401/);
    expect(snapshot(app.dataDir)).toEqual(before);
    expect(app.store.list()).toEqual([]);
    // A wrong token gets no event stream either, and does not retry.
    const requests: string[] = [];
    const stop = new AbortController();
    const watcher = createHttpBridge({
      origin: app.server.origin,
      token: createToken(),
      signal: stop.signal,
      retryMs: 5,
      fetch: (input, init) => {
        requests.push(String(input));
        return fetch(input, init);
      },
    });
    watcher.on('app.notice', () => {});
    await new Promise((done) => setTimeout(done, 100));
    expect(requests).toHaveLength(1);
    stop.abort();
  });

  it('checks its arguments as the preload does', () => {
    const bridge = createHttpBridge({ origin: 'http://127.0.0.1:1', token: createToken() });
    expect(() => (bridge.on as (e: unknown, l: unknown) => void)(42, () => {})).toThrow(TypeError);
    expect(() => (bridge.on as (e: unknown, l: unknown) => void)('app.notice', 'not a function')).toThrow(TypeError);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['discardUpload', 'invoke', 'on', 'upload']);
  });

  it('uploads a file in chunks and imports it by reference; a cancel mid-way keeps nothing', async () => {
    const app = await startServer();
    const profile = app.store.create('上传');
    const bytes = readFileSync(bill('meituan/meituan-2025.csv'));
    const bridge = createHttpBridge({ origin: app.server.origin, token: app.token });
    const progress: number[] = [];
    const uploaded = await bridge.upload!(new Blob([bytes]), 'meituan-2025.csv', { onProgress: (sent) => progress.push(sent) });
    expect(uploaded.ok).toBe(true);
    // One chunk: the fixture is far below chunkBytes (8 MiB).
    expect(progress).toEqual([bytes.length]);
    const fileRef = (uploaded as { value: { fileRef: string } }).value.fileRef;
    const imported = await bridge.invoke('import.files', { profileId: profile.id, importId: crypto.randomUUID(), files: [{ name: 'meituan-2025.csv', fileRef }] });
    expect(imported).toMatchObject({ ok: true, value: { reports: [{ file: 'meituan-2025.csv', rowsRead: 29, imported: 29 }] } });

    // Cancelled before its first chunk: the server is told to give it up, and keeps no file.
    const stop = new AbortController();
    stop.abort();
    await expect(bridge.upload!(new Blob([bytes]), 'meituan-2025.csv', { signal: stop.signal })).rejects.toBeDefined();
    expect(readdirSync(join(app.dataDir, '.credence-uploads'))).toEqual([]);

    // Refused by the server at the start (too large): its envelope comes back as it is.
    const huge = { size: 2 * 1024 ** 3, slice: () => new Blob([]) } as unknown as Blob;
    expect(await bridge.upload!(huge, 'huge.csv')).toMatchObject({ ok: false, error: { code: 'import.upload_too_large', details: { file: 'huge.csv' } } });
  });
});
