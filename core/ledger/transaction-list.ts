// The transactions page (issue 17): every imported row, filtered, a page at a time, with the
// filter's count and totals. The app's page and `credence transactions` both read it through the
// `transactions.*` channels, so their figures are the same numbers.
//
// Speed at a million rows rests on one index, transactions_list (migration 0010):
//   - a page is read from a keyset cursor (occurred_epoch, id), never an OFFSET, so page 5,000
//     costs what page 1 does;
//   - every filter but the account is a column of that index, so a filter is tested and the
//     totals are summed in the index, never in the table rows (which carry raw_row);
//   - an account's rows are read from its credit links (credit_links_account) in day order.

import { dayOfEpoch, firstEpochOfDay, formatDay, parseDay } from '../shared/calendar.ts';
import { CredenceError } from '../shared/errors.ts';
import type { Direction } from '../shared/transaction-summary.ts';
import type { Db } from '../storage/database.ts';
import { scopeOfAccount } from './accounts/views.ts';
import { loadAccounts } from './account-values.ts';
import { ensureLedger } from './freshness.ts';
import type {
  CreditEventFilter,
  Cursor,
  Order,
  SummaryPart,
  TransactionFacets,
  TransactionFilter,
  TransactionPage,
  TransactionRow,
} from './transaction-list-schema.ts';

export type { Direction };
export type { CreditEventFilter, Cursor, Order, SummaryPart, TransactionFacets, TransactionFilter, TransactionPage, TransactionRow };

export const PAGE_LIMIT = { default: 200, max: 1000 } as const;

/**
 * The most one request reads: index entries of transactions_list, or an account's credit links
 * (each link costs a lookup of its row, about ten index entries' worth). A filter that matches
 * little would otherwise read the whole index in one request, and a request runs on the app's
 * main process; so a request reads one stretch of the list, answers for that stretch and says
 * where the next begins. The page asks again while it needs rows or its totals are not complete;
 * the CLI until the end. Measured in bench/transactions.bench.ts.
 */
export const SCAN_BUDGET = { index: 200_000, links: 25_000 } as const;
const MAX_WORDS = 5;

interface Where {
  /** The date range, on t.occurred_epoch. */
  range: string[];
  rangeParams: unknown[];
  /** Every other condition on transactions t. */
  terms: string[];
  params: unknown[];
  /** Set when the account drives the query: its accounts and the filter's day range. */
  account: { ids: number[]; fromDay: number | null; toDay: number | null } | null;
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, '\\$&')}%`;
}

function dayOf(field: 'from' | 'to', text: string): number {
  const day = parseDay(text);
  if (day === null) throw new CredenceError('transactions.invalid_date', { field, value: text });
  return day;
}

function whereOf(db: Db, filter: TransactionFilter): Where {
  const where: Where = { range: [], rangeParams: [], terms: [], params: [], account: null };
  const fromDay = filter.from === undefined ? null : dayOf('from', filter.from);
  const toDay = filter.to === undefined ? null : dayOf('to', filter.to);
  if (fromDay !== null && toDay !== null && fromDay > toDay) throw new CredenceError('transactions.invalid_range', { from: filter.from, to: filter.to });
  if (fromDay !== null) {
    where.range.push('t.occurred_epoch >= ?');
    where.rangeParams.push(firstEpochOfDay(fromDay));
  }
  if (toDay !== null) {
    where.range.push('t.occurred_epoch < ?');
    where.rangeParams.push(firstEpochOfDay(toDay + 1));
  }
  const equal = (column: string, value: unknown) => {
    if (value === undefined) return;
    where.terms.push(`t.${column} = ?`);
    where.params.push(value);
  };
  equal('platform', filter.platform);
  equal('direction', filter.direction);
  equal('batch_id', filter.batchId);
  equal('category', filter.category);
  if (filter.creditEvent === 'any') where.terms.push('t.credit_event IS NOT NULL');
  else if (filter.creditEvent === 'none') where.terms.push('t.credit_event IS NULL');
  else equal('credit_event', filter.creditEvent);
  const words = (filter.text ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  for (const word of words) {
    where.terms.push("(t.counterparty LIKE ? ESCAPE '\\' OR t.item LIKE ? ESCAPE '\\')");
    where.params.push(likePattern(word), likePattern(word));
  }
  if (filter.accountId !== undefined) {
    // Links are derived from the rows: bring them up to date first (a no-op unless data moved).
    ensureLedger(db);
    where.account = { ids: scopeOfAccount(db, filter.accountId), fromDay, toDay };
  }
  return where;
}

const ORDER_SQL: Record<Order, { before: string; dir: string; through: string }> = {
  newest: { before: '<', dir: 'DESC', through: '>=' },
  oldest: { before: '>', dir: 'ASC', through: '<=' },
};

/** The conditions on credit_links l that the account index answers: the accounts and a day range. */
function linkTerms(where: Where, after: Cursor | undefined, order: Order, pastCursorDay = false): { links: string[]; linkParams: unknown[] } {
  const account = where.account!;
  const links = [account.ids.length === 1 ? 'l.account_id = ?' : `l.account_id IN (${account.ids.map(() => '?').join(', ')})`];
  const linkParams: unknown[] = [...account.ids];
  let low = account.fromDay;
  let high = account.toDay;
  // The cursor's own day may still have rows past the cursor (the row comparison on t finds
  // them), unless only the days past it are wanted.
  const cursorDay = after ? dayOfEpoch(after.epoch) + (pastCursorDay ? (order === 'newest' ? -1 : 1) : 0) : null;
  if (cursorDay !== null && order === 'newest') high = high === null ? cursorDay : Math.min(high, cursorDay);
  if (cursorDay !== null && order === 'oldest') low = low === null ? cursorDay : Math.max(low, cursorDay);
  if (low !== null) {
    links.push('l.day >= ?');
    linkParams.push(low);
  }
  if (high !== null) {
    links.push('l.day <= ?');
    linkParams.push(high);
  }
  return { links, linkParams };
}

/** One request's stretch of the list: the SQL that reads it, and where the next stretch begins. */
interface Stretch {
  from: string;
  conditions: string[];
  params: unknown[];
  orderBy: string;
  /** null: this stretch reaches the end of the list. */
  next: Cursor | null;
}

const INDEX_FROM = 'transactions t INDEXED BY transactions_list';
const LINKS_FROM = 'credit_links l JOIN transactions t ON t.id = l.transaction_id';

/**
 * The stretch from the cursor to the `budget`-th entry after it, found by walking the index alone
 * (no filter tested, no row read): without an account, `budget` entries of transactions_list in
 * the date range; with one, whole days holding `budget` of the account's links.
 */
function stretchOf(db: Db, where: Where, after: Cursor | undefined, order: Order, budget: number, needed = Number.POSITIVE_INFINITY): Stretch {
  const { before, dir, through } = ORDER_SQL[order];
  const cursor = after ? [`(t.occurred_epoch, t.id) ${before} (?, ?)`] : [];
  const cursorParams = after ? [after.epoch, after.id] : [];
  if (!where.account) {
    const bounds = [...where.range, ...cursor];
    const params = [...where.rangeParams, ...cursorParams];
    const orderBy = `t.occurred_epoch ${dir}, t.id ${dir}`;
    // Nothing but the date range filters, and fewer entries are needed than the stretch holds:
    // every entry matches, so the reader stops within the stretch anyway, and finding its edge
    // would walk `budget` entries (200,000, some 100 ms at a million rows) for a page of 50.
    if (where.terms.length === 0 && needed <= budget) return { from: INDEX_FROM, conditions: bounds, params, orderBy, next: null };
    // The stretch's last entry and the one after it, if any.
    const edge = db
      .prepare(`SELECT t.occurred_epoch AS epoch, t.id FROM ${INDEX_FROM} ${sqlWhere(bounds)} ORDER BY ${orderBy} LIMIT 2 OFFSET ?`)
      .all(...params, budget - 1) as Cursor[];
    if (edge.length === 0) return { from: INDEX_FROM, conditions: bounds, params, orderBy, next: null };
    return {
      from: INDEX_FROM,
      conditions: [...bounds, `(t.occurred_epoch, t.id) ${through} (?, ?)`],
      params: [...params, edge[0].epoch, edge[0].id],
      orderBy,
      next: edge.length === 2 ? edge[0] : null,
    };
  }
  const { links, linkParams } = linkTerms(where, after, order);
  const orderBy = `l.day ${dir}, t.occurred_epoch ${dir}, t.id ${dir}`;
  const base = { from: LINKS_FROM, orderBy };
  // The stretch: what is left of the cursor's day, then whole days up to the edge day, which is
  // past the cursor's day, so that every request moves on.
  const past = linkTerms(where, after, order, true);
  const edgeDay = db
    .prepare(`SELECT l.day FROM credit_links l WHERE ${past.links.join(' AND ')} ORDER BY l.day ${dir} LIMIT 1 OFFSET ?`)
    .pluck()
    .get(...past.linkParams, budget - 1) as number | undefined;
  const all = { ...base, conditions: [...links, ...where.range, ...cursor], params: [...linkParams, ...where.rangeParams, ...cursorParams] };
  if (edgeDay === undefined) return { ...all, next: null };
  const beyond = db
    .prepare(`SELECT 1 FROM credit_links l WHERE ${links.join(' AND ')} AND l.day ${before} ? LIMIT 1`)
    .get(...linkParams, edgeDay);
  // Whole days: the next stretch starts past the edge day, before its first second or after its last.
  const next = order === 'newest' ? { epoch: firstEpochOfDay(edgeDay), id: 0 } : { epoch: firstEpochOfDay(edgeDay + 1) - 1, id: Number.MAX_SAFE_INTEGER };
  return {
    ...base,
    conditions: [...links, `l.day ${through} ?`, ...where.range, ...cursor],
    params: [...linkParams, edgeDay, ...where.rangeParams, ...cursorParams],
    next: beyond ? next : null,
  };
}

function sqlWhere(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

function budgetFor(where: Where, budget: Partial<Record<keyof typeof SCAN_BUDGET, number>> | undefined): number {
  return where.account ? (budget?.links ?? SCAN_BUDGET.links) : (budget?.index ?? SCAN_BUDGET.index);
}

export interface ReadOptions {
  /** Continue after this row (or stretch end); absent: from the start of the list. */
  after?: Cursor;
  order?: Order;
  /** Tests read in smaller stretches to cover their joins. */
  budget?: Partial<Record<keyof typeof SCAN_BUDGET, number>>;
}

const ROW_COLUMNS = `t.id, t.occurred_at AS occurredAt, t.amount_fen AS amountFen, t.direction, t.platform, t.status,
  t.category, t.counterparty, t.item, t.payment_method AS paymentMethod, t.platform_order_id AS orderId,
  t.credit_event AS creditEvent, t.needs_review AS needsReview, l.account_id AS accountId,
  t.batch_id AS batchId, b.file_name AS file, t.source_line AS sourceLine`;

/**
 * Up to `limit` rows of the filter from the cursor on, in list order. Fewer (even none) when the
 * stretch this request may read ends first; `next` then says where to go on. `next` null: the end.
 */
export function listTransactions(db: Db, filter: TransactionFilter, options: ReadOptions & { limit?: number } = {}): TransactionPage {
  const order = options.order ?? 'newest';
  const limit = Math.min(options.limit ?? PAGE_LIMIT.default, PAGE_LIMIT.max);
  const where = whereOf(db, filter);
  // One row more than asked says whether the page ends before the stretch does.
  const stretch = stretchOf(db, where, options.after, order, budgetFor(where, options.budget), limit + 1);
  const found = db
    .prepare(`SELECT t.id, t.occurred_epoch AS epoch FROM ${stretch.from} ${sqlWhere([...stretch.conditions, ...where.terms])} ORDER BY ${stretch.orderBy} LIMIT ?`)
    .all(...stretch.params, ...where.params, limit + 1) as Cursor[];
  const full = found.length > limit;
  const page = full ? found.slice(0, limit) : found;
  const rows = page.length === 0
    ? []
    : (db
        .prepare(
          `SELECT ${ROW_COLUMNS} FROM json_each(?) p
             JOIN transactions t ON t.id = p.value
             JOIN import_batches b ON b.id = t.batch_id
             LEFT JOIN credit_links l ON l.transaction_id = t.id
            ORDER BY p.key`,
        )
        .all(JSON.stringify(page.map((row) => row.id))) as (Omit<TransactionRow, 'needsReview'> & { needsReview: number })[]);
  const last = page.at(-1)!;
  return {
    rows: rows.map((row) => ({ ...row, needsReview: row.needsReview === 1 })),
    next: full ? { epoch: last.epoch, id: last.id } : stretch.next,
  };
}

/**
 * The filter's count and totals by direction (as an import report states them) over one stretch
 * of the list from the cursor: the page adds the parts up as they come.
 */
export function summariseTransactions(db: Db, filter: TransactionFilter, options: ReadOptions = {}): SummaryPart {
  const where = whereOf(db, filter);
  const stretch = stretchOf(db, where, options.after, options.order ?? 'newest', budgetFor(where, options.budget));
  const row = db
    .prepare(
      `SELECT count(*) AS count,
         count(iif(t.direction = 'income', 1, NULL)) AS incomeCount, coalesce(sum(iif(t.direction = 'income', t.amount_fen, 0)), 0) AS incomeFen,
         count(iif(t.direction = 'expense', 1, NULL)) AS expenseCount, coalesce(sum(iif(t.direction = 'expense', t.amount_fen, 0)), 0) AS expenseFen,
         count(iif(t.direction = 'neutral', 1, NULL)) AS neutralCount, coalesce(sum(iif(t.direction = 'neutral', t.amount_fen, 0)), 0) AS neutralFen
       FROM ${stretch.from} ${sqlWhere([...stretch.conditions, ...where.terms])}`,
    )
    .get(...stretch.params, ...where.params) as Record<string, number>;
  return {
    count: row.count,
    byDirection: {
      income: { count: row.incomeCount, fen: row.incomeFen },
      expense: { count: row.expenseCount, fen: row.expenseFen },
      neutral: { count: row.neutralCount, fen: row.neutralFen },
    },
    next: stretch.next,
  };
}

/**
 * The distinct categories take a walk of the whole index (about 0.1 s at a million rows); they
 * change only when rows are added, so each database keeps its last answer with the row count and
 * newest id it was read at.
 */
const categoryCache = new WeakMap<Db, { key: string; categories: string[] }>();

function categories(db: Db, key: string): string[] {
  const cached = categoryCache.get(db);
  if (cached?.key === key) return cached.categories;
  const found = db
    .prepare('SELECT DISTINCT category FROM transactions INDEXED BY transactions_list WHERE category IS NOT NULL')
    .pluck()
    .all() as string[];
  const sorted = found.sort((a, b) => a.localeCompare(b, 'zh-CN'));
  categoryCache.set(db, { key, categories: sorted });
  return sorted;
}

/** What the page's filter controls offer: the profile's platforms, files, categories, accounts and date span. */
export function transactionFacets(db: Db): TransactionFacets {
  ensureLedger(db);
  // Four reads, each answered from one end of an index (together in one SELECT, they would scan it).
  const total = db.prepare('SELECT count(*) FROM transactions').pluck().get() as number;
  const newest = db.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null;
  const first = db.prepare('SELECT min(occurred_epoch) FROM transactions').pluck().get() as number | null;
  const last = db.prepare('SELECT max(occurred_epoch) FROM transactions').pluck().get() as number | null;
  const files = db
    .prepare('SELECT id AS batchId, file_name AS name, platform, rows_imported AS rows FROM import_batches WHERE rows_imported > 0 ORDER BY id')
    .all() as TransactionFacets['files'];
  const accounts = loadAccounts(db)
    .filter((account) => !account.values.dismissed)
    .map(({ id, values }) => ({ id, name: values.name, product: values.product, kind: values.kind, parentId: values.parentId }));
  return {
    total,
    first: first === null ? null : formatDay(dayOfEpoch(first)),
    last: last === null ? null : formatDay(dayOfEpoch(last)),
    platforms: [...new Set(files.map((file) => file.platform))].sort(),
    files,
    categories: categories(db, `${total}:${newest}`),
    accounts,
  };
}
