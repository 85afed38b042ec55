import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../core/ipc/contract.ts';
import { FILE_REF_CHANNEL, REFUSAL_CHANNEL } from '../../electron/ipc-wire.ts';
import { bill } from '../helpers/fixtures.ts';
import { HARDENED_WEB_PREFERENCES } from '../helpers/hardened-web-preferences.ts';
import { dayFromNow } from './consent/helpers.ts';

// A fake `electron` main-process API that records every call in order in `log`.
const fake = vi.hoisted(() => {
  type Fn = (...args: any[]) => any;
  class Emitter {
    listeners = new Map<string, Fn[]>();
    on(name: string, fn: Fn) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Fn) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: any[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }

  const state = {
    log: [] as string[],
    lock: true,
    ready: null as null | (() => void),
    windows: [] as any[],
    documents: '',
    saveResult: { canceled: true } as { canceled: boolean; filePath?: string },
  };

  const app = Object.assign(new Emitter(), {
    enableSandbox: vi.fn(() => state.log.push('app.enableSandbox')),
    setPath: vi.fn((name: string, value: string) => state.log.push(`app.setPath:${name}=${value}`)),
    requestSingleInstanceLock: vi.fn(() => {
      state.log.push('app.requestSingleInstanceLock');
      return state.lock;
    }),
    whenReady: vi.fn(() => {
      state.log.push('app.whenReady');
      return new Promise<void>((resolve) => {
        state.ready = () => {
          state.log.push('ready');
          resolve();
        };
      });
    }),
    getVersion: vi.fn(() => '9.8.7'),
    getPath: vi.fn(() => state.documents),
    quit: vi.fn(() => state.log.push('app.quit')),
    exit: vi.fn(),
  });

  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => state.log.push('protocol.registerSchemesAsPrivileged')),
    handle: vi.fn(() => state.log.push('protocol.handle (global)')),
  };

  const defaultSession = Object.assign(new Emitter(), {
    protocol: { handle: vi.fn((scheme: string) => state.log.push(`session.protocol.handle:${scheme}`)) },
    setPermissionRequestHandler: vi.fn(() => state.log.push('session.setPermissionRequestHandler')),
    setPermissionCheckHandler: vi.fn(() => state.log.push('session.setPermissionCheckHandler')),
    setDevicePermissionHandler: vi.fn(() => state.log.push('session.setDevicePermissionHandler')),
    webRequest: { onBeforeRequest: vi.fn(() => state.log.push('session.webRequest.onBeforeRequest')) },
  });

  const ipcMain = {
    handlers: new Map<string, Fn>(),
    handle: vi.fn((channel: string, fn: Fn) => {
      state.log.push(`ipcMain.handle:${channel}`);
      ipcMain.handlers.set(channel, fn);
    }),
    removeHandler: vi.fn(),
  };

  class WebContents extends Emitter {
    mainFrame = { url: 'app://credence/index.html', processId: 1, routingId: 1, parent: null };
    setWindowOpenHandler = vi.fn();
    send = vi.fn();
    isDestroyed = () => false;
  }

  class BrowserWindow extends Emitter {
    options: any;
    webContents = new WebContents();
    loadURL = vi.fn(async (url: string) => {
      state.log.push(`window.loadURL:${url}`);
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    constructor(options: any) {
      super();
      this.options = options;
      state.log.push('new BrowserWindow');
      state.windows.push(this);
      // As Electron does: every new webContents is announced on the app.
      app.emit('web-contents-created', {}, this.webContents);
    }
  }

  const session = { defaultSession };
  const powerMonitor = new Emitter();
  const safeStorage = {
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`sealed:${text}`)),
    decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ result: sealed.toString().slice('sealed:'.length), shouldReEncrypt: false })),
  };
  const dialog = { showSaveDialog: vi.fn(async (..._args: any[]) => state.saveResult), showOpenDialog: vi.fn() };
  const electron = { app, protocol, session, ipcMain, BrowserWindow, powerMonitor, safeStorage, dialog };
  return { state, electron, defaultSession, ...electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const dataDir = mkdtempSync(join(tmpdir(), 'credence-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function loadMain(lock = true) {
  vi.resetModules();
  fake.state.log.length = 0;
  fake.state.windows.length = 0;
  fake.state.lock = lock;
  fake.state.ready = null;
  fake.app.listeners.clear();
  fake.defaultSession.listeners.clear();
  fake.ipcMain.handlers.clear();
  vi.stubEnv('CREDENCE_DATA_DIR', dataDir);
  await import('../../electron/main.ts');
}

/** Main loaded and ready with its window: the window, an IPC event from its top frame, and a call of a channel's handler with it. */
async function mainWindowReady() {
  await loadMain();
  fake.state.ready!();
  await flush();
  const window = fake.state.windows[0];
  const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  const call = (channel: string, payload: unknown) => fake.ipcMain.handlers.get(channel)!(event, payload);
  return { window, event, call };
}

describe('electron/main.ts', () => {
  beforeEach(() => {
    vi.unstubAllEnvs();
  });

  it('before ready: privileged scheme, sandbox, userData = the CLI data dir, then the single-instance lock', async () => {
    await loadMain();
    const { log } = fake.state;
    expect(log.slice(0, 4)).toEqual([
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
      `app.setPath:userData=${dataDir}`,
      'app.requestSingleInstanceLock',
    ]);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(log).not.toContain('new BrowserWindow');
    expect(fake.app.listeners.has('web-contents-created')).toBe(true);
    fake.state.ready!();
    await flush();
  });

  it('after ready: hardened session, app:// on the session, IPC, then the window on app://credence/index.html', async () => {
    await loadMain();
    fake.state.ready!();
    await flush();
    const { log } = fake.state;
    const at = (entry: string) => log.indexOf(entry);
    expect(at('ready')).toBeGreaterThan(at('app.requestSingleInstanceLock'));
    for (const entry of [
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'session.setDevicePermissionHandler',
      'session.webRequest.onBeforeRequest',
      'session.protocol.handle:app',
      ...channels.map((channel) => `ipcMain.handle:${channel}`),
      `ipcMain.handle:${FILE_REF_CHANNEL}`,
    ]) {
      expect(at(entry), entry).toBeGreaterThan(at('ready'));
      expect(at(entry), entry).toBeLessThan(at('new BrowserWindow'));
    }
    expect(log).not.toContain('protocol.handle (global)');
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...channels, REFUSAL_CHANNEL, FILE_REF_CHANNEL].sort());
    expect(fake.state.windows).toHaveLength(1);
    const window = fake.state.windows[0];
    expect(window.options.webPreferences).toMatchObject(HARDENED_WEB_PREFERENCES);
    expect(window.options.webPreferences.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://credence/index.html');
    // The window's webContents got the guards through app 'web-contents-created'.
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(window.webContents.listeners.has(name), name).toBe(true);
    }
  });

  it('serves IPC from a real ProfileStore in the data dir, with the app version, and closes it on quit', async () => {
    await loadMain();
    // The module instance main.ts loaded (modules were reset before importing it).
    const { ProfileStore } = await import('../../core/storage/profile-store.ts');
    const close = vi.spyOn(ProfileStore.prototype, 'close');
    fake.state.ready!();
    await flush();
    const window = fake.state.windows[0];
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const info = await fake.ipcMain.handlers.get('app.info')!(event, {});
    expect(info).toEqual({ ok: true, value: { version: '9.8.7', dataDir, transport: 'electron' } });
    const created = await fake.ipcMain.handlers.get('profiles.create')!(event, { name: 'Main test' });
    expect(created.ok).toBe(true);
    expect(close).not.toHaveBeenCalled();
    fake.app.emit('will-quit');
    expect(close).toHaveBeenCalled();
    close.mockRestore();
  });

  it('imports a file dropped on the window by the reference main gave for its path, once', async () => {
    const { window, call } = await mainWindowReady();
    const created = await call('profiles.create', { name: `Dropped ${Date.now()}` });
    // What the preload sends for a dropped File: its path (electron/preload.ts holdFile).
    const held = await call(FILE_REF_CHANNEL, bill('meituan/meituan-2025.csv'));
    expect(held).toMatchObject({ ok: true, value: { name: 'meituan-2025.csv', fileRef: expect.stringMatching(/^dropped:[0-9a-f-]{36}$/) } });
    const files = [{ name: held.value.name, fileRef: held.value.fileRef }];
    const importId = '6f1c2a52-4c4e-4d5b-9a61-0d6a3c9f2b10';
    const imported = await call('import.files', { profileId: created.value.profile.id, importId, files });
    // The fixture's 29 rows (import-choose.test.ts), read from disk in main's worker.
    expect(imported).toMatchObject({ ok: true, value: { reports: [{ file: 'meituan-2025.csv', rowsRead: 29, imported: 29 }], failures: [] } });
    const again = await call('import.files', { profileId: created.value.profile.id, importId: 'a9b0c1d2-e3f4-4a5b-8c6d-7e8f9a0b1c2d', files });
    expect(again).toMatchObject({ ok: false, error: { code: 'import.file_unreadable' } });
    // Another frame is refused before the path is looked at.
    const foreign = { sender: window.webContents, senderFrame: { ...window.webContents.mainFrame, url: 'https://example.com/' } };
    expect(await fake.ipcMain.handlers.get(FILE_REF_CHANNEL)!(foreign, bill('meituan/meituan-2025.csv'))).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } });
    fake.app.emit('will-quit');
  });

  it('offers quick unlock through safeStorage’s async API, and locks when the OS locks the screen', async () => {
    const { call } = await mainWindowReady();
    expect((await call('lock.status', {})).value).toMatchObject({ locked: false, quickUnlockAvailable: true });
    const created = await call('profiles.create', { name: `Quick ${Date.now()}`, passphrase: 'a long enough passphrase', quickUnlock: true });
    expect(created.value.profile.encryption).toEqual({ locked: false, quickUnlock: true });
    expect(fake.safeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);
    fake.powerMonitor.emit('lock-screen');
    expect((await call('lock.status', {})).value.locked).toBe(true);
    expect((await call('score.report', { profileId: created.value.profile.id })).error.code).toBe('app.locked');
    expect((await call('lock.unlock', { profileId: created.value.profile.id, secret: { kind: 'keychain' } })).ok).toBe(true);
    expect(fake.safeStorage.decryptStringAsync).toHaveBeenCalledTimes(1);
    // Linux without a keyring: safeStorage's basic_text is a hard-coded password, so no quick unlock.
    fake.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect((await call('lock.status', {})).value.quickUnlockAvailable).toBe(process.platform !== 'linux');
    fake.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
    fake.app.emit('will-quit');
  });

  it('a second instance quits at once and builds nothing', async () => {
    await loadMain(false);
    await flush();
    expect(fake.state.log).toContain('app.quit');
    expect(fake.state.log).not.toContain('app.whenReady');
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await loadMain();
    fake.state.ready!();
    await flush();
    fake.app.emit('second-instance');
    expect(fake.state.windows).toHaveLength(1);
    expect(fake.state.windows[0].focus).toHaveBeenCalled();
  });

  it('asks where an export goes with the save dialog over the window; a cancelled dialog writes and records nothing', async () => {
    const { window, call } = await mainWindowReady();
    const documents = mkdtempSync(join(tmpdir(), 'credence-documents-'));
    fake.state.documents = documents;
    const { value: { profile } } = await call('profiles.create', { name: 'Export test' });
    const terms = {
      recipient: { name: 'Adviser', kind: 'individual', contact: 'a@example.com', location: 'CN' },
      purpose: { code: 'credit_review' },
      categories: [{ code: 'accounts', fields: ['name'] }],
      expiresOn: dayFromNow(10),
      maxExports: 2,
      recipientDeleteBy: dayFromNow(20),
      language: 'en',
    };
    const { value: notice } = await call('consent.notice', { profileId: profile.id, terms });
    const { value: granted } = await call('consent.grant', { profileId: profile.id, terms, noticeSha256: notice.sha256, evidence: { typedName: 'A', ticks: notice.requiredTicks } });
    const request = { profileId: profile.id, consentId: granted.consent.id, password: 'long enough' };

    fake.state.saveResult = { canceled: true };
    const cancelled = await call('export.create', request);
    expect(cancelled).toMatchObject({ ok: true, value: { outcome: 'cancelled', export: null, download: null } });
    const [parent, options] = fake.dialog.showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(window);
    expect(dirname(options.defaultPath)).toBe(documents);
    expect(basename(options.defaultPath)).toMatch(/^credence-export-[0-9a-f-]{36}\.zip$/);

    fake.state.saveResult = { canceled: false, filePath: join(documents, 'for-adviser.zip') };
    const saved = await call('export.create', request);
    expect(saved).toMatchObject({ ok: true, value: { outcome: 'saved', fileName: 'for-adviser.zip', download: null, consent: { exportsUsed: 1 } } });
    expect(readdirSync(documents)).toEqual(['for-adviser.zip']);
    rmSync(documents, { recursive: true, force: true });
  });
});
