// What the app computes for the what-if when a profile opens, before anyone asks (the What-if
// page's first answer and its first edits): the baseline of the default timeline, made in steps
// between which the process serves other requests (compare.ts prepareBaseline), then a few
// made-up scenarios run on it and thrown away, so that the engine's scenario paths are compiled
// by the JavaScript engine before the user's first edit runs them (the first runs of a path run
// in its slower tiers). Nothing made here changes an answer: every result is a pure function of
// the base and the request, and what is kept with the base's objects is a function of them.

import { formatDay, formatMonth, monthOfDay } from '../shared/calendar.ts';
import { CredenceError } from '../shared/errors.ts';
import type { WhatIfBase } from './base.ts';
import { prepareBaseline, runScenario, type Baseline, type ScenarioRequest } from './compare.ts';
import { DEFAULT_MONTHS, type ScenarioInput } from './schema.ts';
import { parseScenario } from './validate.ts';

/** Yields to the event loop; false once the preparation is no longer wanted (the data moved, an answer was asked). */
export type Pause = () => Promise<boolean>;

/** Runs of the made-up scenarios, in turn: enough for the engine to compile their paths (docs/engineering/performance.md, stop 29). */
const WARM_RUNS = 24;
/**
 * The made-up scenarios read the default baseline's first days only (today and two month ends,
 * as a slider's first edits do): the same code as all its months, at a tenth of the cost.
 */
const WARM_DAYS = 3;

/**
 * Made-up scenarios of the kinds the page's edits use most (a paydown before the statement day, a
 * new card, a close with an income change, a pause in applications) on the profile's first open
 * card; those the profile cannot take (no open card) are left out. Never shown, never kept.
 */
export function warmUpScenarios(base: WhatIfBase): ScenarioRequest[] {
  const asOf = base.asOfDay;
  const card = base.snapshot.accounts.find((a) => a.kind === 'revolving' && a.closedOn === null && a.months.length > 0);
  const scenarios: ScenarioInput[] = [{ name: 'warm-up: new card', actions: [{ type: 'new_card', on: formatDay(asOf + 12), lender: 'warm-up', limitFen: 1_000_000, statementDay: 5, dueDay: 23, spendFen: 50_000 }] }];
  scenarios.push({ name: 'warm-up: pause', actions: [{ type: 'stop_applications', from: formatDay(asOf), months: 3 }, { type: 'change_income', on: formatDay(asOf + 3), monthlyIncomeFen: 1_000_000 }] });
  if (card) {
    scenarios.push({ name: 'warm-up: paydown', actions: [{ type: 'pay', accountId: card.id, amountFen: 100_000, month: formatMonth(monthOfDay(asOf) + 1), timing: 'before_statement' }] });
    scenarios.push({ name: 'warm-up: close', actions: [{ type: 'close_account', accountId: card.id, on: formatDay(asOf + 7) }] });
  }
  return scenarios.map((s) => parseScenario(s));
}

/** Bases whose preparation ran to its end: asked again (the renderer asks after every change it makes), nothing is left to do. */
const prepared = new WeakSet<WhatIfBase>();
/** A preparation under way, by base: asked again meanwhile, the second ask waits for it rather than stepping beside it. */
const preparing = new WeakMap<WhatIfBase, Promise<boolean>>();

/**
 * The preparation a profile's opening starts: the default baseline, then, when `warmUp`, the
 * made-up scenarios run `WARM_RUNS` times in turn, a pause before each step; stops where `pause`
 * says so. A scenario the ledger refuses is dropped (an edit on the page would be refused the same
 * way). Compiled code is the thread's: a caller whose engine has run them once (the app's handler,
 * preparing again after the data moved) asks for the baseline alone. Once per base: a base
 * prepared answers at once, one being prepared answers with that preparation.
 */
export function prepareWhatIf(base: WhatIfBase, pause: Pause, warmUp = true): Promise<boolean> {
  if (prepared.has(base)) return Promise.resolve(true);
  let running = preparing.get(base);
  if (!running) {
    running = prepareOnce(base, pause, warmUp).finally(() => preparing.delete(base));
    preparing.set(base, running);
  }
  return running;
}

async function prepareOnce(base: WhatIfBase, pause: Pause, warmUp: boolean): Promise<boolean> {
  const whole = await prepareBaseline(base, DEFAULT_MONTHS, pause);
  if (!whole || (warmUp && !(await runMadeUp(base, whole, pause)))) return false;
  prepared.add(base);
  return true;
}

async function runMadeUp(base: WhatIfBase, whole: Baseline, pause: Pause): Promise<boolean> {
  const baseline = { ...whole, days: whole.days.slice(0, WARM_DAYS), points: whole.points.slice(0, WARM_DAYS) };
  let scenarios = warmUpScenarios(base);
  for (let run = 0; run < WARM_RUNS && scenarios.length > 0; run++) {
    if (!(await pause())) return false;
    const scenario = scenarios[run % scenarios.length]!;
    try {
      runScenario(base, baseline, scenario);
    } catch (error) {
      if (!(error instanceof CredenceError)) throw error;
      scenarios = scenarios.filter((s) => s !== scenario);
    }
  }
  return true;
}
