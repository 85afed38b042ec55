// After an import the ledger takes up only what the import added (core/ledger/freshness.ts,
// derive/derive-and-store.ts): the result must be what a derivation of every row gives. Five
// self-written Alipay exports (synthetic, written below) are imported one after another into one
// profile, each followed by the score snapshot as `credence import` takes it; after each, the
// profile's derived tables are compared row by row with two copies of it: one derived again from
// every row (byte for byte, account ids included), and one whose derived half was cleared first
// (a derivation from scratch, but for an account the user's own link rests on: the same rows,
// accounts known by their keys).
//
// The files, and what each makes the incremental derivation do:
//   1. July: Huabei purchases and a repayment, a Jiebei draw and a repayment the day after (the
//      one open draw gets it), a card purchase (招商银行 1234) and a card repayment naming only
//      the bank (the one card of that bank gets it). First import: every row.
//   2. July 30 to August: later months of the same accounts, one purchase on July 30, the day of
//      a purchase already stored (its packed events must order the day's events as a derivation
//      of every row does), a Jiebei repayment (the line is taken up again, every row of it: the
//      July draw is the one open), a card repayment by bank name.
//   3. September: the refund of file 1's July 30 purchase (read back by its id: credited to
//      Huabei) and a purchase.
//   4. File 2 re-saved (other bytes, every row a duplicate): nothing is derived, nothing written.
//   5. October: a card purchase only. Huabei and Jiebei have no row in it, but the Alipay export
//      covers them (their every event is an Alipay row): their histories are computed again.
//   6. October 11 to 31: a second 招商银行 card (5678): the bank's earlier repayments no longer
//      have one card to go to, so every row is derived again.

import { afterEach, describe, expect, it } from 'vitest';
import { importBytes } from '../../../core/importers/import-file.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { assignTransaction } from '../../../core/ledger/accounts/event-links.ts';
import { loadAccounts } from '../../../core/ledger/account-values.ts';
import { exportCoverage, type CoverageEntry } from '../../../core/ledger/export-coverage.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { coverageMoved } from '../../../core/ledger/recompute/account-coverage.ts';
import { scoreDatabase } from '../../../core/score/engine.ts';
import { takeSnapshot } from '../../../core/score/snapshots.ts';
import { readDataVersion } from '../../../core/storage/data-version.ts';
import type { Db } from '../../../core/storage/database.ts';
import { tempDb, type TempDb } from '../importers/helpers.ts';
import { alipayExport, byKey, card, cardRepay, copyOf, huabei, huabeiRepay, jiebeiDraw, jiebeiRepay, order, tables } from './derivation-helpers.ts';
import { day } from './helpers.ts';

const AS_OF = day('2026-10-31');

const FILES: Record<string, Buffer> = {
  'july.csv': alipayExport('2026-07-01 00:00:00', '2026-07-31 23:59:59', [
    huabei('2026-07-30 12:00:00', 1, '35.00'),
    huabeiRepay('2026-07-28 09:00:00', 2, '1200.00'),
    jiebeiRepay('2026-07-21 15:00:00', 4, '520.00'),
    jiebeiDraw('2026-07-20 15:00:00', 3, '5000.00'),
    cardRepay('2026-07-18 08:00:00', 5, '800.00'),
    card('2026-07-16 20:00:00', 6, '12.50', '1234'),
    huabei('2026-07-10 12:00:00', 7, '66.00'),
  ]),
  'august.csv': alipayExport('2026-07-30 00:00:00', '2026-08-31 23:59:59', [
    huabei('2026-08-25 12:00:00', 11, '20.00'),
    jiebeiRepay('2026-08-20 15:00:00', 12, '600.00'),
    cardRepay('2026-08-15 08:00:00', 13, '500.00'),
    card('2026-08-10 20:00:00', 14, '40.00', '1234'),
    huabei('2026-07-30 18:00:00', 15, '8.00'),
  ]),
  'september.csv': alipayExport('2026-09-01 00:00:00', '2026-09-30 23:59:59', [
    huabei('2026-09-03 12:00:00', 21, '15.00'),
    `2026-09-02 10:00:00,退款,某餐厅,/,退款-午餐,收入,35.00,花呗,退款成功,${order('2026-07-30', 1)}_R1\t,M1\t,,`,
  ]),
  'october-first.csv': alipayExport('2026-10-01 00:00:00', '2026-10-10 23:59:59', [card('2026-10-02 20:00:00', 31, '6.60', '1234')]),
  'october.csv': alipayExport('2026-10-11 00:00:00', '2026-10-31 23:59:59', [cardRepay('2026-10-12 08:00:00', 32, '100.00'), card('2026-10-15 20:00:00', 33, '9.90', '5678')]),
};
FILES['august-resaved.csv'] = Buffer.concat([FILES['august.csv']!, Buffer.from('\r\n')]);

let t: TempDb;
const opened: Db[] = [];
afterEach(() => {
  t?.close();
  for (const db of opened.splice(0)) db.close();
});

/** Imports a file and takes the score snapshot, as `credence import` does (core/ipc/import-run.ts). */
async function importAndScore(name: string): Promise<void> {
  const [report] = await importBytes(t.db, name, FILES[name]!);
  expect(report!.rowsRead).toBeGreaterThan(0);
  takeSnapshot(t.db, 'import', AS_OF);
}

/** The profile's derived tables against a derivation of every row, on the same data and from scratch. */
async function expectSameAsEveryRow(): Promise<void> {
  const derived = tables(t.db);
  expect(derived.credit_links!.length).toBeGreaterThan(0);

  const again = await copyOf(t.db);
  opened.push(again);
  refreshLedger(again, AS_OF, true);
  expect(tables(again)).toEqual(derived);
  expect(scoreDatabase(again, AS_OF)).toEqual(scoreDatabase(t.db, AS_OF));

  const scratch = await copyOf(t.db);
  opened.push(scratch);
  scratch.exec(`DELETE FROM credit_account_events; DELETE FROM credit_account_histories; DELETE FROM credit_account_summaries;
                DELETE FROM credit_links WHERE source = 'derived'; DELETE FROM ledger_state;
                DELETE FROM credit_accounts WHERE source = 'derived' AND id NOT IN (SELECT account_id FROM credit_links WHERE account_id IS NOT NULL);`);
  refreshLedger(scratch, AS_OF);
  expect(byKey(scratch)).toEqual(byKey(t.db));
}

describe('the derivation after an import', () => {
  it('takes up what the import added and gives what a derivation of every row gives', async () => {
    t = tempDb();
    // Huabei entered by hand first, with its bill days and nothing owed on June 30: the imports'
    // Huabei rows go to it.
    createAccount(t.db, { product: 'huabei', statementDay: 1, dueDay: 10, openingBalanceFen: 0, openingBalanceOn: '2026-06-30' }, { asOfDay: AS_OF });
    await importAndScore('july.csv');
    await expectSameAsEveryRow();
    const accounts = () => t.db.prepare('SELECT match_key FROM credit_accounts ORDER BY id').pluck().all();
    // Huabei (the user's), then in the order their first rows come (the card July 16, the line
    // July 20), draws after the accounts without a parent; the bank's repayment went to the one card.
    expect(accounts()).toEqual(['huabei', 'credit_card:招商银行:1234', 'jiebei', 'jiebei:draw:alipay:2026072022001400000000000003']);

    // The user puts the July 30 Huabei purchase on the card (their link wins, and is kept): an
    // edit, after which the next import derives every row; the ones after it, their own.
    const julyThirty = t.db.prepare('SELECT id FROM transactions WHERE platform_order_id = ?').pluck().get(order('2026-07-30', 1)) as number;
    const cardId = t.db.prepare("SELECT id FROM credit_accounts WHERE match_key = 'credit_card:招商银行:1234'").pluck().get() as number;
    assignTransaction(t.db, julyThirty, cardId, { asOfDay: AS_OF });
    await expectSameAsEveryRow();

    await importAndScore('august.csv');
    await expectSameAsEveryRow();
    // Both repayments of the line went to its one draw, the August one too.
    const draws = t.db.prepare("SELECT count(*) FROM credit_links WHERE basis = 'only_open_draw'").pluck().get();
    expect(draws).toBe(2);

    await importAndScore('september.csv');
    await expectSameAsEveryRow();
    // The refund (September) of the July 30 purchase is a credit on Huabei.
    const refund = t.db
      .prepare("SELECT a.match_key, l.role FROM credit_links l JOIN credit_accounts a ON a.id = l.account_id JOIN transactions t ON t.id = l.transaction_id WHERE t.status_class = 'refund'")
      .raw()
      .all();
    expect(refund).toEqual([['huabei', 'credit']]);

    // Every row a duplicate: the import moved what the ledger depends on (a batch, its period)
    // but added no row, and its period is one already covered: nothing derived is rewritten.
    const [resaved] = await importBytes(t.db, 'august-resaved.csv', FILES['august-resaved.csv']!);
    expect(resaved!.imported).toBe(0);
    const before = { version: readDataVersion(t.db).version, tables: tables(t.db) };
    takeSnapshot(t.db, 'import', AS_OF);
    expect(readDataVersion(t.db).version).toBe(before.version);
    expect(tables(t.db)).toEqual(before.tables);
    await expectSameAsEveryRow();

    // Which accounts a new export's period moves (recompute/account-coverage.ts): an Alipay
    // period covers Huabei and the Jiebei line (and so its draw); a card only through its bank's
    // own statements. The re-saved copy's period repeats one already covered: nothing moves.
    const exports = exportCoverage(t.db);
    const records = loadAccounts(t.db);
    const byId = new Map(records.map((a) => [a.id, a]));
    const moved = (entry: CoverageEntry) =>
      records.filter((a) => coverageMoved(exports, [...exports, entry], a, byId, () => new Set([entry[0]]))).map((a) => a.matchKey);
    expect(moved([99, 'alipay', day('2026-08-01'), day('2026-08-31')])).toEqual([]);
    expect(moved([99, 'alipay', day('2026-10-01'), day('2026-10-31')])).toEqual(['huabei', 'jiebei', 'jiebei:draw:alipay:2026072022001400000000000003']);
    expect(moved([99, 'icbc', day('2026-10-01'), day('2026-10-31')])).toEqual(['credit_card:招商银行:1234']);

    await importAndScore('october-first.csv');
    await expectSameAsEveryRow();

    await importAndScore('october.csv');
    await expectSameAsEveryRow();
    // Two 招商银行 cards now: the repayments naming only the bank went to the bank's unknown card.
    expect(accounts()).toContain('credit_card:招商银行:');
  });
});
