// What-if speed (issue 12 §5) on the benches' profile (bench/scoring-profile.ts: 200 accounts, 10
// years, 100,000 transactions), through the app's own dispatcher and handlers on the profile file,
// as the What-if page calls them. The ceilings, printed beside the figures in the same run:
//   one scenario   p95 ≤ 5 ms: an edit of one scenario on the page (its actions applied, the
//                  accounts they touch projected again, the report and both scores of a month),
//                  against the kept base and baseline, its first 60 runs after 6 untimed; also
//                  shown for the 60 after those, and over the whole 24 months
//   side by side   ≤ 150 ms: the baseline and three scenarios × 24 months through whatif.compare,
//                  the baseline computed afresh (the first answer after the data moved: a profile
//                  edit is made before each run, untimed, so the handler reads its base again)
// and the same three after one card's charge was changed (the ledger derived again, untimed, as
// after an app edit) and cold (fresh handlers on a fresh store: nothing kept);
// and, without a ceiling in the issue, an edit on the page (one of the three scenarios changed,
// the baseline and the other two kept), with the base kept and the baseline afresh (the engine's part of the first answer,
// without the database read), and the target planner (whatif.target). Each line gives wall-clock and CPU time: the
// machine may be shared, and the CPU time is what the work itself costs.
//   npx node bench/whatif.bench.ts [accounts] [years]        (from the repository root)

import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createHandlers } from '../core/ipc/handlers.ts';
import { createDispatch } from '../core/ipc/registry.ts';
import type { Channel, Request, Response } from '../core/ipc/contract.ts';
import { readActivity } from '../core/ledger/activity.ts';
import { refreshLedger } from '../core/ledger/freshness.ts';
import { formatDay, formatMonth, monthOfDay } from '../core/shared/calendar.ts';
import { openDatabase } from '../core/storage/database.ts';
import { SingleFileProfileStore } from '../core/storage/single-file-store.ts';
import { loadWhatIfBase } from '../core/whatif/base.ts';
import { baselineOf, compare as compareScenarios, runScenario } from '../core/whatif/compare.ts';
import { parseScenario } from '../core/whatif/validate.ts';
import { writeScoringProfile } from './scoring-profile.ts';
import { AS_OF } from './synthetic-ledger.ts';
import { cpuMs, printBoth, timeBoth, type WallAndCpu } from './timing.ts';
import type { FirstEditsInput, FirstEditsOutput } from './whatif-first-edits.ts';

const ACCOUNTS = Number(process.argv[2] ?? 200);
const YEARS = Number(process.argv[3] ?? 10);
const TARGET_TRANSACTIONS = 100_000;
const CEILING_ONE = 5;
const CEILING_SIDE_BY_SIDE = 150;
const asOf = formatDay(AS_OF);
const nextMonth = formatMonth(monthOfDay(AS_OF) + 1);

const dir = process.env.KEEP_BENCH_DB ?? mkdtempSync(join(tmpdir(), 'credence-whatif-bench-'));
try {
  const file = join(dir, 'bench.sqlite');
  const db = openDatabase(file);
  const setup = performance.now();
  const transactions = writeScoringProfile(db, { accounts: ACCOUNTS, years: YEARS, transactions: TARGET_TRANSACTIONS });
  db.prepare('INSERT INTO profile (id, uuid, name, created_at) VALUES (1, ?, ?, ?)').run('0b0e0c0e-0000-4000-8000-000000000001', '基准测试档案', '2026-11-21T00:00:00+08:00');
  const cards = db.prepare("SELECT id FROM credit_accounts WHERE kind = 'revolving' ORDER BY id").pluck().all() as number[];
  // The import's own cost, untimed: every history derived, and the activity grouped and kept in
  // ledger_state, as the score snapshot after every import leaves a profile (ledger/activity.ts).
  // Without it, every cold answer here regrouped all 100,000 rows, which no imported profile does.
  refreshLedger(db, AS_OF);
  readActivity(db);
  db.close();
  console.log(`node ${process.version}; ${ACCOUNTS} accounts, ${YEARS} years, ${transactions} transactions (setup ${((performance.now() - setup) / 1000).toFixed(1)} s); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const store = new SingleFileProfileStore(file);
  const dispatch = createDispatch(createHandlers({ store, dataDir: dir, version: 'bench', transport: 'test', emit: () => {} }));
  const profileId = store.list()[0]!.id;
  const call = async <C extends Channel>(channel: C, request: Request<C>) => {
    const envelope = await dispatch(channel, request);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message.en}`);
    return envelope.value as Response<C>;
  };

  const scenarios: Request<'whatif.compare'>['scenarios'] = [
    {
      name: '账单日前还卡、半年不申请',
      actions: [
        { type: 'pay', accountId: cards[0]!, amountFen: 2_000_000, month: nextMonth, timing: 'before_statement' },
        { type: 'stop_applications', from: asOf, months: 6 },
      ],
    },
    { name: '新办一张卡', actions: [{ type: 'new_card', on: formatDay(AS_OF + 10), lender: '工商银行', limitFen: 3_000_000, statementDay: 8, dueDay: 26, spendFen: 200_000 }] },
    {
      name: '销户一张、收入调整',
      actions: [
        { type: 'close_account', accountId: cards[1]!, on: formatDay(AS_OF + 5) },
        { type: 'change_income', on: formatDay(AS_OF + 5), monthlyIncomeFen: 8_000_000 },
      ],
    },
  ];
  const compare = () => call('whatif.compare', { profileId, asOf, months: 24, scenarios });

  // One scenario edited, on a kept base and baseline: its first two months (three reports: today
  // and two month ends, what a slider moves first), and its 24 months.
  const base = loadWhatIfBase(openDatabase(file), AS_OF);
  const edits = scenarios.map((s) => parseScenario(s));
  const month = baselineOf(base, 2);
  const months24 = baselineOf(base, 24);
  for (let i = 0; i < 6; i++) runScenario(base, month, edits[i % 3]!);
  const one = await timeBoth('one scenario', 60, (run) => runScenario(base, month, edits[run % 3]!));
  // The same 60 recomputes again, the scenario's own code paths compiled by then (a session on the
  // page moves its sliders far more than 66 times): beside the ceiling, not instead of it.
  const oneWarm = await timeBoth('  again', 60, (run) => runScenario(base, month, edits[run % 3]!));
  const one24 = await timeBoth('  × 24 months', 6, (run) => runScenario(base, months24, edits[run % 3]!));

  const edit = openDatabase(file);
  // A recorded score rewritten as it was: the data version moves (a snapshot reads it), the ledger's inputs do not.
  const touch = edit.prepare('UPDATE score_observations SET value = value');
  await compare();
  const sideBySide = await timeBoth('side by side', 5, () => {
    touch.run();
    return compare();
  });
  // A realistic edit of the data: one charge on one card a different amount (and back again on the
  // next run), the ledger derived again as the app's edits and imports do before the next read
  // (untimed): the first answer after it reads that card again.
  const charge = edit.prepare("SELECT id, amount_fen FROM transactions WHERE credit_account_key = ? ORDER BY occurred_epoch LIMIT 1 OFFSET 200").raw().get(`credit_card:招商银行:${1000 + 5}`) as [number, number];
  const setCharge = edit.prepare('UPDATE transactions SET amount_fen = ? WHERE id = ?');
  const oneCard = await timeBoth('  a card moved', 5, compare, (run) => {
    setCharge.run(charge[1] + (run % 2 === 0 ? 100 : 0), charge[0]);
    refreshLedger(edit, AS_OF);
  });
  // An edit on the page: one scenario's paydown changed (a new amount each run), the other two
  // and the baseline as they were.
  const edited = (run: number) => [{ ...scenarios[0]!, actions: [{ ...scenarios[0]!.actions[0]!, amountFen: 2_000_000 + 10_000 * (run + 1) }, scenarios[0]!.actions[1]!] }, scenarios[1]!, scenarios[2]!];
  const kept = await timeBoth('  an edit', 5, (run) => call('whatif.compare', { profileId, asOf, months: 24, scenarios: edited(run) }));
  // The engine's part of the first answer: the baseline and three scenarios from a base already
  // read (a copy of it, so nothing kept with the base is found), without the database read.
  const engine = await timeBoth('  base kept', 5, () => compareScenarios({ ...base }, edits, 24));
  // Cold: a fresh set of handlers on a fresh store (untimed), so nothing of an earlier answer is
  // kept (the process and its compiled code are warm): the base read and everything computed anew.
  const fresh: { store: SingleFileProfileStore; dispatch: ReturnType<typeof createDispatch> }[] = [];
  const cold = await timeBoth(
    '  cold',
    5,
    async (run) => {
      const envelope = await fresh[run]!.dispatch('whatif.compare', { profileId, asOf, months: 24, scenarios });
      if (!envelope.ok) throw new Error(`whatif.compare: ${envelope.error.message.en}`);
    },
    (run) => {
      const coldStore = new SingleFileProfileStore(file);
      fresh[run] = { store: coldStore, dispatch: createDispatch(createHandlers({ store: coldStore, dataDir: dir, version: 'bench', transport: 'test', emit: () => {} })) };
      fresh[run - 1]?.store.close();
    },
  );
  fresh.at(-1)!.store.close();
  // Cold as the app now meets it: a fresh set of handlers on a fresh store, the preparation the app
  // asks for when a profile opens (whatif.prepare, untimed here, timed apart below) awaited, then
  // the first whatif.compare timed: the What-if page's first answer when the user reaches it after
  // the preparation ended (what a user reaching it sooner meets lies between this and "cold").
  // One set alive at a time (the one before closed and let go): the bench's heap is large enough
  // that a major collection of sets kept alive lands in the preparation's longest wait.
  const preparedFresh: (typeof fresh)[number][] = [];
  const preparation = { wall: [] as number[], cpu: [] as number[], blocked: [] as number[] };
  const coldPrepared = await timeBoth(
    '  cold, prepared',
    5,
    async (run) => {
      const envelope = await preparedFresh[run]!.dispatch('whatif.compare', { profileId, asOf, months: 24, scenarios });
      if (!envelope.ok) throw new Error(`whatif.compare: ${envelope.error.message.en}`);
    },
    async (run) => {
      const coldStore = new SingleFileProfileStore(file);
      preparedFresh[run] = { store: coldStore, dispatch: createDispatch(createHandlers({ store: coldStore, dataDir: dir, version: 'bench', transport: 'test', emit: () => {} })) };
      preparedFresh[run - 1]?.store.close();
      if (run > 0) delete preparedFresh[run - 1];
      const [wall, cpu] = [performance.now(), cpuMs()];
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      const envelope = await preparedFresh[run]!.dispatch('whatif.prepare', { profileId, asOf });
      delay.disable();
      if (!envelope.ok || !(envelope.value as Response<'whatif.prepare'>).prepared) throw new Error('whatif.prepare did not run to its end');
      preparation.wall.push(performance.now() - wall);
      preparation.cpu.push(cpuMs() - cpu);
      // The longest the process answered nothing else meanwhile (one step of the preparation).
      preparation.blocked.push(delay.max / 1e6);
    },
  );
  const prepare = printBoth('  (preparation)', preparation.wall, preparation.cpu);
  preparedFresh.at(-1)!.store.close();
  // One scenario's first edits in an engine of their own (bench/whatif-first-edits.ts), without and
  // with the preparation at open: the "one scenario" line above is a process's first runs.
  const firstEdits = async (prepared: boolean) => {
    const input: FirstEditsInput = { file, scenarios, prepared };
    const worker = new Worker(new URL('./whatif-first-edits.ts', import.meta.url), { workerData: input });
    // Both listened for at once: the exit may come in the same turn as the message.
    const [[output]] = (await Promise.all([once(worker, 'message'), once(worker, 'exit')])) as [[FirstEditsOutput], unknown];
    return output;
  };
  const ownEngine = await firstEdits(false);
  const own = printBoth('one scenario, own engine', ownEngine.wall, ownEngine.cpu);
  const ownPreparedOut = await firstEdits(true);
  const ownPrepared = printBoth('  prepared at open', ownPreparedOut.wall, ownPreparedOut.cpu);

  // The target planner, through its channel, on the kept base.
  const by = formatDay(AS_OF + 200);
  const planner = (label: string, goal: Request<'whatif.target'>['goal']) => timeBoth(label, 3, () => call('whatif.target', { profileId, asOf, goal, by }));
  const lender = await planner('target lender', { kind: 'lender', pass: true });
  const bureau = await planner('target bureau', { kind: 'band', model: 'bureau', band: 'a' });
  const sesame = await planner('target sesame', { kind: 'score', model: 'sesame', score: 800 });
  for (const goal of [{ kind: 'band', model: 'bureau', band: 'a' }, { kind: 'score', model: 'sesame', score: 800 }] as const) {
    const answer = await call('whatif.target', { profileId, asOf, goal, by });
    console.log(`  ${goal.model}: ${answer.explanation[1]!.en}`);
  }

  const ms = (t: WallAndCpu) => `wall median ${t.wall.median.toFixed(1)} / p95 ${t.wall.p95.toFixed(1)} ms, cpu p95 ${t.cpu.p95.toFixed(1)} ms`;
  const verdict = (t: WallAndCpu, ceiling: number) => (t.wall.p95 <= ceiling ? 'met' : t.cpu.p95 <= ceiling ? 'met in CPU time, NOT on the wall clock of this loaded machine' : 'NOT met');
  console.log(`ceiling: one scenario's recompute p95 ≤ ${CEILING_ONE} ms — ${verdict(one, CEILING_ONE)} (${ms(one)}; the next 60 ${ms(oneWarm)}; its 24 months ${ms(one24)})`);
  console.log(`ceiling: baseline + three scenarios × 24 months ≤ ${CEILING_SIDE_BY_SIDE} ms — ${verdict(sideBySide, CEILING_SIDE_BY_SIDE)} (${ms(sideBySide)}; an edit of one of the three, baseline kept, ${ms(kept)}; without the database read, base kept and baseline afresh ${ms(engine)})`);
  console.log(`  the same after one card's charge changed (the ledger derived untimed): ${verdict(oneCard, CEILING_SIDE_BY_SIDE)} (${ms(oneCard)}); cold, nothing kept: ${verdict(cold, CEILING_SIDE_BY_SIDE)} (${ms(cold)})`);
  console.log(`  cold as the app meets it when the preparation at open has ended: ${verdict(coldPrepared, CEILING_SIDE_BY_SIDE)} (${ms(coldPrepared)}; the preparation itself, made in steps between other requests, ${ms(prepare)}, the longest step ${Math.max(...preparation.blocked).toFixed(1)} ms)`);
  console.log(`  one scenario's first edits in an engine of their own: ${verdict(own, CEILING_ONE)} (${ms(own)}); after the preparation at open (its CPU ${ownPreparedOut.prepare.cpu.toFixed(0)} ms): ${verdict(ownPrepared, CEILING_ONE)} (${ms(ownPrepared)})`);
  console.log(`target planner (no ceiling in the issue): lender ${ms(lender)}; bureau band ${ms(bureau)}; sesame score ${ms(sesame)}`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  edit.close();
  store.close();
} finally {
  if (!process.env.KEEP_BENCH_DB) rmSync(dir, { recursive: true, force: true });
}
