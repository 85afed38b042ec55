import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../core/ipc/contract.ts';
import { FileRefs } from '../../core/ipc/file-refs.ts';
import { createHandlers } from '../../core/ipc/handlers.ts';
import { createDispatch } from '../../core/ipc/registry.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { registerDroppedFiles, type HeldFile } from '../../electron/dropped-files.ts';
import { FILE_REF_CHANNEL } from '../../electron/ipc-wire.ts';
import { bill } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

// A file dropped on the desktop window: the preload sends main its path (electron/preload.ts
// holdFile, tested with a stand-in webUtils in electron-preload.test.ts), main checks the sender
// and the path and answers a name, a size and a one-time reference, and `import.files` reads the
// file from disk in main's worker, as for a file main's dialog chose (import-choose.test.ts).
// Main's side here, over a stand-in ipcMain and real files (the Electron binary is absent).

vi.mock('electron', () => {
  throw new Error('electron must not be loaded by electron/dropped-files.ts');
});

type Listener = (event: unknown, ...args: unknown[]) => unknown;

const trusted = () => {
  const mainFrame = { url: 'app://credence/index.html', processId: 7, routingId: 1, parent: null };
  return { sender: { mainFrame }, senderFrame: mainFrame };
};

function desktop() {
  const dataDir = tempDir();
  const store = new ProfileStore(dataDir);
  const dropped = new FileRefs('dropped');
  const dispatch = createDispatch(createHandlers({ store, dataDir, version: 't', transport: 'electron', emit: () => {}, importFileRef: (ref) => dropped.take(ref) }));
  const handlers = new Map<string, Listener>();
  registerDroppedFiles({ handle: (channel: string, listener: Listener) => handlers.set(channel, listener), removeHandler: (channel: string) => handlers.delete(channel) } as never, dropped);
  const hold = async (path: unknown, event: unknown = trusted()) => (await handlers.get(FILE_REF_CHANNEL)!(event, path)) as Envelope<HeldFile>;
  return { store, dispatch, hold, profile: store.create('拖入文件'), dataDir };
}

describe("main's side of a dropped file", () => {
  it('holds it by reference: the page gets its name and size, never its path, and imports it once', async () => {
    const { store, dispatch, hold, profile, dataDir } = desktop();
    // In a folder of its own whose name the answer must not carry.
    const folder = join(dataDir, 'Downloads-私人');
    mkdirSync(folder);
    const path = join(folder, 'meituan-2025.csv');
    copyFileSync(bill('meituan/meituan-2025.csv'), path);
    const held = await hold(path);
    expect(held).toEqual({ ok: true, value: { name: 'meituan-2025.csv', fileRef: expect.stringMatching(/^dropped:[0-9a-f-]{36}$/), size: statSync(path).size } });
    expect(JSON.stringify(held)).not.toContain('Downloads-私人');
    if (!held.ok) return;

    const files = [{ name: held.value.name, fileRef: held.value.fileRef }];
    const imported = await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files });
    // The fixture's 29 rows, as when its bytes are sent (import-jobs.test.ts).
    expect(imported).toMatchObject({ ok: true, value: { reports: [{ file: 'meituan-2025.csv', rowsRead: 29, imported: 29 }], failures: [] } });
    // Taken: the same reference is refused, and so are a made-up one and the path itself.
    for (const fileRef of [held.value.fileRef, `dropped:${randomUUID()}`, path]) {
      const again = await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files: [{ name: 'meituan-2025.csv', fileRef }] });
      expect(again).toMatchObject({ ok: false, error: { code: 'import.file_unreadable', details: { file: 'meituan-2025.csv' } } });
    }
    expect(store.database(profile.id).prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(29);
    expect(readFileSync(path).length).toBe(statSync(path).size);
  });

  it('refuses another frame before it looks at the path', async () => {
    const { hold } = desktop();
    const frame = { url: 'https://example.com/', processId: 7, routingId: 1, parent: null };
    for (const event of [{ sender: { mainFrame: frame }, senderFrame: frame }, { sender: trusted().sender, senderFrame: null }]) {
      expect(await hold(bill('meituan/meituan-2025.csv'), event)).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } });
    }
  });

  it('refuses what is not a bill file on disk, each with what was expected, and holds nothing', async () => {
    const { hold, dataDir } = desktop();
    const folder = join(dataDir, 'bills.csv');
    mkdirSync(folder);
    const cases: [unknown, string, RegExp][] = [
      ['meituan-2025.csv', 'ipc.invalid_request', /absolute path/],
      [join(dataDir, 'id_ed25519'), 'ipc.invalid_request', /bill file \(\.csv, \.xls, \.xlsx, \.zip\)/],
      [join(dataDir, 'notes.pdf'), 'ipc.invalid_request', /bill file/],
      ['', 'ipc.invalid_request', /./],
      [42, 'ipc.invalid_request', /./],
      [{ path: bill('meituan/meituan-2025.csv') }, 'ipc.invalid_request', /./],
      [`/${'a'.repeat(4096)}.csv`, 'ipc.invalid_request', /./],
      [folder, 'import.file_unreadable', /not a file/],
      [join(dataDir, 'gone.csv'), 'import.file_unreadable', /ENOENT/],
    ];
    for (const [path, code, detail] of cases) {
      const answer = await hold(path);
      expect(answer, String(path).slice(0, 80)).toMatchObject({ ok: false, error: { code } });
      if (!answer.ok) expect(JSON.stringify(answer.error.details)).toMatch(detail);
      // Not even in a refusal: the page handed over a File, never a path.
      if (!answer.ok && code === 'import.file_unreadable') expect(JSON.stringify(answer)).not.toContain(dataDir);
    }
  });
});

describe('FileRefs', () => {
  it('gives each path a reference of its own, takes it back once, and forgets the oldest past 1000 waiting', () => {
    const refs = new FileRefs('dropped');
    const first = refs.add('/a.csv');
    const second = refs.add('/a.csv');
    expect(first).not.toBe(second);
    expect(refs.take(first)).toBe('/a.csv');
    expect(refs.take(first)).toBeNull();
    const made = Array.from({ length: 1000 }, (_, i) => refs.add(`/f${i}.csv`));
    // `second` was the oldest waiting: the 1000th new one pushed it out; the rest are all held.
    expect(refs.take(second)).toBeNull();
    expect(made.map((ref) => refs.take(ref))).toEqual(made.map((_, i) => `/f${i}.csv`));
  });
});
