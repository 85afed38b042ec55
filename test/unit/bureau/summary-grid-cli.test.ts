// Issue 11 item 9 through the CLI: the summary (信息概要) counts only what the 60-month grid
// still shows on the as-of date, on a ledger entered by hand and read with `credence report --json`.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BureauReport } from '../../../core/bureau/report-schema.ts';
import { main } from '../../../core/cli/credence.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { parseDay } from '../../../core/shared/calendar.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { initialiseProfile } from '../../../core/storage/profile-store.ts';
import { tempDir } from '../../helpers/temp.ts';

async function report(file: string, asOf: string): Promise<BureauReport> {
  const out: string[] = [];
  expect(await main(['report', '--db', file, '--as-of', asOf, '--json'], { out: (t) => out.push(t), err: () => undefined, env: {} })).toBe(0);
  return JSON.parse(out.join('\n')) as BureauReport;
}

describe('five years after a late (credence report --json)', () => {
  it('the month the grid drops it, the summary drops it too', async () => {
    // A card since 2020, one statement of March 2021 marked 30 days late by hand (a `1`), the
    // next month repaid. Report month 2026-02 (as of 2026-02-28): the grid runs 2021-03..2026-02
    // and shows the late: the summary counts 1 account, 1 month. Report month 2026-03: the grid
    // runs 2021-04..2026-03; the late is gone from it, from the summary and from the negative records.
    const file = join(tempDir(), 'p.sqlite');
    const db = openDatabase(file);
    initialiseProfile(db, '五年');
    const opts = { asOfDay: parseDay('2026-03-31')! };
    const cardId = createAccount(db, { product: 'credit_card', bank: '招商银行', cardLast4: '2020', openedOn: '2020-01-01', statementDay: 5, dueDay: 25, limitFen: 2_000_000, reportsToBureau: 'yes' }, opts).account.id;
    setMonthFact(db, cardId, '2021-03', { status: '1', balanceFen: 300_000, amountDueFen: 300_000, minimumDueFen: 30_000, amountPaidFen: 0 }, opts);
    setMonthFact(db, cardId, '2021-04', { status: 'N', balanceFen: 0, amountDueFen: 300_000, amountPaidFen: 300_000 }, opts);
    db.close();

    const before = await report(file, '2026-02-28');
    const r2Before = before.summary.defaults.overdue.find((o) => o.type === 'R2')!;
    expect(before.accounts[0].grid.filter((g) => g.status === '1').map((g) => g.month)).toEqual(['2021-03']);
    expect([r2Before.accounts.value, r2Before.months.value]).toEqual([1, 1]);
    expect(before.negativeItems).toMatchObject([{ from: '2021-03', fallsOffMonth: '2026-03', monthsLeft: 1 }]);

    const after = await report(file, '2026-03-31');
    const r2After = after.summary.defaults.overdue.find((o) => o.type === 'R2')!;
    expect(after.accounts[0].grid.filter((g) => g.status === '1')).toEqual([]);
    expect([r2After.accounts.value, r2After.months.value, r2After.longestMonths.value]).toEqual([0, 0, 0]);
    expect(after.negativeItems).toEqual([]);
    expect(after.lenderView.find((r) => r.ruleId === 'late_24m')!.figure.value).toBe(0);
  });
});
