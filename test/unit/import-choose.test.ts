import { readFileSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Response } from '../../core/ipc/contract.ts';
import { createHandlers } from '../../core/ipc/handlers.ts';
import { createDispatch } from '../../core/ipc/registry.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { createImportDialog } from '../../electron/dialogs.ts';
import { bill } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

// The desktop app's way in for a file of any size: main's own open dialog chooses it, the page
// gets a name, a size and a reference (never the path), and `import.files` reads the file from
// disk in main's worker. Driven through the dispatcher with electron/dialogs.ts over a stand-in
// for Electron's dialog module (the Electron binary is absent here).

const MEITUAN = bill('meituan/meituan-2025.csv');

function fakeDialog(answers: Array<{ canceled: boolean; filePaths: string[] }>) {
  const asked: unknown[] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      asked.push(args.at(-1));
      return answers.shift()!;
    },
  } as unknown as Pick<Dialog, 'showOpenDialog'>;
  return { dialog, asked };
}

function app(chooseImportFiles?: () => Promise<string[] | null>) {
  const dataDir = tempDir();
  const store = new ProfileStore(dataDir);
  const dispatch = createDispatch(createHandlers({ store, dataDir, version: 't', transport: 'electron', emit: () => {}, ...(chooseImportFiles ? { chooseImportFiles } : {}) }));
  return { store, dispatch, profile: store.create('选择文件') };
}

describe('import.chooseFiles: main\'s own dialog', () => {
  it('hands the page names, sizes and references, never a path; each reference imports once', async () => {
    const { dialog, asked } = fakeDialog([{ canceled: false, filePaths: [MEITUAN] }]);
    const { store, dispatch, profile } = app(createImportDialog(dialog, () => null));
    const answer = await dispatch('import.chooseFiles', {});
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const chosen = { value: answer.value as Response<'import.chooseFiles'> };
    expect(chosen.value.files).toEqual([{ name: 'meituan-2025.csv', fileRef: expect.stringMatching(/^chosen:[0-9a-f-]{36}$/), size: statSync(MEITUAN).size }]);
    expect(JSON.stringify(chosen.value)).not.toContain(MEITUAN);
    // Several bills at once, bills first in the filter.
    expect(asked[0]).toMatchObject({ properties: ['openFile', 'multiSelections'], filters: [{ extensions: ['csv', 'xls', 'xlsx', 'zip'] }, { extensions: ['*'] }] });

    const files = chosen.value.files.map(({ name, fileRef }) => ({ name, fileRef }));
    const imported = await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files });
    // The fixture's 29 rows, as when its bytes are sent (import-jobs.test.ts).
    expect(imported).toMatchObject({ ok: true, value: { reports: [{ file: 'meituan-2025.csv', rowsRead: 29, imported: 29 }], failures: [] } });
    // Used: the same reference is refused, and a made-up one too (a page cannot name a path).
    for (const fileRef of [files[0]!.fileRef, `chosen:${randomUUID()}`, MEITUAN]) {
      const again = await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files: [{ name: 'meituan-2025.csv', fileRef }] });
      expect(again).toMatchObject({ ok: false, error: { code: 'import.file_unreadable', details: { file: 'meituan-2025.csv' } } });
    }
    expect(store.database(profile.id).prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(29);
    expect(readFileSync(MEITUAN).length).toBe(statSync(MEITUAN).size);
  });

  it('answers no files when the person cancels, and is refused where there is no dialog', async () => {
    const { dialog } = fakeDialog([{ canceled: true, filePaths: [] }]);
    expect(await app(createImportDialog(dialog, () => null)).dispatch('import.chooseFiles', {})).toEqual({ ok: true, value: { files: [] } });
    const none = await app().dispatch('import.chooseFiles', {});
    expect(none).toMatchObject({ ok: false, error: { code: 'import.dialog_unavailable' } });
    if (!none.ok) expect(none.error.message['zh-CN']).toContain('文件选择框');
  });
});
