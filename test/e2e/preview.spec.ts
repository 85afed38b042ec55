import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { runPreview, type RunningPreview } from '../../scripts/preview.ts';
import { bill } from '../helpers/fixtures.ts';

// `npm run preview` end to end: the server started as the CLI starts it, the printed URL opened in
// Chromium, and the page on its own HTTP bridge (no exposeBinding, no harness): create a profile,
// import a bill, read the dashboard, and never a request outside the page's origin.

const MEITUAN = bill('meituan/meituan-2025.csv');
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}/g;

let dataDir: string;
let preview: RunningPreview;
let printed: string;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'credence-preview-e2e-'));
  const lines: string[] = [];
  // The e2e command has just built out/renderer (electron-vite build).
  const result = await runPreview(['--no-build', '--data-dir', dataDir], { out: (l) => lines.push(l), err: (l) => lines.push(l), env: process.env });
  printed = lines.join('\n');
  if (typeof result === 'number') throw new Error(`npm run preview exited ${result}:\n${printed}`);
  preview = result;
});

test.afterEach(async () => {
  await preview.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every URL the page asked for, in order (and the headers of its API calls in `apiHeaders`). */
function recordRequests(page: Page, apiHeaders: Array<Record<string, string>> = []): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    urls.push(request.url());
    if (new URL(request.url()).pathname.startsWith('/ipc/')) apiHeaders.push(request.headers());
  });
  return urls;
}

test.describe('npm run preview in a browser', () => {
  test('opens the printed URL, creates a profile, imports a bill and reads the dashboard', async ({ page }) => {
    const urls: string[] = printed.match(URL_PATTERN) ?? [];
    expect(urls).toHaveLength(1);
    const url = urls[0]!;
    const origin = new URL(url).origin;
    const token = new URL(url).hash.slice('#token='.length);
    const apiHeaders: Array<Record<string, string>> = [];
    const requests = recordRequests(page, apiHeaders);

    await page.goto(url);
    await expect(page.getByTestId('first-profile-panel')).toBeVisible();
    // The token left the address bar at once, and lives in this tab's sessionStorage only.
    expect(page.url()).toBe(`${origin}/`);
    expect(await page.evaluate(() => window.sessionStorage.getItem('credence.previewToken'))).toBe(token);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.getByTestId('new-profile-name').fill('预览用户');
    await page.getByTestId('new-profile-submit').click();
    // Unencrypted by the user's explicit choice, so the store opened below can read it without a passphrase.
    await page.getByTestId('protect-opt-out').check();
    await page.getByTestId('protect-submit').click();
    await expect(page.getByTestId('dashboard-profile-name')).toHaveText('预览用户');

    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file-input').setInputFiles(MEITUAN);
    const report = page.locator('[data-testid="import-report"][data-file="meituan-2025.csv"]');
    await expect(report).toBeVisible();
    await expect(report.getByTestId('report-rows-read')).toHaveText('29');
    await expect(report.getByTestId('report-imported')).toHaveText('29');

    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('dashboard-profile-name')).toHaveText('预览用户');

    // The same data folder the server was given (the desktop app's, by default) holds the profile and its rows.
    const store = new ProfileStore(dataDir);
    try {
      const [profile] = store.list();
      expect(profile.name).toBe('预览用户');
      expect(store.database(profile.id).prepare('select count(*) from transactions').pluck().get()).toBe(29);
    } finally {
      store.close();
    }

    // A reload keeps working: the token comes back from sessionStorage.
    await page.reload();
    await expect(page.getByTestId('dashboard-profile-name')).toHaveText('预览用户');

    // Calls went over the HTTP bridge, events over one stream, and nothing left the origin.
    expect(requests.some((u) => u === `${origin}/ipc/profiles.create`)).toBe(true);
    expect(requests.some((u) => u === `${origin}/ipc/import.files`)).toBe(true);
    expect(requests.some((u) => u === `${origin}/events`)).toBe(true);
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    // The token was never in a request line, not even the page load's (the fragment is not sent; the API gets it in a header).
    expect(requests.filter((u) => u.includes(token))).toEqual([]);
    expect(apiHeaders.length).toBeGreaterThan(0);
    for (const headers of apiHeaders) {
      expect(headers.authorization).toBe(`Bearer ${token}`);
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer ?? '').toBe('');
    }
  });

  test('without the token the page cannot reach the data, and says so', async ({ page }) => {
    const requests = recordRequests(page);
    await page.goto(`${preview.server.origin}/`);
    await expect(page.getByText('无法连接到 Credence 主程序').first()).toBeVisible();
    expect(requests.filter((u) => u.includes('/ipc/') || u.endsWith('/events'))).toEqual([]);
    // A hand-made call with a guessed token is refused, and creates nothing.
    const status = await page.evaluate(async () => {
      const response = await fetch('/ipc/profiles.create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
        body: JSON.stringify({ name: 'intruder' }),
      });
      return response.status;
    });
    expect(status).toBe(401);
    const store = new ProfileStore(dataDir);
    expect(store.list()).toEqual([]);
    store.close();
  });
});
