import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bill } from '../helpers/fixtures.ts';

// The real desktop app: out/main/index.js in the real Electron binary, over a temporary data folder.
// The binary is found the way node_modules/electron/index.js finds it, but without requiring that
// module, which would start a download when the binary is missing.

const repo = resolve(import.meta.dirname, '..', '..');
const MAIN_ENTRY = join(repo, 'out', 'main', 'index.js');
const ABSENT = 'Electron binary absent: run `npx install-electron` where the network allows, then npm test';

function electronBinary(): string | null {
  const packageDir = join(repo, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  if (relativePath === '') return null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(dist, relativePath);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('the Electron app', () => {
  // The one skip in the project: without the binary there is nothing to launch.
  test.skip(binary === null, ABSENT);

  let dataDir: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeEach(async () => {
    if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: build first (npx electron-vite build)`);
    dataDir = mkdtempSync(join(tmpdir(), 'credence-electron-'));
    const env: Record<string, string> = { ...(process.env as Record<string, string>), CREDENCE_DATA_DIR: dataDir };
    delete env.ELECTRON_RUN_AS_NODE;
    // Chromium refuses to start as root with its OS sandbox (containers, CI); the Electron-level
    // sandbox (no Node in renderers or preload) is unaffected by this switch.
    const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({ executablePath: binary!, args: [...rootOnly, MAIN_ENTRY], env, cwd: repo });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterEach(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one window on app://credence/ with its title', async () => {
    await expect(page).toHaveTitle(/Credence/);
    expect(page.url()).toBe('app://credence/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  test('the page sees only window.credence { invoke, on, holdFile } and no Node', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.credence as Record<string, unknown> | undefined;
      return {
        bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
        invoke: typeof bridge?.invoke,
        on: typeof bridge?.on,
        require: typeof w.require,
        module: typeof w.module,
        process: typeof w.process,
        Buffer: typeof w.Buffer,
      };
    });
    expect(globals).toEqual({
      bridgeKeys: ['holdFile', 'invoke', 'on'],
      invoke: 'function',
      on: 'function',
      require: 'undefined',
      module: 'undefined',
      process: 'undefined',
      Buffer: 'undefined',
    });
    const unknown = await page.evaluate(() =>
      (window as unknown as { credence: { invoke: (c: string, p: unknown) => Promise<unknown> } }).credence.invoke('fs.read', {}),
    );
    expect(JSON.stringify(unknown)).toContain('ipc.unknown_channel');
    const info = await page.evaluate(() =>
      (window as unknown as { credence: { invoke: (c: string, p: unknown) => Promise<unknown> } }).credence.invoke('app.info', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { dataDir, transport: 'electron' } });
  });

  test('creates a profile through the UI, stored in the data folder', async () => {
    await page.getByTestId('new-profile-name').fill('Electron Alice');
    await page.getByTestId('new-profile-submit').click();
    const switcher = page.getByTestId('profile-switcher');
    await expect(switcher.locator('option', { hasText: 'Electron Alice' })).toHaveCount(1);
    const files = readdirSync(join(dataDir, 'profiles')).filter((file) => file.endsWith('.sqlite'));
    expect(files).toHaveLength(1);
    await expect(switcher).toHaveValue(files[0].replace(/\.sqlite$/, ''));
  });

  test('imports a bill handed to the page from disk by the reference main gives for its path', async () => {
    await page.getByTestId('new-profile-name').fill('Electron Bob');
    await page.getByTestId('new-profile-submit').click();
    await page.getByTestId('nav-import').click();
    // A File from the file input is backed by the file on disk: the preload gets its path, main holds it.
    await page.getByTestId('import-file-input').setInputFiles(bill('meituan/meituan-2025.csv'));
    await expect(page.locator('[data-testid="import-report"][data-file="meituan-2025.csv"]').getByTestId('report-imported')).toHaveText('29');
    // A File made by the page has no path: the preload answers null and asks main nothing.
    const made = await page.evaluate(() => (window as unknown as { credence: { holdFile: (f: File) => Promise<unknown> } }).credence.holdFile(new File(['a,b'], 'made.csv')));
    expect(made).toBeNull();
  });

  test('the window gets no permissions, no network and no new windows', async () => {
    const mainSide = await app.evaluate(({ session }) => ({
      appSchemeHandled: session.defaultSession.protocol.isProtocolHandled('app'),
    }));
    expect(mainSide).toEqual({ appSchemeHandled: true });
    const permission = await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state);
    expect(permission).toBe('denied');
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/track');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
