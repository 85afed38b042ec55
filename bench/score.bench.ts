// Scoring speed: both models, explained, with ranges and next actions, on a 10-year ledger of
// 100,000 transactions and 200 accounts. The goal (issue 5 §8): under 5 ms per score once the
// ledger is loaded, since what-if sliders call the engine on every move.
//   npx node bench/score.bench.ts [accounts] [years]        (from the repository root)
// Builds the benches' profile in a temp folder (untimed, bench/scoring-profile.ts): 170 credit
// cards with 10-year statements, 30 bank loans, Alipay rows to make 100,000 transactions, 20 hard
// queries. Then times (median and p95 of each):
//   load           loadScoringLedger(): bring the derived ledger up to date and read it into memory
//   scored day     scoreLedger() on the loaded day, scored before: both models, factors, ranges, next actions
//   new day        the same on a day not scored before, day after day backwards (5 rounds of 60
//                  days, each on a ledger just loaded: nothing memoised but the loaded day)
//   new month      the first score of a ledger just loaded, on a random day of the 10 years: the
//                  lender metrics of its report month and of the 6 months the next-action search
//                  projects to are all computed afresh (the worst case)
//   no next step   scoreLedger() without the next-action search (what a what-if slider may call)
//   IPC report     what the score.report handler does: the kept ledger's staleness check
//                  (core/score/ledger-cache.ts), then a full score
// A "ledger just loaded" is a shallow copy of the loaded one: the engine memoises per ledger object.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreLedger } from '../core/score/engine.ts';
import { LedgerCache } from '../core/score/ledger-cache.ts';
import { loadScoringLedger } from '../core/score/load-ledger.ts';
import type { ScoringLedger } from '../core/score/scoring-ledger.ts';
import { openDatabase } from '../core/storage/database.ts';
import { writeScoringProfile } from './scoring-profile.ts';
import { AS_OF, rng } from './synthetic-ledger.ts';
import { sample, summarise, time, type Timing } from './timing.ts';

const ACCOUNTS = Number(process.argv[2] ?? 200);
const YEARS = Number(process.argv[3] ?? 10);
const TARGET_TRANSACTIONS = 100_000;

const dir = process.env.KEEP_BENCH_DB ?? mkdtempSync(join(tmpdir(), 'credence-score-bench-'));
try {
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const setup = performance.now();
  const transactions = writeScoringProfile(db, { accounts: ACCOUNTS, years: YEARS, transactions: TARGET_TRANSACTIONS });
  const accounts = db.prepare('SELECT count(*) FROM credit_accounts').pluck().get() as number;
  console.log(`node ${process.version}; ${accounts} accounts, ${YEARS} years, ${transactions} transactions (setup ${((performance.now() - setup) / 1000).toFixed(1)} s)`);

  // The first load derives and recomputes every history (the import's own cost); the next ones read.
  time('first load', 1, () => loadScoringLedger(db, AS_OF));
  let ledger = loadScoringLedger(db, AS_OF);
  time('load', 5, () => (ledger = loadScoringLedger(db, AS_OF)));
  const months = ledger.accounts.reduce((s, a) => s + a.codes.length, 0);
  const report = scoreLedger(ledger);
  console.log(`${months} account-months; bureau ${report.bureau.range ? `${report.bureau.score} (${report.bureau.range.low}–${report.bureau.range.high}) ${report.bureau.band?.id}` : 'not scorable'}; sesame ${report.sesame.score} (${report.sesame.range.low}–${report.sesame.range.high}) ${report.sesame.band.id}`);
  console.log(`next: ${report.bureau.nextAction?.text.en ?? '—'} | ${report.sesame.nextAction?.text.en ?? '—'}`);

  for (let i = 0; i < 20; i++) scoreLedger(ledger); // warm-up
  const fresh = (): ScoringLedger => ({ ...ledger });
  const score = time('scored day', 200, () => scoreLedger(ledger));
  const days: number[] = [];
  for (let round = 0; round < 5; round++) {
    const kept = fresh();
    scoreLedger(kept);
    days.push(...sample(60, (run) => scoreLedger(kept, { asOfDay: AS_OF - 1 - run })));
  }
  const newDay = summarise('new day', days);
  const random = rng(99);
  const newMonth = time('new month', 100, () => scoreLedger(fresh(), { asOfDay: AS_OF - Math.floor(random() * YEARS * 365) }));
  const slider = time('no next step', 200, () => scoreLedger(ledger, { nextActions: false }));
  const cache = new LedgerCache();
  cache.ledger(db, AS_OF);
  const ipc = time('IPC report', 50, () => scoreLedger(cache.ledger(db, AS_OF), { asOfDay: AS_OF }));
  const ms = (t: Timing) => `median ${t.median.toFixed(2)} / p95 ${t.p95.toFixed(2)} ms`;
  const met = [score, newDay, newMonth].every((t) => t.p95 < 5);
  console.log(`goal: under 5 ms per score after the ledger is loaded, at p95 — ${met ? 'met' : 'NOT met'} (scored day ${ms(score)}; new day ${ms(newDay)}; new month ${ms(newMonth)}; no next step ${ms(slider)}; IPC ${ms(ipc)}, ${cache.loads} load)`);
  db.close();
} finally {
  if (!process.env.KEEP_BENCH_DB) rmSync(dir, { recursive: true, force: true });
}
