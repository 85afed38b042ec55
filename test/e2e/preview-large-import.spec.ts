import { expect, test, type Page, type Request } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { runPreview, type RunningPreview } from '../../scripts/preview.ts';
import { generateExports } from '../../bench/synthetic-exports.ts';
import { ARTIFACTS_DIR } from './harness.ts';

// A large file through the page of `npm run preview`, as a user imports it: chosen in the file
// input, its raw bytes uploaded in chunks (core/preview/uploads.ts), then imported by reference in
// the worker; never as base64 in JSON. The export is the benches' synthetic Alipay one (GBK,
// newest first), generated here: 70,000 rows, about 9.7 MB, so it takes two chunks of 8 MiB.

const ROWS = 70_000;
const CHUNK = 8 * 1024 * 1024;

let dataDir: string;
let scratch: string;
let preview: RunningPreview;
let url: string;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'credence-preview-large-'));
  scratch = mkdtempSync(join(tmpdir(), 'credence-preview-large-export-'));
  const lines: string[] = [];
  const result = await runPreview(['--no-build', '--data-dir', dataDir], { out: (l) => lines.push(l), err: (l) => lines.push(l), env: process.env });
  if (typeof result === 'number') throw new Error(`npm run preview exited ${result}:\n${lines.join('\n')}`);
  preview = result;
  url = result.url;
});

test.afterEach(async () => {
  await preview.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** A synthetic export under a name that says so. */
async function syntheticExport(): Promise<string> {
  const { alipay } = await generateExports(scratch, ROWS);
  const file = join(scratch, 'alipay-synthetic-large.csv');
  renameSync(alipay, file);
  return file;
}

async function newProfile(page: Page, name: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('new-profile-name').fill(name);
  await page.getByTestId('new-profile-submit').click();
  await page.getByTestId('protect-opt-out').check();
  await page.getByTestId('protect-submit').click();
  await expect(page.getByTestId('dashboard-profile-name')).toHaveText(name);
  await page.getByTestId('nav-import').click();
}

function rowsIn(dir: string): number {
  const store = new ProfileStore(dir);
  try {
    const [profile] = store.list();
    return store.database(profile!.id).prepare('select count(*) from transactions').pluck().get() as number;
  } finally {
    store.close();
  }
}

test.describe('a large export through the preview page', () => {
  test('uploads in raw chunks, imports by reference, and no request carries the file as base64 JSON', async ({ page }) => {
    test.setTimeout(240_000);
    const file = await syntheticExport();
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(CHUNK);
    const posts: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request);
    });
    await newProfile(page, '大文件用户');

    await page.getByTestId('import-file-input').setInputFiles(file);
    const progress = page.getByTestId('import-progress');
    await expect(progress).toBeVisible();
    // Screenshots of the page while the import runs, in both languages (what a user watches).
    await expect(page.getByTestId('import-progress-detail')).toHaveAttribute('data-phase', 'import', { timeout: 60_000 });
    await progress.screenshot({ path: join(ARTIFACTS_DIR, 'import-large-progress-zh.png') });
    await page.getByTestId('locale-switch').click();
    await expect(page.getByTestId('import-progress-detail')).toContainText('rows read');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'import-large-progress-en.png'), fullPage: true });
    await page.getByTestId('locale-switch').click();

    const report = page.locator('[data-testid="import-report"][data-file="alipay-synthetic-large.csv"]');
    // The last phase (every row saved, the ledger being derived) lasts about a second here: caught when it can be.
    const ledger = page.locator('[data-testid="import-progress-detail"][data-phase="ledger"]');
    await Promise.race([ledger.waitFor({ timeout: 200_000 }), report.waitFor({ timeout: 200_000 })]);
    // The phase can end between any two steps, so its state is read in one look at the page, and a
    // screenshot that finds the phase gone is skipped rather than waited for.
    const ledgerSeen = await page.evaluate(() => {
      if (!document.querySelector('[data-testid="import-progress-detail"][data-phase="ledger"]')) return null;
      const cancel = document.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]');
      return { cancelDisabled: cancel ? cancel.disabled : null };
    });
    if (ledgerSeen) {
      expect(ledgerSeen.cancelDisabled).toBe(true);
      const shot = (name: string) => progress.screenshot({ path: join(ARTIFACTS_DIR, name), timeout: 5_000 }).catch(() => undefined);
      await shot('import-large-ledger-zh.png');
      await page.getByTestId('locale-switch').click();
      if (await ledger.isVisible()) await shot('import-large-ledger-en.png');
      await page.getByTestId('locale-switch').click();
    }
    await expect(report).toBeVisible({ timeout: 200_000 });
    // Every row of the generated export: 70,000 read, 70,000 new (ids are unique, none rejected).
    await expect(report.getByTestId('report-rows-read')).toHaveText('70,000');
    await expect(report.getByTestId('report-imported')).toHaveText('70,000');
    expect(rowsIn(dataDir)).toBe(ROWS);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'import-large-report-zh.png'), fullPage: true });

    // The wire: one announcement, two raw chunks that add up to the file, one import by reference.
    const path = (request: Request) => new URL(request.url()).pathname;
    const chunks = posts.filter((request) => /^\/upload\/[0-9a-f-]{36}$/.test(path(request)));
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) expect(chunk.headers()['content-type']).toBe('application/octet-stream');
    expect(chunks.map((chunk) => new URL(chunk.url()).searchParams.get('offset'))).toEqual(['0', String(CHUNK)]);
    const imports = posts.filter((request) => path(request) === '/ipc/import.files');
    expect(imports).toHaveLength(1);
    const body = JSON.parse(imports[0]!.postData()!) as { files: Array<Record<string, unknown>> };
    expect(body.files).toEqual([{ name: 'alipay-synthetic-large.csv', fileRef: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    // No JSON body of any request is larger than a few KiB, nor names a file's bytes.
    for (const request of posts.filter((r) => r.headers()['content-type']?.startsWith('application/json'))) {
      const text = request.postData() ?? '';
      expect(text.length, path(request)).toBeLessThan(16 * 1024);
      expect(text, path(request)).not.toContain('dataBase64');
    }
    // The upload is gone once imported.
    const uploads = join(dataDir, '.credence-uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  test('a cancel while the file is being uploaded or imported leaves the profile as it was', async ({ page }) => {
    test.setTimeout(240_000);
    const file = await syntheticExport();
    // Loopback moves 8 MiB in milliseconds: each chunk is held back a moment so that the cancel lands mid-upload.
    await page.route(/\/upload\/[0-9a-f-]{36}\?offset=/, async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    await newProfile(page, '取消用户');
    for (const phase of ['upload', 'import'] as const) {
      await page.getByTestId('import-file-input').setInputFiles(file);
      await expect(page.getByTestId('import-progress-detail')).toHaveAttribute('data-phase', phase, { timeout: 60_000 });
      if (phase === 'upload') {
        await expect(page.getByTestId('import-progress-detail')).toContainText('正在把文件交给 Credence');
        await page.getByTestId('import-progress').screenshot({ path: join(ARTIFACTS_DIR, 'import-large-upload-zh.png') });
        await page.getByTestId('locale-switch').click();
        await expect(page.getByTestId('import-progress-detail')).toContainText('Handing the file to Credence');
        await page.getByTestId('import-progress').screenshot({ path: join(ARTIFACTS_DIR, 'import-large-upload-en.png') });
        await page.getByTestId('locale-switch').click();
      }
      await page.getByTestId('import-cancel').click();
      const failed = page.locator('[data-testid="import-failure"][data-file="alipay-synthetic-large.csv"]');
      await expect(failed).toBeVisible({ timeout: 60_000 });
      await expect(failed).toContainText('数据库未作任何修改');
      expect(rowsIn(dataDir), phase).toBe(0);
      const uploads = join(dataDir, '.credence-uploads');
      await expect.poll(() => (existsSync(uploads) ? readdirSync(uploads) : []), { message: phase }).toEqual([]);
    }
  });
});
