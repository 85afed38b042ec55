// Report note 10 and the Weilidai folklore (docs/domain/platform-products.md#weilidai): five draws
// shown per draw and merged, side by side. The 2020 Huabei authorisation: from its month on, the
// account is on the report, with what that changes.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/bureau/report.ts';
import type { FigureChange } from '../../../core/bureau/report-schema.ts';
import type { LedgerAccountSnapshot } from '../../../core/ledger/snapshot.ts';
import { computeLenderMetrics } from '../../../core/bureau/lender-metrics.ts';
import { account, accountIds, card, repeat, rows, snapshot } from './helpers.ts';

const AS_OF = '2026-06-30';

/** A Weilidai line and five 3-month draws of 1,000.00, Jan–May 2026; the last two still running. */
function weilidai(layout: 'per_draw' | 'merged_monthly' = 'per_draw'): LedgerAccountSnapshot[] {
  const line = account(10, {
    name: '微粒贷',
    product: 'weilidai',
    kind: 'line',
    bureauType: null,
    bureauLayout: layout,
    lender: '深圳前海微众银行股份有限公司',
    institutionType: '11',
    limitFen: 2_000_000,
    openedOn: '2026-01-05',
    months: rows('2026-01', 'N N N N N N', { amountDueFen: 34_000, amountPaidFen: 34_000, creditUsedFen: 200_000 }),
  });
  const draws = [1, 2, 3, 4, 5].map((n) => {
    const start = `2026-0${n}`;
    const settled = n <= 3;
    const codes = ['*', 'N', 'N', ...(settled ? ['C'] : [])].slice(0, 7 - n).join(' ');
    return account(10 + n, {
      name: `微粒贷 借款${n}`,
      product: 'weilidai',
      kind: 'draw',
      parentId: 10,
      bureauType: 'D1',
      bureauLayout: layout,
      reportsToBureauSet: false,
      reportsToBureau: 'unknown', // its own default: the line's word decides
      lender: '深圳前海微众银行股份有限公司',
      principalFen: 100_000,
      termMonths: 3,
      repaymentMethod: 'equal_installment',
      openedOn: `${start}-05`,
      settledOn: settled ? `2026-0${n + 3}-05` : null,
      months: rows(start, codes, { amountDueFen: 34_000, amountPaidFen: 34_000, creditUsedFen: 50_000 }),
    });
  });
  return [line, ...draws];
}

describe('five Weilidai draws (report note 10)', () => {
  it('per draw: five D1 accounts, three settled, and no account for the line', () => {
    const report = buildReport(snapshot(weilidai('per_draw')), AS_OF);
    expect(report.accounts.map((a) => [a.id, a.type, a.state])).toEqual([
      [11, 'D1', 'settled'],
      [12, 'D1', 'settled'],
      [13, 'D1', 'settled'],
      [14, 'D1', 'normal'],
      [15, 'D1', 'normal'],
    ]);
    expect(report.accounts[0]).toMatchObject({ reporting: 'yes', lineId: 10, repaymentMethod: 'equal_installment', instalments: 3, amountFen: 100_000 });
    expect(report.summary.overview.byType.find((t) => t.type === 'D1')!.accounts.value).toBe(5);
    expect(report.summary.debt.find((d) => d.type === 'D1')!.accounts.value).toBe(2);
  });

  it('merged: one monthly account, 不区分还款方式, its instalments counted in months', () => {
    const report = buildReport(snapshot(weilidai('merged_monthly')), AS_OF);
    expect(report.accounts).toHaveLength(1);
    expect(report.accounts[0]).toMatchObject({ id: 10, type: 'R1', typeAssumed: true, layout: 'merged_monthly', repaymentMethod: 'flexible', instalments: 6, amountFen: 2_000_000 });
    expect(report.accounts[0].grid.map((m) => m.status).join('')).toBe('NNNNNN');
  });

  it('shows both layouts side by side, with what each does to the report', () => {
    const [comparison] = buildReport(snapshot(weilidai('per_draw')), AS_OF).layouts;
    expect(comparison).toMatchObject({ lineId: 10, chosen: 'per_draw', draws: 5 });
    expect(comparison.perDraw.accounts.map((a) => a.id)).toEqual([11, 12, 13, 14, 15]);
    expect(comparison.merged.accounts.map((a) => a.id)).toEqual([10]);
    const value = (side: typeof comparison.perDraw, key: string) => side.figures.find((f) => f.key === key)!.figure.value;
    expect([value(comparison.perDraw, 'accounts.total'), value(comparison.merged, 'accounts.total')]).toEqual([5, 1]);
    expect([value(comparison.perDraw, 'accounts.D1'), value(comparison.merged, 'accounts.D1')]).toEqual([5, 0]);
    expect([value(comparison.perDraw, 'accounts.R1'), value(comparison.merged, 'accounts.R1')]).toEqual([0, 1]);
    // Open online-loan accounts: two running draws, or the one line.
    expect([value(comparison.perDraw, 'online_loans'), value(comparison.merged, 'online_loans')]).toEqual([2, 1]);
  });

  it('lets the lender metrics see the chosen layout', () => {
    const perDraw = computeLenderMetrics(snapshot(weilidai('per_draw')), AS_OF);
    const merged = computeLenderMetrics(snapshot(weilidai('merged_monthly')), AS_OF);
    expect([perDraw.online_loans.value, merged.online_loans.value]).toEqual([2, 1]);
  });
});

describe('the Huabei authorisation (2020 service upgrade)', () => {
  const huabei = (over: Partial<LedgerAccountSnapshot>) =>
    account(1, {
      name: '花呗',
      product: 'huabei',
      kind: 'revolving',
      bureauType: null,
      bureauLayout: 'revolving_line',
      lender: '重庆蚂蚁消费金融有限公司',
      institutionType: '24',
      openedOn: '2019-05-01',
      limitFen: 1_500_000,
      months: rows('2019-05', `${repeat('N', 10)} 1 ${repeat('N', 75)}`, { amountDueFen: 100_000, amountPaidFen: 100_000, creditUsedFen: 400_000 }),
      ...over,
    });
  const other = card(2, { limitFen: 2_000_000, months: rows('2024-01', repeat('N', 30), { creditUsedFen: 100_000 }) });
  /** A change as numbers: its key, unit and the two values. */
  const moved = (c: FigureChange) => ({ key: c.key, unit: c.unit, before: c.before.value, after: c.after.value });

  it('puts Huabei on the report from the month reporting began, never the months before', () => {
    const report = buildReport(snapshot([huabei({ reportsToBureau: 'yes', bureauSinceMonth: '2021-09' }), other]), AS_OF);
    const view = report.accounts.find((a) => a.id === 1)!;
    expect(view).toMatchObject({ openedMonth: '2021-09', gridFrom: '2021-09', sinceMonth: '2021-09', type: 'R1', typeAssumed: true });
    // Its 2020-03 lapse came before the authorisation: not on the report.
    expect(report.negativeItems).toEqual([]);
    const [sw] = report.huabei;
    expect(sw).toMatchObject({ accountId: 1, reporting: 'yes', hypothetical: false, fromMonth: '2021-09', monthsOnReport: 58, monthsBefore: 28 });
    expect(sw.changes.map(moved)).toEqual(
      expect.arrayContaining([
        { key: 'accounts.total', unit: 'count', before: 1, after: 2 },
        { key: 'accounts.R1', unit: 'count', before: 0, after: 1 },
        { key: 'debt.R1.total', unit: 'fen', before: 0, after: 1_500_000 },
        { key: 'debt.R1.balance', unit: 'fen', before: 0, after: 400_000 },
        { key: 'online_loans', unit: 'count', before: 0, after: 1 },
      ]),
    );
    // Cards alone count toward utilisation: Huabei does not move it.
    expect(sw.changes.map((c) => c.key)).not.toContain('card_utilisation');
  });

  it('each change carries both figures with the records behind them, so the page can open them', () => {
    const [sw] = buildReport(snapshot([huabei({ reportsToBureau: 'yes', bureauSinceMonth: '2021-09' }), other]), AS_OF).huabei;
    const total = sw.changes.find((c) => c.key === 'accounts.total')!;
    expect(accountIds(total.before)).toEqual([2]);
    expect(accountIds(total.after).sort()).toEqual([1, 2]);
    const balance = sw.changes.find((c) => c.key === 'debt.R1.balance')!;
    expect(accountIds(balance.before)).toEqual([]);
    expect(balance.after).toMatchObject({ unit: 'fen', value: 400_000, records: [expect.objectContaining({ kind: 'account', accountId: 1 })] });
    expect(accountIds(sw.changes.find((c) => c.key === 'online_loans')!.after)).toEqual([1]);
  });

  it('reported from its start, its old lapse is on the report with its fall-off month', () => {
    const report = buildReport(snapshot([huabei({ reportsToBureau: 'yes' })]), '2024-12-31');
    // Late 2020-03, ended 2020-04: it leaves the 60-month grid at report month 2025-03, a month
    // before the law's 5 years (retention.ts): 3 months after 2024-12.
    expect(report.negativeItems).toEqual([expect.objectContaining({ from: '2020-03', endedMonth: '2020-04', fallsOffMonth: '2025-03', monthsLeft: 3 })]);
    expect(report.huabei[0]).toMatchObject({ fromMonth: '2019-05', monthsBefore: 0 });
    const overdue = report.huabei[0].changes.find((c) => c.key === 'overdue.months')!;
    expect(moved(overdue)).toEqual({ key: 'overdue.months', unit: 'months', before: 0, after: 1 });
    expect(overdue.after.records).toEqual([expect.objectContaining({ kind: 'account', accountId: 1, months: ['2020-03'] })]);
  });

  it('not reporting yet: shows what signing would bring, from the report month on', () => {
    const report = buildReport(snapshot([huabei({ reportsToBureau: 'no' }), other]), AS_OF);
    expect(report.accounts.map((a) => a.id)).toEqual([2]);
    const [sw] = report.huabei;
    expect(sw).toMatchObject({ reporting: 'no', hypothetical: true, fromMonth: '2026-06', monthsOnReport: 1 });
    expect(sw.changes.map(moved)).toEqual(expect.arrayContaining([{ key: 'accounts.total', unit: 'count', before: 1, after: 2 }]));
    expect(sw.rules).toEqual([]); // one clean month and an open line move no rule here
  });

  it('names the rules whose outcome the switch moves', () => {
    const overdueNow = huabei({ reportsToBureau: 'yes', bureauSinceMonth: '2026-01', months: rows('2026-01', 'N N N N N 1', { amountDueFen: 100_000, amountPaidFen: 0, creditUsedFen: 400_000 }) });
    const [sw] = buildReport(snapshot([overdueNow]), AS_OF).huabei;
    expect(sw.rules).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'current_overdue', before: 'pass', after: 'fail' })]));
  });
});

describe('the account type when the ledger has none (docs/domain/pboc-report.md#classifying-a-loan-without-a-type)', () => {
  const typeOf = (over: Partial<LedgerAccountSnapshot>) =>
    buildReport(snapshot([account(1, { bureauType: null, months: rows('2026-06', 'N'), ...over })]), AS_OF).accounts[0];

  it('files cards as R2, draws under a line as R4 (循环额度下分账户), loans as D1, bullet loans as D1, equal instalments as R4, the rest as R1', () => {
    expect(typeOf({ product: 'credit_card', kind: 'revolving' }).type).toBe('R2');
    expect(typeOf({ product: 'jiebei', kind: 'draw' }).type).toBe('R4');
    expect(typeOf({ product: 'bank_loan', kind: 'loan' }).type).toBe('D1');
    expect(typeOf({ product: 'other', kind: 'revolving', repaymentMethod: 'bullet' }).type).toBe('D1');
    expect(typeOf({ product: 'other', kind: 'revolving', repaymentMethod: 'equal_installment' }).type).toBe('R4');
    expect(typeOf({ product: 'meituan_yuefu', kind: 'revolving' })).toMatchObject({ type: 'R1', typeAssumed: true });
    expect(typeOf({ product: 'meituan_yuefu', kind: 'revolving', bureauType: 'R4' })).toMatchObject({ type: 'R4', typeAssumed: false });
  });

  it('takes the layout of a product the defaults do not know from the account kind, and says so', () => {
    expect(typeOf({ product: 'meituan_yuefu', kind: 'revolving', bureauLayout: null })).toMatchObject({ layout: 'revolving_line', layoutAssumed: true, repaymentMethod: null, instalments: null });
  });
});
