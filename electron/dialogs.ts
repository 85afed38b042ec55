import type { BrowserWindow, Dialog } from 'electron';
import type { BackupDialogs } from '../core/ipc/handler-context.ts';
import { BILL_EXTENSIONS } from './ipc-wire.ts';

const FILTERS = [{ name: 'Credence backup (SQLite)', extensions: ['sqlite'] }];

/** Main's own file dialogs for backups: in the desktop app the only way a location reaches main. */
export function createBackupDialogs(dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>, window: () => BrowserWindow | null): BackupDialogs {
  const parent = () => window() ?? undefined;
  return {
    async saveBackupAs(suggestedName) {
      const options = { defaultPath: suggestedName, filters: FILTERS, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const owner = parent();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openBackup() {
      const options = { filters: FILTERS, properties: ['openFile' as const] };
      const owner = parent();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

const BILL_FILTERS = [
  { name: 'Bills / 账单 (CSV, XLS, XLSX, ZIP)', extensions: [...BILL_EXTENSIONS] },
  { name: 'All files / 所有文件', extensions: ['*'] },
];

/**
 * Main's own open dialog for bills (HandlerContext.chooseImportFiles): the paths stay in main,
 * the page gets a reference for each (`import.chooseFiles`), and the import reads the file from
 * disk as a stream, whatever its size: no byte of it crosses to the renderer and back.
 */
export function createImportDialog(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BrowserWindow | null): () => Promise<string[] | null> {
  return async () => {
    const options = { filters: BILL_FILTERS, properties: ['openFile' as const, 'multiSelections' as const] };
    const owner = window() ?? undefined;
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  };
}
