// The Transactions page against `credence transactions --json` on the same profile database: the
// figures and rows of each filter must be the CLI's; the windowed list pages through thousands of
// rows by keyboard; an account, a report figure and a review item open it with their filter set;
// axe finds no serious or critical violation. Data: the project's own synthetic exports
// (test/fixtures-own) and a WeChat export of 1,500 rows this file writes (synthetic, no real data).

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../core/cli/credence.ts';
import { importFile } from '../../core/importers/import-file.ts';
import { formatFen } from '../../core/shared/money.ts';
import type { Db } from '../../core/storage/database.ts';
import { AS_OF, ledgerWithLines } from '../unit/bureau/fixture-ledger.ts';
import { encodeGbk, ownFixturesDir } from '../unit/importers/helpers.ts';
import { ARTIFACTS_DIR, expect, test, type AppHarness } from './harness.ts';

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credence-transactions-e2e-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const GENERATED_ROWS = 1500;

/** A WeChat CSV of `rows` synthetic rows, hourly-ish back from 2025-04-30, with its stated totals right. */
function generatedWechat(rows: number): string {
  const kinds = [
    { type: '商户消费', who: '便利店', what: '饮料', dir: '支出' },
    { type: '扫二维码付款', who: '咖啡馆', what: '拿铁', dir: '支出' },
    { type: '商户消费', who: 'Metro 地铁', what: '车费', dir: '支出' },
    { type: '转账', who: '某朋友', what: '/', dir: '收入' },
    { type: '零钱提现', who: '招商银行(8705)', what: '/', dir: '/' },
  ];
  const totals = { 收入: [0, 0], 支出: [0, 0], '/': [0, 0] } as Record<string, [number, number]>;
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const kind = kinds[i % kinds.length];
    const at = new Date(Date.UTC(2025, 3, 30, 15, 0, 0) - i * 53 * 60_000); // UTC+8 wall clock as UTC
    const time = at.toISOString().slice(0, 19).replace('T', ' ');
    const fen = 100 + ((i * 7919) % 30_000);
    totals[kind.dir][0]++;
    totals[kind.dir][1] += fen;
    const id = `4200000099${String(i).padStart(18, '0')}`;
    lines.push(`${time},${kind.type},${kind.who},"${kind.what}",${kind.dir},¥${(fen / 100).toFixed(2)},零钱,支付成功,${id}\t,/\t,"/"`);
  }
  const yuan = (fen: number) => formatFen(fen).slice(1);
  const preamble = [
    '微信支付账单明细,,,,,,,,',
    '微信昵称：[合成数据],,,,,,,,',
    '起始时间：[2025-01-01 00:00:00] 终止时间：[2025-04-30 23:59:59],,,,,,,,',
    '导出类型：[全部],,,,,,,,',
    '导出时间：[2025-05-01 10:00:00],,,,,,,,',
    ',,,,,,,,',
    `共${rows}笔记录,,,,,,,,`,
    `收入：${totals['收入'][0]}笔 ${yuan(totals['收入'][1])}元,,,,,,,,`,
    `支出：${totals['支出'][0]}笔 ${yuan(totals['支出'][1])}元,,,,,,,,`,
    `中性交易：${totals['/'][0]}笔 ${yuan(totals['/'][1])}元,,,,,,,,`,
    ...readFileSync(join(ownFixturesDir, 'wechat-synthetic-credit-2025.csv'), 'utf8').split('\n').slice(10, 17),
  ];
  return [...preamble, ...lines, ''].join('\n');
}

/** The project's own synthetic exports, and the generated one, imported into `db`. */
async function importSynthetic(db: Db): Promise<void> {
  const alipay = join(scratch, 'alipay-synthetic-credit-2026.csv');
  writeFileSync(alipay, encodeGbk(readFileSync(join(ownFixturesDir, 'alipay-synthetic-credit-2026.csv'), 'utf8')));
  const generated = join(scratch, 'wechat-generated-synthetic.csv');
  writeFileSync(generated, generatedWechat(GENERATED_ROWS));
  for (const file of [alipay, join(ownFixturesDir, 'wechat-synthetic-credit-2025.csv'), generated]) {
    const [report] = await importFile(db, file);
    expect(report.rejected, file).toEqual([]);
  }
}

interface CliRow {
  id: number;
  file: string;
  sourceLine: number;
}
interface CliResult {
  summary: { count: number; byDirection: Record<'income' | 'expense' | 'neutral', { count: number; fen: number }> };
  rows: CliRow[];
}

async function cli(file: string, args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['transactions', '--db', file, '--json', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  expect(code, err.join('\n')).toBe(0);
  return JSON.parse(out.join('\n')) as CliResult;
}

async function openTransactions(page: Page, app: AppHarness, name: string) {
  const profile = app.store.create(name);
  await importSynthetic(app.store.database(profile.id));
  const file = app.store.fileFor(profile.id);
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  await page.getByTestId('nav-transactions').click();
  await expect(page.getByTestId('page-transactions')).toBeVisible();
  return { profile, file };
}

/** The page's figures, once every part is counted, equal the CLI's; so do the first rows. */
async function samePageAsCli(page: Page, file: string, args: string[]) {
  const expected = await cli(file, args);
  const summary = page.getByTestId('tx-summary');
  await expect(summary).toHaveAttribute('data-complete', 'true');
  await expect(page.getByTestId('tx-count')).toHaveAttribute('data-value', String(expected.summary.count));
  for (const direction of ['income', 'expense', 'neutral'] as const) {
    const figure = page.getByTestId(`tx-total-${direction}`);
    await expect(figure, direction).toHaveAttribute('data-count', String(expected.summary.byDirection[direction].count));
    await expect(figure, direction).toHaveAttribute('data-fen', String(expected.summary.byDirection[direction].fen));
  }
  const shown = Math.min(8, expected.rows.length);
  const rows = page.getByTestId('tx-row');
  if (shown === 0) {
    await expect(page.getByTestId('tx-empty-clear')).toBeVisible();
    return expected;
  }
  await expect(rows.nth(shown - 1)).toBeVisible();
  const ids = await rows.evaluateAll((els, n) => els.slice(0, n).map((el) => Number(el.getAttribute('data-id'))), shown);
  expect(ids).toEqual(expected.rows.slice(0, shown).map((r) => r.id));
  const source = rows.first().getByTestId('tx-source');
  await expect(source).toHaveText(expected.rows[0].file);
  await expect(source).toHaveAttribute('data-line', String(expected.rows[0].sourceLine));
  return expected;
}

async function noSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('transactions page', () => {
  test('its figures and rows are `credence transactions --json`’s, filter by filter', async ({ page, app }) => {
    const { file } = await openTransactions(page, app, '交易明细测试');
    // 10 + 5 + 1,500 rows.
    const all = await samePageAsCli(page, file, []);
    expect(all.summary.count).toBe(10 + 5 + GENERATED_ROWS);
    // The window holds a screenful, not 1,515 rows.
    expect(await page.getByTestId('tx-row').count()).toBeLessThan(60);

    await page.getByTestId('tx-filter-platform').selectOption('alipay');
    await expect(page).toHaveURL(/platform=alipay/);
    await samePageAsCli(page, file, ['--platform', 'alipay']);

    await page.getByTestId('tx-filter-platform').selectOption('');
    await page.getByTestId('tx-filter-text').fill('咖啡 拿铁');
    await expect(page).toHaveURL(/q=/);
    await samePageAsCli(page, file, ['--text', '咖啡 拿铁']);
    await page.getByTestId('tx-filter-text').fill('metro');
    await expect(page).toHaveURL(/q=metro/);
    await samePageAsCli(page, file, ['--text', 'metro']);

    await page.getByTestId('tx-filter-text').fill('');
    await page.getByTestId('tx-filter-direction').selectOption('income');
    await page.getByTestId('tx-filter-from').fill('2025-03-01');
    await page.getByTestId('tx-filter-to').fill('2025-03-31');
    await expect(page).toHaveURL(/to=2025-03-31/);
    const march = await samePageAsCli(page, file, ['--direction', 'income', '--from', '2025-03-01', '--to', '2025-03-31']);
    expect(march.summary.count).toBeGreaterThan(50);

    await page.getByTestId('tx-filter-clear').click();
    await page.getByTestId('tx-filter-event').selectOption('any');
    await samePageAsCli(page, file, ['--event', 'any']);
    await page.getByTestId('tx-filter-event').selectOption('huabei_repayment');
    await samePageAsCli(page, file, ['--event', 'huabei_repayment']);
    await page.getByTestId('tx-filter-category').selectOption('信用借还');
    await samePageAsCli(page, file, ['--event', 'huabei_repayment', '--category', '信用借还']);
    await page.getByTestId('tx-filter-file').selectOption({ label: 'wechat-synthetic-credit-2025.csv（5 笔）' });
    await samePageAsCli(page, file, ['--event', 'huabei_repayment', '--category', '信用借还', '--file', 'wechat-synthetic-credit-2025.csv']);
    await page.getByTestId('tx-empty-clear').click();
    await page.getByTestId('tx-filter-order').selectOption('oldest');
    await samePageAsCli(page, file, ['--order', 'oldest']);

    // A start after the end says so, on the page and from core.
    await page.getByTestId('tx-filter-from').fill('2026-05-01');
    await page.getByTestId('tx-filter-to').fill('2026-04-01');
    await expect(page.locator('#tx-range-error')).toBeVisible();
    await expect(page.getByTestId('tx-list-error')).toContainText('起始日期 2026-05-01 晚于结束日期 2026-04-01');
    expect(app.foreignRequests).toEqual([]);
  });

  test('is operated by keyboard alone: to the list, through it to its end, into a row and back; axe finds nothing serious', async ({ page, app }) => {
    const { file } = await openTransactions(page, app, 'Keyboard');
    await expect(page.getByTestId('tx-summary')).toHaveAttribute('data-complete', 'true');
    const grid = page.getByTestId('tx-grid');
    // From the last filter (the clear button is disabled with no filter set), Tab reaches the list.
    await page.getByTestId('tx-filter-order').focus();
    await page.keyboard.press('Tab');
    await expect(grid).toBeFocused();
    const newest = await cli(file, ['--limit', '3']);
    await expect(grid).toHaveAttribute('aria-activedescendant', `tx-row-${newest.rows[0].id}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(grid).toHaveAttribute('aria-activedescendant', `tx-row-${newest.rows[2].id}`);

    // End, again and again: each loads the next rows, until the oldest row is the last one.
    const oldest = await cli(file, ['--order', 'oldest', '--limit', '1']);
    await expect(async () => {
      await page.keyboard.press('End');
      await expect(grid).toHaveAttribute('aria-activedescendant', `tx-row-${oldest.rows[0].id}`, { timeout: 500 });
    }).toPass({ timeout: 30_000 });
    await expect(grid).toHaveAttribute('aria-rowcount', String(10 + 5 + GENERATED_ROWS + 1));
    expect(await page.getByTestId('tx-row').count()).toBeLessThan(60);
    await page.keyboard.press('Home');
    await expect(grid).toHaveAttribute('aria-activedescendant', `tx-row-${newest.rows[0].id}`);
    await page.keyboard.press('PageDown');
    await expect(grid).not.toHaveAttribute('aria-activedescendant', `tx-row-${newest.rows[0].id}`);
    await page.keyboard.press('Home');

    // Enter opens the row; its details say where it came from; Tab reaches their buttons.
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('tx-detail');
    await expect(detail).toHaveAttribute('data-id', String(newest.rows[0].id));
    await expect(detail.getByRole('heading')).toBeFocused();
    await expect(detail.getByTestId('tx-detail-source')).toContainText(newest.rows[0].file);
    await noSeriousAxeViolations(page);
    await page.keyboard.press('Tab'); // the close button
    await page.keyboard.press('Tab'); // only this file
    await expect(detail.getByTestId('tx-only-file')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/file=\d+/);
    await samePageAsCli(page, file, ['--file', newest.rows[0].file]);
    await expect(detail).toHaveCount(0);

    await grid.focus();
    await page.keyboard.press('Enter');
    await expect(detail).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(detail).toHaveCount(0);
    await expect(grid).toBeFocused();
    await noSeriousAxeViolations(page);
  });

  test('an account, a review item and a report figure open it with their filter set; screenshots in both languages', async ({ page, app }) => {
    const profile = app.store.create('链接测试');
    const db = app.store.database(profile.id);
    ledgerWithLines(db);
    await importSynthetic(db);
    const file = app.store.fileFor(profile.id);
    await page.goto(app.url);
    await page.getByTestId('profile-switcher').selectOption(profile.id);

    // From an account: Huabei's events (lines 25-27 and 33 of the Alipay export are Huabei's).
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('account-link').filter({ hasText: '花呗' }).first().click();
    await page.getByTestId('account-all-transactions').click();
    await expect(page.getByTestId('page-transactions')).toBeVisible();
    const accountId = Number(/account=(\d+)/.exec(page.url())![1]);
    await expect(page.getByTestId('tx-filter-account')).toHaveValue(String(accountId));
    const huabei = await samePageAsCli(page, file, ['--account', String(accountId)]);
    expect(huabei.summary.count).toBeGreaterThanOrEqual(3);

    // From a review item on the Import page: its day and platform, the row itself selected and open.
    await page.getByTestId('nav-import').click();
    const item = page.getByTestId('review-item').first();
    const itemId = Number(await item.getAttribute('data-id'));
    await item.getByTestId('review-transactions').click();
    await expect(page.getByTestId('tx-detail')).toHaveAttribute('data-id', String(itemId));
    await expect(page.locator(`#tx-row-${itemId}`)).toHaveAttribute('aria-selected', 'true');
    const filterFromReview = /from=([\d-]+)&to=([\d-]+)&platform=(\w+)/.exec(page.url())!;
    await samePageAsCli(page, file, ['--from', filterFromReview[1], '--to', filterFromReview[2], '--platform', filterFromReview[3]]);

    // From a report figure: the D1 overdue months name a loan and its months.
    await page.getByTestId('nav-bureau').click();
    await page.getByTestId('bureau-as-of').fill(AS_OF);
    await page.getByTestId('fig-overdue-D1-months').click();
    const record = page.getByTestId('bureau-records').getByTestId('record').first();
    const recordId = await record.getAttribute('data-id');
    await record.getByTestId('record-transactions').click();
    await expect(page.getByTestId('page-transactions')).toBeVisible();
    await expect(page.getByTestId('tx-filter-account')).toHaveValue(recordId!);
    await expect(page.getByTestId('tx-filter-from')).toHaveValue('2026-03-01');
    await expect(page.getByTestId('tx-filter-to')).toHaveValue('2026-04-30');
    await samePageAsCli(page, file, ['--account', recordId!, '--from', '2026-03-01', '--to', '2026-04-30']);

    // The whole list, a row open, in both languages.
    await page.getByTestId('tx-empty-clear').click();
    await expect(page.getByTestId('tx-summary')).toHaveAttribute('data-complete', 'true');
    await page.getByTestId('tx-row').nth(1).click();
    await expect(page.getByTestId('tx-detail')).toBeVisible();
    await noSeriousAxeViolations(page);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    // The page scrolls inside .content: a tall window shows the filters, the list and the details at once.
    await page.setViewportSize({ width: 1280, height: 1280 });
    const shoot = async (name: string) => {
      await page.locator('.content').evaluate((content) => content.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS_DIR, name) });
    };
    await shoot('transactions-zh-CN.png');
    await page.getByTestId('tx-detail').screenshot({ path: join(ARTIFACTS_DIR, 'transactions-detail-zh-CN.png') });
    await page.getByTestId('locale-switch').click();
    await expect(page.getByTestId('tx-count')).toContainText('transactions');
    await noSeriousAxeViolations(page);
    await shoot('transactions-en.png');
    await page.getByTestId('tx-detail').screenshot({ path: join(ARTIFACTS_DIR, 'transactions-detail-en.png') });
    expect(app.foreignRequests).toEqual([]);
  });
});
