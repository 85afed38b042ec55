// The main-process side of the plan channels (core/ipc/channels/plan.ts): the marked scenario
// and the ledger read once at the edge (core/whatif/base.ts), the checklist a pure function of
// them; the printed plan printed by the shell and written under a consent (core/consent/plan-export.ts).

import type { planChannels } from '../channels/plan.ts';
import type { DomainHandlers, HandlerContext } from '../handler-context.ts';
import { assertPlanExportable, exportPlanPdf } from '../../consent/plan-export.ts';
import { CredenceError } from '../../shared/errors.ts';
import { formatDay, parseDay, today } from '../../shared/calendar.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { buildChecklist } from '../../plan/checklist.ts';
import { planLedgerOf } from '../../plan/plan-ledger.ts';
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
    'plan.pdf.export': async ({ profileId, consentId, lang, presentation }) => {
      const db = ctx.store.database(profileId);
      const plan = markedPlan(db);
      if (!plan) throw new CredenceError('plan.none', {});
      if (!ctx.printPlanPdf) return { mode: 'browser' as const, path: null, exportId: null };
      if (consentId === null) throw new CredenceError('plan.consent_required', {});
      // Refused before anything is printed; checked again when the export is recorded.
      assertPlanExportable(db, consentId);
      const pdf = await ctx.printPlanPdf({ profileId, lang, presentation });
      const destination = await ctx.chooseExportPath?.(`credence-plan-${formatDay(today())}.pdf`);
      if (!destination) return { mode: 'cancelled' as const, path: null, exportId: null };
      const { exportId } = exportPlanPdf(db, { consentId, pdf, lang, presentation, steps: plan.actions.length, via: ctx.transport === 'cli' ? 'cli' : 'dashboard' }, destination);
      return { mode: 'saved' as const, path: destination.path, exportId };
    },
  };
}
