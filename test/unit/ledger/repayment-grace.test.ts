// Grace (容时) and tolerance (容差) on hand-built ledgers (core/rules/repayment-grace.ts). Card:
// statement day 5, due day 25 of the same month; a charge on Jan 10 is billed Feb 5, due Feb 25.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';
import { lateRepaymentsStatement } from './cmb-statement.ts';
import { DEFAULT_CARD_GRACE, NO_GRACE, graceRuleFor, type GraceRule } from '../../../core/rules/repayment-grace.ts';
import { day, ev, grid, history } from './helpers.ts';

const CARD = { statementDay: 5, dueDay: 25, openedDay: day('2025-01-01'), coverage: [day('2025-01-01'), day('2025-04-30')], asOfDay: day('2025-04-30') };
const THREE_DAYS: GraceRule = { graceDays: 3, toleranceFen: 1000, source: 'test: the card convention' };

describe('grace days (容时)', () => {
  const paidOn = (on: string, grace?: GraceRule) => history({ ...CARD, grace, events: [ev('2025-01-10', 'charge', 1000), ev(on, 'payment', 1000)] });

  it('paid 2 days after the due day: on time with 3 days of grace, M without', () => {
    // Due Feb 25, paid Feb 27: inside Feb 26-28, the 3 grace days → N. Without grace it is paid late
    // within its month → M (the project's code for that; no grace was the old behaviour).
    expect(grid(paidOn('2025-02-27', THREE_DAYS).rows)).toEqual(['2025-01 *', '2025-02 N', '2025-03 *', '2025-04 *']);
    expect(grid(paidOn('2025-02-27').rows)[1]).toBe('2025-02 M');
    expect(paidOn('2025-02-27', THREE_DAYS).rows[1]).toMatchObject({ daysPastDue: 0, reason: 'paid_in_grace' });
  });

  it('paid 4 days after the due day: late even with grace, judged from the due day', () => {
    // Grace ends Feb 28; paid Mar 1 → unpaid at Feb 28, 3 days past the Feb 25 due day → 1. The
    // grace days do not move the due day: the days past due count from Feb 25, as banks report.
    const { rows } = paidOn('2025-03-01', THREE_DAYS);
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 1', '2025-03 N', '2025-04 *']);
    expect(rows[1].daysPastDue).toBe(3);
  });

  it('a repayment in the grace days pays the bill it saved, not the next one', () => {
    // Feb bill 1,000 (due Feb 25) paid Feb 27 in grace; a 500 charge on Feb 10 is billed Mar 5, due
    // Mar 25, and nothing more is paid → Mar 31 is 6 days past due → 1; Apr 30 is 36 days → 2.
    const { rows } = history({ ...CARD, grace: THREE_DAYS, events: [ev('2025-01-10', 'charge', 1000), ev('2025-02-10', 'charge', 500), ev('2025-02-27', 'payment', 1000)] });
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 N', '2025-03 1', '2025-04 2']);
  });
});

describe('tolerance (容差)', () => {
  const minimumPaid = (fen: number) =>
    history({ ...CARD, minimumPaymentBp: 1000, grace: THREE_DAYS, events: [ev('2025-01-10', 'charge', 1000), ev('2025-02-20', 'payment', fen), ev('2025-03-20', 'payment', 1000 - fen)] });

  it('a minimum of ¥100 paid ¥95: ¥5 short is within ¥10 → on time', () => {
    expect(grid(minimumPaid(95).rows)[1]).toBe('2025-02 N');
    expect(minimumPaid(95).rows[1].reason).toBe('paid_in_grace');
  });

  it('paid ¥89: ¥11 short is more than ¥10 → overdue at Feb 28 (3 days past Feb 25)', () => {
    const { rows } = minimumPaid(89);
    expect(grid(rows)[1]).toBe('2025-02 1');
    expect(rows[1].daysPastDue).toBe(3);
  });

  it('without a rule the same ¥5 short is overdue', () => {
    const { rows } = history({ ...CARD, minimumPaymentBp: 1000, events: [ev('2025-01-10', 'charge', 1000), ev('2025-02-20', 'payment', 95)] });
    expect(grid(rows)[1]).toBe('2025-02 1');
  });
});

describe('the rule table', () => {
  it('cards default to the convention (3 days, ¥10), loans to none, a profile override wins by lender', () => {
    expect(graceRuleFor('招商银行', true)).toBe(DEFAULT_CARD_GRACE);
    expect([DEFAULT_CARD_GRACE.graceDays, DEFAULT_CARD_GRACE.toleranceFen]).toEqual([3, 1000]);
    expect(graceRuleFor('微众银行', false)).toBe(NO_GRACE);
    const own: GraceRule = { graceDays: 2, toleranceFen: 0, source: 'the user: their bank’s terms' };
    expect(graceRuleFor('招商银行', true, { 招商银行: own })).toBe(own);
    expect(graceRuleFor(null, true, { 招商银行: own })).toBe(DEFAULT_CARD_GRACE);
  });
});

describe('through the CLI (credence accounts --json), on a synthetic CMB statement', () => {
  it('shows a repayment 2 days late as N with the grace reason, and 5 days late as overdue in its statement cycle', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const statement = join(dir, 'cmb.csv');
    // Statement day 10, due day 25 (set below as the app's edits write them), nothing owed on Jan 1
    // (the export's first row, where its coverage starts). The card's month is its statement cycle
    // (core/rules/billing-cycle.ts): February is Jan 11 – Feb 10, March Feb 11 – Mar 10. Jan's
    // bill, due Jan 25, repaid 2 days late: inside 招商银行's default 3 grace days → February N.
    // Feb's, due Feb 25, repaid Mar 2, after the grace days and before the Mar 10 statement → March
    // 1, 5 days late, nothing left overdue. (January's cycle ends Jan 10 and began before Jan 1: #.)
    writeFileSync(statement, lateRepaymentsStatement());
    expect((await run(['profile', 'create', '测试', '--db', db])).code).toBe(0);
    expect((await run(['import', statement, '--db', db])).code).toBe(0);
    const handle = openDatabase(db, { create: false });
    try {
      const set = handle.prepare("INSERT OR REPLACE INTO credit_account_overrides (account_id, field, value_json, updated_at) VALUES (?, ?, ?, '2026-04-01T00:00:00+08:00')");
      const id = handle.prepare('SELECT id FROM credit_accounts').pluck().get() as number;
      for (const [field, value] of Object.entries({ statementDay: 10, dueDay: 25, openingBalanceFen: 0, openingBalanceOn: '2026-01-01' })) set.run(id, field, JSON.stringify(value));
    } finally {
      handle.close();
    }
    const listed = await run(['accounts', '--db', db, '--as-of', '2026-03-31', '--json']);
    const result = await run(['accounts', 'show', String(JSON.parse(listed.stdout).accounts[0].id), '--db', db, '--as-of', '2026-03-31', '--json']);
    expect(result.code).toBe(0);
    const months = JSON.parse(result.stdout).months as { month: string; status: string; reason: string; daysPastDue: number; overdueFen: number }[];
    expect(months.slice(0, 3).map((m) => [m.month, m.status, m.reason, m.daysPastDue, m.overdueFen])).toEqual([
      ['2026-01', '#', 'balance_unknown', null, null],
      ['2026-02', 'N', 'paid_in_grace', 0, 0],
      ['2026-03', '1', 'repaid_late', 5, 0],
    ]);
  });
});

async function run(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: () => undefined, env: {} });
  return { code, stdout: out.join('\n') };
}
