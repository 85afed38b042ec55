// The report of a real profile database: a ledger entered by hand through the ledger's own API,
// read back as the report, through the IPC channels and through `credence report`; rule
// thresholds and the income saved, validated, audited and reset.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { bureauReport } from '../../../core/bureau/report.ts';
import { readRuleSettings, saveRuleSetting } from '../../../core/settings/bureau-settings.ts';
import { CredenceError } from '../../../core/shared/errors.ts';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { computeLenderMetrics } from '../../../core/bureau/lender-metrics.ts';
import { loadLedgerSnapshot } from '../../../core/ledger/snapshot.ts';
import { initialiseProfile, ProfileStore } from '../../../core/storage/profile-store.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { saveMonthlyIncome } from '../../../core/settings/profile-facts.ts';
import { AS_OF, asOfDay, handMadeLedger, ledgerWithLines } from './fixture-ledger.ts';

/** A profile database as the app creates it (its profile row too: the CLI opens it as a profile). */
function profileDb() {
  const dir = tempDir();
  const file = join(dir, 'p.sqlite');
  const db = openDatabase(file);
  initialiseProfile(db, '报告');
  return { file, db };
}

describe('the report of a profile database', () => {
  it('reads the hand-made ledger as the report', () => {
    const { db } = profileDb();
    const { cardId, loanId, huabeiId } = handMadeLedger(db);
    const report = bureauReport(db, asOfDay);
    expect(report).toMatchObject({ asOf: AS_OF, reportMonth: '2026-05', reporting: { yes: 3, unknown: 0 } });
    expect(report.accounts.map((a) => [a.id, a.type])).toEqual([
      [loanId, 'D1'],
      [huabeiId, 'R1'],
      [cardId, 'R2'],
    ]);
    const loan = report.accounts[0];
    expect(loan.grid.map((m) => m.status).join(' ')).toBe('* N 1 2 N');
    expect(loan.grid.map((m) => m.overdueFen)).toEqual([0, 0, 280_000, 560_000, 0]);
    expect(report.accounts[1]).toMatchObject({ gridFrom: '2026-03', openedMonth: '2026-03', typeAssumed: true });
    // Lates 2026-03..04, ended 2026-05: the grid drops 2026-04 at report month 2031-04 (retention.ts), 59 months on.
    expect(report.negativeItems).toEqual([expect.objectContaining({ accountId: loanId, from: '2026-03', to: '2026-04', endedMonth: '2026-05', fallsOffMonth: '2031-04', monthsLeft: 59 })]);
    expect(report.summary.defaults.overdue.find((o) => o.type === 'D1')).toMatchObject({ accounts: { value: 1 }, months: { value: 2 }, highestMonthlyFen: { value: 560_000 }, longestMonths: { value: 2 } });
    expect(report.summary.queries.queries1m.card.value).toBe(1);
    expect(report.lenderView.find((r) => r.ruleId === 'card_utilisation')).toMatchObject({ status: 'pass', figure: { value: 0.25 } });
    db.close();
  });

  it('gives the scoring engine the same metrics from the database', () => {
    const { db } = profileDb();
    handMadeLedger(db);
    const metrics = computeLenderMetrics(loadLedgerSnapshot(db, asOfDay), AS_OF);
    expect(metrics.lei_liu.value).toBe(2);
    expect(metrics.online_loans.value).toBe(1); // Huabei
    db.close();
  });

  it('stores, validates and resets the user’s thresholds, each edit audited', () => {
    const { db } = profileDb();
    saveRuleSetting(db, 'lei_liu', { warn: 2, fail: 4, windowMonths: 12 });
    expect(readRuleSettings(db).get('lei_liu')).toEqual({ warn: 2, fail: 4, windowMonths: 12 });
    const thrown = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return error as CredenceError;
      }
      throw new Error('expected an error');
    };
    expect(thrown(() => saveRuleSetting(db, 'lei_liu', { warn: 5, fail: 4 }))).toMatchObject({ code: 'bureau.invalid_settings', details: { fields: [{ field: 'warn', rule: 'order' }] } });
    expect(thrown(() => saveRuleSetting(db, 'hard_queries_1m', { warn: 3, fail: null, windowMonths: 12 })).details.fields).toEqual([expect.objectContaining({ field: 'windowMonths' })]);
    expect(thrown(() => saveRuleSetting(db, 'hard_queries_1m', { warn: 2.5, fail: null })).details.fields).toEqual([expect.objectContaining({ rule: 'whole' })]);
    expect(thrown(() => saveRuleSetting(db, 'no_such', { warn: 1, fail: 2 }))).toMatchObject({ code: 'bureau.unknown_rule' });
    saveRuleSetting(db, 'lei_liu', null);
    expect(readRuleSettings(db).size).toBe(0);
    const actions = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'bureau.%' ORDER BY id").pluck().all();
    expect(actions).toEqual(['bureau.rule.update', 'bureau.rule.reset']);
    db.close();
  });
});

describe('the bureau channels', () => {
  function setup() {
    const dataDir = tempDir();
    const store = new ProfileStore(dataDir);
    const logged: unknown[] = [];
    const dispatch = createDispatch(createHandlers({ store, dataDir, version: '0.0.0-test', transport: 'test', emit: () => {} }), (e) => logged.push(e));
    const profile = store.create('征信测试');
    return { store, dispatch, logged, profileId: profile.id };
  }

  it('answer the report, a threshold edit and the income, each checked by the contract', async () => {
    const { store, dispatch, logged, profileId } = setup();
    handMadeLedger(store.database(profileId));
    const report = await dispatch('bureau.report', { profileId, asOf: AS_OF });
    expect(report).toMatchObject({ ok: true, value: { reportMonth: '2026-05', simulated: true } });
    const edited = await dispatch('bureau.rule.save', { profileId, ruleId: 'card_utilisation', input: { warn: 0.1, fail: 0.2 }, asOf: AS_OF });
    expect(edited).toMatchObject({ ok: true, value: { lenderView: expect.arrayContaining([expect.objectContaining({ ruleId: 'card_utilisation', edited: true, status: 'fail' })]) } });
    const income = await dispatch('bureau.income.save', { profileId, monthlyIncomeFen: 2_000_000, asOf: AS_OF });
    expect(income).toMatchObject({ ok: true, value: { monthlyIncomeFen: 2_000_000 } });
    const dti = (income as { value: { lenderView: { ruleId: string; figure: { value: number } }[] } }).value.lenderView.find((r) => r.ruleId === 'debt_to_income')!;
    // May: the card and Huabei count 10% of their balances in use (¥5,000 and ¥1,000, core/rules/debt-to-income.ts), the loan its ¥2,800 instalment.
    expect(dti.figure.value).toBeCloseTo((50_000 + 10_000 + 280_000) / 2_000_000);
    const bad = await dispatch('bureau.rule.save', { profileId, ruleId: 'lian_san', input: { warn: -1, fail: 3 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bureau.invalid_settings', message: { en: expect.stringContaining('warning level') } } });
    expect(logged).toEqual([]);
    store.close();
  });
});

describe('credence report', () => {
  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it('prints the report as JSON, the same as the core builds it', async () => {
    const { db, file } = profileDb();
    handMadeLedger(db);
    const expected = bureauReport(db, asOfDay);
    db.close();
    const result = await run(['report', '--db', file, '--as-of', AS_OF, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('counts a card paid in full at 10% of its balance in the debt-to-income (issue 11)', async () => {
    // ¥20,000 income and an ¥18,000 card bill paid in full: ¥1,800 ÷ ¥20,000 = 0.09, pass
    // (core/rules/debt-to-income.ts), where the whole bill would have read 0.9, fail.
    const { db, file } = profileDb();
    const opts = { asOfDay };
    const cardId = createAccount(db, { product: 'credit_card', bank: '招商银行', cardLast4: '1234', openedOn: '2026-01-01', statementDay: 10, dueDay: 28, limitFen: 5_000_000, reportsToBureau: 'yes' }, opts).account.id;
    setMonthFact(db, cardId, '2026-05', { status: 'N', balanceFen: 1_800_000, amountDueFen: 1_800_000, amountPaidFen: 1_800_000 }, opts);
    saveMonthlyIncome(db, 2_000_000);
    db.close();
    const result = await run(['report', '--db', file, '--as-of', AS_OF, '--json']);
    expect(result.code).toBe(0);
    const dti = (JSON.parse(result.stdout) as { lenderView: { ruleId: string; status: string; figure: { value: number } }[] }).lenderView.find((r) => r.ruleId === 'debt_to_income');
    expect(dti).toMatchObject({ status: 'pass', figure: { value: 0.09 } });
  });

  it('prints a readable report in either language, and needs --db', async () => {
    const { db, file } = profileDb();
    handMadeLedger(db);
    db.close();
    const zh = await run(['report', '--db', file, '--as-of', AS_OF]);
    expect(zh.stdout).toContain('报告期末 2026-05');
    expect(zh.stdout).toContain('*N12N');
    expect(zh.stdout).toContain('2031-04 消除');
    const en = await run(['report', '--db', file, '--as-of', AS_OF, '--lang', 'en']);
    expect(en.stdout).toContain('falls off 2031-04 (59 months left)');
    expect((await run(['report'])).code).toBe(2);
  });
});

describe('a ledger with a Weilidai line and an account of unknown reporting', () => {
  it('shows the draws per draw, both layouts side by side, and ranges for the unknown account', () => {
    const { db } = profileDb();
    const { lineId, drawIds, baitiaoId } = ledgerWithLines(db);
    const report = bureauReport(db, asOfDay);
    expect(report.reporting).toMatchObject({ yes: 8, unknown: 1, unknownAccounts: [{ id: baitiaoId }] });
    expect(report.summary.overview.totalAccounts).toMatchObject({ value: 8, ifUnknownReported: 9, range: [8, 9] });
    // The bank loan and the settled loan are D1; the five Weilidai draws are R4, sub-accounts under
    // the line's 授信协议 (docs/domain/pboc-report.md#account-types), shown with it in the report.
    expect(report.summary.overview.byType.find((t) => t.type === 'D1')!.accounts.value).toBe(1);
    expect(report.summary.overview.byType.find((t) => t.type === 'R4')!.accounts.value).toBe(5);
    expect(report.agreements.find((a) => a.kind === 'loan_line')).toMatchObject({ key: `line:${lineId}`, limitFen: 2_000_000, accounts: drawIds.map((id) => ({ id, type: 'R4' })) });
    const draws = report.accounts.filter((a) => a.lineId === lineId);
    expect(draws.map((a) => [a.id, a.state])).toEqual(drawIds.map((id, i) => [id, i < 2 ? 'settled' : 'normal']));
    const [comparison] = report.layouts;
    expect(comparison).toMatchObject({ lineId, chosen: 'per_draw', draws: 5 });
    expect(comparison.merged.accounts.map((a) => a.id)).toEqual([lineId]);
    expect(report.summary.defaults.overdue.find((o) => o.type === 'R1')!.accounts).toMatchObject({ value: 0, ifUnknownReported: 1 });
    expect(report.lenderView.find((r) => r.ruleId === 'hard_queries_1m')!.figure.value).toBe(2); // 05-06 loan, 05-20 card
    db.close();
  });
});
