// Issue 11 items 1, 4 and 10 in the app: each issuer's 容时 and 容差 and the debt-to-income share
// set on the Settings page reach the CLI and move the report's months and rules; the Bureau page's
// safe-to-apply section says what `credence report --json` says. Screenshots in zh-CN and en.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BureauReport } from '../../core/bureau/report-schema.ts';
import { main } from '../../core/cli/credence.ts';
import { createAccount } from '../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../core/ledger/accounts/month-facts.ts';
import { parseDay } from '../../core/shared/calendar.ts';
import { lateAcrossMonthEndStatement } from '../unit/ledger/cmb-statement.ts';
import { ARTIFACTS_DIR, expect, test, type AppHarness } from './harness.ts';

async function cli(args: string[]): Promise<string> {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: () => {}, env: {} });
  expect(code, args.join(' ')).toBe(0);
  return out.join('\n');
}

async function openProfile(page: Page, app: AppHarness, id: string, nav: 'settings' | 'bureau') {
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(id);
  await page.getByTestId(`nav-${nav}`).click();
  await expect(page.getByTestId(`page-${nav}`)).toBeVisible();
}

/**
 * A 招商银行 card imported from a synthetic statement: statement day 10, due day 30; Jan's ¥100 is
 * repaid Feb 1, 2 days late (N with the default 3 days of grace, 1 without any).
 */
async function lateCardProfile(app: AppHarness) {
  const profile = app.store.create('容时测试');
  const file = app.store.list().find((p) => p.id === profile.id)!.file;
  const statement = join(app.dataDir, 'cmb.csv');
  writeFileSync(statement, lateAcrossMonthEndStatement());
  await cli(['import', statement, '--db', file]);
  const db = app.store.database(profile.id);
  const id = db.prepare('SELECT id FROM credit_accounts').pluck().get() as number;
  const set = db.prepare("INSERT OR REPLACE INTO credit_account_overrides (account_id, field, value_json, updated_at) VALUES (?, ?, ?, '2026-04-01T00:00:00+08:00')");
  for (const [field, value] of Object.entries({ statementDay: 10, dueDay: 30, openingBalanceFen: 0, openingBalanceOn: '2026-01-01' })) set.run(id, field, JSON.stringify(value));
  return { profile, file, id };
}

/** The Jan 10 bill's month: a card's month is its statement cycle, so it is judged in 2026-02 (core/rules/billing-cycle.ts). */
async function janBillOnCli(file: string, id: number): Promise<string> {
  const months = JSON.parse(await cli(['accounts', 'show', String(id), '--db', file, '--as-of', '2026-03-31', '--json'])).months as { month: string; status: string }[];
  return months.find((m) => m.month === '2026-02')!.status;
}

test.describe('credit conventions', () => {
  test('an issuer’s grace set on the Settings page is the CLI’s, and the Bureau grid shows where it decided and which value applied', async ({ page, app }) => {
    const { profile, file, id } = await lateCardProfile(app);
    await openProfile(page, app, profile.id, 'settings');
    const row = page.locator('[data-testid="grace-issuer"][data-lender="招商银行"]');
    await expect(row).toHaveAttribute('data-origin', 'card_default');
    await expect(row).toHaveAttribute('data-days', '3');
    await expect(page.getByTestId('grace-source')).toContainText('中国银行卡行业自律公约');
    await expect(page.getByTestId('dti-source')).toContainText('Credence 自定');
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.getByTestId('conventions').screenshot({ path: `${ARTIFACTS_DIR}/settings-conventions-zh-CN.png` });

    // The default: 2 days late is on time by grace, marked on the Bureau grid with the value applied.
    expect(await janBillOnCli(file, id)).toBe('N');
    await page.getByTestId('nav-bureau').click();
    await page.getByTestId('bureau-as-of').fill('2026-03-31');
    const jan = page.locator('[data-testid="grid-cell"][data-month="2026-02"]').first();
    await expect(jan).toHaveAttribute('data-reason', 'paid_in_grace');
    await jan.click();
    await expect(page.getByTestId('grid-grace').first()).toContainText('容时 3 天、容差 ¥10.00');
    await expect(page.getByTestId('account-grace').first().locator('[data-origin]')).toHaveAttribute('data-origin', 'card_default');

    // 招商银行 at 0 days and ¥0: the same repayment is late, on the page and on the CLI.
    await page.getByTestId('nav-settings').click();
    await row.getByTestId('grace-days').fill('0');
    await row.getByTestId('grace-tolerance').fill('0');
    await row.getByTestId('grace-save').click();
    await expect(row).toHaveAttribute('data-origin', 'profile');
    await expect(row).toHaveAttribute('data-days', '0');
    expect(await janBillOnCli(file, id)).toBe('1');
    const conventions = JSON.parse(await cli(['settings', 'grace', '招商银行', '--db', file, '--json']));
    expect(conventions.grace.issuers.find((i: { lender: string }) => i.lender === '招商银行')).toMatchObject({ graceDays: 0, toleranceFen: 0, origin: 'profile' });
    await page.getByTestId('nav-bureau').click();
    await page.getByTestId('bureau-as-of').fill('2026-03-31');
    await expect(page.locator('[data-testid="grid-cell"][data-month="2026-02"]').first()).toHaveAttribute('data-status', '1');
    await expect(page.getByTestId('account-grace').first().locator('[data-origin]')).toHaveAttribute('data-origin', 'profile');

    // A bad value is refused by core with its sentence; reset brings the default back.
    await page.getByTestId('nav-settings').click();
    await row.getByTestId('grace-days').fill('31');
    await row.getByTestId('grace-save').click();
    await expect(row).toContainText('容时须为 0 到 30 的整天数');
    await row.getByTestId('grace-reset').click();
    await expect(row).toHaveAttribute('data-origin', 'card_default');
    expect(await janBillOnCli(file, id)).toBe('N');

    await page.getByTestId('locale-switch').click();
    await expect(page.getByTestId('grace-source')).toContainText('Self-Regulation Convention');
    await page.getByTestId('conventions').screenshot({ path: `${ARTIFACTS_DIR}/settings-conventions-en.png` });
  });

  test('the Bureau page’s safe-to-apply section says what the CLI says; the debt share set in Settings moves debt-to-income', async ({ page, app }) => {
    // A card at ¥9,000 of ¥10,000 whose May minimum of ¥500 is unpaid, and ¥20,000 of income.
    const profile = app.store.create('申请日测试');
    const file = app.store.list().find((p) => p.id === profile.id)!.file;
    const db = app.store.database(profile.id);
    const opts = { asOfDay: parseDay('2026-05-31')! };
    const cardId = createAccount(db, { product: 'credit_card', bank: '招商银行', cardLast4: '1234', openedOn: '2026-01-01', statementDay: 8, dueDay: 26, limitFen: 1_000_000, reportsToBureau: 'yes' }, opts).account.id;
    setMonthFact(db, cardId, '2026-05', { status: '1', balanceFen: 900_000, amountDueFen: 900_000, minimumDueFen: 50_000, amountPaidFen: 0 }, opts);
    await cli(['settings', 'income', '20000', '--db', file]);

    await openProfile(page, app, profile.id, 'bureau');
    await page.getByTestId('bureau-as-of').fill('2026-05-31');
    const report = JSON.parse(await cli(['report', '--db', file, '--as-of', '2026-05-31', '--json'])) as BureauReport;
    const headline = page.getByTestId('safe-to-apply-on');
    await expect(headline).toHaveAttribute('data-on', report.safeToApply.on ?? '');
    await expect(headline).toHaveAttribute('data-rule-id', report.safeToApply.ruleId ?? '');
    await expect(headline).toContainText(`${report.safeToApply.on} 起可以申请`);
    await expect(page.getByTestId('safe-to-apply-assumes').locator('li')).toHaveCount(report.safeToApply.assumes.length);
    for (const rule of report.lenderView) {
      const row = page.locator(`[data-testid="safe-to-apply-rule"][data-rule-id="${rule.ruleId}"]`);
      await expect(row).toHaveAttribute('data-fail', rule.safeToApply?.fail ?? '');
      await expect(row).toHaveAttribute('data-warn', rule.safeToApply?.warn ?? '');
    }
    await expect(page.locator('[data-testid="dti-share"]')).toHaveAttribute('data-share', '0.1');
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.getByTestId('safe-to-apply-section').screenshot({ path: `${ARTIFACTS_DIR}/bureau-safe-to-apply-zh-CN.png` });
    await page.getByTestId('locale-switch').click();
    await expect(headline).toContainText(`Safe to apply from ${report.safeToApply.on}`);
    await page.getByTestId('safe-to-apply-section').screenshot({ path: `${ARTIFACTS_DIR}/bureau-safe-to-apply-en.png` });
    await page.getByTestId('locale-switch').click();

    // The share set in Settings: 100% counts the whole ¥9,000 → ¥9,000 ÷ ¥20,000 = 0.45, a warning (above 40%).
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('dti-form').getByTestId('field-share').fill('100');
    await page.getByTestId('dti-save').click();
    await expect(page.getByTestId('dti-form')).toHaveAttribute('data-edited', 'true');
    const after = JSON.parse(await cli(['report', '--db', file, '--as-of', '2026-05-31', '--json'])) as BureauReport;
    expect(after.lenderView.find((r) => r.ruleId === 'debt_to_income')).toMatchObject({ status: 'warn', figure: { value: 0.45 } });
    await page.getByTestId('nav-bureau').click();
    await page.getByTestId('bureau-as-of').fill('2026-05-31');
    await expect(page.locator('[data-testid="dti-share"]')).toHaveAttribute('data-share', '1');
    await expect(page.locator('[data-testid="lender-rule"][data-rule-id="debt_to_income"]')).toHaveAttribute('data-status', 'warn');
  });
});
