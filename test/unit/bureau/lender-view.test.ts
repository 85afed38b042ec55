// The lender view: each rule of docs/domain/lender-heuristics.md (core/rules/lender-heuristics.ts)
// computed on the simulated report and judged with evaluateThreshold, with the records behind it;
// the 连三累六 window of 1 or 2 years; the day it is safe to apply again.

import { describe, expect, it } from 'vitest';
import { lenderView } from '../../../core/bureau/lender-view.ts';
import { safeToApplyFrom } from '../../../core/bureau/query-summary.ts';
import { parseDay } from '../../../core/shared/calendar.ts';
import { defaultRules } from '../../../core/bureau/report-core.ts';
import { effectiveRules } from '../../../core/settings/bureau-settings.ts';
import type { RuleEvaluation } from '../../../core/bureau/report-schema.ts';
import type { LedgerSnapshot } from '../../../core/ledger/snapshot.ts';
import { LENDER_RULES } from '../../../core/rules/lender-heuristics.ts';
import { computeLenderMetric, computeLenderMetrics } from '../../../core/bureau/lender-metrics.ts';
import { account, accountIds, card, query, repeat, rows, snapshot } from './helpers.ts';

const AS_OF = '2026-06-30';

function rule(view: RuleEvaluation[], id: string): RuleEvaluation {
  return view.find((r) => r.ruleId === id)!;
}

function judge(s: LedgerSnapshot, id: string, asOf = AS_OF, settings = new Map()): RuleEvaluation {
  return rule(lenderView(s, asOf, effectiveRules(settings)), id);
}

/** A loan whose last 24 months (2024-07 … 2026-06) carry the given codes. */
function loanWith(codes: string, id = 1) {
  return account(id, { months: rows('2024-07', codes, { amountDueFen: 10_000 }) });
}

describe('every rule of the table is evaluated, with its source and threshold', () => {
  it('one evaluation per rule, in the table’s order, defaults unedited', () => {
    const view = lenderView(snapshot([]), AS_OF, defaultRules());
    expect(view.map((r) => r.ruleId)).toEqual(LENDER_RULES.map((r) => r.id));
    for (const r of view) {
      expect(r.sources.length).toBeGreaterThan(0);
      expect(r.edited).toBe(false);
      expect(r.threshold).toEqual(r.defaultThreshold);
    }
    // A clean, empty ledger passes everything it can tell; with no card there is no utilisation,
    // and debt-to-income needs the income.
    expect(view.filter((r) => r.status !== 'pass').map((r) => r.ruleId)).toEqual(['card_utilisation', 'debt_to_income']);
    expect(rule(view, 'debt_to_income').status).toBe('unknown');
  });
});

describe('连三 (three overdue months in a row) and 累六 (six in total)', () => {
  it('连三: a run of 1 2 3 fails, a run of two warns, scattered 1s pass', () => {
    expect(judge(snapshot([loanWith(`${repeat('N', 20)} 1 2 3 N`)]), 'lian_san')).toMatchObject({ status: 'fail', figure: { value: 3 } });
    expect(judge(snapshot([loanWith(`${repeat('N', 20)} 1 2 N N`)]), 'lian_san')).toMatchObject({ status: 'warn', figure: { value: 2 } });
    expect(judge(snapshot([loanWith(`1 N 1 N 1 ${repeat('N', 19)}`)]), 'lian_san')).toMatchObject({ status: 'pass', figure: { value: 1 } });
  });

  it('连三 is per account: two accounts late in the same months are not a run of three', () => {
    const a = loanWith(`${repeat('N', 21)} 1 1 N`, 1);
    const b = loanWith(`${repeat('N', 20)} 1 N N N`, 2);
    expect(judge(snapshot([a, b]), 'lian_san').figure.value).toBe(2);
  });

  it('a 3 alone (its earlier months unknown) is the third month in a row', () => {
    expect(judge(snapshot([loanWith(`${repeat('N', 20)} # # 3 N`)]), 'lian_san').figure.value).toBe(3);
  });

  it('累六 counts overdue months across accounts: 6 fails, 4 warns', () => {
    const six = [loanWith(`1 N 1 N 1 ${repeat('N', 19)}`, 1), loanWith(`${repeat('N', 21)} 1 2 N`, 2), card(3, { months: rows('2026-06', 'B') })];
    const v = judge(snapshot(six), 'lei_liu');
    expect(v).toMatchObject({ status: 'fail', figure: { value: 6 } });
    expect(v.figure.records).toEqual([
      expect.objectContaining({ accountId: 1, months: ['2024-07', '2024-09', '2024-11'] }),
      expect.objectContaining({ accountId: 2, months: ['2026-04', '2026-05'] }),
      expect.objectContaining({ accountId: 3, months: ['2026-06'] }),
    ]);
    expect(judge(snapshot([loanWith(`${repeat('N', 20)} 1 1 1 1`)]), 'lei_liu')).toMatchObject({ status: 'warn', figure: { value: 4 } });
  });

  it('looks back 2 years by default; the user may choose the 1-year window', () => {
    // Three months in a row 18 months ago: inside 2 years, outside 1.
    const old = snapshot([loanWith(`${repeat('N', 5)} 1 2 3 ${repeat('N', 16)}`)]);
    expect(judge(old, 'lian_san')).toMatchObject({ windowMonths: 24, windowChoices: [12, 24], status: 'fail' });
    const oneYear = new Map([['lian_san', { warn: 2, fail: 3, windowMonths: 12 }]]);
    expect(judge(old, 'lian_san', AS_OF, oneYear)).toMatchObject({ windowMonths: 12, edited: true, status: 'pass', figure: { value: 0 } });
  });
});

describe('current overdue and bad debt', () => {
  it('any amount overdue in the report month fails', () => {
    const late = loanWith(`${repeat('N', 23)} 1`);
    // 100.00 due, 90.00 paid: the ledger's month close leaves 10.00 overdue.
    late.months[23] = { ...late.months[23], amountPaidFen: 9_000, overdueFen: 1_000 };
    expect(judge(snapshot([late]), 'current_overdue')).toMatchObject({ status: 'fail', figure: { value: 1_000, missing: 0 } });
    expect(judge(snapshot([loanWith(`${repeat('N', 22)} 1 N`)]), 'current_overdue')).toMatchObject({ status: 'pass', figure: { value: 0 } });
  });

  it('an overdue month whose amount is unknown still fails: the amount is more than 0', () => {
    const unknownAmount = account(1, { months: rows('2026-06', '2') });
    expect(judge(snapshot([unknownAmount]), 'current_overdue')).toMatchObject({ status: 'fail', figure: { value: 0, missing: 1 } });
  });

  it('bad debt on the report fails, while the record lasts', () => {
    const bad = card(1, { months: rows('2026-01', 'N 7 B B C C') });
    const v = judge(snapshot([bad]), 'bad_debt');
    expect(v).toMatchObject({ status: 'fail', figure: { value: 1 } });
    expect(v.figure.records).toEqual([expect.objectContaining({ accountId: 1, months: ['2026-03', '2026-04'] })]);
  });
});

describe('hard queries in 1, 3 and 6 months, and when it is safe to apply again', () => {
  const loans = (dates: string[]) => dates.map((date, i) => query(i + 1, date, '02'));

  it('counts only hard reasons (loan and card approvals, guarantees …), not post-loan or self', () => {
    const qs = [...loans(['2026-06-10', '2026-06-12', '2026-06-20', '2026-06-25']), query(20, '2026-06-26', '01'), query(21, '2026-06-27', 'self')];
    const v = judge(snapshot([], qs), 'hard_queries_1m');
    expect(v).toMatchObject({ status: 'warn', figure: { value: 4 } });
    expect(v.figure.records.map((r) => (r.kind === 'query' ? r.queryId : 0)).sort()).toEqual([1, 2, 3, 4]);
  });

  it('3 months: more than 4 warns, more than 6 fails; 6 months: more than 6 warns, more than 10 fails', () => {
    const seven = loans(['2026-04-05', '2026-04-20', '2026-05-02', '2026-05-15', '2026-05-28', '2026-06-03', '2026-06-18']);
    expect(judge(snapshot([], seven), 'hard_queries_3m')).toMatchObject({ status: 'fail', figure: { value: 7 } });
    expect(judge(snapshot([], seven.slice(0, 5)), 'hard_queries_3m')).toMatchObject({ status: 'warn', figure: { value: 5 } });
    expect(judge(snapshot([], seven), 'hard_queries_6m')).toMatchObject({ status: 'warn', figure: { value: 7 } });
    const eleven = loans(['2026-01-05', '2026-01-06', '2026-02-01', '2026-02-02', ...seven.map((q) => q.queriedOn)]);
    expect(judge(snapshot([], eleven), 'hard_queries_6m')).toMatchObject({ status: 'fail', figure: { value: 11 } });
  });

  it('gives the day one more application stays under the line', () => {
    // 3 months, warn when more than 4: with 5 in the window, 2 must age out before a 6th keeps it at 4.
    const five = loans(['2026-04-05', '2026-04-20', '2026-05-02', '2026-05-15', '2026-06-03']);
    const v = judge(snapshot([], five), 'hard_queries_3m');
    // 04-05 and 04-20 leave the 3-month window on 07-05 and 07-20: from 07-20 the new one makes 4.
    expect(v.safeToApply).toMatchObject({ warn: '2026-07-20', fail: AS_OF, basis: 'queries', action: null });
    // Already clear: the as-of day itself.
    expect(judge(snapshot([], five.slice(3)), 'hard_queries_3m').safeToApply).toMatchObject({ warn: AS_OF, fail: AS_OF });
    // The 1-month rule has no fail level.
    expect(judge(snapshot([], five), 'hard_queries_1m').safeToApply).toMatchObject({ warn: AS_OF, fail: null });
    // No late at all: 连三 passes both levels now.
    expect(judge(snapshot([], five), 'lian_san').safeToApply).toMatchObject({ warn: AS_OF, fail: AS_OF, basis: 'window' });
  });
});

describe('open online-loan accounts, card utilisation, debt-to-income', () => {
  const platform = (id: number, product: 'jiebei' | 'meituan_yuefu', institutionType: '24' | '51' | null = null) =>
    account(id, { product, kind: 'revolving', bureauType: 'R1', institutionType, months: rows('2026-06', 'N') });

  it('counts open platform loans and consumer-finance / micro-lender accounts; 3 warns, 5 fails', () => {
    const three = [platform(1, 'jiebei'), platform(2, 'meituan_yuefu', '51'), account(3, { institutionType: '24', months: rows('2026-06', 'N') })];
    const v = judge(snapshot([...three, account(4, { months: rows('2026-06', 'N') })]), 'online_loans');
    expect(v).toMatchObject({ status: 'warn', figure: { value: 3 } });
    expect(accountIds(v.figure).sort()).toEqual([1, 2, 3]); // the bank loan (11) is not one
    const closed = account(5, { product: 'jiebei', institutionType: '24', closedOn: '2026-05-20', months: rows('2026-04', 'N C') });
    expect(judge(snapshot([...three, closed]), 'online_loans').figure.value).toBe(3);
    const five = [...three, platform(6, 'jiebei'), platform(7, 'jiebei')];
    expect(judge(snapshot(five), 'online_loans').status).toBe('fail');
  });

  it('card utilisation: used ÷ line over open cards; over 50% warns, over 70% fails', () => {
    const cards = (used1: number, used2: number) => [
      card(1, { limitFen: 1_000_000, months: rows('2026-06', 'N', { creditUsedFen: used1 }) }),
      card(2, { limitFen: 3_000_000, months: rows('2026-06', 'N', { creditUsedFen: used2 }) }),
    ];
    expect(judge(snapshot(cards(500_000, 1_000_000)), 'card_utilisation')).toMatchObject({ status: 'pass', figure: { value: 0.375 } });
    expect(judge(snapshot(cards(1_000_000, 1_400_000)), 'card_utilisation')).toMatchObject({ status: 'warn', figure: { value: 0.6 } });
    expect(judge(snapshot(cards(1_000_000, 2_000_000)), 'card_utilisation')).toMatchObject({ status: 'fail', figure: { value: 0.75 } });
  });

  it('debt-to-income: this month’s amounts due ÷ the monthly income; over 40% warns, over 50% fails', () => {
    const due = (fen: number) => [account(1, { months: rows('2026-06', 'N', { amountDueFen: fen }) })];
    expect(judge(snapshot(due(300_000), [], 1_000_000), 'debt_to_income')).toMatchObject({ status: 'pass', figure: { value: 0.3 } });
    expect(judge(snapshot(due(450_000), [], 1_000_000), 'debt_to_income')).toMatchObject({ status: 'warn', figure: { value: 0.45 } });
    expect(judge(snapshot(due(600_000), [], 1_000_000), 'debt_to_income')).toMatchObject({ status: 'fail', figure: { value: 0.6 } });
    expect(judge(snapshot(due(600_000), [], null), 'debt_to_income')).toMatchObject({ status: 'unknown', figure: { value: null } });
  });

  it('debt-to-income counts a card as 10% of the credit in use, not its whole bill (core/rules/debt-to-income.ts)', () => {
    // Issue 11: ¥20,000 income, an ¥18,000 card bill paid in full. The bill is due in full this
    // month, but lenders count a revolving line at 10% of its balance: ¥1,800 ÷ ¥20,000 = 0.09, pass (not 0.9, fail).
    const paidInFull = card(1, { limitFen: 5_000_000, months: rows('2026-06', 'N', { creditUsedFen: 1_800_000, amountDueFen: 1_800_000 }) });
    expect(judge(snapshot([paidInFull], [], 2_000_000), 'debt_to_income')).toMatchObject({ status: 'pass', figure: { value: 0.09 } });
    // Plus a loan's ¥6,000 instalment: (1,800 + 6,000) ÷ 20,000 = 0.39, pass; a ¥7,000 one: 0.44, over 40% warns.
    const loan = (fen: number) => account(2, { months: rows('2026-06', 'N', { amountDueFen: fen, creditUsedFen: 10_000_000 }) });
    expect(judge(snapshot([paidInFull, loan(600_000)], [], 2_000_000), 'debt_to_income')).toMatchObject({ status: 'pass', figure: { value: 0.39 } });
    expect(judge(snapshot([paidInFull, loan(700_000)], [], 2_000_000), 'debt_to_income')).toMatchObject({ status: 'warn', figure: { value: 0.44 } });
    // A card whose balance is unknown is counted as missing, so the ratio is a lower bound.
    const unknownBalance = card(3, { limitFen: 1_000_000, months: rows('2026-06', 'N', { creditUsedFen: null }) });
    expect(judge(snapshot([paidInFull, unknownBalance], [], 2_000_000), 'debt_to_income').figure).toMatchObject({ value: 0.09, missing: 1 });
  });

  it('an account of unknown reporting gives the status both ways', () => {
    const maybe = card(2, { reportsToBureau: 'unknown', limitFen: 1_000_000, months: rows('2026-06', 'N', { creditUsedFen: 1_000_000 }) });
    const sure = card(1, { limitFen: 1_000_000, months: rows('2026-06', 'N', { creditUsedFen: 100_000 }) });
    const v = judge(snapshot([sure, maybe]), 'card_utilisation');
    expect(v).toMatchObject({ status: 'pass', statusIfUnknownReported: 'warn', figure: { value: 0.1, ifUnknownReported: 0.55, range: [0.1, 0.55] } });
  });
});

describe('edited thresholds', () => {
  it('the user’s level wins over the table’s and can move the outcome', () => {
    const s = snapshot([], [query(1, '2026-06-10', '02'), query(2, '2026-06-11', '03')]);
    expect(judge(s, 'hard_queries_1m').status).toBe('pass');
    const strict = new Map([['hard_queries_1m', { warn: 1, fail: 1, windowMonths: null }]]);
    const v = judge(s, 'hard_queries_1m', AS_OF, strict);
    expect(v).toMatchObject({ edited: true, status: 'fail', threshold: { warn: 1, fail: 1, comparison: 'more_than' }, defaultThreshold: { warn: 3, fail: null } });
  });
});

describe('computeLenderMetrics (the scoring engine’s entry)', () => {
  it('returns every rule’s metric keyed by rule id, with its window', () => {
    const metrics = computeLenderMetrics(snapshot([loanWith(`${repeat('N', 21)} 1 2 3`)], [query(1, '2026-06-01', '02')]), AS_OF);
    expect(Object.keys(metrics)).toEqual(LENDER_RULES.map((r) => r.id));
    expect(metrics.lian_san).toMatchObject({ metric: 'consecutive_overdue_months', windowMonths: 24, value: 3 });
    expect(metrics.hard_queries_6m).toMatchObject({ metric: 'hard_queries_in_window', windowMonths: 6, value: 1 });
    expect(computeLenderMetric(snapshot([], [query(1, '2025-09-01', '02')]), AS_OF, 'hard_queries_in_window', 12).value).toBe(1);
  });

  it('can be asked as of an earlier day from the same ledger', () => {
    const s = snapshot([loanWith(`${repeat('N', 21)} 1 2 3`)]);
    expect(computeLenderMetrics(s, '2026-04-30').lian_san.value).toBe(1);
  });
});

describe('safeToApplyFrom', () => {
  it('with an "at least" level, one more query must stay below it', () => {
    const qs = [query(1, '2026-06-01', '02'), query(2, '2026-06-10', '02')];
    // at least 3 fails: with 2 in the window a third reaches it; the 06-01 query leaves on 07-01.
    expect(safeToApplyFrom(qs, parseDay(AS_OF)!, 1, 3, 'at_least')).toBe('2026-07-01');
    expect(safeToApplyFrom(qs, parseDay(AS_OF)!, 1, 4, 'at_least')).toBe(AS_OF);
    expect(safeToApplyFrom(qs, parseDay(AS_OF)!, 1, 0, 'more_than')).toBeNull();
  });
});
