// When it is safe to apply again (issue 11 item 10), per lender rule and as one date, on
// hand-built ledgers as of 2026-05-31 (report month 2026-05). Every expected date is worked out
// beside it from the rule table (core/rules/lender-heuristics.ts) and what moves each rule
// (core/rules/safe-to-apply.ts): months leave a window one reported month at a time and a month
// is reported at its end (core/bureau/windows.ts reportMonthOf).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/bureau/report.ts';
import type { BureauReport } from '../../../core/bureau/report-schema.ts';
import { main } from '../../../core/cli/credence.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { parseDay } from '../../../core/shared/calendar.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { initialiseProfile } from '../../../core/storage/profile-store.ts';
import { tempDir } from '../../helpers/temp.ts';
import { account, card, query, repeat, rows, snapshot } from './helpers.ts';

const AS_OF = '2026-05-31';
const rule = (report: BureauReport, id: string) => report.lenderView.find((r) => r.ruleId === id)!;

/**
 * A bank loan late three months running in 2025-01..03 (1 2 3), on time since; a card at ¥9,000
 * of a ¥10,000 line, statement day 8, whose May minimum of ¥500 is unpaid (a `1` in 2026-05); and
 * four Weilidai loans opened 2026-03-10 for 3, 6, 9 and 12 months plus a Huabei line: five open
 * online-loan accounts.
 */
function ledger() {
  const loan = account(1, { months: rows('2024-12', `N 1 2 3 ${repeat('N', 14)}`) });
  const overdueCard = card(2, {
    limitFen: 1_000_000,
    statementDay: 8,
    dueDay: 26,
    months: rows('2026-03', 'N N 1', (_, code) => ({ creditUsedFen: 900_000, ...(code === '1' ? { overdueFen: 50_000 } : {}) })),
  });
  const weilidai = [3, 6, 9, 12].map((term, i) =>
    account(10 + i, { product: 'weilidai', lender: '微众银行', openedOn: '2026-03-10', termMonths: term, principalFen: 100_000, months: rows('2026-03', 'N N N') }),
  );
  const huabei = account(20, { product: 'huabei', kind: 'revolving', bureauType: 'R1', bureauLayout: 'revolving_line', lender: '重庆蚂蚁消费金融', months: rows('2026-03', 'N N N') });
  return [loan, overdueCard, ...weilidai, huabei];
}

describe('each rule’s date (core/bureau/safe-to-apply.ts)', () => {
  const report = buildReport(snapshot(ledger()), AS_OF);

  it('连三: the months leave the 24-month window one reported month at a time', () => {
    // The loan's 3 in 2025-03 is itself three missed months, so 连三 (fail at 3) holds until
    // 2025-03 has left the window: the 24 months of report month 2027-03 are 2025-04..2027-03,
    // reported at its end → 2027-03-31 for both levels (warn at 2 holds as long).
    expect(rule(report, 'lian_san')).toMatchObject({ status: 'fail', safeToApply: { warn: '2027-03-31', fail: '2027-03-31', basis: 'window', action: null } });
  });

  it('累六 and lates within 24 months count every overdue month still in the window', () => {
    // 4 overdue months in the window (2025-01..03, 2026-05): 累六 warns at 4, fails at 6. Under 4
    // once 2025-01 leaves (window 2025-02..2027-01) → 2027-01-31; never failing → the as-of day.
    expect(rule(report, 'lei_liu')).toMatchObject({ status: 'warn', safeToApply: { warn: '2027-01-31', fail: AS_OF } });
    // late_24m warns at 1: clean only once 2026-05 leaves too, report month 2028-05 → 2028-05-31; no fail level.
    expect(rule(report, 'late_24m')).toMatchObject({ status: 'warn', safeToApply: { warn: '2028-05-31', fail: null } });
  });

  it('a current overdue: repaid now, June is reported clear at its end', () => {
    // The card's ¥500 unpaid minimum is overdue in 2026-05 (fail above ¥0). Repaid now, June's
    // month closes clear and is reported on 2026-06-30.
    expect(rule(report, 'current_overdue')).toMatchObject({
      status: 'fail',
      safeToApply: { fail: '2026-06-30', basis: 'repay', action: { en: 'repay the ¥500 overdue now' } },
    });
  });

  it('online loans: the loans with a term end with their last instalment; a line never ends on its own', () => {
    // Five open (fail at 5, warn at 3). Under 5 once one ends: the 3-month loan's last month is
    // 2026-03 + 3 = 2026-06 → 2026-06-30. Under 3 needs three gone: the 9-month loan, 2026-12 → 2026-12-31.
    expect(rule(report, 'online_loans')).toMatchObject({ status: 'fail', safeToApply: { fail: '2026-06-30', warn: '2026-12-31', basis: 'maturity' } });
  });

  it('utilisation: what to repay before the next statement, and the statement’s day', () => {
    // ¥9,000 of ¥10,000 = 90% (fails above 70%, warns above 50%). At most ¥7,000 may stay in use
    // to pass the fail level: repay ¥2,000 (the action names the fail level's amount) before the
    // card's next statement, June 8; June is reported at its end, 2026-06-30.
    expect(rule(report, 'card_utilisation')).toMatchObject({
      status: 'fail',
      safeToApply: { fail: '2026-06-30', warn: '2026-06-30', basis: 'statement', action: { en: 'repay ¥2,000 across the cards before their next statement days (by 2026-06-08)' } },
    });
  });

  it('debt-to-income has nothing to judge without an income: left out of the date', () => {
    expect(rule(report, 'debt_to_income').safeToApply).toBeNull();
    expect(report.safeToApply.unknownRules).toContain('debt_to_income');
  });

  it('queries keep their own rule: one more application included', () => {
    // No query at all: one more keeps every window under its lines now.
    expect(rule(report, 'hard_queries_3m').safeToApply).toMatchObject({ warn: AS_OF, fail: AS_OF, basis: 'queries' });
  });
});

describe('the one date', () => {
  it('is the latest fail date, set by the rule that clears last, with what it assumes', () => {
    // Fail dates: 连三 2027-03-31, current overdue 2026-06-30, online loans 2026-06-30,
    // utilisation 2026-06-30, the rest now → 2027-03-31, by 连三. It assumes the overdue repaid
    // and the card paid down. Every warn level clear too: late_24m's 2028-05-31, the latest.
    const { safeToApply } = buildReport(snapshot(ledger()), AS_OF);
    expect(safeToApply).toMatchObject({ on: '2027-03-31', ruleId: 'lian_san', clearOn: '2028-05-31' });
    expect(safeToApply.assumes.map((a) => a.ruleId)).toEqual(['current_overdue', 'card_utilisation']);
    expect(safeToApply.reason['zh-CN']).toContain('连三');
  });

  it('is now on a clean file', () => {
    const clean = buildReport(snapshot([card(1, { limitFen: 1_000_000, months: rows('2026-03', 'N N N', { creditUsedFen: 100_000 }) })]), AS_OF);
    expect(clean.safeToApply).toMatchObject({ on: AS_OF, ruleId: null, clearOn: AS_OF, assumes: [] });
  });

  it('waits for the queries to age out when only they fail', () => {
    // Seven loan queries (reason 02) in 2026-04..05: the 3-month rule fails above 6. One more keeps
    // it at 6 once 2 have left: the second oldest, 2026-04-02, leaves on 2026-07-02.
    const days = ['2026-04-01', '2026-04-02', '2026-04-10', '2026-04-20', '2026-05-01', '2026-05-10', '2026-05-20'];
    const report = buildReport(snapshot([], days.map((d, i) => query(i + 1, d, '02'))), AS_OF);
    expect(rule(report, 'hard_queries_3m')).toMatchObject({ status: 'fail', safeToApply: { fail: '2026-07-02' } });
    expect(report.safeToApply).toMatchObject({ on: '2026-07-02', ruleId: 'hard_queries_3m' });
  });

  it('has no date while a bad debt is unsettled, and says what it takes', () => {
    const bad = buildReport(snapshot([account(1, { months: rows('2025-10', 'N 4 5 6 7 B B B') })]), AS_OF);
    expect(rule(bad, 'bad_debt').safeToApply).toMatchObject({ fail: null, basis: 'retention' });
    expect(bad.safeToApply).toMatchObject({ on: null, ruleId: 'bad_debt' });
    expect(bad.safeToApply.reason.en).toContain('settle the bad debt first');
  });
});

describe('through the CLI (credence report --json), on a ledger entered by hand', () => {
  it('gives the card’s dates and the combined one', async () => {
    // A card opened 2026-01, ¥10,000 line, statement day 8: May's statement ¥9,000, minimum ¥500,
    // nothing paid → 2026-05 is `1`. As of 2026-05-31: current overdue fails until June is reported
    // clear (2026-06-30, if repaid now); utilisation 90% until June is reported with ¥2,000 repaid
    // before the June 8 statement (2026-06-30). Both end on 2026-06-30; the first rule, current overdue, names it.
    const file = join(tempDir(), 'p.sqlite');
    const db = openDatabase(file);
    initialiseProfile(db, '申请日');
    const opts = { asOfDay: parseDay(AS_OF)! };
    const cardId = createAccount(db, { product: 'credit_card', bank: '招商银行', cardLast4: '1234', openedOn: '2026-01-01', statementDay: 8, dueDay: 26, limitFen: 1_000_000, reportsToBureau: 'yes' }, opts).account.id;
    setMonthFact(db, cardId, '2026-05', { status: '1', balanceFen: 900_000, amountDueFen: 900_000, minimumDueFen: 50_000, amountPaidFen: 0 }, opts);
    db.close();
    const out: string[] = [];
    const code = await main(['report', '--db', file, '--as-of', AS_OF, '--json'], { out: (t) => out.push(t), err: () => undefined, env: {} });
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as BureauReport;
    expect(rule(report, 'current_overdue').safeToApply).toMatchObject({ fail: '2026-06-30', basis: 'repay' });
    expect(rule(report, 'card_utilisation').safeToApply).toMatchObject({ fail: '2026-06-30', basis: 'statement' });
    expect(report.safeToApply).toMatchObject({ on: '2026-06-30', ruleId: 'current_overdue' });
    expect(report.safeToApply.assumes.map((a) => a.ruleId)).toEqual(['current_overdue', 'card_utilisation']);
    const text: string[] = [];
    await main(['report', '--db', file, '--as-of', AS_OF, '--lang', 'en'], { out: (t) => text.push(t), err: () => undefined, env: {} });
    expect(text.join('\n')).toContain('Safe to apply: 2026-06-30');
  });
});
