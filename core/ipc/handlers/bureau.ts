// The main-process side of the bureau channels (core/ipc/channels/bureau.ts). Reports are built
// from the profile's read model kept in memory (core/score/ledger-cache.ts), shared with the
// score channels and read again only when the data version moved.

import { conventionsOf } from '../../bureau/conventions.ts';
import { buildReport } from '../../bureau/report.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { LedgerCache } from '../../score/ledger-cache.ts';
import { formatDay, today } from '../../shared/calendar.ts';
import { saveHardQueryReasons, saveRuleSetting } from '../../settings/bureau-settings.ts';
import { saveDebtToIncomeSetting, saveIssuerGrace } from '../../settings/conventions.ts';
import { saveMonthlyIncome } from '../../settings/profile-facts.ts';
import type { Db } from '../../storage/database.ts';
import type { bureauChannels } from '../channels/bureau.ts';
import { actorOf, type DomainHandlers, type HandlerContext } from '../handler-context.ts';

export function bureauHandlers(ctx: HandlerContext, readModels: LedgerCache = new LedgerCache()): DomainHandlers<typeof bureauChannels> {
  const db = (profileId: string) => ctx.store.database(profileId);
  const actor = actorOf(ctx);
  const report = (d: Db, asOf: unknown) => {
    const asOfDay = asOfFrom(asOf);
    return buildReport(readModels.readModel(d, asOfDay).snapshot, formatDay(asOfDay));
  };
  const conventions = (d: Db) => conventionsOf(readModels.readModel(d, today()).snapshot);
  return {
    'bureau.report': ({ profileId, asOf }) => report(db(profileId), asOf),
    'bureau.rule.save': ({ profileId, ruleId, input, asOf }) => {
      const d = db(profileId);
      saveRuleSetting(d, ruleId, input, actor);
      return report(d, asOf);
    },
    'bureau.hardReasons.save': ({ profileId, codes, asOf }) => {
      const d = db(profileId);
      saveHardQueryReasons(d, codes, actor);
      return report(d, asOf);
    },
    'bureau.income.save': ({ profileId, monthlyIncomeFen, asOf }) => {
      const d = db(profileId);
      saveMonthlyIncome(d, monthlyIncomeFen, actor);
      return report(d, asOf);
    },
    'bureau.conventions': ({ profileId }) => conventions(db(profileId)),
    'bureau.grace.save': ({ profileId, lender, input }) => {
      const d = db(profileId);
      saveIssuerGrace(d, lender, input, actor);
      return conventions(d);
    },
    'bureau.debtToIncome.save': ({ profileId, input }) => {
      const d = db(profileId);
      saveDebtToIncomeSetting(d, input, actor);
      return conventions(d);
    },
  };
}
