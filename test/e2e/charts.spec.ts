// The pictures against `credence charts … --json` on the same profile database: the Dashboard's
// spending by credit product, an account's utilisation (statement days marked) and balance; each
// chart's data table holds the CLI's figures, cell for cell; screenshots in both languages. Data:
// a synthetic year of Alipay credit spending the project writes itself
// (test/helpers/synthetic-credit-year.ts), the limits and days a user would enter, and the card
// balances the user typed from their statements.

import type { Page } from '@playwright/test';
import { main } from '../../core/cli/credence.ts';
import type { Response } from '../../core/ipc/contract.ts';
import { formatFen } from '../../core/shared/money.ts';
import { ARTIFACTS_DIR, expect, test, type AppHarness } from './harness.ts';
import { seedCreditYear } from './credit-year-profile.ts';


async function cli<T>(file: string, args: string[]): Promise<T> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['charts', ...args, '--db', file, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  expect(code, err.join('\n')).toBe(0);
  return JSON.parse(out.join('\n')) as T;
}

async function open(page: Page, app: AppHarness, profileId: string) {
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profileId);
}

test.describe('the pictures', () => {
  test('the Dashboard’s spending per credit product is the CLI’s, month by month and product by product', async ({ page, app }) => {
    const { profile, file } = await seedCreditYear(app);
    await open(page, app, profile.id);
    const section = page.getByTestId('spending-section');
    const chart = section.getByTestId('spending-chart');
    await expect(chart).toBeVisible();
    const expected = await cli<Response<'charts.spending'>>(file, ['spending', '--months', '12']);
    // Huabei as one series and each card as its own, biggest first.
    expect(expected.series.map((s) => s.key).sort()).toEqual(['account:2', 'account:3', 'product:huabei']);
    expect(expected.series.map((s) => s.totalFen)).toEqual(expected.series.map((s) => s.totalFen).sort((a, b) => b - a));
    await expect(chart).toHaveAttribute('data-series', String(expected.series.length));
    await expect(section.getByTestId('spending-legend')).toHaveText(expected.series.map((s) => `${s.label['zh-CN']}：共 ${formatFen(s.totalFen)}`));
    for (const [i, month] of expected.months.entries()) await expect(chart.locator(`[data-testid="spending-month"][data-month="${month}"]`)).toHaveAttribute('data-total', String(expected.totalsFen[i]));
    // The table, by keyboard: its disclosure is reachable and opens with Enter.
    await section.locator('summary').focus();
    await page.keyboard.press('Enter');
    const rows = section.getByTestId('spending-row');
    await expect(rows).toHaveCount(expected.months.length);
    for (const [i, month] of expected.months.entries()) {
      const row = rows.nth(i);
      await expect(row).toHaveAttribute('data-month', month);
      for (const s of expected.series) await expect(row.locator(`td[data-key="${s.key}"]`)).toHaveText(formatFen(s.monthsFen[i]!));
      await expect(row.locator('td[data-key="total"]')).toHaveText(formatFen(expected.totalsFen[i]!));
    }
    await section.locator('summary').click();
    await section.screenshot({ path: `${ARTIFACTS_DIR}/charts-spending-zh-CN.png` });
    await page.getByTestId('locale-switch').click();
    await expect(section.getByTestId('spending-legend').first()).toContainText(`${expected.series[0]!.label.en}: ${formatFen(expected.series[0]!.totalFen)} in all`);
    await section.screenshot({ path: `${ARTIFACTS_DIR}/charts-spending-en.png` });
    expect(app.foreignRequests).toEqual([]);
  });

  test('an account’s utilisation, statement days marked, and balance are the CLI’s', async ({ page, app }) => {
    const { profile, file, huabeiId, cardId } = await seedCreditYear(app);
    await open(page, app, profile.id);
    for (const [accountId, name] of [[huabeiId, 'huabei'], [cardId, 'card']] as const) {
      await page.goto(`${app.url}#/accounts/${accountId}`);
      const charts = page.getByTestId('account-charts');
      await expect(charts.getByTestId('utilisation-chart')).toHaveAttribute('data-account-id', String(accountId));
      const utilisation = (await cli<Response<'charts.utilisation'>>(file, ['utilisation', '--account', String(accountId), '--months', '24'])).accounts[0]!;
      const balance = (await cli<Response<'charts.balance'>>(file, ['balance', '--account', String(accountId), '--months', '24'])).accounts[0]!;
      const known = utilisation.points.filter((p) => p.usedBp !== null);
      expect(known.length, name).toBeGreaterThanOrEqual(11);
      // One dot per month the ledger knows, at the CLI's figure; a diamond on each statement day.
      await expect(charts.getByTestId('utilisation-month-end')).toHaveCount(known.length);
      for (const p of known) await expect(charts.locator(`[data-testid="utilisation-month-end"][data-month="${p.month}"]`)).toHaveAttribute('data-bp', String(p.usedBp));
      const statements = known.filter((p) => p.statementOn !== null && p.on === p.statementOn);
      await expect(charts.getByTestId('utilisation-statement')).toHaveCount(statements.length);
      await charts.getByTestId('utilisation-data').locator('summary').click();
      for (const p of utilisation.points) {
        const row = charts.locator(`[data-testid="utilisation-row"][data-month="${p.month}"]`);
        await expect(row).toHaveAttribute('data-on', p.on);
        await expect(row).toHaveAttribute('data-statement-on', p.statementOn ?? '');
        await expect(row).toHaveAttribute('data-used-bp', p.usedBp === null ? '' : String(p.usedBp));
      }
      await charts.getByTestId('balance-data').locator('summary').click();
      const rows = charts.getByTestId('balance-row');
      await expect(rows).toHaveCount(balance.monthsFen.length);
      for (const [i, fen] of balance.monthsFen.entries()) await expect(rows.nth(i)).toHaveAttribute('data-fen', fen === null ? '' : String(fen));
      await charts.getByTestId('utilisation-data').locator('summary').click();
      await charts.getByTestId('balance-data').locator('summary').click();
      await charts.screenshot({ path: `${ARTIFACTS_DIR}/charts-account-${name}-zh-CN.png` });
    }
    await page.getByTestId('locale-switch').click();
    await expect(page.getByTestId('account-charts').getByRole('heading', { name: 'Over time' })).toBeVisible();
    await page.getByTestId('account-charts').screenshot({ path: `${ARTIFACTS_DIR}/charts-account-card-en.png` });
    await page.goto(`${app.url}#/accounts/${huabeiId}`);
    await expect(page.getByTestId('utilisation-chart')).toHaveAttribute('data-account-id', String(huabeiId));
    await page.getByTestId('account-charts').screenshot({ path: `${ARTIFACTS_DIR}/charts-account-huabei-en.png` });
    expect(app.foreignRequests).toEqual([]);
  });
});
