import { z } from 'zod';
import {
  MAX_MONTHS,
  MAX_SCENARIOS,
  comparisonSchema,
  goalSchema,
  planMarkSchema,
  savedScenarioSchema,
  scenarioInputSchema,
  targetResultSchema,
} from '../../whatif/schema.ts';
import { day } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// What-if (core/whatif): the baseline and up to three scenarios side by side, month by month, in
// one answer (core/whatif/schema.ts Comparison), and the scenarios kept per profile apart from
// the real data. A scenario's actions travel as the user wrote them: core checks them one by one
// and names the action and field of each problem (whatif.invalid_scenario).

const scenarioId = z.number().int().min(1);

export const whatifChannels = {
  'whatif.compare': {
    request: z.strictObject({
      profileId,
      asOf: day.optional(),
      months: z.number().int().min(1).max(MAX_MONTHS).optional(),
      scenarios: z.array(scenarioInputSchema).max(MAX_SCENARIOS),
    }),
    response: comparisonSchema,
  },
  'whatif.prepare': {
    // Asked by the app when a profile opens, before the What-if page is, and again after its
    // later calls (an import, an edit may have moved the data): the baseline of the default
    // timeline made in steps between the other requests, and the scenario paths run once on
    // made-up scenarios (core/whatif/warm-up.ts), so the page's first answer and first edits find
    // them. Answers once done (at once for a base prepared already), or once no longer wanted
    // (the data moved, a what-if was asked).
    request: z.strictObject({ profileId, asOf: day.optional() }),
    response: z.strictObject({ prepared: z.boolean() }),
  },
  'whatif.target': {
    // The target planner (core/whatif/target-planner.ts): the smallest set of actions that meets
    // the goal on the date `by`, or why it cannot.
    request: z.strictObject({ profileId, asOf: day.optional(), goal: goalSchema, by: day }),
    response: targetResultSchema,
  },
  'whatif.scenarios.list': {
    request: z.strictObject({ profileId }),
    response: z.strictObject({ scenarios: z.array(savedScenarioSchema) }),
  },
  'whatif.scenario.save': {
    // id null adds a scenario; an id replaces that one's name and actions.
    request: z.strictObject({ profileId, id: scenarioId.nullable(), scenario: scenarioInputSchema }),
    response: savedScenarioSchema,
  },
  'whatif.scenario.rename': {
    request: z.strictObject({ profileId, id: scenarioId, name: z.string() }),
    response: savedScenarioSchema,
  },
  'whatif.scenario.duplicate': {
    request: z.strictObject({ profileId, id: scenarioId }),
    response: savedScenarioSchema,
  },
  'whatif.scenario.delete': {
    request: z.strictObject({ profileId, id: scenarioId }),
    response: z.strictObject({ deleted: scenarioId }),
  },
  'whatif.plan.mark': {
    // "Apply to the plan": this scenario becomes the client's plan (the mark moves from any other).
    request: z.strictObject({ profileId, id: scenarioId, asOf: day.optional() }),
    response: planMarkSchema,
  },
} as const;
