// The What-if page against `credence whatif --json`: a scenario built on the page, action by
// action through its forms (one refused by the engine first, its message beside the field), is
// saved, and every figure the page then shows (each chart point and band threshold, the chart's
// data table, the side-by-side table month by month, the factor deltas, the cash, the safe-to-
// apply day, the frozen assumptions) is what the CLI prints for the same scenario files on the
// same profile file. Then save, rename, duplicate, delete and "apply to the plan" through the
// page, seen by the CLI; the target planner against `credence target --json`, its plan opened as
// a scenario; keyboard reach; axe in both languages; screenshots of the side by side.
// Data: the made-up client of test/unit/whatif/client-profile.ts, the what-if tests' day 2026-11-21.

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from '../../core/ipc/contract.ts';
import { main } from '../../core/cli/credence.ts';
import { formatCount, formatFen } from '../../core/shared/money.ts';
import { CLIENT } from '../unit/whatif/client-profile.ts';
import { AS_OF, writeHandProfile } from '../unit/whatif/hand-profile.ts';
import { ANSWER_MARKS } from '../../renderer/src/whatif/answer-timing.ts';
import { ARTIFACTS_DIR, expect, test, type AppHarness } from './harness.ts';

type Comparison = Response<'whatif.compare'>;
type ScoreAt = Comparison['baseline']['months'][number]['bureau'];
type Lang = 'zh-CN' | 'en';

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credence-whatif-e2e-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

async function cli<T>(args: string[]): Promise<T> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  expect(code, err.join('\n')).toBe(0);
  return JSON.parse(out.join('\n')) as T;
}

async function openWhatIf(page: Page, app: AppHarness) {
  const profile = app.store.create('假设分析客户');
  const ids = writeHandProfile(app.store.database(profile.id), CLIENT);
  const file = app.store.list().find((p) => p.id === profile.id)!.file;
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  await page.getByTestId('nav-whatif').click();
  await page.getByTestId('whatif-as-of').fill(AS_OF);
  await page.getByTestId('whatif-months').fill('12');
  // 2026-10 (the report month of 2026-11-21) and twelve more.
  await expect(page.getByTestId('whatif-result')).toHaveAttribute('data-months', '12');
  await expect(page.getByTestId('whatif-result')).toHaveAttribute('data-as-of', AS_OF);
  return { profile, ids, file };
}

/** Picks the action type and fills its fields (selects by value, the accounts list by name). */
async function fillAction(page: Page, type: string, fields: Record<string, string | string[]>) {
  const picker = page.getByTestId('action-picker');
  await picker.getByTestId('action-type').selectOption(type);
  for (const [name, value] of Object.entries(fields)) {
    const field = picker.getByTestId(`action-field-${name}`);
    if (Array.isArray(value)) for (const label of value) await field.getByRole('checkbox', { name: new RegExp(label) }).check();
    else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

async function addAction(page: Page, type: string, fields: Record<string, string | string[]>) {
  const before = await page.getByTestId('action-item').count();
  await fillAction(page, type, fields);
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-item')).toHaveCount(before + 1);
}

function scoreText(s: ScoreAt, lang: Lang): string {
  if (s.score === null || s.band === null) return lang === 'zh-CN' ? '暂不能评分' : 'Not scorable yet';
  return lang === 'zh-CN' ? `${s.score}（${s.low}–${s.high}）${s.band.label['zh-CN']}` : `${s.score} (${s.low}–${s.high}) ${s.band.label.en}`;
}

/** A figure as the page writes it: fen with the yuan sign and two decimals, ratios to one decimal place in percent, counts grouped. */
function figureText(unit: string, value: number | null): string {
  if (value === null) return '—';
  if (unit === 'fen') return formatFen(Math.round(value));
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return formatCount(value);
}

type Cell = { row: string; scenario: number; value: string; text: string };

async function cells(table: Locator): Promise<Cell[]> {
  return table.getByTestId('sbs-cell').evaluateAll((els) =>
    els.map((el) => ({ row: el.getAttribute('data-row')!, scenario: Number(el.getAttribute('data-scenario')), value: el.getAttribute('data-value')!, text: (el.textContent ?? '').trim() })),
  );
}

/** What the side-by-side table must show in month `i`, cell by cell, from the CLI's comparison. */
function expectedCells(cliResult: Comparison, i: number, lang: Lang): Cell[] {
  const series = [cliResult.baseline, ...cliResult.scenarios];
  const out: Cell[] = [];
  const row = (name: string, pick: (s: (typeof series)[number], k: number) => { value: string; text?: string }) =>
    series.forEach((s, k) => {
      const { value, text } = pick(s, k);
      out.push({ row: name, scenario: k, value, text: text ?? '' });
    });
  for (const model of ['bureau', 'sesame'] as const) row(`score.${model}`, (s) => ({ value: String(s.months[i]![model].score ?? ''), text: scoreText(s.months[i]![model], lang) }));
  for (const f of cliResult.figures) {
    row(`figure.${f.key}`, (s) => {
      const v = s.months[i]!.figures[f.key]!;
      // The figures of this client have no account of unknown reporting and no unknown amount: the text is the value alone.
      expect(v.ifUnknownReported, f.key).toBeUndefined();
      expect(v.range, f.key).toBeUndefined();
      return { value: String(v.value ?? ''), text: figureText(f.unit, v.value) };
    });
  }
  const status = { 'zh-CN': { pass: '通过', warn: '注意', fail: '不通过', unknown: '无法判断' }, en: { pass: 'Pass', warn: 'Warn', fail: 'Fail', unknown: 'Cannot tell' } }[lang];
  row('verdict', (s) => ({ value: s.months[i]!.verdict, text: status[s.months[i]!.verdict] }));
  for (const rule of cliResult.rules) row(`rule.${rule.ruleId}`, (s) => ({ value: s.months[i]!.rules.find((r) => r.ruleId === rule.ruleId)!.status }));
  row('safe', (s) => ({ value: s.safeToApply.on ?? '', text: s.safeToApply.text[lang] }));
  row('cash', (s) => ({ value: String(s.cashTotalFen), text: formatFen(s.cashTotalFen) }));
  return out;
}

/** The table in month `i` is the CLI's: every value, and the text of every cell that is a number or a sentence. */
async function sameTable(page: Page, cliResult: Comparison, i: number, lang: Lang) {
  await page.getByTestId('sbs-month').selectOption(String(i));
  const table = page.getByTestId('side-by-side');
  await expect(table).toHaveAttribute('data-month', cliResult.baseline.months[i]!.month);
  const shown = await cells(table);
  const expected = expectedCells(cliResult, i, lang);
  // Rule cells add their safe-to-apply day to the status word: their values are compared, their words below.
  expect(shown.map((c) => ({ ...c, text: c.row.startsWith('rule.') ? '' : c.text }))).toEqual(expected);
  const series = [cliResult.baseline, ...cliResult.scenarios];
  for (const [k, s] of series.entries()) {
    const deltas = await page.locator(`[data-testid="deltas"][data-scenario="${k}"] [data-testid="delta"]`).evaluateAll((els) => els.map((el) => [el.getAttribute('data-model'), el.getAttribute('data-key'), Number(el.getAttribute('data-points'))]));
    expect(deltas, `deltas of ${k} in ${s.months[i]!.month}`).toEqual(s.months[i]!.deltas.map((d) => [d.model, d.key, d.points]));
    const texts = await page.locator(`[data-testid="deltas"][data-scenario="${k}"] [data-testid="delta"]`).allTextContents();
    expect(texts.map((text) => text.replace(/^[BS] /, ''))).toEqual(s.months[i]!.deltas.map((d) => d.text[lang]));
  }
}

async function sameCharts(page: Page, cliResult: Comparison, lang: Lang) {
  const series = [cliResult.baseline, ...cliResult.scenarios];
  for (const model of ['bureau', 'sesame'] as const) {
    const chart = page.locator(`[data-testid="score-chart"][data-model="${model}"]`);
    // The text alternative is built when opened, and closed again after reading.
    await chart.getByTestId('chart-data').locator('summary').click();
    // The table renders after the toggle event: wait for it before reading its cells.
    await expect(chart.getByTestId('chart-table')).toHaveCount(1);
    for (const [k, s] of series.entries()) {
      const points = await chart.locator(`[data-testid="chart-series"][data-scenario="${k}"] [data-testid="chart-point"]`).evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-month'), ...['data-score', 'data-low', 'data-high'].map((a) => Number(el.getAttribute(a)))]),
      );
      expect(points, `${model} points of ${k}`).toEqual(s.months.filter((m) => m[model].score !== null).map((m) => [m.month, m[model].score, m[model].low, m[model].high]));
      const table = await chart.locator(`[data-testid="chart-table-cell"][data-scenario="${k}"]`).evaluateAll((els) => els.map((el) => [el.getAttribute('data-month'), (el.textContent ?? '').trim()]));
      expect(table, `${model} table of ${k}`).toEqual(s.months.map((m) => [m.month, scoreText(m[model], lang)]));
    }
    // Every band threshold inside the chart's span is drawn, each named; the chart shows a band for each it spans.
    const bands = await chart.getByTestId('chart-band').evaluateAll((els) => els.map((el) => [el.getAttribute('data-band'), Number(el.getAttribute('data-lower'))]));
    expect(bands.length).toBeGreaterThan(0);
    for (const [id, lower] of bands) expect(cliResult.models[model].bands.find((b) => b.id === id)?.lower).toBe(lower);
    await chart.getByTestId('chart-data').locator('summary').click();
    await expect(chart.getByTestId('chart-table')).toHaveCount(0);
  }
}

/** The charts and the side-by-side view, whole: a window tall enough to hold them without scrolling the content pane. */
async function screenshot(page: Page, lang: Lang) {
  const size = page.viewportSize()!;
  const height = await page.getByTestId('whatif-result').evaluate((el) => el.getBoundingClientRect().height);
  await page.setViewportSize({ width: size.width, height: Math.ceil(height) + 200 });
  await page.getByTestId('whatif-result').scrollIntoViewIfNeeded();
  await page.getByTestId('whatif-result').screenshot({ path: `${ARTIFACTS_DIR}/whatif-side-by-side-${lang}.png` });
  await page.setViewportSize(size);
}

async function noSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('what-if page', () => {
  test('builds scenarios through its forms and shows what `credence whatif --json` says for the same files', async ({ page, app }) => {
    test.setTimeout(180_000);
    const { ids, file } = await openWhatIf(page, app);
    const card = String(ids.get('card:1111'));
    const huabei = String(ids.get('huabei'));

    // Scenario 1: the card paid down before its December statement, Huabei on the report, a six-month pause.
    await page.getByTestId('scenario-new').click();
    await page.getByTestId('scenario-name').first().fill('账单日前还卡，花呗上征信');
    // ¥60.005 is no whole fen: the engine refuses, naming the action and the field, beside the field; nothing is added.
    await fillAction(page, 'pay', { accountId: card, amountFen: '60.005', month: '2026-12', timing: 'before_statement' });
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-error-amountFen')).toHaveText('第 1 项操作「还款」·amountFen：金额须为大于 0 的整数（单位：分）');
    await expect(page.getByTestId('action-field-amountFen')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('action-item')).toHaveCount(0);
    await page.getByTestId('action-field-amountFen').fill('6000');
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-item')).toHaveCount(1);
    await expect(page.getByTestId('action-error-amountFen')).toHaveCount(0);
    await addAction(page, 'start_reporting', { accountId: huabei, fromMonth: '2027-01' });

    await addAction(page, 'stop_applications', { from: '2026-12-01', months: '6' });
    await page.getByTestId('scenario-save').first().click();
    await expect(page.getByTestId('saved-scenario')).toHaveCount(1);

    // Scenario 2: both online loans consolidated into one bank loan.
    await page.getByTestId('scenario-new').click();
    await page.getByTestId('scenario-name').nth(1).fill('两笔网贷整合');
    await addAction(page, 'consolidate', { on: '2027-02-01', accountIds: ['某消费金融', '某小额贷款'], lender: '招商银行', termMonths: '24', annualRateBp: '5' });
    // Its second by keyboard: Tab walks the form in order from the action picker to the submit button; Enter adds it.
    await page.getByTestId('action-type').selectOption('let_time_pass');
    await page.getByTestId('action-type').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('action-field-months')).toBeFocused();
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('action-submit')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('action-item')).toHaveCount(2);

    await page.getByTestId('scenario-cards').screenshot({ path: `${ARTIFACTS_DIR}/whatif-scenarios-zh-CN.png` });
    await page.getByTestId('action-editor').screenshot({ path: `${ARTIFACTS_DIR}/whatif-actions-zh-CN.png` });

    // The same scenarios as files, written from what was typed (yuan → fen, percent → basis points).
    const files = [
      {
        name: '账单日前还卡，花呗上征信',
        actions: [
          { type: 'pay', accountId: Number(card), amountFen: 600_000, month: '2026-12', timing: 'before_statement' },
          { type: 'start_reporting', accountId: Number(huabei), fromMonth: '2027-01' },
          { type: 'stop_applications', from: '2026-12-01', months: 6 },
        ],
      },
      {
        name: '两笔网贷整合',
        actions: [
          { type: 'consolidate', on: '2027-02-01', accountIds: [ids.get('loan:某消费金融'), ids.get('loan:某小额贷款')], lender: '招商银行', termMonths: 24, annualRateBp: 500 },
          { type: 'let_time_pass', months: 12 },
        ],
      },
    ].map((scenario, i) => {
      const path = join(scratch, `scenario-${i + 1}.json`);
      writeFileSync(path, JSON.stringify(scenario));
      return path;
    });
    const expected = await cli<Comparison>(['whatif', ...files, '--db', file, '--as-of', AS_OF, '--months', '12']);
    // The saved scenario is the file's, with the defaults core filled in (none for these kinds).
    const saved = await cli<Response<'whatif.scenarios.list'>>(['whatif', 'list', '--db', file]);
    expect(saved.scenarios.map((s) => [s.name, s.actions])).toEqual([[expected.scenarios[0]!.name, expected.scenarios[0]!.actions]]);
    // The story the figures tell (worked out from the client): ¥6,000 paid before the December statement leaves ¥2,000
    // of the ¥10,000 card on it, 20% in place of 80%; consolidation leaves no open online loan from February's report on.
    const month = (s: Comparison['baseline'], m: string) => s.months.find((x) => x.month === m)!;
    expect(month(expected.baseline, '2026-12').figures.card_utilisation!.value).toBeCloseTo(0.8, 6);
    expect(month(expected.scenarios[0]!, '2026-12').figures.card_utilisation!.value).toBeCloseTo(0.2, 6);
    expect(month(expected.baseline, '2027-02').figures.online_loans!.value).toBe(2);
    expect(month(expected.scenarios[1]!, '2027-02').figures.online_loans!.value).toBe(0);
    expect(expected.scenarios[0]!.cashTotalFen).toBe(600_000);

    await expect(page.getByTestId('sbs-head')).toHaveText(['基准', ...expected.scenarios.map((s) => s.name)].map((n) => new RegExp(n)));
    await sameCharts(page, expected, 'zh-CN');
    for (let i = 0; i < expected.baseline.months.length; i++) await sameTable(page, expected, i, 'zh-CN');
    await expect(page.getByTestId('assumption')).toHaveText(expected.baseline.assumptions.map((a) => a['zh-CN']));
    await expect(page.locator('[data-testid="cash"][data-scenario="1"] [data-testid="cash-item"]')).toHaveText(expected.scenarios[0]!.cash.map((c) => c['text']['zh-CN']));

    // The screenshot month: December 2026, the month of the paydown.
    await page.getByTestId('sbs-month').selectOption(String(expected.baseline.months.findIndex((m) => m.month === '2026-12')));
    await screenshot(page, 'zh-CN');
    await noSeriousAxeViolations(page);

    await page.getByTestId('locale-switch').click();
    await expect(page.getByTestId('side-by-side')).toContainText('Key figures of the report');
    await sameTable(page, expected, expected.baseline.months.findIndex((m) => m.month === '2026-12'), 'en');
    await expect(page.getByTestId('assumption')).toHaveText(expected.baseline.assumptions.map((a) => a.en));
    await screenshot(page, 'en');
    await noSeriousAxeViolations(page);
  });

  test('asks main to prepare the what-if when the profile opens, and again after an edit moved its data', async ({ page, app }) => {
    const profile = app.store.create('假设分析客户');
    writeHandProfile(app.store.database(profile.id), CLIENT);
    const asked = () => app.requests.flatMap((r, k) => (r.channel === 'whatif.prepare' ? [k] : []));
    await page.goto(app.url);
    await page.getByTestId('profile-switcher').selectOption(profile.id);
    await expect.poll(() => asked().length, { timeout: 15_000 }).toBeGreaterThan(0);
    // An edit elsewhere (the income the debt-to-income rule reads): asked again after it was answered.
    await page.getByTestId('nav-bureau').click();
    await page.getByTestId('income-form').getByTestId('field-monthlyIncome').fill('20000');
    await page.getByTestId('income-save').click();
    await expect.poll(() => app.requests.findIndex((r) => r.channel === 'bureau.income.save'), { timeout: 15_000 }).toBeGreaterThan(-1);
    const saved = app.requests.findIndex((r) => r.channel === 'bureau.income.save');
    await expect.poll(() => asked().filter((k) => k > saved).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(app.requests[asked().find((k) => k > saved)!]!.payload).toEqual({ profileId: profile.id });
  });

  test('answers each edit within one frame of its result arriving (the page’s own timing marks)', async ({ page, app }) => {
    // renderer/src/whatif/answer-timing.ts marks when core's answer lands, the first animation
    // frame after it, and when the page has committed it: the answer is on screen in that frame
    // when it was committed before the frame. No time is asserted (the machine may be loaded);
    // what the render took is printed beside the result.
    const { ids } = await openWhatIf(page, app);
    await page.getByTestId('scenario-new').click();
    await addAction(page, 'pay', { accountId: String(ids.get('card:1111')), amountFen: '6000', month: '2026-12', timing: 'before_statement' });
    await addAction(page, 'stop_applications', { from: '2026-12-01', months: '6' });
    await expect(page.getByTestId('action-item')).toHaveCount(2);
    await page.getByTestId('whatif-months').fill('24');
    await expect(page.getByTestId('whatif-result')).toHaveAttribute('data-months', '24');
    const answers = await page.evaluate(async (marks) => {
      // The last frame mark is set at the frame after the last answer.
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const at = (name: string) => performance.getEntriesByName(name, 'mark').map((m) => m.startTime);
      const [results, frames, rendered] = [at(marks.result), at(marks.frame), at(marks.rendered)];
      return results.map((t) => ({
        render: rendered.find((r) => r >= t)! - t,
        frame: frames.find((f) => f >= t)! - t,
      }));
    }, ANSWER_MARKS);
    // One answer on opening, one per action added, one for the 24 months.
    expect(answers.length).toBeGreaterThanOrEqual(4);
    for (const answer of answers) expect(answer.render).toBeLessThanOrEqual(answer.frame);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const line = answers.map((a) => `render ${ms(a.render)}, next frame ${ms(a.frame)}`).join('; ');
    test.info().annotations.push({ type: 'whatif answers (result → committed, result → next frame)', description: line });
    console.log(`what-if answers (result → committed, result → next frame): ${line}`);
  });

  test('saves, renames, duplicates, deletes and applies a scenario to the plan, as the CLI then lists them', async ({ page, app }) => {
    const { ids, file } = await openWhatIf(page, app);
    await page.getByTestId('scenario-new').click();
    await page.getByTestId('scenario-name').fill('半年不申请');
    await addAction(page, 'stop_applications', { from: '2026-12-01', months: '6' });
    const first = page.getByTestId('scenario-card').first();
    await first.getByTestId('scenario-save').click();
    await expect(first).toHaveAttribute('data-dirty', 'false');
    const list = () => cli<Response<'whatif.scenarios.list'>>(['whatif', 'list', '--db', file]);
    expect((await list()).scenarios.map((s) => s.name)).toEqual(['半年不申请']);

    await page.getByTestId('scenario-name').fill('六个月不申请');
    await first.getByTestId('scenario-rename').click();
    await expect(page.getByTestId('saved-scenario')).toContainText('六个月不申请');
    expect((await list()).scenarios.map((s) => s.name)).toEqual(['六个月不申请']);

    await first.getByTestId('scenario-duplicate').click();
    await expect(page.getByTestId('scenario-card')).toHaveCount(2);
    await expect(page.getByTestId('saved-scenario')).toHaveCount(2);
    const copy = (await list()).scenarios.find((s) => s.name !== '六个月不申请')!;
    await expect(page.getByTestId('scenario-card').nth(1)).toHaveAttribute('data-saved-id', String(copy.id));

    // A card payment in the copy, saved: the copy now differs from the original.
    await page.getByTestId('scenario-card').nth(1).getByTestId('scenario-edit').click();
    await addAction(page, 'pay', { accountId: String(ids.get('card:1111')), amountFen: '1000', month: '2027-01', timing: 'before_due' });
    await page.getByTestId('scenario-card').nth(1).getByTestId('scenario-save').click();
    await expect(page.getByTestId('scenario-card').nth(1)).toHaveAttribute('data-dirty', 'false');
    expect((await list()).scenarios.find((s) => s.id === copy.id)!.actions.map((a) => a.type)).toEqual(['stop_applications', 'pay']);

    await first.getByTestId('scenario-plan').click();
    await expect(page.getByTestId('plan-done')).toContainText(`「六个月不申请」已作为客户的计划（自 ${AS_OF} 起`);
    await expect(first.getByTestId('plan-badge')).toBeVisible();
    expect((await list()).scenarios.filter((s) => s.planMarkedAt !== null).map((s) => s.name)).toEqual(['六个月不申请']);

    await page.getByTestId('scenario-card').nth(1).getByTestId('scenario-delete').click();
    await page.getByTestId('confirm-delete-scenario').click();
    await expect(page.getByTestId('scenario-card')).toHaveCount(1);
    await expect(page.getByTestId('saved-scenario')).toHaveCount(1);
    expect((await list()).scenarios.map((s) => s.name)).toEqual(['六个月不申请']);
  });

  test('plans a target as `credence target --json` does, and opens the plan as a scenario', async ({ page, app }) => {
    const { file } = await openWhatIf(page, app);
    // Every lender rule passing by 2027-03-31: the card at 80% of its limit fails the utilisation rule every month.
    const planner = page.getByTestId('planner');
    await planner.getByTestId('planner-kind').selectOption('lender');
    await planner.getByTestId('planner-by').fill('2027-03-31');
    await planner.getByTestId('planner-submit').click();
    const expected = await cli<Response<'whatif.target'>>(['target', '--goal', 'lender:pass', '--by', '2027-03-31', '--db', file, '--as-of', AS_OF]);
    const shown = planner.getByTestId('planner-result');
    await expect(shown).toHaveAttribute('data-reached', String(expected.reached));
    await expect(shown).toHaveAttribute('data-earliest', expected.earliest ?? '');
    await expect(shown).toHaveAttribute('data-cash', String(expected.cashFen));
    // The explanation as the CLI prints it: goal and answer, the steps (each its own line), then how it searched.
    const lines = [...expected.explanation.slice(0, 2), ...expected.explanation.slice(2 + expected.steps.length)];
    await expect(shown.getByTestId('planner-explanation')).toHaveText(lines.map((line) => line['zh-CN']));
    expect(expected.explanation.slice(2, 2 + expected.steps.length)).toEqual(expected.steps.map((s) => s.why));
    await expect(shown.getByTestId('planner-step')).toHaveCount(expected.steps.length);
    expect(expected.steps.length).toBeGreaterThan(0);
    for (const [i, step] of expected.steps.entries()) {
      await expect(shown.getByTestId('planner-step').nth(i)).toHaveAttribute('data-type', step.action.type);
      await expect(shown.getByTestId('planner-step').nth(i)).toContainText(step.why['zh-CN']);
    }
    await expect(shown.getByTestId('planner-summary')).toContainText(formatFen(expected.cashFen));
    await expect(shown.getByTestId('planner-assumption')).toHaveText(expected.scenario!.assumptions.map((a) => a['zh-CN']));

    // Opened as a scenario beside the baseline: its actions are the plan's, and the engine runs them as the planner did.
    await shown.getByTestId('planner-open').click();
    await expect(page.getByTestId('scenario-card')).toHaveCount(1);
    await expect(page.getByTestId('action-item')).toHaveCount(expected.steps.length);
    expect(await page.getByTestId('action-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-type')))).toEqual(expected.steps.map((s) => s.action.type));
    const by = expected.scenario!.months.findIndex((m) => m.month === '2027-03');
    await page.getByTestId('sbs-month').selectOption(String(by));
    await expect(page.locator('[data-testid="sbs-cell"][data-row="verdict"][data-scenario="1"]')).toHaveAttribute('data-value', expected.scenario!.months[by]!.verdict);
    await page.getByTestId('planner').screenshot({ path: `${ARTIFACTS_DIR}/whatif-planner-zh-CN.png` });
    await noSeriousAxeViolations(page);
  });
});
