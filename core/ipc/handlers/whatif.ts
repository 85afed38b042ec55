// The main-process side of the what-if channels (core/ipc/channels/whatif.ts). The base a
// scenario starts from (the snapshot and the ledger's history inputs) is kept per profile and
// day, and read again only when the data version moved, so an edit on the page recomputes the
// scenarios alone (core/whatif/compare.ts keeps the baseline with its base); read again, the
// parts of the data an edit left alone are the kept ones, and so is what was computed with them.

import type { whatifChannels } from '../channels/whatif.ts';
import { actorOf, type DomainHandlers, type HandlerContext } from '../handler-context.ts';
import { ensureLedger } from '../../ledger/freshness.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { readDataVersion } from '../../storage/data-version.ts';
import type { Db } from '../../storage/database.ts';
import { loadWhatIfBase, type WhatIfBase } from '../../whatif/base.ts';
import { compare } from '../../whatif/compare.ts';
import { deleteScenario, duplicateScenario, listScenarios, markPlan, renameScenario, saveScenario } from '../../whatif/saved-scenarios.ts';
import { parseScenario } from '../../whatif/validate.ts';
import { planTarget } from '../../whatif/target-planner.ts';
import { prepareWhatIf } from '../../whatif/warm-up.ts';

export function whatifHandlers(ctx: HandlerContext): DomainHandlers<typeof whatifChannels> {
  const db = (profileId: string) => ctx.store.database(profileId);
  const bases = new Map<string, { base: WhatIfBase; version: number }>();
  const baseOf = (profileId: string, database: Db, asOfDay: number): WhatIfBase => {
    const kept = bases.get(profileId);
    if (kept && kept.base.asOfDay === asOfDay && kept.version === readDataVersion(database).version) return kept.base;
    // The derived ledger first (bringing it up to date writes), then the version, read before the
    // base: a change that lands during the read makes the next request read again.
    ensureLedger(database, asOfDay);
    const version = readDataVersion(database).version;
    // The data moved: read again, keeping what reads back the same (and the baselines built on it).
    const base = loadWhatIfBase(database, asOfDay, kept?.base);
    bases.set(profileId, { base, version });
    return base;
  };
  // Answers asked so far: a preparation stops once one is asked after it started (the user's own
  // requests then do the work, and nothing of theirs waits behind it).
  let asked = 0;
  // Once a preparation has run the made-up scenarios, this process's engine has compiled their
  // paths: a preparation after the data moved makes the new base's baseline alone.
  let warmedUp = false;
  return {
    'whatif.compare': ({ profileId, asOf, months, scenarios }) => {
      asked++;
      const parsed = scenarios.map((scenario) => parseScenario(scenario));
      const database = db(profileId);
      return compare(baseOf(profileId, database, asOfFrom(asOf)), parsed, months);
    },
    'whatif.prepare': async ({ profileId, asOf }) => {
      const base = baseOf(profileId, db(profileId), asOfFrom(asOf));
      const from = asked;
      // One step at a time, each after the requests already waiting: the process goes on answering.
      const pause = () => new Promise<boolean>((resolve) => setImmediate(() => resolve(asked === from && bases.get(profileId)?.base === base)));
      const prepared = await prepareWhatIf(base, pause, !warmedUp);
      warmedUp ||= prepared;
      return { prepared };
    },
    'whatif.target': ({ profileId, asOf, goal, by }) => {
      asked++;
      const database = db(profileId);
      return planTarget(baseOf(profileId, database, asOfFrom(asOf)), goal, by);
    },
    'whatif.scenarios.list': ({ profileId }) => ({ scenarios: listScenarios(db(profileId)) }),
    'whatif.scenario.save': ({ profileId, id, scenario }) => saveScenario(db(profileId), id, scenario, actorOf(ctx)),
    'whatif.scenario.rename': ({ profileId, id, name }) => renameScenario(db(profileId), id, name, actorOf(ctx)),
    'whatif.scenario.duplicate': ({ profileId, id }) => duplicateScenario(db(profileId), id, actorOf(ctx)),
    'whatif.scenario.delete': ({ profileId, id }) => {
      deleteScenario(db(profileId), id, actorOf(ctx));
      return { deleted: id };
    },
    'whatif.plan.mark': ({ profileId, id, asOf }) => markPlan(db(profileId), id, asOfFrom(asOf), actorOf(ctx)),
  };
}
