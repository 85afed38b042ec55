// The derivation's links are held in columns made once at the count of the rows it reads
// that can make one (credit-rows.ts countLinkableRows; credit-links.ts), each row making one link
// at most: a count that is right makes no growth, one that is too small still keeps every link
// (the columns grow as before), and the count is that of the rows the derivation is given.

import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../core/importers/import-file.ts';
import { CreditLinks, type LinkFields } from '../../../core/ledger/derive/credit-links.ts';
import { countLinkableRows, creditRows } from '../../../core/ledger/derive/credit-rows.ts';
import { deriveInOrder, type CreditRow } from '../../../core/ledger/derive/derive-accounts.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { tempDb } from '../importers/helpers.ts';
import { alipayExport, card, cardRepay, huabei, huabeiRepay, jiebeiDraw, jiebeiRepay, order } from './derivation-helpers.ts';
import { day } from './helpers.ts';

const columns = (links: CreditLinks) => [links.transaction, links.account, links.day, links.fen, links.batch, links.role, links.basis, links.platform, links.unconfirmed];

const fields = (n: number): LinkFields[] =>
  Array.from({ length: n }, (_, i) => ({ transaction: i + 1, account: i % 3, role: 'charge', basis: 'account_key', day: 20_000 + i, fen: 100 * i, batch: 2, platform: i % 2 ? 'alipay' : 'cmb', unconfirmed: i % 5 === 0 }));

describe('the links’ columns', () => {
  it('made for their count take every link without growing, and a trim leaves them', () => {
    // 65 links in columns made for 65: the default 64 would have doubled to 128.
    const links = new CreditLinks(65);
    const made = columns(links);
    for (const f of fields(65)) links.push(f);
    links.trim();
    expect(columns(links).every((column, k) => column === made[k] && column.length === 65)).toBe(true);
    expect(Array.from({ length: 65 }, (_, i) => links.at(i))).toEqual(fields(65));
  });

  it('made too small still take every link, grown as before (doubling, 64 at the least): 10, 64, 128 for 65; none made, 64', () => {
    const links = new CreditLinks(10);
    for (const f of fields(65)) links.push(f);
    expect(columns(links).map((c) => c.length)).toEqual(Array(9).fill(128));
    expect(Array.from({ length: 65 }, (_, i) => links.at(i))).toEqual(fields(65));
    const none = new CreditLinks(0);
    none.push(fields(1)[0]);
    expect([none.fen.length, none.at(0)]).toEqual([64, fields(1)[0]]);
  });

  it('reserved grow in one step to the size asked, and never shrink', () => {
    const links = new CreditLinks(4);
    for (const f of fields(3)) links.push(f);
    links.reserve(2);
    expect(links.fen.length).toBe(4);
    // 3 held, 6 more to come: 9, not the doubling's 8 then 16.
    links.reserve(9);
    for (const f of fields(9).slice(3)) links.push(f);
    expect(columns(links).map((c) => c.length)).toEqual(Array(9).fill(9));
    expect(Array.from({ length: 9 }, (_, i) => links.at(i))).toEqual(fields(9));
  });
});

let nextId = 1;
function row(f: Partial<CreditRow> & Pick<CreditRow, 'kind' | 'day'>): CreditRow {
  const id = nextId++;
  return { id, platform: 'alipay', orderId: `o${id}`, fen: 10000, direction: 'neutral', statusClass: 'completed', key: null, needsReview: false, counterparty: null, paymentMethod: null, fundingAccount: null, refundOf: null, batchId: 1, ...f };
}

describe('a derivation told how many rows it reads', () => {
  // In day order, one row of each way a link is made: a card purchase by its digits, a draw and
  // the line's repayment (to its one open draw), a repayment naming only the bank (to the one
  // card), a refund of the purchase, and a row of no amount (no link): 6 rows, 5 links.
  const purchase = row({ kind: 'credit_card_purchase', key: 'credit_card:招商银行:1234', day: day('2026-07-01') });
  const rows = [
    purchase,
    row({ kind: 'jiebei_disbursement', key: 'jiebei', day: day('2026-07-02'), fen: 300000 }),
    row({ kind: 'jiebei_repayment', key: 'jiebei', day: day('2026-07-03') }),
    row({ kind: 'credit_card_repayment', key: 'credit_card:招商银行:', platform: 'wechat', day: day('2026-07-04') }),
    row({ kind: null, statusClass: 'refund', refundOf: purchase.id, day: day('2026-07-05'), fen: 500 }),
    row({ kind: 'huabei_purchase', key: 'huabei', day: day('2026-07-06'), fen: 0 }),
  ];
  const linksOf = (links: CreditLinks) => Array.from({ length: links.length }, (_, i) => links.at(i));
  const grown = deriveInOrder(rows, []);

  it('makes its links in columns of that count, the same links as grown ones', () => {
    expect(grown.links.length).toBe(5);
    const sized = deriveInOrder(rows, [], undefined, 6);
    expect(sized.links.fen.length).toBe(6);
    expect(linksOf(sized.links)).toEqual(linksOf(grown.links));
    expect(sized.keys).toEqual(grown.keys);
  });

  it('told too few (1, or none), still makes every link', () => {
    for (const count of [1, 0]) expect(linksOf(deriveInOrder(rows, [], undefined, count).links)).toEqual(linksOf(grown.links));
  });
});

describe('the rows that can make a link, counted', () => {
  it('are the derivation’s rows of an amount but the refunds of no purchase, of every row and of an import’s', async () => {
    const t = tempDb();
    try {
      // July: 7 credit events and a plain Yu'e Bao purchase (no credit row).
      await importBytes(t.db, 'july.csv', alipayExport('2026-07-01 00:00:00', '2026-07-31 23:59:59', [
        huabei('2026-07-30 12:00:00', 1, '35.00'),
        huabeiRepay('2026-07-28 09:00:00', 2, '1200.00'),
        jiebeiRepay('2026-07-21 15:00:00', 4, '520.00'),
        jiebeiDraw('2026-07-20 15:00:00', 3, '5000.00'),
        cardRepay('2026-07-18 08:00:00', 5, '800.00'),
        card('2026-07-16 20:00:00', 6, '12.50', '1234'),
        `2026-07-12 12:00:00,餐饮美食,某餐厅,/,午餐,支出,9.00,余额宝,交易成功,${order('2026-07-12', 8)}\t,M8\t,,`,
        huabei('2026-07-10 12:00:00', 7, '66.00'),
      ]));
      const through = t.db.prepare('SELECT max(id) FROM transactions').pluck().get() as number;
      // September: a purchase, the refund of July 30's (paired: a credit on Huabei) and the
      // refund of an order not in the data (a credit row, by its status, that makes no link).
      await importBytes(t.db, 'september.csv', alipayExport('2026-09-01 00:00:00', '2026-09-30 23:59:59', [
        huabei('2026-09-03 12:00:00', 21, '15.00'),
        `2026-09-02 10:00:00,退款,某餐厅,/,退款-午餐,收入,35.00,花呗,退款成功,${order('2026-07-30', 1)}_R1\t,M1\t,,`,
        `2026-09-01 10:00:00,退款,某商店,/,退款-杂货,收入,5.00,花呗,退款成功,${order('2026-06-01', 99)}_R1\t,M99\t,,`,
      ]));
      const counted = (scope: Parameters<typeof countLinkableRows>[1]) => [countLinkableRows(t.db, scope), [...creditRows(t.db, scope)].length];
      // Every row: 7 + 3 credit rows, 9 that can make a link, and 9 links made (each one).
      expect(counted(null)).toEqual([9, 10]);
      refreshLedger(t.db, day('2026-09-30'));
      expect(t.db.prepare('SELECT count(*) FROM credit_links').pluck().get()).toBe(9);
      // September's: 2 of 3; with the Jiebei line's rows, its draw and repayment too: 4 of 5.
      expect(counted({ after: through, lines: [] })).toEqual([2, 3]);
      expect(counted({ after: through, lines: ['jiebei'] })).toEqual([4, 5]);
    } finally {
      t.close();
    }
  });
});
