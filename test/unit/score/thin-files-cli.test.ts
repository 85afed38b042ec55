// Issue 11 items 5 and 6 through `credence score --json`, on hand-built ledgers (as of 2026-11-21,
// report month 2026-10): a thin file gets no number, band or percentile and says what would make it
// scorable; a failing lender rule shows on the score card and caps its band.

import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import type { ScoreReport } from '../../../core/score/report-schema.ts';
import { AS_OF, handLedger, type LedgerSpec } from './hand-ledger.ts';

async function scoreJson(spec: LedgerSpec): Promise<ScoreReport> {
  const db = handLedger(spec);
  const file = db.name;
  db.close();
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['score', '--db', file, '--as-of', AS_OF, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as ScoreReport;
}

const unmet = (report: ScoreReport) => report.bureau.scorability!.checks.filter((c) => !c.met).map((c) => c.id);

describe('thin files: not scorable yet (core/rules/scorability.ts)', () => {
  it('an empty profile: no credit account on the report, so no number, no band, no percentile, no card reason', async () => {
    // The case: an empty profile was shown 549, band A, "above 66.9%", with a card-usage reason.
    const report = await scoreJson({});
    expect(report.bureau).toMatchObject({ score: null, range: null, band: null, bandRange: null, percentile: null });
    expect(report.bureau.reasons).toEqual([]);
    expect(report.bureau.scorability?.scorable).toBe(false);
    expect(unmet(report)).toContain('reporting_account');
    const check = report.bureau.scorability!.checks.find((c) => c.id === 'reporting_account')!;
    expect(check.action?.en).toBeTruthy();
    expect(check.action?.['zh-CN']).toBeTruthy();
    // The estimate always scores.
    expect(typeof report.sesame.score).toBe('number');
  });

  it('a card opened 3 months ago: too new (FICO: an account open 6 months or more), scorable on the day it is 6 months old', async () => {
    const report = await scoreJson({ cards: [{ openedOn: '2026-08-01', from: '2026-08' }] });
    expect(report.bureau.score).toBeNull();
    expect(unmet(report)).toEqual(['account_age']);
    // Time alone meets it: 2026-08-01 + 6 months.
    expect(report.bureau.scorability?.scorableFrom).toBe('2027-02-01');
  });

  it('a card with 24 months on the report is scorable, and says so', async () => {
    const report = await scoreJson({ cards: [{}] });
    expect(report.bureau.scorability?.scorable).toBe(true);
    expect(unmet(report)).toEqual([]);
    expect(report.bureau.score).toBe(560); // the clean card at its best (engine-bureau.test.ts)
  });
});

describe('the score card and the lender view agree (issue 11 item 6)', () => {
  it('a card at 95% in the latest statement: the utilisation rule fails, is shown on the card, and caps the band at C', async () => {
    // Lender view: utilisation above 80% fails (docs/domain/lender-heuristics.md); Credence's default
    // cap for it is C (models/bureau-bands-v1.ts). The score alone stays in a better band.
    const report = await scoreJson({ cards: [{ months: { '2026-10': { balance: 9500 } } }] });
    const rule = report.bureau.failingRules.find((r) => r.ruleId === 'card_utilisation');
    expect(rule).toMatchObject({ capBand: 'c', certain: true });
    expect(report.bureau.band?.id).toBe('c');
    expect(report.bureau.bandCap?.ruleIds).toContain('card_utilisation');
    expect(['a', 'b']).toContain(report.bureau.bandCap?.uncapped.id);
  });

  it('a late 9 months ago still costs points (the 24-month rule), where the fitted card alone forgets it at month 7', async () => {
    const clean = await scoreJson({ cards: [{}] });
    const late = await scoreJson({ cards: [{ months: { '2026-01': { status: '1' } } }] });
    // 20 × log2(0.75) = −8.3 → −8 (adjustments.ts late_24m), the late outside the card's six months.
    expect(late.bureau.score).toBe(clean.bureau.score! - 8);
    expect(late.bureau.factors.find((f) => f.key === 'adjustment:late_24m')).toMatchObject({ value: 1, points: -8 });
  });
});
