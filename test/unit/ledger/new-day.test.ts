// The first read on a later day (core/ledger/freshness.ts): the ledger was derived for the day of
// the last import, and the day is part of what it depends on (overdue days, statements closed and
// due days passed since, the next due day), so it is brought up to that day first: the rows are
// not taken up again (nothing the derivation reads moved), and each history goes on from the
// checkpoint its last pass kept (recompute/day-checkpoints.ts), walking only the months since.
// The result must be what a derivation of every row on that day gives.
//
// One profile, opened on one day after another as a user would (each a first read on its day),
// and after each its derived tables, its checkpoints and both scores compared with two copies
// of it as it was before that open: one derived again from every row on the new day, each
// history from its first month (byte for byte, the checkpoints included: the state a resumed
// pass keeps is the one a whole pass keeps), one whose derived half was cleared first (from
// scratch, accounts compared by their keys).
//
// The self-written ledger (synthetic, no real person's data), and what each day changes:
//   Huabei, entered by hand: statement day 1, due day 10, nothing owed on 2026-06-30. One
//   self-written Alipay export covers 2026-06-01 to 2026-10-31: July purchases of 66 + 35 = 101
//   yuan, billed on August 1, due August 10, repaid only on September 20 (a month past due: the
//   rows of September and October are `1`), and a 50-yuan purchase on October 5 (billed
//   November 1, due November 10).
//   A bank loan entered with its terms: 12,000 yuan from 2026-01-15, 12 months, equal principal at
//   0%, due on the 15th: 1,000 yuan each month, the last on 2027-01-15.
//   2026-10-31 (D)   the import's day: Huabei owes 50 yuan, the loan's next due is 2026-11-15.
//   2026-11-01 (D+1) Huabei's statement day: its November row (the cycle that closed) appears.
//   2026-11-10/11    Huabei's due day and the day after.
//   2026-11-15/16    the loan's due day (still its next due) and the day after (2026-12-15 next).
//   2026-12-01 (D+31), 2027-12-05 (D+400, the loan's last instalment passed: no next due).
//   2031-10-30/31    the 5-year fall-off: the run of `1`s (September and October 2026) ended in
//                    November 2026, so it leaves the report with the 60-month grid, the report
//                    month 2031-10 (the last whole month: October 2031 once its last day is
//                    reached), shown on October 30 and gone on October 31.
//   and back to 2026-11-16 and D: a day before the last one (`--as-of`) is a new day too.

import { afterEach, describe, expect, it } from 'vitest';
import { bureauReport } from '../../../core/bureau/report.ts';
import { importBytes } from '../../../core/importers/import-file.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { readMonths } from '../../../core/ledger/codecs/stored-months.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { scoreDatabase } from '../../../core/score/engine.ts';
import { takeSnapshot } from '../../../core/score/snapshots.ts';
import { readDataVersion } from '../../../core/storage/data-version.ts';
import type { Db } from '../../../core/storage/database.ts';
import { tempDb, type TempDb } from '../importers/helpers.ts';
import { alipayExport, byKey, card, cardRepay, copyOf, huabei, huabeiRepay, jiebeiDraw, jiebeiRepay, tables } from './derivation-helpers.ts';
import { day } from './helpers.ts';

const D = day('2026-10-31');

const EXPORT = alipayExport('2026-06-01 00:00:00', '2026-10-31 23:59:59', [
  huabei('2026-10-05 12:00:00', 5, '50.00'),
  huabeiRepay('2026-09-20 09:00:00', 4, '101.00'),
  huabei('2026-07-30 12:00:00', 2, '35.00'),
  huabei('2026-07-10 12:00:00', 1, '66.00'),
]);

let t: TempDb;
const opened: Db[] = [];
afterEach(() => {
  t?.close();
  for (const db of opened.splice(0)) db.close();
});

async function copy(db: Db): Promise<Db> {
  const copied = await copyOf(db);
  opened.push(copied);
  return copied;
}

/** Each account's next due day (credit_account_summaries), by account name. */
function nextDue(db: Db): Record<string, string | null> {
  const rows = db.prepare('SELECT a.name, s.next_due_on FROM credit_account_summaries s JOIN credit_accounts a ON a.id = s.account_id').raw().all() as [string, string | null][];
  return Object.fromEntries(rows);
}

function checkpoints(db: Db): unknown[][] {
  return db.prepare('SELECT account_id, inputs, state FROM credit_account_checkpoints ORDER BY account_id').raw().all() as unknown[][];
}

/** The month (index) each account's kept checkpoint is after, by name. */
function checkpointMonths(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT a.name, c.state FROM credit_account_checkpoints c JOIN credit_accounts a ON a.id = c.account_id').raw().all() as [string, string][];
  return Object.fromEntries(rows.map(([name, state]) => [name, (JSON.parse(state) as { month: number }).month]));
}

function huabeiMonths(db: Db): string[] {
  const id = db.prepare("SELECT id FROM credit_accounts WHERE product = 'huabei'").pluck().get() as number;
  return readMonths(db, id).map((m) => `${m.month}:${m.status}`);
}

/**
 * The first read on `asOf` as the app's and the CLI's is (the score), then the profile against
 * copies of it as it was before, derived on that day from every row and from scratch.
 */
async function openOn(asOf: string): Promise<void> {
  const asOfDay = day(asOf);
  const before = await copy(t.db);
  const scratch = await copy(t.db);
  const edits = readDataVersion(t.db).ledgerEdits;

  const scores = scoreDatabase(t.db, asOfDay);
  // Nothing the derivation reads moved: the next import can still take up only its own rows.
  expect(readDataVersion(t.db).ledgerEdits).toBe(edits);

  refreshLedger(before, asOfDay, true);
  expect(tables(t.db), asOf).toEqual(tables(before));
  expect(checkpoints(t.db), asOf).toEqual(checkpoints(before));
  expect(scores, asOf).toEqual(scoreDatabase(before, asOfDay));

  scratch.exec(`DELETE FROM credit_account_events; DELETE FROM credit_account_histories; DELETE FROM credit_account_summaries;
                DELETE FROM credit_links WHERE source = 'derived'; DELETE FROM ledger_state;
                DELETE FROM credit_accounts WHERE source = 'derived' AND id NOT IN (SELECT account_id FROM credit_links WHERE account_id IS NOT NULL);`);
  refreshLedger(scratch, asOfDay);
  expect(byKey(t.db), asOf).toEqual(byKey(scratch));
  expect(scores, asOf).toEqual(scoreDatabase(scratch, asOfDay));
}

describe('the first read on a later day', () => {
  it('gives what a derivation of every row on that day gives, day after day', async () => {
    t = tempDb();
    const options = { asOfDay: D };
    createAccount(t.db, { product: 'huabei', statementDay: 1, dueDay: 10, openingBalanceFen: 0, openingBalanceOn: '2026-06-30' }, options);
    createAccount(
      t.db,
      { product: 'bank_loan', name: '工商银行消费贷', lender: '中国工商银行', openedOn: '2026-01-15', principalFen: 1_200_000, termMonths: 12, repaymentMethod: 'equal_principal', annualRateBp: 0, dueDay: 15, reportsToBureau: 'yes' },
      options,
    );
    // The import's day: derived and scored for it, as `credence import` does (core/ipc/import-run.ts).
    const [report] = await importBytes(t.db, 'alipay-2026-06-10.csv', EXPORT);
    expect(report!.imported).toBe(4);
    takeSnapshot(t.db, 'import', D);
    expect(nextDue(t.db)).toEqual({ 花呗: '2026-11-10', 工商银行消费贷: '2026-11-15' });
    // The August bill, 101 yuan, repaid 41 days after its due day: September's and October's rows are 1.
    expect(huabeiMonths(t.db)).toEqual(['2026-07:#', '2026-08:*', '2026-09:1', '2026-10:1']);
    const runs = (asOf: string) => bureauReport(t.db, day(asOf)).negativeItems.map((item) => [item.from, item.to, item.endedMonth, item.fallsOffMonth]);
    expect(runs('2026-10-31')).toEqual([['2026-09', '2026-10', null, null]]);

    await openOn('2026-11-01');
    // The cycle that closed on November 1 is a row now: the 50-yuan statement, nothing past due.
    expect(huabeiMonths(t.db)).toEqual(['2026-07:#', '2026-08:*', '2026-09:1', '2026-10:1', '2026-11:*']);
    await openOn('2026-11-10');
    await openOn('2026-11-11');
    await openOn('2026-11-15');
    expect(nextDue(t.db)['工商银行消费贷']).toBe('2026-11-15');
    await openOn('2026-11-16');
    expect(nextDue(t.db)['工商银行消费贷']).toBe('2026-12-15');
    await openOn('2026-12-01');
    await openOn('2027-12-05');
    expect(nextDue(t.db)['工商银行消费贷']).toBeNull();
    // The run ended with November 2026 (a month known not to be negative), and leaves with the grid.
    expect(runs('2027-12-05')).toEqual([['2026-09', '2026-10', '2026-11', '2031-10']]);
    await openOn('2031-10-30');
    expect(runs('2031-10-30')).toEqual([['2026-09', '2026-10', '2026-11', '2031-10']]);
    await openOn('2031-10-31');
    expect(runs('2031-10-31')).toEqual([]);
    await openOn('2026-11-16');
    expect(nextDue(t.db)['工商银行消费贷']).toBe('2026-12-15');
    await openOn('2026-10-31');
    expect(huabeiMonths(t.db)).toEqual(['2026-07:#', '2026-08:*', '2026-09:1', '2026-10:1']);
  });

  it('gives the same for a credit line with its draws and a card, day after day', async () => {
    // A Jiebei line (two draws, repayments that go to the one open draw) and a 招商银行 card, from
    // one self-written export: the line's pass carries its draws' events (a family recomputed together).
    t = tempDb();
    const [report] = await importBytes(
      t.db,
      'alipay-line-and-card.csv',
      alipayExport('2026-06-01 00:00:00', '2026-10-31 23:59:59', [
        jiebeiRepay('2026-10-20 15:00:00', 16, '1040.00'),
        card('2026-10-03 20:00:00', 15, '88.00', '1234'),
        jiebeiRepay('2026-09-20 15:00:00', 14, '1040.00'),
        cardRepay('2026-09-18 08:00:00', 13, '300.00'),
        jiebeiDraw('2026-08-20 15:00:00', 12, '6000.00'),
        jiebeiRepay('2026-08-10 15:00:00', 11, '520.00'),
        card('2026-07-16 20:00:00', 10, '300.00', '1234'),
        jiebeiDraw('2026-07-01 15:00:00', 9, '3000.00'),
      ]),
    );
    expect(report!.imported).toBe(8);
    takeSnapshot(t.db, 'import', D);
    const kinds = t.db.prepare('SELECT kind FROM credit_accounts ORDER BY id').pluck().all();
    // In the order of their first rows (the line's July 1 draw, the card's July 16 purchase), draws after.
    expect(kinds).toEqual(['line', 'revolving', 'draw', 'draw']);
    // Every account keeps one: the line and each draw too (their months before October 31 read nothing after it).
    expect(t.db.prepare('SELECT count(*) FROM credit_account_checkpoints').pluck().get()).toBe(4);
    for (const asOf of ['2026-11-01', '2026-11-20', '2026-11-21', '2026-12-03', '2027-02-01', '2027-12-05', '2026-11-02']) await openOn(asOf);
  });

  it('starts from the kept checkpoint: what it holds shows in the next day, and an edit sets it aside', async () => {
    t = tempDb();
    createAccount(t.db, { product: 'huabei', statementDay: 1, dueDay: 10, openingBalanceFen: 0, openingBalanceOn: '2026-06-30' }, { asOfDay: D });
    await importBytes(t.db, 'alipay-2026-06-10.csv', EXPORT);
    takeSnapshot(t.db, 'import', D);
    // On October 31 the last month wholly before it, due day and grace days included, is
    // September's cycle (August 2 to September 1, its bill due September 10): Huabei's grace is
    // 3 days (core/rules/repayment-grace.ts), so October's cycle (to October 1, due October 10,
    // graced to the 13th) ends before the 31st too: the checkpoint is after October's cycle.
    const month = (text: string) => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
    expect(checkpointMonths(t.db)).toEqual({ 花呗: month('2026-10') });

    // A copy whose checkpoint has October 1's bill (nothing owed then, due October 10, judged in
    // November's cycle: after the checkpoint) at 100 yuan instead: the next day's pass goes on
    // from it. With nothing owed the cycle is `*` whatever the day; with 100 yuan unpaid it cannot
    // be told, since its last day, November 1, is one no export covers (`#`, not observed).
    const tampered = await copy(t.db);
    const stored = JSON.parse(tampered.prepare('SELECT state FROM credit_account_checkpoints').pluck().get() as string);
    const { keys, rows } = stored.state.obligations.obligations as { keys: string[]; rows: unknown[][] };
    const october = rows.find((row) => row[keys.indexOf('issueDay')] === day('2026-10-01'))!;
    expect(october[keys.indexOf('full')]).toBe(0);
    october[keys.indexOf('full')] = 10_000;
    tampered.prepare('UPDATE credit_account_checkpoints SET state = ?').run(JSON.stringify(stored));
    scoreDatabase(t.db, day('2026-11-01'));
    scoreDatabase(tampered, day('2026-11-01'));
    const november = (db: Db) => readMonths(db, 1).map((m) => [m.month, m.status, m.reason, m.amountDueFen, m.daysPastDue]).at(-1);
    expect(november(t.db)).toEqual(['2026-11', '*', 'nothing_due', 0, 0]);
    expect(november(tampered)).toEqual(['2026-11', '#', 'not_observed', 10_000, null]);

    // An edit moves the ledger's inputs: the checkpoint no longer serves, and the pass starts from the first month.
    const edited = await copy(tampered);
    expect(edited.prepare("UPDATE credit_account_overrides SET value_json = '2' WHERE field = 'dueDay'").run().changes).toBe(1);
    const { recomputeAfterEdit } = await import('../../../core/ledger/freshness.ts');
    recomputeAfterEdit(edited, day('2026-11-02'));
    const fromScratch = await copy(edited);
    refreshLedger(fromScratch, day('2026-11-02'), true);
    expect(tables(edited)).toEqual(tables(fromScratch));
  });
});
