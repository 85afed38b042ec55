// Where an export package goes in the desktop app: main asks with the system's save dialog, over
// the app's window, proposing the package's neutral name in the Documents folder. The renderer
// never sees a path or touches the file system; the core writes the file (core/consent/export.ts).

import type { BaseWindow, Dialog } from 'electron';
import { join } from 'node:path';
import type { HandlerContext } from '../core/ipc/handler-context.ts';

export function exportPathChooser(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  getWindow: () => BaseWindow | null,
  documentsDir: () => string,
): NonNullable<HandlerContext['chooseExportPath']> {
  return async (suggestedName) => {
    const options = {
      defaultPath: join(documentsDir(), suggestedName),
      // A package (.zip) or the printed plan (.pdf): the proposed name says which.
      filters: suggestedName.endsWith('.pdf') ? [{ name: 'PDF', extensions: ['pdf'] }] : [{ name: 'ZIP', extensions: ['zip'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
    };
    const window = getWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    // The dialog itself asked before replacing a file.
    return result.canceled || !result.filePath ? null : { path: result.filePath, overwrite: true };
  };
}
