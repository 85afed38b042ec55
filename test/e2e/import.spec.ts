import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { bill } from '../helpers/fixtures.ts';
import { ARTIFACTS_DIR, expect, test, type AppHarness } from './harness.ts';

const MEITUAN = bill('meituan/meituan-2025.csv');
const JD = bill('jd/jd-2025.csv');
const ALIPAY_2023 = bill('alipay/alipay-app-2023.csv');

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credence-import-e2e-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A profile made in the store, chosen in the UI, with the Import page open. */
async function openImport(page: Page, app: AppHarness, name: string) {
  const profile = app.store.create(name);
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  await page.getByTestId('nav-import').click();
  await expect(page.getByTestId('import-dropzone')).toBeVisible();
  const db = app.store.database(profile.id);
  const count = (sql = 'select count(*) from transactions') => db.prepare(sql).pluck().get() as number;
  return { profile, db, count };
}

const card = (page: Page, file: string) => page.locator(`[data-testid="import-report"][data-file="${file}"]`);
const failure = (page: Page, file: string) => page.locator(`[data-testid="import-failure"][data-file="${file}"]`);

/** The preamble and header of the real 2023 Alipay export (GB18030), as text, up to the header row. */
function alipayHead(): string {
  const lines = new TextDecoder('gb18030').decode(readFileSync(ALIPAY_2023)).split(/\r?\n/);
  const header = lines.findIndex((line) => line.startsWith('交易时间'));
  expect(header).toBeGreaterThan(0);
  return lines.slice(0, header + 1).join('\n') + '\n';
}

/** One row in the 13-field 2023 layout (12 columns and the trailing comma). */
function alipayRow(time: string, category: string, counterparty: string, item: string, direction: string, amount: string, method: string, status: string, orderId: string) {
  return [time, category, counterparty, '/', item, direction, amount, method, status, `${orderId}\t`, '', '', ''].join(',');
}

test.describe('import page', () => {
  test('imports a Meituan bill through the file input, then says a re-import added nothing', async ({ page, app }) => {
    const { count } = await openImport(page, app, '导入测试');
    await page.getByTestId('import-file-input').setInputFiles(MEITUAN);

    // Figures checked by hand against `npx credence import meituan-2025.csv --db … --json`.
    const report = card(page, 'meituan-2025.csv');
    await expect(report).toBeVisible();
    await expect(report.getByTestId('report-platform')).toHaveText('美团');
    await expect(report).toContainText('csv');
    await expect(report.getByTestId('report-rows-read')).toHaveText('29');
    // The period the export states on line 3, [2025-02-01] to [2025-02-28], whole days in UTC+8.
    await expect(report.getByTestId('report-period')).toHaveAttribute('data-source', 'stated');
    await expect(report.getByTestId('report-period')).toContainText('2025-02-01 00:00（UTC+8） – 2025-02-28 23:59（UTC+8）');
    await expect(report.getByTestId('report-imported')).toHaveText('29');
    await expect(report.getByTestId('report-duplicates')).toHaveText('0');
    await expect(report.getByTestId('report-nothing-new')).toHaveCount(0);
    const direction = (name: string) => report.locator(`[data-testid="report-direction"][data-direction="${name}"]`);
    await expect(direction('income')).toContainText('6');
    await expect(direction('income')).toContainText('¥209.73');
    await expect(direction('expense')).toContainText('23');
    await expect(direction('expense')).toContainText('¥1,223.80');
    await expect(direction('neutral')).toContainText('¥0.00');
    await expect(direction('spending')).toContainText('22');
    await expect(direction('spending')).toContainText('¥1,175.68');
    await expect(report.getByTestId('report-reconciled')).toHaveAttribute('data-state', 'agrees');
    await expect(report.getByTestId('report-reconciled')).toContainText('一致');
    const events = report.getByTestId('report-credit-events');
    await expect(events.locator('[data-kind="meituan_yuefu_purchase"]')).toHaveText(/美团月付消费\s*4/);
    await expect(events.locator('[data-kind="credit_card_purchase"]')).toHaveText(/信用卡消费\s*9/);
    await expect(events.locator('[data-kind="meituan_yuefu_repayment"]')).toHaveText(/美团月付还款\s*1/);
    await expect(events.locator('li')).toHaveCount(3);
    await expect(report.getByTestId('report-warnings')).toHaveAttribute('data-count', '0');
    await expect(report.getByTestId('report-rejected')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('import-failure')).toHaveCount(0);
    expect(count()).toBe(29);
    expect(count('select count(*) from import_batches')).toBe(1);

    // The report is still there after looking at another page.
    await page.getByTestId('nav-dashboard').click();
    await expect(report).toBeHidden();
    await page.getByTestId('nav-import').click();
    await expect(report.getByTestId('report-rows-read')).toHaveText('29');

    // (b) the same file again: every row is a duplicate and the card says so in words.
    await page.getByTestId('import-file-input').setInputFiles(MEITUAN);
    await expect(report.getByTestId('report-imported')).toHaveText('0');
    await expect(report).toHaveCount(1);
    await expect(report.getByTestId('report-rows-read')).toHaveText('29');
    await expect(report.getByTestId('report-duplicates')).toHaveText('29');
    await expect(report.getByTestId('report-nothing-new')).toContainText('没有新增');
    expect(count()).toBe(29);

    // The page follows the language switch, report included.
    await page.getByTestId('locale-switch').click();
    await expect(report.getByTestId('report-nothing-new')).toContainText('Re-import: nothing new added');
    await expect(report.getByTestId('report-platform')).toHaveText('Meituan');
    expect(app.foreignRequests).toEqual([]);
  });

  test('in the desktop app a file on disk goes by the reference main gives for it, never as its bytes', async ({ page, app }) => {
    const { count } = await openImport(page, app, '按引用导入');
    // As the desktop preload finds it (webUtils.getPathForFile): the Meituan bill is on disk; the JD one,
    // handed over below, is not (as a file dragged out of a browser), so its bytes go as before.
    app.filesOnDisk.set('meituan-2025.csv', MEITUAN);
    await page.getByTestId('import-file-input').setInputFiles(MEITUAN);
    await expect(card(page, 'meituan-2025.csv').getByTestId('report-imported')).toHaveText('29');
    await page.getByTestId('import-file-input').setInputFiles(JD);
    await expect(card(page, 'jd-2025.csv')).toBeVisible();
    const imports = app.requests.filter((r) => r.channel === 'import.files').map((r) => (r.payload as { files: Record<string, string>[] }).files);
    expect(imports).toHaveLength(2);
    expect(imports[0]).toEqual([{ name: 'meituan-2025.csv', fileRef: expect.stringMatching(/^dropped:[0-9a-f-]{36}$/) }]);
    expect(JSON.stringify(imports[0])).not.toContain(MEITUAN);
    expect(Object.keys(imports[1]![0]!).sort()).toEqual(['dataBase64', 'name']);
    expect(count()).toBeGreaterThan(29);
    expect(app.foreignRequests).toEqual([]);
  });

  test('files that are not bills, or are too large, get failure cards and change nothing', async ({ page, app }) => {
    const { count } = await openImport(page, app, 'Not a bill');
    const notes = join(scratch, 'notes.txt');
    writeFileSync(notes, 'Shopping list\nmilk, eggs, bread\n');
    await page.getByTestId('import-file-input').setInputFiles(notes);

    const failed = failure(page, 'notes.txt');
    await expect(failed).toBeVisible();
    await expect(failed).toHaveAttribute('data-code', 'import.not_a_bill');
    await expect(failed).toContainText('notes.txt 不是可识别的账单');
    await expect(failed).toContainText('数据库未作任何修改');
    await expect(page.getByTestId('import-report')).toHaveCount(0);
    expect(count()).toBe(0);
    expect(count('select count(*) from import_batches')).toBe(0);

    // Dropped files take the same path; one over 200 MB is refused in the page before it is read.
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(201 * 1024 * 1024)], 'huge.csv', { type: 'text/csv' }));
      transfer.items.add(new File(['not, a, bill\n'], 'dropped.txt', { type: 'text/plain' }));
      return transfer;
    });
    await page.getByTestId('import-dropzone').dispatchEvent('dragover', { dataTransfer: dropped });
    await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer: dropped });
    await expect(failure(page, 'huge.csv')).toHaveAttribute('data-code', 'import.tooLarge');
    await expect(failure(page, 'huge.csv')).toContainText('超过 200 MB');
    await expect(failure(page, 'dropped.txt')).toHaveAttribute('data-code', 'import.not_a_bill');
    await expect(failed).toHaveCount(0); // each import shows its own result
    expect(count()).toBe(0);

    // The password field is there and labelled for the encrypted ZIPs the platforms send.
    await expect(page.getByTestId('import-password')).toHaveAttribute('type', 'password');
    await expect(page.getByLabel('ZIP 解压密码（仅加密压缩包需要）')).toBeVisible();
    expect(app.foreignRequests).toEqual([]);
  });

  test('cancelling a large import rolls it back and reports the file as cancelled', async ({ page, app }) => {
    const { count } = await openImport(page, app, 'Cancel');
    await page.getByTestId('import-file-input').setInputFiles(MEITUAN);
    await expect(card(page, 'meituan-2025.csv').getByTestId('report-imported')).toHaveText('29');
    const before = count();
    expect(before).toBe(29);

    // ~300,000 rows (about 39 MB) in the 2023 Alipay layout, UTF-8: the encoding is sniffed.
    const rows: string[] = [];
    for (let n = 0; n < 300_000; n++) {
      const day = String(1 + (n % 28)).padStart(2, '0');
      const clock = `${String(n % 24).padStart(2, '0')}:${String(Math.floor(n / 24) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
      rows.push(alipayRow(`2023-01-${day} ${clock}`, '日用百货', `商户${n}`, `商品${n}`, '支出', `${1 + (n % 500)}.${String(n % 100).padStart(2, '0')}`, '余额', '交易成功', `2023${String(n).padStart(20, '0')}`));
    }
    const big = join(scratch, 'alipay-big.csv');
    writeFileSync(big, alipayHead() + rows.join('\n') + '\n');

    await page.getByTestId('import-file-input').setInputFiles(big);
    const progress = page.getByTestId('import-progress');
    await expect(progress).toBeVisible();
    await expect.poll(async () => Number(await progress.getAttribute('data-rows-read')), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(progress).toContainText('alipay-big.csv');
    await expect(progress).toContainText('第 1/1 个文件');
    await page.getByTestId('import-cancel').click();

    const cancelled = failure(page, 'alipay-big.csv');
    await expect(cancelled).toBeVisible({ timeout: 30_000 });
    await expect(cancelled).toHaveAttribute('data-code', 'import.cancelled');
    await expect(cancelled).toContainText('已取消导入 alipay-big.csv，数据库未作任何修改');
    await expect(progress).toHaveCount(0);
    await expect(page.getByTestId('import-report')).toHaveCount(0);
    expect(count()).toBe(before);
    expect(count('select count(*) from import_batches')).toBe(1);
    expect(app.foreignRequests).toEqual([]);
  });

  test('needs-review items can be confirmed or corrected, and leave the list', async ({ page, app }) => {
    const { count, db } = await openImport(page, app, '待确认');
    await expect(page.getByTestId('review-remaining')).toHaveAttribute('data-count', '0');

    // jd-2025.csv flags one card purchase without card digits (line 40); the synthetic Alipay
    // file adds two Jiebei disbursements, which rest on keyword rules from an unverified layout.
    const jiebei = join(scratch, 'alipay-jiebei.csv');
    writeFileSync(
      jiebei,
      alipayHead() +
        [
          alipayRow('2024-03-01 10:00:00', '信用借还', '借呗', '借呗放款至银行卡', '不计收支', '5000.00', '', '放款成功', '2024030122001400000001'),
          alipayRow('2024-03-05 18:30:00', '信用借还', '借呗', '借呗放款至银行卡', '不计收支', '1234.56', '', '放款成功', '2024030522001400000002'),
        ].join('\n') +
        '\n',
    );
    await page.getByTestId('import-file-input').setInputFiles([JD, jiebei]);

    const jd = card(page, 'jd-2025.csv');
    await expect(jd.getByTestId('report-platform')).toHaveText('京东');
    await expect(jd.getByTestId('report-rows-read')).toHaveText('26');
    await expect(jd.getByTestId('report-imported')).toHaveText('26');
    await expect(jd.getByTestId('report-warnings')).toHaveAttribute('data-count', '24'); // 20 listed
    await expect(jd.getByTestId('report-warnings')).toContainText('另有 4 条未列出');
    await expect(jd.getByTestId('report-reconciled')).toHaveAttribute('data-state', 'agrees');
    await expect(jd.getByTestId('report-credit-events').locator('[data-kind="jd_xianxiang_houfu"]')).toHaveText(/京东先享后付\s*2/);
    await expect(jd.getByTestId('report-credit-events')).toContainText('其中 1 条需要你确认');
    const ali = card(page, 'alipay-jiebei.csv');
    await expect(ali.getByTestId('report-platform')).toHaveText('支付宝');
    await expect(ali).toContainText('app-2023');
    await expect(ali.getByTestId('report-imported')).toHaveText('2');
    await expect(ali.getByTestId('report-credit-events').locator('[data-kind="jiebei_disbursement"]')).toHaveText(/借呗放款\s*2/);
    // The borrowed preamble states the totals of the real file, so reconciliation must differ.
    await expect(ali.getByTestId('report-reconciled')).toHaveAttribute('data-state', 'differs');
    await expect(ali.getByTestId('report-reconciled').locator('[data-field="count"]')).toContainText('-64');
    expect(count()).toBe(28);

    const list = page.getByTestId('review-list');
    await expect(list.getByTestId('review-item')).toHaveCount(3);
    await expect(page.getByTestId('review-remaining')).toHaveAttribute('data-count', '3');
    await expect(page.getByTestId('review-remaining')).toContainText('3');

    const flagged = db.prepare('select id, credit_event as kind, source_line as line from transactions where needs_review = 1 order by id').all() as {
      id: number;
      kind: string;
      line: number;
    }[];
    const jdRow = flagged.find((row) => row.kind === 'credit_card_purchase')!;
    const [confirmRow, noneRow] = flagged.filter((row) => row.kind === 'jiebei_disbursement');
    expect(jdRow.line).toBe(40);
    const item = (id: number) => list.locator(`[data-testid="review-item"][data-id="${id}"]`);
    await expect(item(confirmRow!.id)).toContainText('2024-03-01 10:00（UTC+8）');
    await expect(item(confirmRow!.id)).toContainText('¥5,000.00');
    await expect(item(confirmRow!.id)).toContainText('借呗放款');
    await expect(item(confirmRow!.id)).toContainText('置信度 50%');
    await expect(item(confirmRow!.id)).toContainText('alipay-jiebei.csv 第 26 行');
    await expect(item(noneRow!.id)).toContainText('¥1,234.56');
    await expect(item(jdRow.id)).toContainText('jd-2025.csv 第 40 行');

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 3200 }); // the content pane scrolls; show it all
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'import-report-zh-CN.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await item(confirmRow!.id).getByTestId('review-confirm').click();
    await expect(item(confirmRow!.id)).toHaveCount(0);
    await expect(page.getByTestId('review-remaining')).toHaveAttribute('data-count', '2');

    await item(jdRow.id).getByTestId('review-correct-kind').selectOption('baitiao_purchase');
    await item(jdRow.id).getByTestId('review-correct-apply').click();
    await expect(item(jdRow.id)).toHaveCount(0);
    await expect(page.getByTestId('review-remaining')).toHaveAttribute('data-count', '1');

    await item(noneRow!.id).getByTestId('review-correct-kind').selectOption({ label: '不是信用事件' });
    await item(noneRow!.id).getByTestId('review-correct-apply').click();
    await expect(list.getByTestId('review-item')).toHaveCount(0);
    await expect(page.getByTestId('review-remaining')).toHaveAttribute('data-count', '0');
    await expect(list).toContainText('没有需要确认的记录');

    const after = (id: number) =>
      db.prepare('select credit_event as kind, credit_confidence as confidence, needs_review as review from transactions where id = ?').get(id);
    expect(after(confirmRow!.id)).toEqual({ kind: 'jiebei_disbursement', confidence: 1, review: 0 });
    expect(after(jdRow.id)).toEqual({ kind: 'baitiao_purchase', confidence: 1, review: 0 });
    expect(after(noneRow!.id)).toEqual({ kind: null, confidence: 1, review: 0 });
    expect(count('select count(*) from transactions where needs_review = 1')).toBe(0);

    // The list is read from the database, not kept in the page: it stays empty after a reload.
    await page.reload();
    await expect(page.getByTestId('review-remaining')).toHaveAttribute('data-count', '0');
    expect(app.foreignRequests).toEqual([]);
  });
});
