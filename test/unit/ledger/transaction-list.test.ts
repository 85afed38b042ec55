// The transactions page's queries (core/ledger/transaction-list.ts) on a hand-built ledger whose
// answers are worked out below, and on the project's own synthetic exports imported for real.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CredenceError } from '../../../core/shared/errors.ts';
import { importBytes, importFile } from '../../../core/importers/import-file.ts';
import { ensureLedger } from '../../../core/ledger/freshness.ts';
import {
  listTransactions,
  summariseTransactions,
  transactionFacets,
  type Cursor,
  type Order,
  type ReadOptions,
  type TransactionFilter,
} from '../../../core/ledger/transaction-list.ts';
import { addSummaries, emptySummary, type TransactionSummary } from '../../../core/shared/transaction-summary.ts';
import { initialiseProfile } from '../../../core/storage/profile-store.ts';
import type { Db } from '../../../core/storage/database.ts';
import { encodeGbk, ownFixturesDir, tempDb, type TempDb } from '../importers/helpers.ts';

let t: TempDb;
afterEach(() => t?.close());

type Row = [time: string, platform: 'alipay' | 'wechat', direction: 'income' | 'expense' | 'neutral', fen: number, category: string, counterparty: string, item: string | null, event: string | null, key: string | null];

// The hand-built ledger, ids 1..9 in this order. Rows 1/2, 6/7 straddle UTC+8 midnights; rows 2/3,
// 4/5 and 8/9 share a second (ties go by id).
const ROWS: Row[] = [
  ['2026-03-31T23:59:59+08:00', 'alipay', 'expense', 1000, '餐饮美食', '某餐厅', '晚餐', 'huabei_purchase', 'huabei'],
  ['2026-04-01T00:00:00+08:00', 'alipay', 'expense', 2500, '日用百货', 'Walmart', '纸巾 100%', null, null],
  ['2026-04-01T00:00:00+08:00', 'wechat', 'income', 8800, '转账', '某朋友', '转账', null, null],
  ['2026-04-15T12:00:00+08:00', 'alipay', 'neutral', 120000, '信用借还', '花呗', '花呗还款', 'huabei_repayment', 'huabei'],
  ['2026-04-15T12:00:00+08:00', 'alipay', 'expense', 3300, '餐饮美食', '某餐厅', '午餐_套餐', 'huabei_purchase', 'huabei'],
  ['2026-04-30T23:59:59+08:00', 'wechat', 'expense', 4100, '商户消费', 'WALMART HK', '超市购物', null, null],
  ['2026-05-01T00:00:00+08:00', 'alipay', 'income', 50000, '信用借还', '借呗', '借呗放款', 'jiebei_disbursement', 'jiebei'],
  ['2026-05-20T09:00:00+08:00', 'alipay', 'neutral', 5200, '信用借还', '借呗', '借呗还款', 'jiebei_repayment', 'jiebei'],
  ['2026-05-20T09:00:00+08:00', 'wechat', 'expense', 700, '扫二维码付款', '早餐店', null, null, null],
];
const NEWEST = [9, 8, 7, 6, 5, 4, 3, 2, 1];

function handBuilt(): Db {
  t = tempDb();
  const db = t.db;
  initialiseProfile(db, '交易列表测试（手工）');
  const batch = db.prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at, rows_imported) VALUES (?, '', ?, 'hand', '2026-06-01T00:00:00+08:00', ?)");
  batch.run('hand-alipay.csv', 'alipay', 6);
  batch.run('hand-wechat.csv', 'wechat', 3);
  const insert = db.prepare(
    `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, category,
       counterparty, item, credit_event, credit_account_key, raw_row, source_line)
     VALUES (?, ?, ?, ?, ?, ?, ?, '交易成功', ?, ?, ?, ?, ?, '{}', ?)`,
  );
  ROWS.forEach(([time, platform, direction, fen, category, counterparty, item, event, key], i) => {
    insert.run(platform === 'alipay' ? 1 : 2, platform, `order-${i + 1}`, time, Date.parse(time) / 1000, fen, direction, category, counterparty, item, event, key, 100 + i);
  });
  return db;
}

const ids = (db: Db, filter: TransactionFilter, options: ReadOptions & { limit?: number } = {}) => listTransactions(db, filter, options).rows.map((r) => r.id);

function totals(income: [number, number], expense: [number, number], neutral: [number, number]): TransactionSummary {
  return {
    count: income[0] + expense[0] + neutral[0],
    byDirection: { income: { count: income[0], fen: income[1] }, expense: { count: expense[0], fen: expense[1] }, neutral: { count: neutral[0], fen: neutral[1] } },
  };
}

/** Every row, request after request, as the page scrolls; and every summary part added up. */
function readAll(db: Db, filter: TransactionFilter, options: { order?: Order; limit?: number; budget?: ReadOptions['budget'] } = {}) {
  const rows: number[] = [];
  let after: Cursor | undefined;
  let requests = 0;
  for (;;) {
    if (requests > 100) throw new Error('the list does not move on');
    const page = listTransactions(db, filter, { ...options, after });
    rows.push(...page.rows.map((r) => r.id));
    requests++;
    if (!page.next) break;
    after = page.next;
  }
  let summary = emptySummary();
  let from: Cursor | undefined;
  for (let parts = 0; ; parts++) {
    if (parts > 100) throw new Error('the summary does not move on');
    const part = summariseTransactions(db, filter, { budget: options.budget, after: from });
    summary = addSummaries(summary, part);
    if (!part.next) break;
    from = part.next;
  }
  return { rows, requests, summary };
}

const whole = (db: Db, filter: TransactionFilter) => {
  const { next, ...summary } = summariseTransactions(db, filter);
  expect(next).toBeNull(); // 9 rows: one stretch
  return summary;
};

describe('the transactions list on a hand-built ledger', () => {
  it('lists every row newest first (ties by id), or oldest first, with its file and line', () => {
    const db = handBuilt();
    expect(ids(db, {})).toEqual(NEWEST);
    expect(ids(db, {}, { order: 'oldest' })).toEqual([...NEWEST].reverse());
    const [first] = listTransactions(db, {}).rows;
    expect(first).toMatchObject({ id: 9, platform: 'wechat', file: 'hand-wechat.csv', sourceLine: 108, orderId: 'order-9', item: null, needsReview: false, accountId: null });
  });

  it('takes a date range as whole UTC+8 days, both ends included', () => {
    const db = handBuilt();
    // 04-01 00:00:00 (rows 2, 3) and 04-30 23:59:59 (row 6) are in; 03-31 23:59:59 and 05-01 00:00:00 are not.
    expect(ids(db, { from: '2026-04-01', to: '2026-04-30' })).toEqual([6, 5, 4, 3, 2]);
    // income 8800 (row 3); expense 2500 + 3300 + 4100 = 9900 (2, 5, 6); neutral 120000 (4)
    expect(whole(db, { from: '2026-04-01', to: '2026-04-30' })).toEqual(totals([1, 8800], [3, 9900], [1, 120000]));
    expect(ids(db, { from: '2026-05-01' })).toEqual([9, 8, 7]);
    expect(ids(db, { to: '2026-03-31' })).toEqual([1]);
    expect(ids(db, { from: '2026-04-15', to: '2026-04-15' })).toEqual([5, 4]);
  });

  it('narrows by platform, file, direction, category and credit event, with the totals of what is left', () => {
    const db = handBuilt();
    // rows 3 (income 8800), 6 and 9 (expense 4100 + 700)
    expect(ids(db, { platform: 'wechat' })).toEqual([9, 6, 3]);
    expect(whole(db, { platform: 'wechat' })).toEqual(totals([1, 8800], [2, 4800], [0, 0]));
    expect(ids(db, { batchId: 2 })).toEqual([9, 6, 3]);
    // 1000 + 2500 + 3300 + 4100 + 700
    expect(whole(db, { direction: 'expense' })).toEqual(totals([0, 0], [5, 11600], [0, 0]));
    expect(ids(db, { category: '餐饮美食' })).toEqual([5, 1]);
    expect(ids(db, { creditEvent: 'huabei_purchase' })).toEqual([5, 1]);
    // any: 1, 4, 5, 7, 8 — income 50000 (7), expense 1000 + 3300, neutral 120000 + 5200
    expect(whole(db, { creditEvent: 'any' })).toEqual(totals([1, 50000], [2, 4300], [2, 125200]));
    expect(ids(db, { creditEvent: 'none' })).toEqual([9, 6, 3, 2]);
    expect(ids(db, { platform: 'alipay', direction: 'expense', from: '2026-04-01' })).toEqual([5, 2]);
    expect(ids(db, { platform: 'jd' })).toEqual([]);
    expect(whole(db, { platform: 'jd' })).toEqual(totals([0, 0], [0, 0], [0, 0]));
  });

  it('finds text in the counterparty or the item: every word, Latin letters in any case, % and _ as themselves', () => {
    const db = handBuilt();
    expect(ids(db, { text: 'walmart' })).toEqual([6, 2]);
    expect(ids(db, { text: '某餐厅 午餐' })).toEqual([5]); // row 1 is 某餐厅 but 晚餐
    expect(ids(db, { text: '  某餐厅  ' })).toEqual([5, 1]);
    expect(ids(db, { text: '%' })).toEqual([2]); // a bare LIKE '%%%' would match every row
    expect(ids(db, { text: '_' })).toEqual([5]);
    expect(ids(db, { text: '早餐店' })).toEqual([9]); // its item is empty
    expect(ids(db, { text: '无此商户' })).toEqual([]);
  });

  it('pages by keyset and reads in bounded stretches, and the parts add up to the whole list and totals', () => {
    const db = handBuilt();
    const all = whole(db, {});
    for (const order of ['newest', 'oldest'] as const) {
      for (const limit of [1, 2, 4, 9, 50]) {
        for (const index of [1, 2, 3, 5, 100]) {
          const read = readAll(db, {}, { order, limit, budget: { index } });
          expect(read.rows).toEqual(order === 'newest' ? NEWEST : [...NEWEST].reverse());
          expect(read.summary).toEqual(all);
        }
      }
    }
    // A stretch of 2 entries holding no match ends the request early with nothing but a cursor.
    const rare = readAll(db, { category: '餐饮美食' }, { limit: 10, budget: { index: 2 } });
    expect(rare.rows).toEqual([5, 1]);
    expect(rare.requests).toBe(5); // 9 entries, 2 a stretch
    const first = listTransactions(db, { category: '餐饮美食' }, { limit: 10, budget: { index: 2 } });
    expect(first).toEqual({ rows: [], next: expect.objectContaining({ id: 8 }) });
    expect(readAll(db, { text: 'walmart' }, { budget: { index: 2 } }).summary).toEqual(totals([0, 0], [2, 6600], [0, 0]));
  });

  it('lists an account’s credit events from its links, a loan line with its draws', () => {
    const db = handBuilt();
    ensureLedger(db, 20630);
    const accounts = transactionFacets(db).accounts;
    const huabei = accounts.find((a) => a.product === 'huabei')!;
    const jiebei = accounts.find((a) => a.product === 'jiebei' && a.kind === 'line')!;
    const draw = accounts.find((a) => a.parentId === jiebei.id)!;
    expect(draw).toMatchObject({ kind: 'draw' });
    expect(ids(db, { accountId: huabei.id })).toEqual([5, 4, 1]);
    expect(listTransactions(db, { accountId: huabei.id }).rows.map((r) => r.accountId)).toEqual([huabei.id, huabei.id, huabei.id]);
    // expense 1000 + 3300; neutral 120000 (the repayment)
    expect(whole(db, { accountId: huabei.id })).toEqual(totals([0, 0], [2, 4300], [1, 120000]));
    expect(ids(db, { accountId: huabei.id, to: '2026-04-01' })).toEqual([1]);
    expect(ids(db, { accountId: huabei.id, direction: 'neutral' })).toEqual([4]);
    expect(ids(db, { accountId: jiebei.id })).toEqual([8, 7]); // the line's view: the draw's disbursement too
    expect(ids(db, { accountId: draw.id })).toContain(7);
    // Stretches of whole days (budget: 1 link): 04-15 holds rows 5 and 4, then 03-31.
    for (const limit of [1, 2, 3]) {
      for (const order of ['newest', 'oldest'] as const) {
        const read = readAll(db, { accountId: huabei.id }, { order, limit, budget: { links: 1 } });
        expect(read.rows).toEqual(order === 'newest' ? [5, 4, 1] : [1, 4, 5]);
        expect(read.summary).toEqual(totals([0, 0], [2, 4300], [1, 120000]));
      }
    }
  });

  it('refuses a range that ends before it starts, a date not on the calendar and an account that does not exist', () => {
    const db = handBuilt();
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as CredenceError).code;
      }
      return 'nothing thrown';
    };
    expect(code(() => listTransactions(db, { from: '2026-05-01', to: '2026-04-30' }))).toBe('transactions.invalid_range');
    expect(code(() => summariseTransactions(db, { to: '2026-02-30' }))).toBe('transactions.invalid_date');
    expect(code(() => listTransactions(db, { accountId: 999 }))).toBe('ledger.account_not_found');
  });

  it('reads every filter through an index, never by a full scan of the table', () => {
    const db = handBuilt();
    ensureLedger(db, 20630);
    const huabei = transactionFacets(db).accounts.find((a) => a.product === 'huabei')!;
    const plans: string[] = [];
    const spy = new Proxy(db, {
      get(target, prop) {
        if (prop !== 'prepare') return Reflect.get(target, prop);
        return (sql: string) => {
          const statement = target.prepare(sql);
          const run = (...args: unknown[]) => {
            plans.push(...(target.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail));
          };
          return new Proxy(statement, {
            get(s, p) {
              const value = Reflect.get(s, p);
              if (p === 'all' || p === 'get') return (...args: unknown[]) => (run(...args), value.apply(s, args));
              if (p === 'pluck') return () => (s.pluck(), spyOf(s));
              return typeof value === 'function' ? value.bind(s) : value;
            },
          });
          function spyOf(s: typeof statement) {
            return new Proxy(s, {
              get(x, p) {
                const value = Reflect.get(x, p);
                if (p === 'all' || p === 'get') return (...args: unknown[]) => (run(...args), value.apply(x, args));
                return typeof value === 'function' ? value.bind(x) : value;
              },
            });
          }
        };
      },
    });
    const filters: TransactionFilter[] = [
      {},
      { from: '2026-04-01', to: '2026-04-30' },
      { platform: 'wechat', category: '转账', creditEvent: 'none', text: '朋友' },
      { accountId: huabei.id, direction: 'expense', text: '餐' },
    ];
    for (const filter of filters) {
      listTransactions(spy, filter, { after: { epoch: Date.parse('2026-06-01T00:00:00+08:00') / 1000, id: 99 } });
      summariseTransactions(spy, filter);
    }
    expect(plans.length).toBeGreaterThan(10);
    expect(plans.filter((detail) => /^SCAN (t|l|transactions|credit_links)$/.test(detail))).toEqual([]);
    expect(plans).toContain('SEARCH t USING COVERING INDEX transactions_list (occurred_epoch>? AND occurred_epoch<?)');
  });
});

describe('the transactions list on imported exports', () => {
  it('states each file’s totals as its import report does, and every row with its file and line', async () => {
    t = tempDb();
    initialiseProfile(t.db, '交易列表测试（导入）');
    const alipayText = readFileSync(join(ownFixturesDir, 'alipay-synthetic-credit-2026.csv'), 'utf8');
    const [alipay] = await importBytes(t.db, 'alipay-synthetic-credit-2026.csv', encodeGbk(alipayText));
    const [wechat] = await importFile(t.db, join(ownFixturesDir, 'wechat-synthetic-credit-2025.csv'));
    for (const report of [alipay, wechat]) {
      const { next, ...summary } = summariseTransactions(t.db, { batchId: report.batchId! });
      expect(next).toBeNull();
      expect(summary).toEqual({ count: report.imported, byDirection: report.byDirection });
    }
    const rows = listTransactions(t.db, { batchId: alipay.batchId! }).rows;
    // The fixture's data rows are lines 25..34, newest first (24 preamble and header lines before them).
    expect(rows.map((r) => r.sourceLine)).toEqual([25, 26, 27, 28, 29, 30, 31, 32, 33, 34]);
    expect(rows[0]).toMatchObject({ file: 'alipay-synthetic-credit-2026.csv', occurredAt: '2026-07-30T12:00:00+08:00', amountFen: 3500, creditEvent: 'huabei_purchase', needsReview: false });
    const facets = transactionFacets(t.db);
    expect(facets).toMatchObject({ total: alipay.imported + wechat.imported, first: '2025-05-10', last: '2026-07-30', platforms: ['alipay', 'wechat'] });
    expect(facets.files.map((f) => f.name)).toEqual(['alipay-synthetic-credit-2026.csv', 'wechat-synthetic-credit-2025.csv']);
    expect(facets.categories).toEqual(expect.arrayContaining(['信用借还', '餐饮美食', '扫二维码付款']));
    // Card purchases name their card; the card's account lists them.
    const card = facets.accounts.find((a) => a.name.includes('1234'))!;
    expect(listTransactions(t.db, { accountId: card.id }).rows.map((r) => [r.sourceLine, r.paymentMethod])).toEqual([[32, '招商银行信用卡(1234)']]);
  });
});
