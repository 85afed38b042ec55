// The transactions page at a million rows (issue 17: "filters 1M rows in under 200 ms per query").
//   npm run bench -- transactions [rows per file]
// Builds a profile once (untimed, kept in the temp folder for the next run): the bench's Alipay
// and WeChat exports (bench/synthetic-exports.ts), 500,000 rows each, imported by the importer and the
// ledger derived from them, as the app would have it. Then, per filter kind, times what the page
// runs: the `transactions.list` request (the first page, 200 rows) and the `transactions.summary`
// request (count and totals), each through the dispatcher (zod on the way in and out) to the
// handler, on a profile store of that file. Beside each, the ceiling: one bare SQL statement on
// the same database and index giving the same answer (checked equal), prepared once. Each
// filter kind runs with a few different values in turn (months, words, categories), 15 runs,
// after one untimed run; p50 and p95 per kind.

import { existsSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../core/importers/import-file.ts';
import { createHandlers } from '../core/ipc/handlers.ts';
import { createDispatch } from '../core/ipc/registry.ts';
import { refreshLedger } from '../core/ledger/freshness.ts';
import { SCAN_BUDGET, type TransactionFilter } from '../core/ledger/transaction-list.ts';
import { addSummaries, emptySummary } from '../core/shared/transaction-summary.ts';
import { SingleFileProfileStore } from '../core/storage/single-file-store.ts';
import { initialiseProfile } from '../core/storage/profile-store.ts';
import { openDatabase, type Db } from '../core/storage/database.ts';
import { generateExports } from './synthetic-exports.ts';

const ROWS_PER_FILE = Number(process.argv[2] ?? 500_000);
const RUNS = 15;
const PAGE = 200;
const GOAL_MS = 200;
const dir = join(tmpdir(), 'credence-bench');

async function buildProfile(file: string): Promise<void> {
  const files = await generateExports(dir, ROWS_PER_FILE);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const started = performance.now();
  const db = openDatabase(file);
  initialiseProfile(db, 'Bench (synthetic)');
  for (const bill of [files.alipay, files.wechat]) await importFile(db, bill);
  refreshLedger(db);
  db.close();
  console.log(`built ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** One bare statement per question: the ceiling's FROM and WHERE for a filter kind. */
interface Ceiling {
  from: string;
  order: string;
  where: string[];
  params: unknown[];
}

interface Case {
  name: string;
  filters: TransactionFilter[];
  ceiling: (filter: TransactionFilter) => Ceiling;
}

const PLAIN = 'transactions t INDEXED BY transactions_list';
const BY_TIME = 't.occurred_epoch DESC, t.id DESC';
const plain = (where: string[] = [], params: unknown[] = []): Ceiling => ({ from: PLAIN, order: BY_TIME, where, params });
const epochOf = (day: string) => Date.parse(`${day}T00:00:00+08:00`) / 1000;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function cases(db: Db): Case[] {
  const account = (product: string) => db.prepare('SELECT id FROM credit_accounts WHERE product = ? ORDER BY id LIMIT 1').pluck().get(product) as number;
  const huabei = account('huabei');
  const card = account('credit_card');
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
  return [
    { name: 'no filter', filters: [{}], ceiling: () => plain() },
    {
      name: 'date range (a month)',
      filters: months.map((m) => ({ from: `${m}-01`, to: `${m}-28` })),
      ceiling: (f) => plain(['t.occurred_epoch >= ?', 't.occurred_epoch < ?'], [epochOf(f.from!), epochOf(nextDay(f.to!))]),
    },
    { name: 'platform', filters: [{ platform: 'wechat' }, { platform: 'alipay' }], ceiling: (f) => plain(['t.platform = ?'], [f.platform]) },
    {
      name: 'account',
      filters: [{ accountId: huabei }, { accountId: card }],
      ceiling: (f) => ({
        from: 'credit_links l JOIN transactions t ON t.id = l.transaction_id',
        order: 'l.day DESC, t.occurred_epoch DESC, t.id DESC',
        where: ['l.account_id = ?'],
        params: [f.accountId],
      }),
    },
    { name: 'direction', filters: [{ direction: 'income' }, { direction: 'neutral' }, { direction: 'expense' }], ceiling: (f) => plain(['t.direction = ?'], [f.direction]) },
    { name: 'category', filters: ['日用百货', '转账', '信用借还', '微信红包'].map((category) => ({ category })), ceiling: (f) => plain(['t.category = ?'], [f.category]) },
    {
      name: 'credit event',
      filters: [{ creditEvent: 'huabei_purchase' }, { creditEvent: 'credit_card_repayment' }],
      ceiling: (f) => plain(['t.credit_event = ?'], [f.creditEvent]),
    },
    {
      name: 'credit event, none',
      // No such rows: the walk reads the whole index to say so (the worst case of any filter).
      filters: [{ creditEvent: 'jiebei_repayment' }, { creditEvent: 'weilidai_disbursement' }],
      ceiling: (f) => plain(['t.credit_event = ?'], [f.creditEvent]),
    },
    {
      name: 'text',
      filters: ['商户99', '说明', '第4001号', '商户7'].map((text) => ({ text })),
      ceiling: (f) => plain(['(t.counterparty LIKE ? OR t.item LIKE ?)'], [`%${f.text}%`, `%${f.text}%`]),
    },
    {
      name: 'text, no match',
      filters: ['星巴克', 'nothing-like-this'].map((text) => ({ text })),
      ceiling: (f) => plain(['(t.counterparty LIKE ? OR t.item LIKE ?)'], [`%${f.text}%`, `%${f.text}%`]),
    },
    {
      name: 'combined',
      filters: months.map((m) => ({ from: `${m}-01`, to: `${m}-28`, platform: 'alipay', direction: 'expense' as const, text: '商户1' })),
      ceiling: (f) =>
        plain(
          ['t.occurred_epoch >= ?', 't.occurred_epoch < ?', 't.platform = ?', 't.direction = ?', '(t.counterparty LIKE ? OR t.item LIKE ?)'],
          [epochOf(f.from!), epochOf(nextDay(f.to!)), f.platform, f.direction, `%${f.text}%`, `%${f.text}%`],
        ),
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Timing {
  /** Each request through the dispatcher. */
  request: { p50: number; p95: number };
  /** Requests per answer, and the whole answer (all its requests). */
  requests: number;
  whole: { p50: number; p95: number };
}

function quantiles(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** Runs `answer` RUNS times after one untimed run; `answer` times each of its requests into `requests`. */
async function timeAnswers(answer: (run: number, requests: number[]) => Promise<unknown>): Promise<Timing> {
  await answer(RUNS, []);
  const requests: number[] = [];
  const wholes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await answer(run, requests);
    wholes.push(performance.now() - started);
  }
  return { request: quantiles(requests), requests: Math.round(requests.length / RUNS), whole: quantiles(wholes) };
}

function timeBare(fn: (run: number) => unknown): { p50: number; p95: number } {
  fn(RUNS);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    fn(run);
    times.push(performance.now() - started);
  }
  return quantiles(times);
}

const ms = (n: number) => n.toFixed(1).padStart(6);
const pair = (q: { p50: number; p95: number }) => `${ms(q.p50)} ${ms(q.p95)}`;
const timing = (t: Timing) => `${pair(t.request)} ${String(t.requests).padStart(3)} ${ms(t.whole.p50)}`;

type Summary = { count: number; byDirection: Record<'income' | 'expense' | 'neutral', { count: number; fen: number }> };

async function main(): Promise<void> {
  const file = join(dir, `transactions-${ROWS_PER_FILE}.sqlite`);
  if (!existsSync(file)) await buildProfile(file);
  const store = new SingleFileProfileStore(file);
  const [profile] = store.list();
  const db = store.database(profile.id); // the handlers' own connection: migrated, as the app opens it
  const dispatch = createDispatch(createHandlers({ store, dataDir: dir, version: 'bench', transport: 'test', emit: () => {} }));
  const call = async <T>(channel: string, payload: object, times?: number[]): Promise<T> => {
    const started = performance.now();
    const result = await dispatch(channel, { profileId: profile.id, ...payload });
    times?.push(performance.now() - started);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  // What the page does for a filter: list requests until the first page is full (or the list
  // ends), and summary requests until the totals are complete.
  const firstPage = async (filter: TransactionFilter, times?: number[]) => {
    const rows: number[] = [];
    let after: unknown;
    do {
      const page = await call<{ rows: { id: number }[]; next: unknown }>('transactions.list', { filter, limit: PAGE - rows.length, ...(after ? { after } : {}) }, times);
      rows.push(...page.rows.map((r) => r.id));
      after = page.next;
    } while (after && rows.length < PAGE);
    return { rows, more: after !== null };
  };
  const wholeSummary = async (filter: TransactionFilter, times?: number[]) => {
    let total: Summary = emptySummary();
    let after: unknown;
    do {
      const part = await call<Summary & { next: unknown }>('transactions.summary', { filter, ...(after ? { after } : {}) }, times);
      total = addSummaries(total, part);
      after = part.next;
    } while (after);
    return total;
  };
  const total = db.prepare('SELECT count(*) FROM transactions').pluck().get() as number;
  console.log(`node ${process.version}, ${total.toLocaleString('en')} transactions; a request reads at most ${SCAN_BUDGET.index.toLocaleString('en')} index entries or ${SCAN_BUDGET.links.toLocaleString('en')} links`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const facets = await timeAnswers((_, times) => call('transactions.facets', {}, times));
  console.log(`page open (transactions.facets): p50 ${facets.request.p50.toFixed(1)} ms, p95 ${facets.request.p95.toFixed(1)} ms`);
  console.log('ms; "req": one request through the dispatcher, p50 and p95; "n": requests per answer; "all": the whole answer, p50;');
  console.log('"bare": the ceiling, one bare SQL statement for the whole answer, p50 and p95');
  console.log(`${'filter'.padEnd(20)} ${'matches'.padStart(9)} | first page: req p50  p95   n    all |  bare p50   p95 | totals: req p50  p95   n    all |  bare p50   p95`);
  let worst = 0;
  for (const c of cases(db)) {
    const pick = (run: number) => c.filters[run % c.filters.length];
    // The ceiling's statements, and a check that they give the app's answer.
    const bare = (f: TransactionFilter, select: string, tail: string) => {
      const q = c.ceiling(f);
      return db.prepare(`SELECT ${select} FROM ${q.from} ${q.where.length ? `WHERE ${q.where.join(' AND ')}` : ''} ${tail}`);
    };
    const ceilingList = (f: TransactionFilter) => bare(f, 't.id', `ORDER BY ${c.ceiling(f).order} LIMIT ${PAGE + 1}`).pluck().all(...c.ceiling(f).params) as number[];
    const ceilingSummary = (f: TransactionFilter) =>
      bare(f, 't.direction, count(*) AS n, sum(t.amount_fen) AS fen', 'GROUP BY t.direction').all(...c.ceiling(f).params) as { direction: 'income' | 'expense' | 'neutral'; n: number; fen: number }[];
    let matches = 0;
    for (const f of c.filters) {
      const page = await firstPage(f);
      const summary = await wholeSummary(f);
      const ids = ceilingList(f);
      const grouped = ceilingSummary(f);
      const sameList = JSON.stringify(page.rows) === JSON.stringify(ids.slice(0, PAGE)) && (ids.length <= PAGE || page.more);
      const sameSummary =
        summary.count === grouped.reduce((n, g) => n + g.n, 0) &&
        grouped.every((g) => summary.byDirection[g.direction].count === g.n && summary.byDirection[g.direction].fen === g.fen);
      if (!sameList || !sameSummary) throw new Error(`${c.name} ${JSON.stringify(f)}: the app and the bare SQL disagree`);
      matches = Math.max(matches, summary.count);
    }
    const list = await timeAnswers((run, times) => firstPage(pick(run), times));
    const listCeiling = timeBare((run) => ceilingList(pick(run)));
    const summary = await timeAnswers((run, times) => wholeSummary(pick(run), times));
    const summaryCeiling = timeBare((run) => ceilingSummary(pick(run)));
    worst = Math.max(worst, list.request.p95, summary.request.p95);
    console.log(`${c.name.padEnd(20)} ${matches.toLocaleString('en').padStart(9)} |          ${timing(list)} | ${pair(listCeiling)}    |      ${timing(summary)} | ${pair(summaryCeiling)}`);
  }
  // A page deep in the list costs what the first does: the keyset cursor of the row half-way down.
  const middle = db.prepare(`SELECT occurred_epoch AS epoch, id FROM transactions INDEXED BY transactions_list ORDER BY ${BY_TIME.replaceAll('t.', '')} LIMIT 1 OFFSET ?`).get(Math.floor(total / 2));
  const deep = await timeAnswers((_, times) => call('transactions.list', { filter: {}, after: middle, limit: PAGE }, times));
  console.log(`${`page at row ${Math.floor(total / 2).toLocaleString('en')}`.padEnd(30)} |          ${timing(deep)}`);
  worst = Math.max(worst, deep.request.p95);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`goal: every request under ${GOAL_MS} ms at p95 — ${worst < GOAL_MS ? 'met' : 'NOT met'} (worst p95 ${worst.toFixed(1)} ms)`);
  store.close();
}

await main();
