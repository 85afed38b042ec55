// The client's plan, looked at as a user does: `credence plan pdf` prints the print view in
// Chromium to an A4 PDF under a consent, and `pdftotext` (poppler-utils) finds in it the client,
// both scores with their ranges, every step and its date, in Chinese and in English; its pages go
// to test/artifacts as images (pdftoppm). Then the Plan page, its steps done and missed after
// records entered later, and the print view with the bundled CJK font loaded, screenshotted.
// Data: test/helpers/plan-profile.ts (made up), tracked and printed as of 2026-11-21.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../core/cli/credence.ts';
import type { Response } from '../../core/ipc/contract.ts';
import { fillSentence } from '../../core/shared/plan-sentence.ts';
import { setMonthFact } from '../../core/ledger/accounts/month-facts.ts';
import { queryRecords } from '../../core/ledger/queries.ts';
import { CARD_LAST4, CLIENT, seedPlanProfile } from '../helpers/plan-profile.ts';
import { ARTIFACTS_DIR, expect, test } from './harness.ts';

type PlanView = NonNullable<Response<'plan.show'>['plan']>;
type Comparison = Response<'whatif.compare'>;

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credence-plan-e2e-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: { PATH: process.env.PATH } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function json<T>(args: string[]): Promise<T> {
  const { code, out, err } = await cli([...args, '--json']);
  expect(code, err).toBe(0);
  return JSON.parse(out) as T;
}

/** pdftotext's text in the order the page drew it (-raw: a table cell's lines stay together), every space and line break taken out: a cell wraps a sentence anywhere. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

function scoreLine(s: Comparison['baseline']['months'][number]['bureau'], lang: 'zh-CN' | 'en'): string {
  const [score, low, high] = [s.score!, s.low!, s.high!].map(Math.round);
  return lang === 'zh-CN' ? `${score} 分（区间 ${low}–${high}，${s.band!.label[lang]}）` : `${score} (range ${low}–${high}, ${s.band!.label[lang]})`;
}

test.describe('the printed plan', () => {
  test('credence plan pdf prints the plan on A4, with the scores and every step and its date, in Chinese and in English', async () => {
    test.setTimeout(180_000);
    const seeded = seedPlanProfile(join(scratch, 'data'));
    seeded.store.close();
    const db = ['--db', seeded.file, '--as-of', seeded.asOf];
    const { plan } = await json<{ plan: PlanView }>(['plan', 'show', ...db]);
    // Worked out from the seed: ¥6,000 the day before December's statement day (25th); the pause
    // from 10 days after 2026-11-21; the loan settled 40 days after; nine months after the plan's day.
    expect(plan.items.map((i) => i.on)).toEqual(seeded.stepDays);
    expect(plan.items.map((i) => i.on)).toEqual(['2026-12-24', '2026-12-01', '2026-12-31', '2027-08-21']);
    expect(plan.items.every((i) => i.state === 'pending')).toBe(true);
    // The scores the print view shows: the baseline's first month, as the What-if engine gives it for the same day.
    const scenarios = await json<Response<'whatif.scenarios.list'>>(['whatif', 'list', '--db', seeded.file]);
    expect(scenarios.scenarios).toHaveLength(2);

    for (const lang of ['zh-CN', 'en'] as const) {
      const out = join(scratch, `plan-${lang}.pdf`);
      const printed = await cli(['plan', 'pdf', ...db, '--consent', seeded.consentId, '--out', out, '--lang', lang]);
      expect(printed.code, printed.err).toBe(0);
      const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
      // A4 is 210 × 297 mm: 595.28 × 841.89 pt (Chromium rounds to 594.96 × 841.92).
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      expect(Math.abs(Number(w) - 595.28)).toBeLessThan(1);
      expect(Math.abs(Number(h) - 841.89)).toBeLessThan(1);
      const text = pdfText(out);
      expect(text).toContain(squeeze(CLIENT));
      expect(text).toContain(squeeze(plan.name));
      for (const item of plan.items) {
        expect(text, item.on).toContain(item.on);
        expect(text, fillSentence(item.sentence, lang)).toContain(squeeze(fillSentence(item.sentence, lang)));
      }
      const files = readdirSync(ARTIFACTS_DIR).filter((f) => f.startsWith(`plan-pdf-${lang}-`));
      for (const f of files) rmSync(join(ARTIFACTS_DIR, f));
      execFileSync('pdftoppm', ['-png', '-r', '70', out, join(ARTIFACTS_DIR, `plan-pdf-${lang}`)]);
      if (lang === 'zh-CN') {
        expect(text).toContain('仅供参考');
        expect(text).toContain(squeeze('这不是“征信修复”'));
        expect(text).toContain('两种评分');
      } else {
        expect(text).toContain('Forreferenceonly(仅供参考)');
        expect(text).toContain(squeeze('This is not “credit repair” (征信修复)'));
        expect(text).not.toContain('两种评分');
      }
    }
    // Both printed under the consent: two exports recorded.
    const consents = await json<Response<'consent.list'>>(['consent', 'list', '--db', seeded.file]);
    expect(consents.consents.find((c) => c.id === seeded.consentId)!.exportsUsed).toBe(2);
  });

  test('the scores printed are the What-if engine’s for the same day, with their ranges', async () => {
    test.setTimeout(120_000);
    const seeded = seedPlanProfile(join(scratch, 'data'));
    seeded.store.close();
    const scenario = join(scratch, 'none.json');
    // The baseline alone: a scenario with no action, compared from the plan's day.
    writeFileSync(scenario, JSON.stringify({ name: 'none', actions: [] }));
    const comparison = await json<Comparison>(['whatif', scenario, '--db', seeded.file, '--as-of', seeded.asOf]);
    const now = comparison.baseline.months[0]!;
    const out = join(scratch, 'plan-both.pdf');
    const printed = await cli(['plan', 'pdf', '--db', seeded.file, '--as-of', seeded.asOf, '--consent', seeded.consentId, '--out', out, '--lang', 'both']);
    expect(printed.code, printed.err).toBe(0);
    const text = pdfText(out);
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(text).toContain(squeeze(scoreLine(now.bureau, lang)));
      expect(text).toContain(squeeze(scoreLine(now.sesame, lang)));
    }
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', out, join(ARTIFACTS_DIR, 'plan-pdf-both-first')]);
  });

  test('credence plan pdf --presentation prints no amount and no identifier of the profile, and keeps the scores and dates', async () => {
    test.setTimeout(120_000);
    const seeded = seedPlanProfile(join(scratch, 'data'));
    seeded.store.close();
    const db = ['--db', seeded.file, '--as-of', seeded.asOf];
    const { plan } = await json<{ plan: PlanView }>(['plan', 'show', ...db]);
    const out = join(scratch, 'plan-presenting.pdf');
    const printed = await cli(['plan', 'pdf', ...db, '--consent', seeded.consentId, '--out', out, '--lang', 'both', '--presentation']);
    expect(printed.code, printed.err).toBe(0);
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    const text = raw.replace(/\s+/g, '');
    // Every amount the profile and its plan hold is written with ¥ (the card's limit ¥10,000, its
    // use ¥8,000, the loans, the plan's ¥6,000, the cash totals): none is left, each is ¥••••.
    expect(raw.match(/¥\s*\d/g) ?? []).toEqual([]);
    expect(text).toContain('¥••••');
    // The identifiers: the client's name, the card's last four (in its name and in the assumptions).
    for (const secret of [CLIENT, CARD_LAST4]) expect(text, secret).not.toContain(secret);
    expect(text).toContain('陈••');
    // What the adviser shows: the dates of every step, and the scores.
    for (const item of plan.items) expect(text).toContain(item.on);
    expect(text).toMatch(/\d{3}分（区间\d{3}–\d{3}/);
    const files = readdirSync(ARTIFACTS_DIR).filter((f) => f.startsWith('plan-pdf-presenting-'));
    for (const f of files) rmSync(join(ARTIFACTS_DIR, f));
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', out, join(ARTIFACTS_DIR, 'plan-pdf-presenting')]);
    // The export log says it was printed masked.
    const consents = await json<Response<'consent.list'>>(['consent', 'list', '--db', seeded.file]);
    expect(consents.consents.find((c) => c.id === seeded.consentId)!.exportsUsed).toBe(1);
  });

  test('the Plan page tracks the steps against what is recorded later, in both languages, and opens the print view with the bundled font loaded', async ({ page, app }) => {
    test.setTimeout(120_000);
    const seeded = seedPlanProfile(app.dataDir);
    seeded.store.close();
    // After the plan: the client enters December's amount paid on the card by hand (¥6,000, the
    // step's amount: done), and a hard query (02) copied off the report, dated 2026-12-02, inside
    // the pause (from 2026-12-01): the pause is missed. The settlement (by 2027-01-30) and the
    // wait (to 2027-08-21) stay pending as of 2026-12-31.
    const db = app.store.database(seeded.profileId);
    setMonthFact(db, seeded.cardId, '2026-12', { amountPaidFen: 600_000 });
    queryRecords.save(db, null, { queriedOn: '2026-12-02', institution: '某某消费金融有限公司', reasonCode: '02' });
    const { plan } = await json<{ plan: PlanView }>(['plan', 'show', '--db', seeded.file, '--as-of', '2026-12-31']);
    expect(plan.items.map((i) => i.state)).toEqual(['done', 'missed', 'pending', 'pending']);

    await page.goto(app.url);
    await page.getByTestId('profile-switcher').selectOption(seeded.profileId);
    await page.getByTestId('nav-plan').click();
    await expect(page.getByTestId('plan-item')).toHaveCount(4);
    // The page tracks as of today (from 2026-12-03 on, both records are there by then).
    await expect(page.getByTestId('plan-item').nth(0)).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('plan-item').nth(1)).toHaveAttribute('data-state', 'missed');
    await expect(page.getByTestId('plan-item').nth(0)).toContainText('在账单日前（2026年12月24日）向招商银行信用卡 尾号1111还款 ¥6,000');
    await expect(page.getByTestId('plan-item').nth(0).getByTestId('plan-state')).toHaveText('已完成');
    await page.screenshot({ path: `${ARTIFACTS_DIR}/plan-page-zh-CN.png`, fullPage: true });
    await page.getByTestId('locale-switch').click();
    await expect(page.getByRole('heading', { name: "The client's plan" })).toBeVisible();
    await expect(page.getByTestId('plan-item').nth(1).getByTestId('plan-state')).toHaveText('Missed');
    await expect(page.getByTestId('plan-item').nth(1)).toContainText('an application on 2 December 2026 (a query or a new account)');
    await page.screenshot({ path: `${ARTIFACTS_DIR}/plan-page-en.png`, fullPage: true });

    // The print view from the page: no app chrome, back and print, the consent it would be exported under.
    await page.locator('#plan-print-lang').selectOption('both');
    await page.getByTestId('plan-print-open').click();
    await expect(page.locator('[data-print-state="ready"]')).toBeVisible();
    await expect(page.getByTestId('nav-plan')).toHaveCount(0);
    await expect(page.getByTestId('print-doc-zh-CN')).toBeVisible();
    await expect(page.getByTestId('print-doc-en')).toBeVisible();
    await expect(page.getByTestId('print-consent').locator('option')).toHaveCount(2);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const bundled = await page.evaluate(() => [...document.fonts].filter((f) => f.family === 'Noto Sans SC Variable' && f.status === 'loaded').length);
    expect(bundled).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/plan-print-view.png`, fullPage: true });
    // Presentation mode from the print view's own switch: the client's name and every amount masked, the dates kept.
    await expect(page.getByTestId('print-doc-zh-CN').getByTestId('print-client')).toHaveText(CLIENT);
    await page.getByTestId('presentation-switch').click();
    await expect(page.getByTestId('print-doc-zh-CN').getByTestId('print-client')).toHaveText('陈••');
    const shown = await page.getByTestId('print-doc-en').innerText();
    expect(shown.match(/¥\s*\d/g) ?? []).toEqual([]);
    expect(shown).not.toContain(CARD_LAST4);
    expect(shown).toContain('2026-12-24');
    // The toolbar too: the consent's recipient (the client) is named as presentation mode writes a name.
    await expect(page.getByTestId('print-consent').locator('option').nth(1)).toContainText('陈••');
    await page.screenshot({ path: `${ARTIFACTS_DIR}/plan-print-view-presenting.png` });
    expect(app.foreignRequests).toEqual([]);
  });
});
