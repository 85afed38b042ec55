import type { BrowserWindow, Dialog } from 'electron';
import type { BackupDialogs } from '../core/ipc/handler-context.ts';

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
