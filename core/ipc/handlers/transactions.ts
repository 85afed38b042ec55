// The main-process side of the transactions channels (core/ipc/channels/transactions.ts).

import { listTransactions, summariseTransactions, transactionFacets } from '../../ledger/transaction-list.ts';
import type { transactionChannels } from '../channels/transactions.ts';
import type { DomainHandlers, HandlerContext } from '../handler-context.ts';

export function transactionHandlers(ctx: HandlerContext): DomainHandlers<typeof transactionChannels> {
  const db = (profileId: string) => ctx.store.database(profileId);
  return {
    'transactions.list': ({ profileId, filter, after, order, limit }) => listTransactions(db(profileId), filter, { after, order, limit }),
    'transactions.summary': ({ profileId, filter, after }) => summariseTransactions(db(profileId), filter, { after }),
    'transactions.facets': ({ profileId }) => transactionFacets(db(profileId)),
  };
}
