import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { lateRepaymentsStatement, onTimeStatement } from '../unit/ledger/cmb-statement.ts';
import { ARTIFACTS_DIR, expect, test, type AppHarness } from './harness.ts';

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credence-accounts-e2e-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A profile made in the store, chosen in the UI, with the Accounts page open. */
async function openAccounts(page: Page, app: AppHarness, name: string) {
  const profile = app.store.create(name);
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  await page.getByTestId('nav-accounts').click();
  await expect(page.getByTestId('page-accounts')).toBeVisible();
  return profile;
}

const cell = (page: Page, month: string) => page.locator(`[data-testid="month-cell"][data-month="${month}"]`);

test.describe('accounts page', () => {
  test('a card entered by hand turns N month by month once its statement is imported', async ({ page, app }) => {
    await openAccounts(page, app, '账本测试');
    await expect(page.getByTestId('account-row')).toHaveCount(0);
    await page.getByTestId('accounts-add').click();

    const form = page.getByTestId('account-form');
    await form.getByTestId('field-product').selectOption('credit_card');
    await form.getByTestId('field-bank').fill('招商银行');
    await form.getByTestId('field-cardLast4').fill('8888');
    await form.getByTestId('field-limitFen').fill('20000');
    await form.getByTestId('field-openedOn').fill('2026-01-01');
    await form.getByTestId('field-statementDay').fill('10');
    // A due day that does not exist: core names the field, in the page's language.
    await form.getByTestId('field-dueDay').fill('40');
    await form.getByTestId('account-save').click();
    await expect(form.getByTestId('field-error-dueDay')).toHaveText('还款日须为 1 到 31 之间的整数');
    await form.getByTestId('field-dueDay').fill('28');
    await form.getByTestId('account-save').click();

    // The account page: the card's month is its statement cycle (core/rules/billing-cycle.ts).
    // January's cycle, closed by the Jan 10 statement, is the month it opened with nothing due
    // yet (*); every month after is # until an export shows what happened.
    await expect(page.getByTestId('account-name')).toHaveText('招商银行信用卡 尾号8888');
    await expect(cell(page, '2026-01')).toHaveAttribute('data-status', '*');
    await expect(cell(page, '2026-03')).toHaveAttribute('data-status', '#');
    await expect(page.getByTestId('origin-statementDay')).toHaveAttribute('data-provenance', 'manual');
    // A value nobody entered shows that it is a default, and where the default comes from.
    await expect(page.getByTestId('fact-bureauType')).toContainText('R2');
    await expect(page.getByTestId('origin-bureauType')).toHaveAttribute('data-provenance', 'default');
    await expect(page.getByTestId('origin-bureauType')).toContainText('docs/domain/pboc-report.md#account-types');
    await expect(page.getByTestId('origin-reportsToBureau')).toHaveAttribute('data-provenance', 'default');

    // Import the card's statement: Jan, Feb and Mar bills each repaid before the 28th.
    const statement = join(scratch, 'cmb-2026-03.csv');
    writeFileSync(statement, onTimeStatement());
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file-input').setInputFiles(statement);
    await expect(page.locator('[data-testid="import-report"][data-file="cmb-2026-03.csv"]').getByTestId('report-imported')).toHaveText('7');

    // The statement's card is the card entered by hand: one account, not two.
    await page.getByTestId('nav-accounts').click();
    const rows = page.getByTestId('account-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.getByTestId('account-worst')).toHaveAttribute('data-status', 'N');
    await expect(page.locator('[data-testid="account-group"][data-product="credit_card"]')).toBeVisible();
    await rows.getByTestId('account-link').click();

    // The Jan 28, Feb 28 and Mar 28 due days fall in the cycles closed on Feb 10, Mar 10 and Apr 10.
    for (const month of ['2026-02', '2026-03', '2026-04']) await expect(cell(page, month)).toHaveAttribute('data-status', 'N');
    await expect(cell(page, '2026-05')).toHaveAttribute('data-status', '#'); // the export ends Mar 31: the Apr 10 bill is unknown
    await expect(page.getByTestId('account-transaction')).toHaveCount(7);

    // A month's details say what was due and paid, and why the status is what it is: March's
    // cycle (Feb 11 – Mar 10) holds the Feb 25 repayment of ¥200.
    await cell(page, '2026-03').click();
    const month = page.getByTestId('month-panel');
    await expect(month).toHaveAttribute('data-month', '2026-03');
    await expect(month.getByTestId('month-paid')).toHaveText('¥200.00');
    await expect(month.getByTestId('month-reason')).toContainText('按时足额还款');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'accounts-card.png'), fullPage: true });

    // The same page in English.
    await page.getByTestId('locale-switch').click();
    await expect(month.getByTestId('month-reason')).toContainText('Paid on time');
    expect(app.foreignRequests).toEqual([]);
  });

  test('a repayment 2 days after the due day is on time by the issuer’s grace (容时), and says so', async ({ page, app }) => {
    await openAccounts(page, app, '容时测试');
    await page.getByTestId('accounts-add').click();
    const form = page.getByTestId('account-form');
    await form.getByTestId('field-product').selectOption('credit_card');
    await form.getByTestId('field-bank').fill('招商银行');
    await form.getByTestId('field-cardLast4').fill('8888');
    await form.getByTestId('field-openedOn').fill('2026-01-01');
    await form.getByTestId('field-statementDay').fill('10');
    await form.getByTestId('field-dueDay').fill('25');
    await form.getByTestId('account-save').click();
    await expect(page.getByTestId('account-name')).toHaveText('招商银行信用卡 尾号8888');

    // Jan 1 ¥100 billed Jan 10, due Jan 25, repaid Jan 27: inside the card convention's 3 grace
    // days (core/rules/repayment-grace.ts) → February's cycle (Jan 11 – Feb 10) N.
    const statement = join(scratch, 'cmb-grace.csv');
    writeFileSync(statement, lateRepaymentsStatement());
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file-input').setInputFiles(statement);
    await expect(page.locator('[data-testid="import-report"][data-file="cmb-grace.csv"]').getByTestId('report-imported')).toHaveText('5');
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('account-row').getByTestId('account-link').click();
    await expect(cell(page, '2026-02')).toHaveAttribute('data-status', 'N');
    // Feb's bill, due Feb 25, repaid Mar 2: past the 3 grace days, before the Mar 10 statement →
    // March's cycle is 1 (5 days late), not M (core/rules/billing-cycle.ts).
    await expect(cell(page, '2026-03')).toHaveAttribute('data-status', '1');
    await cell(page, '2026-02').click();
    const month = page.getByTestId('month-panel');
    await expect(month.getByTestId('month-reason')).toContainText('容时或容差内还款，视同按时');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'accounts-grace-zh.png'), fullPage: true });
    await cell(page, '2026-03').click();
    await expect(month.getByTestId('month-reason')).toContainText('账单日前已还清：按账单周期记为逾期');
    await page.getByTestId('locale-switch').click();
    await expect(month.getByTestId('month-reason')).toContainText('overdue for that statement cycle');
    await cell(page, '2026-02').click();
    await expect(month.getByTestId('month-reason')).toContainText("On time by the issuer's grace");
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'accounts-grace-en.png'), fullPage: true });
    expect(app.foreignRequests).toEqual([]);
  });

  test('the user’s month figures win, and queries and scores are recorded', async ({ page, app }) => {
    await openAccounts(page, app, 'Manual');
    await page.getByTestId('accounts-add').click();
    const form = page.getByTestId('account-form');
    await form.getByTestId('field-product').selectOption('huabei');
    await form.getByTestId('field-openedOn').fill('2026-01-01');
    await form.getByTestId('field-statementDay').fill('1');
    await form.getByTestId('field-dueDay').fill('10');
    await form.getByTestId('field-limitFen').fill('5,000');
    await form.getByTestId('account-save').click();
    await expect(page.getByTestId('account-name')).toHaveText('花呗');
    await expect(page.getByTestId('origin-lender')).toContainText('默认');
    await expect(page.getByTestId('fact-lender')).toHaveText('重庆蚂蚁消费金融有限公司');

    // A status typed in from the credit report.
    await cell(page, '2026-02').click();
    await page.getByTestId('field-month-status').selectOption('1');
    await page.getByTestId('month-save').click();
    await expect(cell(page, '2026-02')).toHaveAttribute('data-status', '1');
    await expect(page.getByTestId('month-reason')).toContainText('您填写的状态');

    await page.getByTestId('nav-accounts').click();
    await expect(page.getByTestId('account-row').getByTestId('account-worst')).toHaveAttribute('data-status', '1');

    const queries = page.getByTestId('queries');
    await queries.getByTestId('field-queriedOn').fill('2026-03-02');
    await queries.getByTestId('field-institution').fill('某银行');
    await queries.getByTestId('field-reasonCode').selectOption('03');
    await queries.getByTestId('query-add').click();
    await expect(queries.getByTestId('query-row')).toContainText('信用卡审批');
    await expect(queries.getByTestId('query-row')).toContainText('硬查询');

    const scores = page.getByTestId('observations');
    await scores.getByTestId('field-value').fill('1000');
    await scores.getByTestId('field-observedOn').fill('2026-05-06');
    await scores.getByTestId('observation-add').click();
    await expect(scores.getByTestId('field-error-value')).toBeVisible();
    await scores.getByTestId('field-value').fill('712');
    await scores.getByTestId('observation-add').click();
    await expect(scores.getByTestId('observation-row')).toContainText('芝麻分');
    await expect(scores.getByTestId('observation-row')).toContainText('712');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'accounts-list.png'), fullPage: true });
    // Both kinds of manual record are the one panel: the same table, the same add form, in English too.
    await page.getByTestId('locale-switch').click();
    await expect(queries.getByTestId('query-row')).toContainText('Credit card approval');
    await expect(scores.getByTestId('observation-row')).toContainText('Sesame score');
    await expect(queries.locator('table')).toHaveClass(await scores.locator('table').getAttribute('class') ?? '');
    await scores.screenshot({ path: join(ARTIFACTS_DIR, 'accounts-records-en.png') });
  });
});
