import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../core/ipc/contract.ts';
import { createHandlers } from '../../core/ipc/handlers.ts';
import { createDispatch, type Handlers } from '../../core/ipc/registry.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { tempDir } from '../helpers/temp.ts';

function setup() {
  const dataDir = tempDir();
  const store = new ProfileStore(dataDir);
  const logged: unknown[] = [];
  const handlers = createHandlers({ store, dataDir, version: '0.0.0-test', transport: 'test', emit: () => {} });
  return { store, dispatch: createDispatch(handlers, (e) => logged.push(e)), logged, handlers };
}

describe('the IPC contract', () => {
  it('has a handler for every channel and every channel has request and response schemas', () => {
    const { handlers, store } = setup();
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
    for (const channel of channels) {
      expect(contract[channel].request).toBeDefined();
      expect(contract[channel].response).toBeDefined();
    }
    store.close();
  });
});

describe('createDispatch', () => {
  it('runs a valid request through the real handlers', async () => {
    const { dispatch, store } = setup();
    const created = await dispatch('profiles.create', { name: '王五' });
    expect(created).toMatchObject({ ok: true, value: { profile: { name: '王五' } } });
    const listed = await dispatch('profiles.list', {});
    expect(listed).toMatchObject({ ok: true, value: { profiles: [{ name: '王五' }] } });
    // The file path is main-process knowledge; it never crosses to the page.
    expect(JSON.stringify(listed)).not.toContain('.sqlite');
    store.close();
  });

  it('refuses channels outside the contract', async () => {
    const { dispatch, store } = setup();
    const result = await dispatch('fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } });
    const inherited = await dispatch('toString', {});
    expect(inherited).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } });
    store.close();
  });

  it('refuses invalid payloads with the field that is wrong, in both languages', async () => {
    const { dispatch, store } = setup();
    for (const payload of [undefined, null, 'x', { name: 42 }, { name: 'x'.repeat(1001) }, { name: 'a', extra: true }]) {
      const result = await dispatch('profiles.create', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('ipc.invalid_request');
        expect(result.error.message['zh-CN']).toMatch(/请求内容无效/);
        expect(result.error.message.en).toMatch(/Invalid request/);
      }
    }
    const blank = await dispatch('profiles.create', { name: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'profile.invalid_name' } });
    const bad = await dispatch('profiles.delete', { id: '../../x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'ipc.invalid_request', details: { issues: [{ path: ['id'] }] } } });
    expect(store.list()).toEqual([]);
    store.close();
  });

  it('passes domain errors through with their code and hides unexpected ones', async () => {
    const { dispatch, store, logged } = setup();
    await dispatch('profiles.create', { name: 'Same' });
    const duplicate = await dispatch('profiles.create', { name: 'same' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'profile.duplicate_name', details: { name: 'same' } } });

    const broken: Handlers = {
      ...createHandlers({ store, dataDir: '/d', version: '1', transport: 'test', emit: () => {} }),
      'profiles.list': () => {
        throw new Error('secret internals at /home/user/.config');
      },
    };
    const result = await createDispatch(broken, (e) => logged.push(e))('profiles.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|\/home|at .*\.ts/);
    expect(logged).toHaveLength(1);
    store.close();
  });

  it('validates responses too: a handler returning the wrong shape is an error, not a leak', async () => {
    const { store } = setup();
    const leaky = {
      ...createHandlers({ store, dataDir: '/d', version: '1', transport: 'test', emit: () => {} }),
      'app.info': () => ({ version: 1 }),
    } as unknown as Handlers;
    const result = await createDispatch(leaky)('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid_response' } });
    store.close();
  });
});
