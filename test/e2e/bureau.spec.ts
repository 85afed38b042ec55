// The Bureau report page against `credence report --json` on the same profile database: every
// summary figure, each account's 60-month grid, the negative records' fall-off months, the
// lender rules and the layout comparison must say what the CLI says; a figure (the Huabei
// switch's too) opens its records; a threshold edited on the page reaches the CLI; the
// hard-query reasons edited on the page reach the CLI, the query marks and the Accounts page.

import type { Locator, Page } from '@playwright/test';
import type { BureauReport, Figure } from '../../core/bureau/report-schema.ts';
import { main } from '../../core/cli/credence.ts';
import { AS_OF, ledgerWithLines } from '../unit/bureau/fixture-ledger.ts';
import { ARTIFACTS_DIR, expect, test, type AppHarness } from './harness.ts';

async function cliJson<T>(args: string[]): Promise<T> {
  const out: string[] = [];
  const code = await main([...args, '--json'], { out: (t) => out.push(t), err: () => {}, env: {} });
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as T;
}

async function cliReport(file: string): Promise<BureauReport> {
  return cliJson<BureauReport>(['report', '--db', file, '--as-of', AS_OF]);
}

async function openBureau(page: Page, app: AppHarness) {
  const profile = app.store.create('征信报告测试');
  ledgerWithLines(app.store.database(profile.id));
  const file = app.store.list().find((p) => p.id === profile.id)!.file;
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  await page.getByTestId('nav-bureau').click();
  await expect(page.getByTestId('page-bureau')).toBeVisible();
  await page.getByTestId('bureau-as-of').fill(AS_OF);
  await expect(page.getByTestId('bureau-report-month')).toHaveAttribute('data-month', '2026-05');
  return { profile, file };
}

/** The page's figure (by test id) shows the CLI's value, and its other end when there is one. */
async function sameFigure(page: Page, testId: string, figure: Figure) {
  await sameFigureAt(page.getByTestId(testId).first(), testId, figure);
}

async function sameFigureAt(button: Locator, testId: string, figure: Figure) {
  await expect(button, testId).toHaveAttribute('data-value', figure.value === null ? '' : String(figure.value));
  if (figure.ifUnknownReported !== undefined) await expect(button, testId).toHaveAttribute('data-if-unknown', String(figure.ifUnknownReported ?? ''));
  else await expect(button, testId).not.toHaveAttribute('data-if-unknown');
  await expect(button, testId).toHaveAttribute('data-records', String(figure.records.length));
}

test.describe('bureau report page', () => {
  test('shows what `credence report` says, in the report’s order', async ({ page, app }) => {
    const { file } = await openBureau(page, app);
    const cli = await cliReport(file);
    const s = cli.summary;

    // 信息概要
    await sameFigure(page, 'fig-total', s.overview.totalAccounts);
    for (const row of s.overview.byType) {
      await sameFigure(page, `fig-type-${row.type}`, row.accounts);
      await sameFigure(page, `fig-type-${row.type}-first`, row.firstMonth);
    }
    for (const row of s.overview.byBusiness) await sameFigure(page, `fig-business-${row.category}`, row.accounts);
    await sameFigure(page, 'fig-baddebt-accounts', s.defaults.badDebt.accounts);
    await sameFigure(page, 'fig-baddebt-balance', s.defaults.badDebt.balanceFen);
    for (const row of s.defaults.overdue) {
      await sameFigure(page, `fig-overdue-${row.type}-accounts`, row.accounts);
      await sameFigure(page, `fig-overdue-${row.type}-months`, row.months);
      await sameFigure(page, `fig-overdue-${row.type}-highest`, row.highestMonthlyFen);
      await sameFigure(page, `fig-overdue-${row.type}-longest`, row.longestMonths);
    }
    for (const row of s.debt) {
      for (const [field, figure] of [
        ['institutions', row.institutions],
        ['accounts', row.accounts],
        ['total', row.totalFen],
        ['balance', row.balanceFen],
        ['average', row.average6mFen],
      ] as const) {
        await sameFigure(page, `fig-debt-${row.type}-${field}`, figure);
      }
      if (row.highestLineFen) await sameFigure(page, `fig-debt-${row.type}-highest`, row.highestLineFen);
    }
    await sameFigure(page, 'fig-q-inst1m-loan', s.queries.institutions1m.loan);
    await sameFigure(page, 'fig-q-1m-card', s.queries.queries1m.card);
    await sameFigure(page, 'fig-q-2y-postloan', s.queries.queries2y.postLoan);

    // The account of unknown reporting: figures show both ends, labelled.
    expect(s.overview.totalAccounts.range).toEqual([8, 9]);
    await expect(page.getByTestId('fig-total')).toContainText('含未知账户：9');
    await expect(page.getByTestId('bureau-reporting')).toContainText('是否上报未知 1 个');

    // 信贷交易信息明细: the same accounts in the same order, each grid cell for cell.
    const inDetail = page.getByTestId('bureau-accounts').getByTestId('bureau-account');
    await expect(inDetail).toHaveCount(cli.accounts.length);
    for (const [i, account] of cli.accounts.entries()) {
      const card = inDetail.nth(i);
      await expect(card).toHaveAttribute('data-account-id', String(account.id));
      await expect(card).toHaveAttribute('data-type', account.type);
      const statuses = await card.getByTestId('grid-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')).join(''));
      expect(statuses, account.name).toBe(account.grid.map((m) => m.status).join(''));
    }

    // Negative records with their fall-off month and countdown.
    const negatives = page.getByTestId('bureau-negatives').getByTestId('negative-item');
    await expect(negatives).toHaveCount(cli.negativeItems.length);
    for (const [i, item] of cli.negativeItems.entries()) {
      await expect(negatives.nth(i)).toHaveAttribute('data-falls-off', item.fallsOffMonth ?? '');
      if (item.monthsLeft !== null) await expect(negatives.nth(i).getByTestId('negative-countdown')).toContainText(`还剩 ${item.monthsLeft} 个月`);
    }

    // The lender view.
    const rules = page.getByTestId('lender-rule');
    await expect(rules).toHaveCount(cli.lenderView.length);
    for (const rule of cli.lenderView) {
      const row = page.locator(`[data-testid="lender-rule"][data-rule-id="${rule.ruleId}"]`);
      await expect(row).toHaveAttribute('data-status', rule.status);
      await sameFigureAt(row.getByTestId('rule-value'), rule.ruleId, rule.figure);
      // Query rules say when one more application fits; other rules say when they stop failing, where they fail.
      if (rule.safeToApply && (rule.safeToApply.basis === 'queries' || rule.status === 'fail')) await expect(row.getByTestId('safe-to-apply')).toHaveAttribute('data-warn', rule.safeToApply.warn ?? '');
    }

    // The five Weilidai draws, per draw and merged, side by side.
    const comparison = page.getByTestId('layout-comparison');
    await expect(comparison).toHaveCount(1);
    const [layout] = cli.layouts;
    await expect(comparison.locator('[data-testid="layout-side"][data-layout="per_draw"]').getByTestId('bureau-account')).toHaveCount(layout.perDraw.accounts.length);
    await expect(comparison.locator('[data-testid="layout-side"][data-layout="merged_monthly"]').getByTestId('bureau-account')).toHaveCount(1);
    const totals = comparison.locator('[data-testid="layout-figure"][data-key="accounts.total"]');
    await expect(totals.getByTestId('layout-per-draw')).toHaveAttribute('data-value', String(layout.perDraw.figures.find((f) => f.key === 'accounts.total')!.figure.value));
    await expect(totals.getByTestId('layout-merged')).toHaveAttribute('data-value', String(layout.merged.figures.find((f) => f.key === 'accounts.total')!.figure.value));

    // The Huabei switch.
    const huabei = page.getByTestId('huabei-switch');
    await expect(huabei).toHaveCount(cli.huabei.length);
    for (const change of cli.huabei[0].changes) {
      const row = huabei.locator(`[data-testid="huabei-change"][data-key="${change.key}"]`);
      await expect(row).toHaveAttribute('data-after', String(change.after.value));
      await sameFigureAt(row.getByTestId('huabei-before'), `huabei ${change.key} before`, change.before);
      await sameFigureAt(row.getByTestId('huabei-after'), `huabei ${change.key} after`, change.after);
    }

    await page.screenshot({ path: `${ARTIFACTS_DIR}/bureau-page.png` });
    await page.setViewportSize({ width: 1280, height: 6000 }); // the page scrolls inside .content: make room for whole sections
    for (const section of ['bureau-summary', 'bureau-accounts', 'bureau-negatives', 'bureau-layouts', 'bureau-huabei', 'lender-view', 'bureau-note']) {
      await page.getByTestId(section).screenshot({ path: `${ARTIFACTS_DIR}/${section}.png` });
    }
  });

  test('a figure opens the records behind it; a month shows its details; the legend is in both languages', async ({ page, app }) => {
    const { file } = await openBureau(page, app);
    const cli = await cliReport(file);
    const d1 = cli.summary.overview.byType.find((t) => t.type === 'D1')!.accounts;
    await page.getByTestId('fig-type-D1').click();
    const drawer = page.getByTestId('bureau-records');
    await expect(drawer).toBeVisible();
    const ids = await drawer.getByTestId('record').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))));
    expect(ids).toEqual(d1.records.map((r) => (r.kind === 'account' ? r.accountId : -1)));
    await page.getByTestId('bureau-records-close').click();
    await expect(drawer).toHaveCount(0);

    // The overdue months behind the D1 overdue figure name the account and its months.
    await page.getByTestId('fig-overdue-D1-months').click();
    await expect(drawer.getByTestId('record')).toContainText('2026-03, 2026-04');
    await page.getByTestId('bureau-records-close').click();

    // The Huabei switch's rows open theirs too: the accounts on the report with Huabei reporting, and without.
    const [sw] = cli.huabei;
    const total = sw.changes.find((c) => c.key === 'accounts.total')!;
    const totalRow = page.getByTestId('huabei-switch').locator('[data-testid="huabei-change"][data-key="accounts.total"]');
    const drawerIds = () => drawer.getByTestId('record').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))));
    const idsOf = (f: Figure) => f.records.map((r) => (r.kind === 'account' ? r.accountId : -1));
    await totalRow.getByTestId('huabei-after').click();
    await expect(drawer).toBeVisible();
    await expect(drawer.getByTestId('record')).toHaveCount(total.after.records.length);
    expect(await drawerIds()).toEqual(idsOf(total.after));
    expect(idsOf(total.after)).toContain(sw.accountId);
    await expect(drawer.locator(`[data-testid="record"][data-id="${sw.accountId}"]`)).toContainText(sw.name);
    await totalRow.getByTestId('huabei-before').click();
    await expect(drawer.getByTestId('record')).toHaveCount(total.before.records.length);
    expect(await drawerIds()).not.toContain(sw.accountId);
    await page.getByTestId('bureau-records-close').click();
    await expect(drawer).toHaveCount(0);

    // A grid cell's details: the loan's 2026-04 month was 2 with 5,600.00 overdue.
    const loan = cli.accounts.find((a) => a.grid.some((m) => m.status === '2'))!;
    const loanCard = page.getByTestId('bureau-accounts').locator(`[data-testid="bureau-account"][data-account-id="${loan.id}"]`);
    await loanCard.locator('[data-testid="grid-cell"][data-month="2026-04"]').click();
    await expect(loanCard.getByTestId('grid-detail')).toContainText('¥5,600.00');

    const legend = page.getByTestId('bureau-accounts').getByTestId('grid-legend');
    await expect(legend.locator('li')).toHaveCount(18);
    await expect(legend.locator('li[data-code="B"]')).toContainText('呆账');
    await page.getByTestId('locale-switch').click();
    await expect(legend.locator('li[data-code="B"]')).toContainText('Bad debt');
    await expect(page.getByTestId('bureau-note')).toContainText('Not simulated');
  });

  test('a threshold edited on the page is the CLI’s threshold too, and can be reset', async ({ page, app }) => {
    const { file } = await openBureau(page, app);
    const rule = page.locator('[data-testid="lender-rule"][data-rule-id="hard_queries_1m"]');
    await expect(rule).toHaveAttribute('data-status', 'pass');
    await rule.getByTestId('threshold-edit').click();
    await rule.getByTestId('field-warn').fill('1');
    await rule.getByTestId('threshold-save').click();
    await expect(rule).toHaveAttribute('data-status', 'warn');
    await expect(rule.getByTestId('rule-threshold')).toContainText('已修改');
    const edited = (await cliReport(file)).lenderView.find((r) => r.ruleId === 'hard_queries_1m')!;
    expect(edited).toMatchObject({ edited: true, status: 'warn', threshold: { warn: 1 } });
    // Safe to apply again once the older of the two queries leaves the month.
    await expect(rule.getByTestId('safe-to-apply')).toHaveAttribute('data-warn', edited.safeToApply!.warn!);

    // A bad level is refused by core with its sentence; reset brings the default back.
    await rule.getByTestId('threshold-edit').click();
    await rule.getByTestId('field-warn').fill('3');
    await rule.getByTestId('field-fail').fill('2');
    await rule.getByTestId('threshold-save').click();
    await expect(rule.getByTestId('threshold-form')).toContainText('注意线不能高于不通过线');
    await rule.getByTestId('threshold-reset').click();
    await expect(rule).toHaveAttribute('data-status', 'pass');
    expect((await cliReport(file)).lenderView.find((r) => r.ruleId === 'hard_queries_1m')!.edited).toBe(false);

    // Income for debt-to-income: cannot tell without it.
    const dti = page.locator('[data-testid="lender-rule"][data-rule-id="debt_to_income"]');
    await expect(dti).toHaveAttribute('data-status', 'unknown');
    await page.getByTestId('income-form').getByTestId('field-monthlyIncome').fill('20000');
    await page.getByTestId('income-save').click();
    const withIncome = (await cliReport(file)).lenderView.find((r) => r.ruleId === 'debt_to_income')!;
    await expect(dti).toHaveAttribute('data-status', withIncome.status);
    expect(withIncome.status).not.toBe('unknown');
  });

  test('the hard-query reasons edited on the page are the CLI’s, mark the queries and move the rules; reset brings the default set back', async ({ page, app }) => {
    const { file } = await openBureau(page, app);
    const editor = page.getByTestId('hard-reasons-form');
    await expect(editor).toHaveAttribute('data-codes', '02,03,08,20,24,26');
    await expect(editor).toHaveAttribute('data-edited', 'false');
    await expect(editor.locator('[data-testid="hard-reason"][data-code="02"]')).toBeChecked();
    await expect(editor.locator('[data-testid="hard-reason"][data-code="01"]')).not.toBeChecked();
    const month = page.locator('[data-testid="lender-rule"][data-rule-id="hard_queries_1m"]');
    await expect(month.getByTestId('rule-value')).toHaveAttribute('data-value', '2'); // 05-06 loan, 05-20 card

    // 贷款审批 no longer hard: the loan-approval queries lose their mark, the month counts the card approval alone.
    await expect(editor.getByTestId('hard-reasons-save')).toBeDisabled();
    await editor.locator('[data-testid="hard-reason"][data-code="02"]').uncheck();
    await editor.getByTestId('hard-reasons-save').click();
    await expect(editor).toHaveAttribute('data-codes', '03,08,20,24,26');
    await expect(editor).toHaveAttribute('data-edited', 'true');
    await expect(month.getByTestId('rule-value')).toHaveAttribute('data-value', '1');
    const rows = page.getByTestId('bureau-queries').getByTestId('query-row');
    await expect(rows.filter({ hasText: '贷款审批' }).first()).toHaveAttribute('data-hard', 'false');
    await expect(rows.filter({ hasText: '信用卡审批' })).toHaveAttribute('data-hard', 'true');

    const cli = await cliReport(file);
    expect(cli.hardQueryReasons).toMatchObject({ codes: ['03', '08', '20', '24', '26'], edited: true });
    await sameFigureAt(month.getByTestId('rule-value'), 'hard_queries_1m', cli.lenderView.find((r) => r.ruleId === 'hard_queries_1m')!.figure);
    await month.getByTestId('rule-value').click();
    await expect(page.getByTestId('bureau-records').getByTestId('record')).toHaveCount(1);
    await expect(page.getByTestId('bureau-records').getByTestId('record')).toContainText('信用卡审批');
    await page.getByTestId('bureau-records-close').click();

    // Set from the CLI, shown on the page once it reloads; reset on the page, the CLI reads the default again.
    const set = await cliJson<{ hardQueryReasons: { codes: string[] } }>(['settings', 'hard-reasons', '02,03,01', '--db', file]);
    expect(set.hardQueryReasons.codes).toEqual(['02', '03', '01']);
    await page.getByTestId('bureau-as-of').fill('2026-05-30');
    await expect(editor).toHaveAttribute('data-codes', '02,03,01');
    await page.getByTestId('bureau-as-of').fill(AS_OF);
    await expect(editor.locator('[data-testid="hard-reason"][data-code="01"]')).toBeChecked();
    await editor.getByTestId('hard-reasons-reset').click();
    await expect(editor).toHaveAttribute('data-edited', 'false');
    await expect(month.getByTestId('rule-value')).toHaveAttribute('data-value', '2');
    const after = await cliJson<{ hardQueryReasons: { codes: string[]; edited: boolean } }>(['settings', '--db', file]);
    expect(after.hardQueryReasons).toEqual(expect.objectContaining({ codes: ['02', '03', '08', '20', '24', '26'], edited: false }));

    // The Accounts page's query list follows the profile's set as well.
    await editor.locator('[data-testid="hard-reason"][data-code="03"]').uncheck();
    await editor.getByTestId('hard-reasons-save').click();
    await expect(editor).toHaveAttribute('data-codes', '02,08,20,24,26');
    await page.getByTestId('nav-accounts').click();
    const listed = page.getByTestId('queries').getByTestId('query-row');
    await expect(listed.filter({ hasText: '信用卡审批' })).toContainText('不算硬查询');
    await expect(listed.filter({ hasText: '贷款审批' }).first()).not.toContainText('不算硬查询');
  });
});
