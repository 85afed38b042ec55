// The credit conventions a profile may set where banks differ (issue 11 items 1 and 4): each
// issuer's 容时 and 容差, which the monthly history applies, and the share of a revolving balance
// that debt-to-income counts. Through the CLI (`credence settings grace|dti`, `--json`) on a
// synthetic CMB statement and a ledger entered by hand, and in core: validation, audit, reset.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conventions } from '../../../core/bureau/conventions-schema.ts';
import type { BureauReport } from '../../../core/bureau/report-schema.ts';
import { main } from '../../../core/cli/credence.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { readDebtToIncomeSetting, readIssuerGraceRules, saveDebtToIncomeSetting, saveIssuerGrace } from '../../../core/settings/conventions.ts';
import { saveMonthlyIncome } from '../../../core/settings/profile-facts.ts';
import { parseDay } from '../../../core/shared/calendar.ts';
import { CredenceError } from '../../../core/shared/errors.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { initialiseProfile } from '../../../core/storage/profile-store.ts';
import { tempDir } from '../../helpers/temp.ts';
import { lateAcrossMonthEndStatement } from '../ledger/cmb-statement.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function profileFile(name: string): string {
  const file = join(tempDir(), 'p.sqlite');
  const db = openDatabase(file);
  initialiseProfile(db, name);
  db.close();
  return file;
}

describe('grace and tolerance per issuer (容时、容差)', () => {
  // 招商银行 card 8888, statement day 10, due day 30: Jan's ¥100 (billed Jan 10, due Jan 30) is
  // repaid Feb 1, 2 days late; Feb's ¥200 (billed Feb 10, due Feb 28, the 30th clamped) on Feb 25.
  // A card's month is its statement cycle (core/rules/billing-cycle.ts): the Jan 10 bill is
  // judged in the cycle reported at the Feb 10 statement, the grid's 2026-02.
  async function lateCard() {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const statement = join(dir, 'cmb.csv');
    writeFileSync(statement, lateAcrossMonthEndStatement());
    expect((await run(['profile', 'create', '容时', '--db', db])).code).toBe(0);
    expect((await run(['import', statement, '--db', db])).code).toBe(0);
    const handle = openDatabase(db, { create: false });
    const id = handle.prepare('SELECT id FROM credit_accounts').pluck().get() as number;
    const set = handle.prepare("INSERT OR REPLACE INTO credit_account_overrides (account_id, field, value_json, updated_at) VALUES (?, ?, ?, '2026-04-01T00:00:00+08:00')");
    for (const [field, value] of Object.entries({ statementDay: 10, dueDay: 30, openingBalanceFen: 0, openingBalanceOn: '2026-01-01' })) set.run(id, field, JSON.stringify(value));
    handle.close();
    return { db, id };
  }
  const janBill = async (db: string, id: number) => {
    const shown = await run(['accounts', 'show', String(id), '--db', db, '--as-of', '2026-03-31', '--json']);
    const months = JSON.parse(shown.stdout).months as { month: string; status: string; reason: string; daysPastDue: number }[];
    const m = months.find((x) => x.month === '2026-02')!;
    return [m.status, m.reason, m.daysPastDue];
  };
  const reported = async (db: string) => JSON.parse((await run(['report', '--db', db, '--as-of', '2026-03-31', '--json'])).stdout) as BureauReport;

  it('the default 3 days make 2 days late N; 招商银行 set to 0 days makes it 1; default again brings N back', async () => {
    const { db, id } = await lateCard();
    // Default: grace to Feb 2 covers the Feb 1 repayment → N, decided by grace.
    expect(await janBill(db, id)).toEqual(['N', 'paid_in_grace', 0]);
    expect((await reported(db)).accounts[0].grace).toMatchObject({ graceDays: 3, toleranceFen: 1000, origin: 'card_default' });

    const saved = await run(['settings', 'grace', '招商银行', 'days=0', 'tolerance=0', '--db', db, '--json']);
    expect(saved.code).toBe(0);
    const issuer = (JSON.parse(saved.stdout) as Conventions).grace.issuers.find((i) => i.lender === '招商银行');
    expect(issuer).toMatchObject({ graceDays: 0, toleranceFen: 0, origin: 'profile', accounts: 1 });
    // No grace: repaid Feb 1, 2 days past the Jan 30 due day → 1 (1–30 days), judged at the statement.
    expect(await janBill(db, id)).toEqual(['1', 'repaid_late', 2]);
    expect((await reported(db)).accounts[0].grace).toMatchObject({ graceDays: 0, toleranceFen: 0, origin: 'profile' });

    // Only the tolerance changes: the days stay 0.
    const tolerance = await run(['settings', 'grace', '招商银行', 'tolerance=5', '--db', db, '--json']);
    expect((JSON.parse(tolerance.stdout) as Conventions).grace.issuers.find((i) => i.lender === '招商银行')).toMatchObject({ graceDays: 0, toleranceFen: 500 });

    expect((await run(['settings', 'grace', '招商银行', 'default', '--db', db])).code).toBe(0);
    expect(await janBill(db, id)).toEqual(['N', 'paid_in_grace', 0]);
  });

  it('refuses an out-of-range value, naming the field, and changes nothing', async () => {
    const { db } = await lateCard();
    const bad = await run(['settings', 'grace', '招商银行', 'days=31', '--db', db, '--lang', 'en']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Grace must be a whole number of days from 0 to 30');
    const handle = openDatabase(db, { create: false });
    expect(readIssuerGraceRules(handle)).toEqual({});
    handle.close();
  });

  it('a card entered by hand with only its bank is judged by that bank’s rule', async () => {
    // No lender on a hand-entered card, only its bank: the issuer is the bank (repayment-grace.ts issuerOf).
    const file = profileFile('手动');
    const db = openDatabase(file);
    createAccount(db, { product: 'credit_card', bank: '交通银行', cardLast4: '7449', openedOn: '2026-01-01', statementDay: 5, dueDay: 25, limitFen: 1_000_000 }, { asOfDay: parseDay('2026-05-31')! });
    db.close();
    const saved = JSON.parse((await run(['settings', 'grace', '交通银行', 'days=2', '--db', file, '--json'])).stdout) as Conventions;
    expect(saved.grace.issuers.find((i) => i.lender === '交通银行')).toMatchObject({ graceDays: 2, toleranceFen: 1000, origin: 'profile', accounts: 1 });
    const report = JSON.parse((await run(['report', '--db', file, '--as-of', '2026-05-31', '--json'])).stdout) as BureauReport;
    expect(report.accounts[0]).toMatchObject({ lender: null, grace: { graceDays: 2, origin: 'profile' } });
  });

  it('in core: an issuer name is required, a save is audited, and saving the same value writes nothing', () => {
    const db = openDatabase(profileFile('核心'));
    expect(() => saveIssuerGrace(db, '  ', { graceDays: 2, toleranceFen: 0 })).toThrow(CredenceError);
    saveIssuerGrace(db, '建设银行', { graceDays: 2, toleranceFen: 1000 });
    const version = () => db.prepare('SELECT ledger_inputs FROM data_version').pluck().get() as number;
    const before = version();
    saveIssuerGrace(db, '建设银行', { graceDays: 2, toleranceFen: 1000 });
    expect(version()).toBe(before);
    expect(readIssuerGraceRules(db)['建设银行']).toMatchObject({ graceDays: 2, toleranceFen: 1000 });
    const actions = db.prepare("SELECT action FROM audit_log WHERE subject = 'issuer:建设银行'").pluck().all();
    expect(actions).toEqual(['bureau.grace.update']);
    db.close();
  });
});

describe('the debt-to-income share (负债收入比口径)', () => {
  it('counts 10% of a card’s balance by default, flagged as Credence’s own; 100% reads the whole bill', async () => {
    // ¥20,000 income, an ¥18,000 card bill paid in full: 10% → ¥1,800 ÷ ¥20,000 = 0.09 (pass);
    // 100% → 0.9 (fails above 0.5); 5% → ¥900 ÷ ¥20,000 = 0.045.
    const file = profileFile('负债');
    const db = openDatabase(file);
    const opts = { asOfDay: parseDay('2026-05-31')! };
    const cardId = createAccount(db, { product: 'credit_card', bank: '招商银行', cardLast4: '1234', openedOn: '2026-01-01', statementDay: 10, dueDay: 28, limitFen: 5_000_000, reportsToBureau: 'yes' }, opts).account.id;
    setMonthFact(db, cardId, '2026-05', { status: 'N', balanceFen: 1_800_000, amountDueFen: 1_800_000, amountPaidFen: 1_800_000 }, opts);
    saveMonthlyIncome(db, 2_000_000);
    db.close();
    const dti = async () => {
      const report = JSON.parse((await run(['report', '--db', file, '--as-of', '2026-05-31', '--json'])).stdout) as BureauReport;
      return { rule: report.lenderView.find((r) => r.ruleId === 'debt_to_income')!, conventions: report.conventions.debtToIncome };
    };
    const first = await dti();
    expect(first.rule).toMatchObject({ status: 'pass', figure: { value: 0.09 } });
    expect(first.conventions).toMatchObject({ revolvingShareOfUsed: 0.1, defaultShare: 0.1, edited: false, sourced: false });

    const whole = await run(['settings', 'dti', '100', '--db', file, '--json']);
    expect(JSON.parse(whole.stdout)).toMatchObject({ debtToIncome: { revolvingShareOfUsed: 1, edited: true } });
    expect((await dti()).rule).toMatchObject({ status: 'fail', figure: { value: 0.9 } });

    await run(['settings', 'dti', '5', '--db', file]);
    expect((await dti()).rule.figure.value).toBeCloseTo(0.045, 10);

    const shown = await run(['settings', '--db', file, '--lang', 'en']);
    expect(shown.stdout).toContain('counts 5% of its balance in use');
    expect(shown.stdout).toContain('Credence’s own default, no source gives it');

    expect((await run(['settings', 'dti', 'default', '--db', file])).code).toBe(0);
    expect((await dti()).conventions).toMatchObject({ revolvingShareOfUsed: 0.1, edited: false });
  });

  it('refuses a share above 100%', async () => {
    const file = profileFile('越界');
    const bad = await run(['settings', 'dti', '150', '--db', file, '--lang', 'en']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('must be 0% to 100%');
    const db = openDatabase(file);
    expect(readDebtToIncomeSetting(db)).toEqual({ revolvingShareOfUsed: 0.1, edited: false });
    expect(() => saveDebtToIncomeSetting(db, { revolvingShareOfUsed: -0.1 })).toThrow(CredenceError);
    db.close();
  });
});

describe('migration 0013', () => {
  it('keeps only what core would accept', () => {
    const db = openDatabase(profileFile('表'));
    const T = '2026-12-03T08:00:00+08:00';
    expect(() => db.prepare(`INSERT INTO issuer_grace_rules (lender, grace_days, tolerance_fen, updated_at) VALUES ('招商银行', 31, 0, '${T}')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO issuer_grace_rules (lender, grace_days, tolerance_fen, updated_at) VALUES ('', 3, 0, '${T}')`).run()).toThrow(/CHECK/);
    // The debt-to-income share is an object; the hard-query reasons stay an array.
    expect(() => db.prepare(`INSERT INTO bureau_settings (key, value_json, updated_at) VALUES ('debt_to_income', '[0.1]', '${T}')`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO bureau_settings (key, value_json, updated_at) VALUES ('debt_to_income', '{"revolvingShareOfUsed":0.2}', '${T}')`).run();
    expect(readDebtToIncomeSetting(db)).toEqual({ revolvingShareOfUsed: 0.2, edited: true });
    db.close();
  });
});
