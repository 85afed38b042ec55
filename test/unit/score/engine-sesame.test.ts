// The Sesame-style estimate from hand-made ledgers: every factor moves the estimate in its
// documented direction, the unobservable one only widens the range, the bands and thresholds
// follow the score, the recorded real score shows its gap, and the next action, once done,
// reaches its target.

import { describe, expect, it } from 'vitest';
import { factor, lastMonths, monthlyRows, scoreOf, type LedgerSpec } from './hand-ledger.ts';

const card: LedgerSpec = { cards: [{}] };

function sesame(spec: LedgerSpec) {
  return scoreOf(spec).sesame;
}

/** The estimate and one factor's points, before and after a change. */
function compare(before: LedgerSpec, after: LedgerSpec, key: string) {
  const a = sesame(before);
  const b = sesame(after);
  return { before: { score: a.score, points: factor(a, key).points }, after: { score: b.score, points: factor(b, key).points } };
}

describe('Sesame-style estimate: each factor', () => {
  const base = sesame(card);

  it('is 350 plus the points of the five dimensions, each within its unofficial weight', () => {
    expect(base.scale).toEqual({ low: 350, high: 950 });
    expect(base.score).toBe(350 + base.dimensions.reduce((s, d) => s + d.points, 0));
    expect(base.dimensions.map((d) => [d.id, d.maxPoints])).toEqual([
      ['credit_history', 210],
      ['behaviour', 120],
      ['capacity', 150],
      ['identity', 90],
      ['connections', 30],
    ]);
    for (const d of base.dimensions) expect(d.percent).toBeCloseTo((100 * d.points) / d.maxPoints, 0);
    expect(base.disclaimer['zh-CN']).toContain('不是蚂蚁的算法');
  });

  it('rises with a longer credit history', () => {
    const r = compare(card, { cards: [{ openedOn: '2018-01-01' }] }, 'credit_history_months');
    expect(r.after.points).toBeGreaterThan(r.before.points);
    expect(r.after.score).toBeGreaterThan(r.before.score);
  });

  it('falls with late months in the last 24', () => {
    const r = compare(card, { cards: [{ months: { '2025-06': { status: '1' } } }] }, 'late_months_24m');
    expect(r.after.points).toBeLessThan(r.before.points);
    expect(r.after.score).toBeLessThan(r.before.score);
  });

  it('falls with an account overdue now', () => {
    const r = compare(card, { cards: [{ months: { '2026-10': { status: '1' } } }] }, 'overdue_now');
    expect(r.after.points).toBe(0);
    expect(r.after.score).toBeLessThan(r.before.score);
  });

  it('falls with heavier use of the lines', () => {
    const r = compare(card, { cards: [{ months: { '2026-10': { balance: 9500 } } }] }, 'revolving_utilisation');
    expect(r.after.points).toBeLessThan(r.before.points);
    expect(r.after.score).toBeLessThan(r.before.score);
  });

  it('falls when fewer bills are repaid in full', () => {
    const months = Object.fromEntries(lastMonths(12).map((m) => [m, { paid: 500 }]));
    const r = compare(card, { cards: [{ months }] }, 'full_repayment_share_12m');
    expect(r.after.points).toBeLessThan(r.before.points);
    expect(r.after.score).toBeLessThan(r.before.score);
  });

  it('rises with assets and insurance on the profile', () => {
    const r = compare(card, { ...card, profile: { socialInsurance: true, providentFund: true, ownsHome: false } }, 'declared_assets');
    expect(r.after.points).toBeGreaterThan(r.before.points);
    expect(r.after.score).toBeGreaterThan(r.before.score);
  });

  it('falls with a higher debt-to-income (computed once an income is given)', () => {
    // The card's ¥3,000 balance counts ¥300 a month (10%, core/rules/debt-to-income.ts): 0.01 of ¥30,000, 0.6 of ¥500.
    const r = compare({ ...card, profile: { monthlyIncomeFen: 30_000_00 } }, { ...card, profile: { monthlyIncomeFen: 500_00 } }, 'debt_to_income');
    expect(r.after.points).toBeLessThan(r.before.points);
    expect(r.after.score).toBeLessThan(r.before.score);
  });

  it.each([
    ['education_provided', { education: 'bachelor' as const }],
    ['occupation_provided', { occupation: '工程师' }],
    ['phone_years', { phoneYears: 5 }],
    ['address_years', { addressYears: 3 }],
  ])('rises when the profile gives %s', (key, profile) => {
    const r = compare(card, { ...card, profile }, key);
    expect(r.after.points).toBeGreaterThan(r.before.points);
    expect(r.after.score).toBeGreaterThan(r.before.score);
  });

  it('prefers a phone number kept for years to a new one', () => {
    const r = compare({ ...card, profile: { phoneYears: 0.5 } }, { ...card, profile: { phoneYears: 4 } }, 'phone_years');
    expect(r.after.points).toBeGreaterThan(r.before.points);
  });

  it('rises with more active months on Alipay and WeChat', () => {
    const r = compare({ ...card, rows: monthlyRows(lastMonths(2)) }, { ...card, rows: monthlyRows(lastMonths(11)) }, 'active_months_12m');
    expect(r.after.points).toBeGreaterThan(r.before.points);
    expect(r.after.score).toBeGreaterThan(r.before.score);
  });

  it('rises with bills paid through Alipay', () => {
    const r = compare(card, { ...card, rows: monthlyRows(lastMonths(6), { category: '充值缴费' }) }, 'bill_payments_12m');
    expect(r.after.points).toBeGreaterThan(r.before.points);
    expect(r.after.score).toBeGreaterThan(r.before.score);
  });

  it('rises with regular use of Huabei and similar', () => {
    const r = compare(card, { ...card, rows: monthlyRows(lastMonths(8), { creditEvent: 'huabei_purchase' }) }, 'platform_credit_months_12m');
    expect(r.after.points).toBeGreaterThan(r.before.points);
    expect(r.after.score).toBeGreaterThan(r.before.score);
  });

  it('rises with more people transferred with', () => {
    const people = ['甲', '乙', '丙', '丁', '戊', '己'].map((counterparty, i) => ({ on: `2026-0${i + 3}-10`, category: '转账红包', counterparty }));
    const r = compare(card, { ...card, rows: people }, 'transfer_contacts_12m');
    expect(r.after.points).toBeGreaterThan(r.before.points);
    expect(r.after.score).toBeGreaterThan(r.before.score);
  });

  it('cannot see friends’ credit: the middle of its points, and a range over all of them', () => {
    const f = factor(base, 'contacts_credit');
    expect(f.value).toBeNull();
    expect(f.points).toBe(8);
    expect(f.pointsRange).toEqual({ low: 0, high: 15 });
    expect(base.uncertainty.map((n) => n.key)).toContain('unobservable');
    expect(base.range.low).toBeLessThan(base.score);
    expect(base.range.high).toBeGreaterThan(base.score);
  });
});

describe('Sesame-style estimate: bands, thresholds, the real score and the next action', () => {
  const full: LedgerSpec = {
    cards: [{ openedOn: '2018-01-01', month: { balance: 2000 } }],
    profile: { education: 'bachelor', occupation: '教师', phoneYears: 6, addressYears: 4, socialInsurance: true, providentFund: true, ownsHome: true, ownsVehicle: true, monthlyIncomeFen: 20_000_00 },
    rows: [...monthlyRows(lastMonths(12)), ...monthlyRows(lastMonths(6), { category: '充值缴费' }), ...monthlyRows(lastMonths(8), { creditEvent: 'huabei_purchase' })],
    sesameObserved: { value: 742, on: '2026-11-06' },
  };

  it('puts a long, clean, complete profile in the top band, with every threshold reached', () => {
    const m = sesame(full);
    expect(m.score).toBeGreaterThanOrEqual(700);
    expect(m.band.id).toBe('excellent');
    expect(m.thresholds.every((t) => t.reached)).toBe(true);
    expect(m.thresholds.find((t) => t.id === 'hotel')).toMatchObject({ score: 550, reached: true, certain: true });
  });

  it('shows the gap to the real score the user recorded', () => {
    const m = sesame(full);
    expect(m.observed).toEqual({ value: 742, observedOn: '2026-11-06', gap: 742 - m.score });
  });

  it('for an empty profile, names the profile fact worth most as the smallest step', () => {
    const m = sesame({ cards: [{ openedOn: '2026-01-01', from: '2026-01' }] });
    const next = m.nextAction!;
    expect(next.kind).toBe('complete_profile');
    expect(next.scoreAfter).toBe(m.score + 25);
    expect(next.reaches).toBe(next.scoreAfter >= next.target.score);
    expect(next.text['zh-CN']).toContain('手机号');
    expect(next.effectiveOn).toBe('2026-12-06'); // Sesame's next monthly update
  });

  it('when a repayment is the quickest way to the next threshold: names the account, the amount and the statement day, and that repayment gets there', () => {
    // A complete profile, one late month in 2025 and a line used to 98%: the line's use holds it below 700.
    const profile = { education: 'bachelor' as const, occupation: '教师', phoneYears: 6, addressYears: 4, socialInsurance: true, providentFund: true, ownsHome: true, ownsVehicle: true };
    const heavy = (october: number): LedgerSpec => ({ cards: [{ openedOn: '2025-01-01', from: '2025-01', months: { '2025-06': { status: '1' }, '2026-10': { balance: october } } }], profile });
    const m = sesame(heavy(9800));
    const next = m.nextAction!;
    expect(m.score).toBe(678);
    expect(next.target.score).toBe(700);
    expect(next.kind).toBe('repay_before_statement');
    expect(next.reaches).toBe(true);
    expect(next.amountFen).toBe(2940_00);
    expect(next.text['zh-CN']).toMatch(/2026年12月5日账单日前向「招商银行信用卡 尾号\d{4}」还款 ¥2,940/);
    expect(next.text.en).toMatch(/Repay ¥2,940 on .+ before its statement day, Dec 5, 2026/);
    // Doing it: the same card with the statement that much smaller reaches the target.
    const after = sesame(heavy(9800 - 2940));
    expect(after.score).toBe(next.scoreAfter);
    expect(after.score).toBeGreaterThanOrEqual(next.target.score);
  });
});

