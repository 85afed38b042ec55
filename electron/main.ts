// Main process: a thin composition of the hardening in security.ts and the IPC wiring in ipc.ts.
// Bundled to out/main/index.js; the renderer is at out/renderer, the preload at out/preload.
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, safeStorage, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../core/ipc/handlers.ts';
import { FileRefs } from '../core/ipc/file-refs.ts';
import { createDispatch } from '../core/ipc/registry.ts';
import { AppLock } from '../core/ipc/lock/app-lock.ts';
import { ProfileStore } from '../core/storage/profile-store.ts';
import { defaultDataDir } from '../core/storage/data-dir.ts';
import { createBackupDialogs, createImportDialog } from './dialogs.ts';
import { registerDroppedFiles } from './dropped-files.ts';
import { exportPathChooser } from './export-dialog.ts';
import { planPrinter } from './plan-pdf.ts';
import { createEmitter, registerIpc } from './ipc.ts';
import { createKeychain } from './keychain.ts';
import { createMainWindow, hardenApp, hardenSession, registerAppScheme, serveApp } from './security.ts';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'index.cjs');

// Before ready: privileged scheme, sandbox for every renderer, one data folder shared with the CLI
// (set before the single-instance lock, which lives in userData).
registerAppScheme(protocol);
app.enableSandbox();
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
hardenApp(app);

let mainWindow: BrowserWindow | null = null;

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(preloadPath);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  serveApp(session.defaultSession, rendererRoot);

  const store = new ProfileStore(dataDir);
  const emit = createEmitter(() => mainWindow?.webContents);
  const keychain = createKeychain(safeStorage);
  const lock = new AppLock(store, { settingsFile: join(dataDir, 'app-lock.json'), emit, keychain });
  app.on('will-quit', () => {
    lock.dispose();
    store.close();
  });
  // The OS locking the screen or the machine going to sleep locks Credence too.
  for (const event of ['lock-screen', 'suspend'] as const) powerMonitor.on(event as 'suspend', () => lock.lock('system'));
  const dialogs = createBackupDialogs(dialog, () => mainWindow);
  const chooseImportFiles = createImportDialog(dialog, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null));
  const chooseExportPath = exportPathChooser(dialog, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null), () => app.getPath('documents'));
  const printPlanPdf = planPrinter(() => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null));
  // Files dropped on the window, held by reference for `import.files` (dropped-files.ts).
  const dropped = new FileRefs('dropped');
  const importFileRef = (ref: string) => dropped.take(ref);
  const handlers = createHandlers({ store, dataDir, version: app.getVersion(), transport: 'electron', emit, lock, keychain, dialogs, chooseImportFiles, importFileRef, chooseExportPath, printPlanPdf });
  registerIpc(ipcMain, createDispatch(handlers, (error) => console.error(error)));
  registerDroppedFiles(ipcMain, dropped);

  showWindow();
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
