// Ledger recompute speed: every derived monthly history for 200 accounts over 20 years.
//   cd /work/main && npx node bench/ledger.bench.ts [accounts] [years]
// Builds a profile in a temp folder (untimed): 170 credit cards, each with its own 20-year bank
// statement (4 charges a month, the bill repaid in full before the due day, now and then late
// or missed), statement and due days and an open date set by the user; 30 bank loans entered by
// hand with their terms and a repayment per month. Then times:
//   recompute    recomputeHistories(): read every account's events, facts and plans, one pass per
//                account, in one transaction; months are written for the accounts whose months
//                changed (after an edit: that account). The goal: under 200 ms.
//   rewrite all  the same with every month of every account written again (48,000 rows)
//   derive       deriveAndStore(): accounts and links from every credit event (after an import)
//   refresh      both, as the first read after an import does

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayOfMonth, formatDay, lastDay, parseDay } from '../core/ledger/calendar.ts';
import { deriveAndStore, recomputeHistories, refreshLedger } from '../core/ledger/recompute.ts';
import { openDatabase, type Db } from '../core/storage/database.ts';

const ACCOUNTS = Number(process.argv[2] ?? 200);
const YEARS = Number(process.argv[3] ?? 20);
const CARDS = Math.round(ACCOUNTS * 0.85);
const LOANS = ACCOUNTS - CARDS;
const AS_OF = parseDay('2026-11-21')!;
const FIRST_MONTH = 2026 * 12 + 10 - YEARS * 12 + 1; // 20 years up to Nov 2026

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function iso(day: number, hour: number): string {
  return `${formatDay(day)}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

function build(db: Db): { transactions: number } {
  const now = '2026-11-21T00:00:00+08:00';
  const batch = db.prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES (?, '', 'cmb', 'credit-csv', ?)");
  const tx = db.prepare(
    `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, status_class,
       item, funding_account, credit_event, credit_confidence, needs_review, raw_row, source_line, credit_account_key)
     VALUES (?, 'cmb', ?, ?, ?, ?, ?, '交易成功', 'completed', ?, ?, ?, 0.9, 0, '', ?, ?)`,
  );
  let count = 0;
  db.transaction(() => {
    for (let c = 0; c < CARDS; c++) {
      const random = rng(c + 1);
      const last4 = String(1000 + c);
      const key = `credit_card:招商银行:${last4}`;
      const funding = `招商银行信用卡(${last4})`;
      const batchId = Number(batch.run(`card-${last4}.csv`, now).lastInsertRowid);
      const S = 1 + (c % 28);
      const D = ((S + 17) % 28) + 1;
      let balance = 0;
      let line = 0;
      const add = (day: number, fen: number, expense: boolean) => {
        line++;
        count++;
        tx.run(batchId, `${last4}-${line}`, iso(day, 12), day * 86400 - 8 * 3600 + 12 * 3600, fen, expense ? 'expense' : 'income',
          expense ? '消费' : '掌上生活还款', funding, expense ? 'credit_card_purchase' : 'credit_card_repayment', line, key);
      };
      // The first row on day 1 of the first month, the last on the last day: the export covers it all.
      add(dayOfMonth(FIRST_MONTH, 1), 100, true);
      balance += 100;
      for (let month = FIRST_MONTH; month < FIRST_MONTH + YEARS * 12; month++) {
        const statement = dayOfMonth(month, S);
        const due = D > S ? dayOfMonth(month, D) : dayOfMonth(month + 1, D);
        let carry = 0; // charges after the statement day go on the next bill
        for (const d of [3, 9, 15, 22]) {
          const day = dayOfMonth(month, d);
          if (day > AS_OF) continue;
          const fen = 500 + Math.floor(random() * 80000);
          add(day, fen, true);
          if (day <= statement) balance += fen;
          else carry += fen;
        }
        // Repay the statement in full two days before the due day; 3% of bills late, 1% missed.
        const roll = random();
        const payDay = roll < 0.01 ? null : roll < 0.04 ? due + 5 : due - 2;
        if (payDay !== null && payDay <= AS_OF && balance > 0) add(payDay, balance, false);
        balance = payDay === null ? balance + carry : carry;
      }
      add(lastDay(FIRST_MONTH + YEARS * 12 - 1) > AS_OF ? AS_OF : lastDay(FIRST_MONTH + YEARS * 12 - 1), 100, true);
    }
  })();
  return { transactions: count };
}

/** The user's facts: statement and due days and open dates on the cards; loans with their terms. */
function userFacts(db: Db): void {
  const now = '2026-11-21T00:00:00+08:00';
  const override = db.prepare('INSERT OR REPLACE INTO credit_account_overrides (account_id, field, value_json, updated_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    const cards = db.prepare("SELECT id, match_key FROM credit_accounts WHERE product = 'credit_card' ORDER BY id").all() as { id: number; match_key: string }[];
    cards.forEach(({ id }, c) => {
      const S = 1 + (c % 28);
      override.run(id, 'statementDay', JSON.stringify(S), now);
      override.run(id, 'dueDay', JSON.stringify(((S + 17) % 28) + 1), now);
      override.run(id, 'openedOn', JSON.stringify(formatDay(dayOfMonth(FIRST_MONTH, 1))), now);
      override.run(id, 'limitFen', JSON.stringify(5_000_000), now);
    });
    const account = db.prepare(
      "INSERT INTO credit_accounts (product, name, source, details_json, created_at, updated_at, kind) VALUES ('bank_loan', ?, 'manual', '{}', ?, ?, 'loan')",
    );
    const tx = db.prepare(
      `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, status_class, raw_row, source_line)
       VALUES (?, 'icbc', ?, ?, ?, ?, 'expense', '交易成功', 'completed', '', 0)`,
    );
    const link = db.prepare(
      "INSERT INTO credit_links (transaction_id, account_id, role, source, basis, day, amount_fen, batch_id, platform, unconfirmed) VALUES (?, ?, 'payment', 'manual', 'user', ?, ?, ?, 'icbc', 0)",
    );
    const batchId = Number(db.prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES ('loans', '', 'icbc', 'x', ?)").run(now).lastInsertRowid);
    for (let l = 0; l < LOANS; l++) {
      const id = Number(account.run(`贷款 ${l + 1}`, now, now).lastInsertRowid);
      const opened = dayOfMonth(FIRST_MONTH, 10);
      const terms = { product: 'bank_loan', kind: 'loan', name: `贷款 ${l + 1}`, principalFen: 60_000_000, openedOn: formatDay(opened), termMonths: YEARS * 12, repaymentMethod: 'equal_principal', annualRateBp: 0 };
      for (const [field, value] of Object.entries(terms)) override.run(id, field, JSON.stringify(value), now);
      const instalment = Math.floor(60_000_000 / (YEARS * 12));
      for (let k = 1; k <= YEARS * 12; k++) {
        const day = dayOfMonth(FIRST_MONTH + k, 10);
        if (day > AS_OF) break;
        const txId = Number(tx.run(batchId, `loan-${l}-${k}`, iso(day, 9), day * 86400, instalment).lastInsertRowid);
        link.run(txId, id, day, instalment, batchId);
      }
    }
  })();
}

function time(label: string, fn: () => unknown, runs: number, before: () => void = () => {}): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${label.padEnd(12)} median ${sorted[Math.floor(runs / 2)].toFixed(1).padStart(7)} ms  best ${sorted[0].toFixed(1).padStart(7)} ms  (${runs} runs)`);
  return sorted;
}

const dir = process.env.KEEP_BENCH_DB ?? mkdtempSync(join(tmpdir(), 'credence-ledger-bench-'));
try {
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const setupStart = performance.now();
  const { transactions } = build(db);
  deriveAndStore(db);
  userFacts(db);
  refreshLedger(db, AS_OF);
  const accounts = db.prepare('SELECT count(*) FROM credit_accounts').pluck().get() as number;
  const months = db.prepare('SELECT count(*) FROM credit_account_months').pluck().get() as number;
  const statuses = db.prepare('SELECT status, count(*) AS n FROM credit_account_months GROUP BY status ORDER BY n DESC').all() as { status: string; n: number }[];
  console.log(`node ${process.version}; ${accounts} accounts, ${YEARS} years, ${transactions + LOANS * YEARS * 12} transactions, ${months} account-months (setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s)`);
  console.log(`statuses: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`);
  // Every history computed again; only months that changed are written (after an edit: one account's).
  const recompute = time('recompute', () => db.transaction(() => recomputeHistories(db, AS_OF))(), 7);
  // The worst case: every month of every account written again (a new as-of day, an engine upgrade).
  const rewrite = time('rewrite all', () => db.transaction(() => recomputeHistories(db, AS_OF))(), 7, () => {
    db.prepare("UPDATE credit_account_histories SET months_json = '[]'").run();
  });
  time('derive', () => db.transaction(() => deriveAndStore(db))(), 3);
  time('refresh', () => refreshLedger(db, AS_OF), 3);
  const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)];
  const worst = Math.max(median(recompute), median(rewrite));
  console.log(`goal: recompute every history under 200 ms — ${worst < 200 ? 'met' : 'NOT met'} (median ${median(recompute).toFixed(1)} ms; every month rewritten ${median(rewrite).toFixed(1)} ms)`);
  db.close();
} finally {
  if (!process.env.KEEP_BENCH_DB) rmSync(dir, { recursive: true, force: true });
}
