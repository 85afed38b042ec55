// Ledger recompute speed: every derived monthly history for 200 accounts over 20 years.
//   npx node bench/ledger.bench.ts [accounts] [years]        (from the repository root)
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
//   new day      refreshLedger() for the next day, seven days one after another: the first read
//                on a later day (no row taken up again, every history walked to the new day)

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveAndStore } from '../core/ledger/derive/derive-and-store.ts';
import { refreshLedger } from '../core/ledger/freshness.ts';
import { recomputeHistories } from '../core/ledger/recompute/recompute-histories.ts';
import { openDatabase } from '../core/storage/database.ts';
import { AS_OF, splitAccounts, writeBankLoans, writeCardFacts, writeCardStatements } from './synthetic-ledger.ts';

const ACCOUNTS = Number(process.argv[2] ?? 200);
const YEARS = Number(process.argv[3] ?? 20); // up to Nov 2026
const { cards: CARDS, loans: LOANS } = splitAccounts(ACCOUNTS);

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
  // 4 charges a month; 3% of bills repaid late, 1% missed.
  const transactions = db.transaction(() =>
    writeCardStatements(db, { cards: CARDS, years: YEARS, chargeDays: [3, 9, 15, 22], chargeSpreadFen: 80_000, lateRate: 0.03, missedRate: 0.01 }),
  )();
  deriveAndStore(db);
  // The user's facts: statement and due days and open dates on the cards; loans with their terms.
  const loanRows = db.transaction(() => {
    writeCardFacts(db, { years: YEARS });
    return writeBankLoans(db, { loans: LOANS, years: YEARS });
  })();
  refreshLedger(db, AS_OF);
  const accounts = db.prepare('SELECT count(*) FROM credit_accounts').pluck().get() as number;
  const months = db.prepare('SELECT count(*) FROM credit_account_months').pluck().get() as number;
  const statuses = db.prepare('SELECT status, count(*) AS n FROM credit_account_months GROUP BY status ORDER BY n DESC').all() as { status: string; n: number }[];
  console.log(`node ${process.version}; ${accounts} accounts, ${YEARS} years, ${transactions + loanRows} transactions, ${months} account-months (setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s)`);
  console.log(`statuses: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`);
  // Every history computed again; only months that changed are written (after an edit: one account's).
  const recompute = time('recompute', () => db.transaction(() => recomputeHistories(db, AS_OF))(), 7);
  // The worst case: every month of every account written again (a new as-of day, an engine upgrade).
  const rewrite = time('rewrite all', () => db.transaction(() => recomputeHistories(db, AS_OF))(), 7, () => {
    db.prepare("UPDATE credit_account_histories SET months_json = '[]'").run();
  });
  time('derive', () => db.transaction(() => deriveAndStore(db))(), 3);
  time('refresh', () => refreshLedger(db, AS_OF), 3);
  // The first read on a later day: no row is taken up again, every history is walked to the day.
  let later = AS_OF;
  const newDay = time('new day', () => refreshLedger(db, ++later), 7);
  const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)];
  const worst = Math.max(median(recompute), median(rewrite));
  console.log(`goal: recompute every history under 200 ms — ${worst < 200 ? 'met' : 'NOT met'} (median ${median(recompute).toFixed(1)} ms; every month rewritten ${median(rewrite).toFixed(1)} ms)`);
  console.log(`a new day: median ${median(newDay).toFixed(1)} ms (part of opening to the first score: goal under 1 s)`);
  db.close();
} finally {
  if (!process.env.KEEP_BENCH_DB) rmSync(dir, { recursive: true, force: true });
}
