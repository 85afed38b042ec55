// The main-process side of the chart channels (core/ipc/channels/charts.ts), over the profile's
// read model kept in memory (core/score/ledger-cache.ts), the one the report and the scores read.

import { balanceChart, spendingChart, utilisationChart } from '../../ledger/charts/charts.ts';
import { readMonthlyCharges } from '../../ledger/charts/monthly-charges.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { LedgerCache } from '../../score/ledger-cache.ts';
import type { chartChannels } from '../channels/charts.ts';
import type { DomainHandlers, HandlerContext } from '../handler-context.ts';

export function chartHandlers(ctx: HandlerContext, readModels: LedgerCache = new LedgerCache()): DomainHandlers<typeof chartChannels> {
  const read = (profileId: string, asOf: unknown) => {
    const db = ctx.store.database(profileId);
    const asOfDay = asOfFrom(asOf);
    return { db, asOfDay, snapshot: readModels.readModel(db, asOfDay).snapshot };
  };
  return {
    'charts.utilisation': ({ profileId, accountId, months, asOf }) => utilisationChart(read(profileId, asOf).snapshot, { accountId, months }),
    'charts.balance': ({ profileId, accountId, months, asOf }) => balanceChart(read(profileId, asOf).snapshot, { accountId, months }),
    'charts.spending': ({ profileId, months, asOf }) => {
      const { db, asOfDay, snapshot } = read(profileId, asOf);
      return spendingChart(snapshot, readMonthlyCharges(db, asOfDay), { months });
    },
  };
}
