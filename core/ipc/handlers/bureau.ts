// The main-process side of the bureau channels (core/ipc/channels/bureau.ts).

import type { bureauChannels } from '../channels/bureau.ts';
import type { DomainHandlers, HandlerContext } from '../handler-context.ts';
import { asOfFrom } from '../../ledger/accounts.ts';
import { bureauReport } from '../../bureau/report.ts';
import { saveHardQueryReasons, saveRuleSetting } from '../../settings/bureau-settings.ts';
import { saveMonthlyIncome } from '../../settings/profile-facts.ts';

export function bureauHandlers(ctx: HandlerContext): DomainHandlers<typeof bureauChannels> {
  const db = (profileId: string) => ctx.store.database(profileId);
  return {
    'bureau.report': ({ profileId, asOf }) => bureauReport(db(profileId), asOfFrom(asOf)),
    'bureau.rule.save': ({ profileId, ruleId, input, asOf }) => {
      const d = db(profileId);
      saveRuleSetting(d, ruleId, input);
      return bureauReport(d, asOfFrom(asOf));
    },
    'bureau.hardReasons.save': ({ profileId, codes, asOf }) => {
      const d = db(profileId);
      saveHardQueryReasons(d, codes);
      return bureauReport(d, asOfFrom(asOf));
    },
    'bureau.income.save': ({ profileId, monthlyIncomeFen, asOf }) => {
      const d = db(profileId);
      saveMonthlyIncome(d, monthlyIncomeFen);
      return bureauReport(d, asOfFrom(asOf));
    },
  };
}
