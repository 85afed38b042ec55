// Main process: a thin composition of the hardening in security.ts and the IPC wiring in ipc.ts.
// Bundled to out/main/index.js; the renderer is at out/renderer, the preload at out/preload.
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../core/ipc/handlers.ts';
import { createDispatch } from '../core/ipc/registry.ts';
import { ProfileStore } from '../core/profiles/profile-store.ts';
import { defaultDataDir } from '../core/storage/data-dir.ts';
import { exportPathChooser } from './export-dialog.ts';
import { createEmitter, registerIpc } from './ipc.ts';
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
  app.on('will-quit', () => store.close());
  const emit = createEmitter(() => mainWindow?.webContents);
  const chooseExportPath = exportPathChooser(dialog, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null), () => app.getPath('documents'));
  const handlers = createHandlers({ store, dataDir, version: app.getVersion(), transport: 'electron', emit, chooseExportPath });
  registerIpc(ipcMain, createDispatch(handlers, (error) => console.error(error)));

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
