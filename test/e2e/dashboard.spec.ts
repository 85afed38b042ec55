import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../core/cli/credence.ts';
import type { ScoreReport } from '../../core/score/report-schema.ts';
import { alipayRow, syntheticAlipayCsv } from '../helpers/fixtures.ts';
import { cmbStatement, type CmbRow } from '../unit/ledger/cmb-statement.ts';
import { ARTIFACTS_DIR, expect, test } from './harness.ts';

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credence-dashboard-e2e-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Card 招商银行 8888, statement day 10, due day 28, line ¥10,000: January to October 2026, each
 * month ¥3,000 spent (January's on the 1st, so the export covers the card from the day it
 * opened; the others on the 3rd) and repaid on the 25th, October's ¥9,500; the last row on
 * November 20 so the export covers the year to date.
 */
function cardStatement(): string {
  const rows: CmbRow[] = [];
  for (let m = 1; m <= 10; m++) {
    const mm = String(m).padStart(2, '0');
    const yuan = m === 10 ? 9500 : 3000;
    rows.push({ date: m === 1 ? '01/01' : `${mm}/03`, summary: '某商城', yuan }, { date: `${mm}/25`, summary: '掌上生活还款', yuan: -yuan });
  }
  rows.push({ date: '11/03', summary: '某超市', yuan: 200 }, { date: '11/20', summary: '某便利店', yuan: 10 });
  return cmbStatement('2026年11月', '8888', rows);
}

/** Alipay rows over 2026: a utility bill, a transfer and a purchase each month (the estimate's behaviour and connections). */
function alipayBill(): string {
  const rows: string[][] = [];
  let id = 1;
  const order = () => `2026${String(id++).padStart(24, '0')}`;
  for (let m = 1; m <= 10; m++) {
    const mm = String(m).padStart(2, '0');
    rows.push(alipayRow({ time: `2026-${mm}-08 10:00:00`, category: '充值缴费', counterparty: '国家电网', item: '电费', direction: '支出', amount: '120.00', status: '交易成功', orderId: order() }));
    rows.push(alipayRow({ time: `2026-${mm}-12 20:00:00`, category: '转账红包', counterparty: `朋友${m % 6}`, item: '转账', direction: '支出', amount: '50.00', status: '交易成功', orderId: order() }));
    rows.push(alipayRow({ time: `2026-${mm}-18 12:00:00`, category: '餐饮美食', counterparty: '某餐厅', item: '午餐', direction: '支出', amount: '35.50', status: '交易成功', orderId: order() }));
  }
  return syntheticAlipayCsv(rows);
}

/** `credence score --db FILE --json`, in process: the CLI's numbers for the same profile and day. */
async function cliScore(file: string): Promise<ScoreReport> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['score', '--db', file, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  expect(err).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as ScoreReport;
}

test.describe('dashboard scores', () => {
  test('after an import, shows both scores as the CLI computes them, explained, with history, a real score and profile facts', async ({ page, app }) => {
    const profile = app.store.create('评分用户');
    // The card entered by hand (as on the Accounts page), so its statement lands on it.
    const created = await app.dispatch('ledger.account.create', {
      profileId: profile.id,
      input: { product: 'credit_card', bank: '招商银行', cardLast4: '8888', limitFen: 1_000_000, openedOn: '2026-01-01', statementDay: 10, dueDay: 28, reportsToBureau: 'yes' },
    });
    expect(created.ok).toBe(true);

    await page.goto(app.url);
    await page.getByTestId('profile-switcher').selectOption(profile.id);
    // Nothing imported yet: the page says where to start.
    await expect(page.getByTestId('dashboard-profile-name')).toHaveText('评分用户');

    const statement = join(scratch, 'cmb-2026-11.csv');
    writeFileSync(statement, cardStatement());
    const alipay = join(scratch, 'alipay-2026.csv');
    writeFileSync(alipay, Buffer.from(new TextEncoder().encode(alipayBill())));
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file-input').setInputFiles([statement, alipay]);
    await expect(page.locator('[data-testid="import-report"][data-file="cmb-2026-11.csv"]').getByTestId('report-imported')).toHaveText('22');
    await expect(page.locator('[data-testid="import-report"][data-file="alipay-2026.csv"]').getByTestId('report-imported')).toHaveText('30');

    await page.getByTestId('nav-dashboard').click();
    const bureau = page.getByTestId('score-bureau');
    const sesame = page.getByTestId('score-sesame');
    await expect(bureau.getByTestId('score-value')).toBeVisible();
    const cli = await cliScore(profile.file);

    // Both models, as the CLI has them: score, range, band, reasons, next step, every factor's points.
    for (const [kind, card] of [['bureau', bureau], ['sesame', sesame]] as const) {
      const model = cli[kind];
      if (model.score === null || model.range === null || model.band === null) throw new Error(`${kind}: the realistic profile is expected to be scorable`);
      await expect(card.getByTestId('score-value')).toHaveText(String(model.score));
      await expect(card.getByTestId('score-range')).toHaveAttribute('data-low', String(model.range.low));
      await expect(card.getByTestId('score-range')).toHaveAttribute('data-high', String(model.range.high));
      await expect(card.getByTestId('score-band')).toHaveAttribute('data-band', model.band.id);
      await expect(card.getByTestId('score-reason')).toHaveCount(model.reasons.length);
      await expect(card.getByTestId('score-veto')).toHaveCount(model.failingRules.length);
      expect(await card.getByTestId('score-reason').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual(model.reasons.map((r) => r.key));
      if (model.nextAction) {
        await expect(card.getByTestId('next-action')).toHaveAttribute('data-kind', model.nextAction.kind);
        await expect(card.getByTestId('next-action')).toContainText(model.nextAction.text['zh-CN']);
      }
      const factors = page.getByTestId(`factors-${kind}`).getByTestId('factor');
      await expect(factors).toHaveCount(model.factors.length);
      const shown = await factors.evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-points')), e.getAttribute('data-impact')]));
      expect(new Map(shown.map(([key, points, impact]) => [key, [points, impact]]))).toEqual(new Map(model.factors.map((f) => [f.key, [f.points, f.impact]])));
    }
    // The card's October statement at 95% of the line costs points, and the expert adjustments are shown as such.
    expect(cli.bureau.factors.find((f) => f.key === 'max_utilisation_6m')!.pointsBelowBest).toBeGreaterThan(0);
    await expect(page.getByTestId('factors-bureau').locator('[data-testid="factor"][data-origin="adjustment"]')).toHaveCount(9); // adjustments.ts: 9 rows, late_24m and current_overdue among them
    await expect(page.getByTestId('factors-bureau').locator('[data-key="adjustment:hard_queries_3m"]')).toContainText('hard_queries_3m');
    // The estimate says plainly what it is not.
    await expect(sesame.getByTestId('score-disclaimer')).toContainText('不是蚂蚁的算法');

    // The radar has the five dimensions at the CLI's shares; thresholds say what is reached.
    const radar = page.getByTestId('radar-point');
    await expect(radar).toHaveCount(5);
    expect(await radar.evaluateAll((els) => els.map((e) => [e.getAttribute('data-dimension'), Number(e.getAttribute('data-percent'))]))).toEqual(
      cli.sesame.dimensions.map((d) => [d.id, d.percent]),
    );
    await expect(page.locator('[data-testid="threshold"][data-id="hotel"]')).toHaveAttribute('data-state', cli.sesame.score >= 550 ? (cli.sesame.range.low >= 550 ? 'reached' : 'maybe') : 'not');

    // History: one snapshot, taken when the import finished, at today's scores.
    const points = page.getByTestId('score-history').locator('[data-testid="history-chart"][data-model="bureau"]').getByTestId('history-point');
    await expect(points).toHaveCount(1);
    await expect(points).toHaveAttribute('data-score', String(cli.bureau.score));
    await expect(points).toHaveAttribute('data-as-of', cli.asOf);

    // The real Sesame score the user saw: the gap to the estimate.
    await page.getByTestId('field-observedValue').fill('700');
    await page.getByTestId('observed-save').click();
    await expect(page.getByTestId('observed-gap')).toHaveAttribute('data-gap', String(700 - cli.sesame.score));

    // The page scrolls inside its content column: a window as tall as the content shows all of it.
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const shot = join(ARTIFACTS_DIR, 'dashboard-scores-zh-CN.png');
    const tall = await page.evaluate(() => document.querySelector('.content')!.scrollHeight);
    await page.setViewportSize({ width: 1280, height: tall + 80 });
    await page.screenshot({ path: shot, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(existsSync(shot)).toBe(true);

    // A profile fact Sesame rewards: the occupation adds its 20 points to the estimate, and the CLI agrees.
    await page.getByTestId('profile-facts').getByTestId('field-occupation').fill('工程师');
    await page.getByTestId('profile-facts-save').click();
    await expect(sesame.getByTestId('score-value')).toHaveText(String(cli.sesame.score + 20));
    expect((await cliScore(profile.file)).sesame.score).toBe(cli.sesame.score + 20);

    // The page follows the language switch.
    await page.getByTestId('locale-switch').click();
    await expect(sesame.getByTestId('score-disclaimer')).toContainText('not Ant’s algorithm');
    await expect(bureau.getByTestId('score-value')).toHaveText(String(cli.bureau.score));

    // Keeping today's scores by hand (score.snapshot, as `credence score snapshot`): the estimate
    // with the occupation joins the history once; a second time nothing has changed to keep.
    const said = page.getByTestId('keep-scores-said');
    await page.getByTestId('keep-scores').click();
    await expect(said).toHaveText('Both scores as they stand are kept in the history.');
    await expect(points).toHaveCount(2);
    const out: string[] = [];
    expect(await main(['score', 'history', '--db', profile.file, '--json'], { out: (t) => out.push(t), err: () => {}, env: {} })).toBe(0);
    const { snapshots } = JSON.parse(out.join('\n')) as { snapshots: { trigger: string; sesame: { score: number } }[] };
    expect(snapshots.map((s) => [s.trigger, s.sesame.score])).toEqual([
      ['import', cli.sesame.score],
      ['manual', cli.sesame.score + 20],
    ]);
    await page.getByTestId('keep-scores').click();
    await expect(said).toHaveText('Same as the latest snapshot; nothing new kept.');
    await expect(points).toHaveCount(2);
    await page.getByTestId('score-history').screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-history-en.png') });
    expect(app.foreignRequests).toEqual([]);
  });

  test('a card opened two months ago: the bureau-style card says "not scorable yet", why and what would make it scorable, in zh-CN and en', async ({ page, app }) => {
    const profile = app.store.create('新卡用户');
    // Too new for a score (FICO's minimum: an account open 6 months), whatever today is.
    const opened = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const created = await app.dispatch('ledger.account.create', {
      profileId: profile.id,
      input: { product: 'credit_card', bank: '招商银行', cardLast4: '6666', limitFen: 1_000_000, openedOn: opened, statementDay: 10, dueDay: 28, reportsToBureau: 'yes' },
    });
    expect(created.ok).toBe(true);
    const cli = await cliScore(profile.file);
    expect(cli.bureau.score).toBeNull();
    await page.goto(app.url);
    await page.getByTestId('profile-switcher').selectOption(profile.id);
    const bureau = page.getByTestId('score-bureau');
    await expect(bureau).toHaveAttribute('data-scorable', 'false');
    await expect(bureau.getByTestId('score-unscorable')).toContainText('暂不能评分');
    await expect(bureau.getByTestId('score-value')).toHaveCount(0);
    await expect(bureau.getByTestId('score-band')).toHaveCount(0);
    await expect(bureau.getByTestId('scorability-check')).toHaveCount(cli.bureau.scorability!.checks.length);
    await expect(bureau.locator('[data-testid="scorability-check"][data-id="account_age"]')).toHaveAttribute('data-met', 'false');
    // The estimate still scores.
    await expect(page.getByTestId('score-sesame').getByTestId('score-value')).toHaveText(String(cli.sesame.score));
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    for (const locale of ['zh-CN', 'en'] as const) {
      if (locale === 'en') {
        await page.getByTestId('locale-switch').click();
        await expect(bureau.getByTestId('score-unscorable')).toContainText('Not scorable yet');
      }
      const shot = join(ARTIFACTS_DIR, `dashboard-not-scorable-${locale}.png`);
      await bureau.screenshot({ path: shot });
      expect(existsSync(shot)).toBe(true);
    }
    expect(app.foreignRequests).toEqual([]);
  });
});
