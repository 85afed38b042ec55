// The main-process side of the plan channels (core/ipc/channels/plan.ts): the marked scenario
// and the ledger read once at the edge (core/whatif/base.ts), the checklist a pure function of them.

import type { planChannels } from '../channels/plan.ts';
import type { DomainHandlers, HandlerContext } from '../handler-context.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { buildChecklist } from '../../plan/checklist.ts';
import { planLedgerOf } from '../../plan/plan-ledger.ts';
import { parseDay } from '../../shared/calendar.ts';
import { loadWhatIfBase } from '../../whatif/base.ts';
import { markedPlan } from '../../whatif/saved-scenarios.ts';

export function planHandlers(ctx: HandlerContext): DomainHandlers<typeof planChannels> {
  return {
    'plan.show': ({ profileId, asOf }) => {
      const db = ctx.store.database(profileId);
      const plan = markedPlan(db);
      if (!plan) return { plan: null };
      const asOfDay = asOfFrom(asOf);
      const ledger = planLedgerOf(loadWhatIfBase(db, asOfDay));
      const marked = { scenarioId: plan.id, name: plan.name, markedAt: plan.planMarkedAt!, startsOn: parseDay(plan.asOf)!, actions: plan.actions };
      return { plan: buildChecklist(marked, ledger, asOfDay) };
    },
  };
}
