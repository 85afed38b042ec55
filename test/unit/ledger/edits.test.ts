// Manual entry and edits: validated with a message per field in both languages, written apart
// from derived values so a re-import never overwrites them, audited, and followed by a recompute.

import { afterEach, describe, expect, it } from 'vitest';
import { importBytes } from '../../../core/importers/import-file.ts';
import { accountDetail, listAccounts } from '../../../core/ledger/accounts/views.ts';
import { assignTransaction } from '../../../core/ledger/accounts/event-links.ts';
import { createAccount, deleteAccount, updateAccount } from '../../../core/ledger/accounts/commands.ts';
import { deleteInstallment, saveInstallment } from '../../../core/ledger/accounts/installments.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { observationRecords } from '../../../core/ledger/observations.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import { tempDb, type TempDb } from '../importers/helpers.ts';
import { cmbStatement, onTimeStatement } from './cmb-statement.ts';
import { day } from './helpers.ts';
import { thrown } from '../../helpers/thrown.ts';

let t: TempDb;
afterEach(() => t?.close());

const asOf = { asOfDay: day('2026-05-31') };

function audit(): string[] {
  return t.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'ledger.%' ORDER BY id").pluck().all() as string[];
}


async function importCmb(text: string, name = 'cmb.csv') {
  return importBytes(t.db, name, Buffer.from(text, 'utf8'));
}

const CARD = { product: 'credit_card', bank: '招商银行', cardLast4: '8888', openedOn: '2026-01-01', statementDay: 10, dueDay: 28, limitFen: 2000000 };

describe('a card entered by hand, then its statement imported', () => {
  it('its months are # until the repayments arrive, then N; the card is matched, not duplicated', async () => {
    t = tempDb();
    const created = createAccount(t.db, CARD, asOf);
    expect(created.account).toMatchObject({ name: '招商银行信用卡 尾号8888', source: 'manual', matchKey: 'credit_card:招商银行:8888' });
    expect(created.account.fields.statementDay).toMatchObject({ value: 10, provenance: 'manual' });
    expect(created.account.fields.bureauType).toMatchObject({ value: 'R2', provenance: 'default', grade: 'B' });
    // Opened Jan 1, in the cycle closed by the Jan 10 statement (core/rules/billing-cycle.ts),
    // which has no due day yet → * (the month it opened). No export shows anything after: # .
    expect(created.months.map((m) => m.status)).toEqual(['*', '#', '#', '#', '#']);

    await importCmb(onTimeStatement());
    const [card] = listAccounts(t.db, asOf);
    expect(listAccounts(t.db, asOf)).toHaveLength(1);
    const detail = accountDetail(t.db, card.id, asOf);
    // Each month is the cycle its statement (the 10th) closes. Jan 10 bill 100.00 paid Jan 20, Feb
    // 10 bill 200.00 paid Feb 25, Mar 10 bill 300.00 paid Mar 27, each before the 28th → February,
    // March and April N. The export ends Mar 31: the Apr 10 bill, due in May's cycle, is unknown.
    expect(detail.months.map((m) => `${m.month} ${m.status}`)).toEqual(['2026-01 *', '2026-02 N', '2026-03 N', '2026-04 N', '2026-05 #']);
    // Per cycle: the statement it closes with, the repayments in it, the balance on its statement
    // date (Jan 10: the 100.00 of Jan 1; Feb 10: the 200.00 of Feb 5; Mar 10: the 300.00 of Mar 3).
    expect(detail.months.slice(0, 4).map((m) => [m.statementBalanceFen, m.amountPaidFen, m.creditUsedFen])).toEqual([
      [10000, 0, 10000],
      [20000, 10000, 20000],
      [30000, 20000, 30000],
      [null, 30000, null],
    ]);
    expect(detail.transactions).toHaveLength(7);
    expect(card.worst24).toBe('N');
    expect(card.limitFen).toBe(2000000);
  });

  it('edits survive a re-import and an import of more months', async () => {
    t = tempDb();
    const { account } = createAccount(t.db, CARD, asOf);
    await importCmb(onTimeStatement());
    updateAccount(t.db, account.id, { lender: '招商银行信用卡中心', reportsToBureau: 'yes', bureauSinceMonth: '2026-01', note: '工资卡' }, [], asOf);
    await importCmb(onTimeStatement()); // every row a duplicate
    await importCmb(cmbStatement('2026年05月', '8888', [{ date: '04/02', summary: '某药店', yuan: 20 }]), 'cmb-05.csv');
    const [card] = listAccounts(t.db, asOf);
    expect(card.fields.lender).toMatchObject({ value: '招商银行信用卡中心', provenance: 'manual' });
    expect(card.fields.reportsToBureau).toMatchObject({ value: 'yes', provenance: 'manual' });
    expect(card.fields.statementDay).toMatchObject({ value: 10, provenance: 'manual' });
    expect(card.transactions).toBe(8);
    expect(audit()).toEqual(['ledger.account.create', 'ledger.account.update']);
  });

  it('a derived account edited by the user keeps the edit when the import runs again', async () => {
    t = tempDb();
    await importCmb(onTimeStatement());
    const [derived] = listAccounts(t.db, asOf);
    expect(derived.source).toBe('derived');
    expect(derived.unknownMonths24).toBe(5);
    updateAccount(t.db, derived.id, { statementDay: 10, dueDay: 28, openedOn: '2026-01-01' }, [], asOf);
    await importCmb(onTimeStatement());
    const detail = accountDetail(t.db, derived.id, asOf);
    expect(detail.account.fields.openedOn).toMatchObject({ value: '2026-01-01', provenance: 'manual' });
    expect(detail.months.slice(0, 4).map((m) => m.status)).toEqual(['*', 'N', 'N', 'N']);
    // Reverting a field brings back what the data says (here: nothing).
    const reverted = updateAccount(t.db, derived.id, {}, ['openedOn'], asOf);
    expect(reverted.account.fields.openedOn).toMatchObject({ value: null, provenance: 'none' });
    expect(reverted.months[0].status).toBe('#');
  });
});

describe('validation', () => {
  it('names each bad field with a sentence in both languages', () => {
    t = tempDb();
    const error = thrown(() => createAccount(t.db, { product: 'credit_card', statementDay: 40, cardLast4: '12a4', limitFen: -5, colour: 'red' }, asOf));
    expect(error.code).toBe('ledger.invalid_input');
    const fields = error.details.fields as { field: string; message: { 'zh-CN': string; en: string } }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['cardLast4', 'colour', 'limitFen', 'statementDay']);
    expect(fields.find((f) => f.field === 'statementDay')!.message).toEqual({
      'zh-CN': '账单日须为 1 到 31 之间的整数',
      en: 'Statement day must be a whole number from 1 to 31',
    });
    expect(error.localized['zh-CN']).toContain('卡号后四位须为 4 位数字');
    expect(error.localized.en).toContain('Last four digits must be 4 digits');
    expect(audit()).toEqual([]);
  });

  it('checks rules across fields and requires a product', () => {
    t = tempDb();
    expect(thrown(() => createAccount(t.db, { name: '无产品' }, asOf)).details.fields).toMatchObject([{ field: 'product' }]);
    const closed = thrown(() => createAccount(t.db, { product: 'mortgage', openedOn: '2026-03-01', closedOn: '2026-02-01' }, asOf));
    expect(closed.details.fields).toMatchObject([{ field: 'closedOn', rule: 'closed_before_opened', message: { en: 'The close date cannot be before the open date' } }]);
    const draw = thrown(() => createAccount(t.db, { product: 'jiebei', kind: 'draw' }, asOf));
    expect(draw.details.fields).toMatchObject([{ field: 'parentId', rule: 'draw_needs_line' }]);
    const date = thrown(() => createAccount(t.db, { product: 'huabei', openedOn: '2026-02-30' }, asOf));
    expect(date.details.fields).toMatchObject([{ field: 'openedOn' }]);
  });

  it('refuses a second account for the same card or product', () => {
    t = tempDb();
    createAccount(t.db, CARD, asOf);
    expect(thrown(() => createAccount(t.db, CARD, asOf)).code).toBe('ledger.account_exists');
    createAccount(t.db, { product: 'huabei' }, asOf);
    expect(thrown(() => createAccount(t.db, { product: 'huabei', name: '花呗2' }, asOf)).code).toBe('ledger.account_exists');
  });
});

describe('month facts, instalments, assignments, deletion', () => {
  it('month facts from the user win and are audited; clearing one restores the derived month', async () => {
    t = tempDb();
    const { account } = createAccount(t.db, CARD, asOf);
    await importCmb(onTimeStatement());
    let detail = setMonthFact(t.db, account.id, '2026-05', { amountDueFen: 1000, amountPaidFen: 1000 }, asOf);
    // May's cycle (Apr 11 – May 10) holds the Apr 28 due day of the Apr 10 bill, the 10.00 of Mar 31;
    // the user says it was paid → N.
    expect(detail.months.find((m) => m.month === '2026-05')).toMatchObject({ status: 'N', amountDueFen: 1000, amountPaidFen: 1000 });
    expect(detail.monthFacts).toEqual([{ month: '2026-05', balanceFen: null, amountDueFen: 1000, minimumDueFen: null, amountPaidFen: 1000, status: null, note: null }]);
    detail = setMonthFact(t.db, account.id, '2026-04', { status: '1' }, asOf);
    expect(detail.months.find((m) => m.month === '2026-04')).toMatchObject({ status: '1', statusSource: 'manual' });
    detail = setMonthFact(t.db, account.id, '2026-05', null, asOf);
    expect(detail.months.find((m) => m.month === '2026-05')!.status).toBe('#');
    expect(thrown(() => setMonthFact(t.db, account.id, '2026-13', {}, asOf)).details.fields).toMatchObject([{ field: 'month' }]);
    expect(thrown(() => setMonthFact(t.db, account.id, '2026-04', { amountDueFen: 100, minimumDueFen: 200 }, asOf)).details.fields).toMatchObject([
      { rule: 'minimum_above_due' },
    ]);
    expect(audit()).toEqual(['ledger.account.create', 'ledger.month.set', 'ledger.month.set', 'ledger.month.clear']);
  });

  it('instalment plans change the bills, and can be removed', async () => {
    t = tempDb();
    const { account } = createAccount(t.db, CARD, asOf);
    await importCmb(onTimeStatement());
    // The Mar 3 charge of 300.00 turned into 3 periods from the Mar 10 statement, 9.00 fee in all.
    let detail = saveInstallment(t.db, account.id, null, { label: '手机分期', principalFen: 30000, feeFen: 900, periods: 3, firstMonth: '2026-03' }, asOf);
    expect(detail.installments).toEqual([{ id: 1, label: '手机分期', principalFen: 30000, feeFen: 900, periods: 3, firstMonth: '2026-03' }]);
    expect(detail.months.find((m) => m.month === '2026-03')!.statementBalanceFen).toBe(10300);
    detail = deleteInstallment(t.db, account.id, 1, asOf);
    expect(detail.months.find((m) => m.month === '2026-03')!.statementBalanceFen).toBe(30000);
    expect(thrown(() => deleteInstallment(t.db, account.id, 1, asOf)).code).toBe('ledger.installment_not_found');
    expect(thrown(() => saveInstallment(t.db, account.id, null, { principalFen: 0, periods: 200, firstMonth: 'x' }, asOf)).details.fields).toHaveLength(3);
  });

  it('a derived account is hidden, not deleted, and stays hidden after a re-import; a manual one is deleted', async () => {
    t = tempDb();
    await importCmb(onTimeStatement());
    const [derived] = listAccounts(t.db, asOf);
    expect(deleteAccount(t.db, derived.id, asOf)).toEqual({ deleted: 'hidden' });
    await importCmb(onTimeStatement());
    expect(listAccounts(t.db, asOf)).toEqual([]);
    expect(listAccounts(t.db, { ...asOf, includeDismissed: true })).toHaveLength(1);
    const { account } = createAccount(t.db, { product: 'mortgage', principalFen: 100000000, openedOn: '2026-01-15', termMonths: 360, repaymentMethod: 'equal_installment', annualRateBp: 390 }, asOf);
    expect(deleteAccount(t.db, account.id, asOf)).toEqual({ deleted: 'removed' });
    expect(t.db.prepare('SELECT count(*) FROM credit_accounts WHERE id = ?').pluck().get(account.id)).toBe(0);
    expect(audit()).toEqual(['ledger.account.hide', 'ledger.account.create', 'ledger.account.delete']);
  });

  it('a repayment assigned by hand moves to that account; reset gives it back to the rules', async () => {
    t = tempDb();
    await importCmb(onTimeStatement());
    const [card] = listAccounts(t.db, asOf);
    const { account: other } = createAccount(t.db, { product: 'other', name: '某消费贷' }, asOf);
    const repayment = t.db.prepare("SELECT id FROM transactions WHERE item = '掌上生活还款'").pluck().get() as number;
    expect(assignTransaction(t.db, repayment, other.id, asOf)).toEqual({ accountId: other.id });
    expect(accountDetail(t.db, other.id, asOf).transactions.map((x) => [x.id, x.linkSource, x.basis])).toEqual([[repayment, 'manual', 'user']]);
    expect(assignTransaction(t.db, repayment, 'reset', asOf)).toEqual({ accountId: card.id });
    expect(thrown(() => assignTransaction(t.db, 99999, null, asOf)).code).toBe('ledger.transaction_not_found');
  });
});

describe('while an import holds the database', () => {
  it('edits are refused (they would join the import and vanish with a cancel); reads serve the stored ledger', async () => {
    t = tempDb();
    createAccount(t.db, CARD, asOf);
    t.db.exec('BEGIN IMMEDIATE'); // what import-file.ts holds between chunks
    try {
      expect(thrown(() => createAccount(t.db, { product: 'huabei' }, asOf)).code).toBe('ledger.busy');
      expect(thrown(() => queryRecords.save(t.db, null, { queriedOn: '2026-03-02', institution: '某银行', reasonCode: '02' })).code).toBe('ledger.busy');
      expect(listAccounts(t.db, { asOfDay: day('2026-06-30') }).map((a) => a.name)).toEqual(['招商银行信用卡 尾号8888']);
    } finally {
      t.db.exec('ROLLBACK');
    }
    expect(audit()).toEqual(['ledger.account.create']);
  });
});

describe('query records and observed scores', () => {
  it('records queries with their reason code; 贷款审批 is hard, 贷后管理 is not', () => {
    t = tempDb();
    const hard = queryRecords.save(t.db, null, { queriedOn: '2026-03-02', institution: '招商银行', institutionType: '11', reasonCode: '02' });
    queryRecords.save(t.db, null, { queriedOn: '2026-04-10', institution: '微众银行', reasonCode: '01' });
    expect(queryRecords.list(t.db).map((q) => [q.queriedOn, q.institution, q.reasonCode, q.hard])).toEqual([
      ['2026-04-10', '微众银行', '01', false],
      ['2026-03-02', '招商银行', '02', true],
    ]);
    expect(queryRecords.save(t.db, hard.id, { queriedOn: '2026-03-02', institution: '招商银行', reasonCode: '03' }).hard).toBe(true);
    const bad = thrown(() => queryRecords.save(t.db, null, { queriedOn: '2026-3-2', institution: '', reasonCode: '99' }));
    expect((bad.details.fields as { field: string }[]).map((f) => f.field)).toEqual(['queriedOn', 'institution', 'reasonCode']);
    queryRecords.remove(t.db, hard.id);
    expect(thrown(() => queryRecords.remove(t.db, hard.id)).code).toBe('ledger.query_not_found');
    expect(audit()).toEqual(['ledger.query.create', 'ledger.query.create', 'ledger.query.update', 'ledger.query.delete']);
  });

  it('records observed scores within each score’s range', () => {
    t = tempDb();
    const sesame = observationRecords.save(t.db, null, { kind: 'sesame', value: 712, observedOn: '2026-05-06' }, asOf);
    observationRecords.save(t.db, null, { kind: 'other', label: '京东小白信用', value: 88, observedOn: '2026-05-01' }, asOf);
    expect(observationRecords.list(t.db).map((o) => [o.kind, o.label, o.value])).toEqual([
      ['sesame', null, 712],
      ['other', '京东小白信用', 88],
    ]);
    const outOfRange = thrown(() => observationRecords.save(t.db, null, { kind: 'wechat_pay_score', value: 900, observedOn: '2026-06-30' }, asOf));
    expect((outOfRange.details.fields as { field: string }[]).map((f) => f.field)).toEqual(['value', 'observedOn']);
    expect(thrown(() => observationRecords.save(t.db, null, { kind: 'other', value: 1, observedOn: '2026-05-01' }, asOf)).details.fields).toMatchObject([{ rule: 'other_needs_label' }]);
    observationRecords.remove(t.db, sesame.id);
    expect(audit()).toEqual(['ledger.observation.create', 'ledger.observation.create', 'ledger.observation.delete']);
  });
});
