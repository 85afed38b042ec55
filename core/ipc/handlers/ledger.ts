// The main-process side of the ledger channels (core/ipc/channels/ledger.ts).

import type { ledgerChannels } from '../channels/ledger.ts';
import type { DomainHandlers, HandlerContext } from '../handler-context.ts';
import { accountDetail, listAccounts } from '../../ledger/accounts/views.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { assignTransaction } from '../../ledger/accounts/event-links.ts';
import { createAccount, deleteAccount, updateAccount } from '../../ledger/accounts/commands.ts';
import { deleteInstallment, saveInstallment } from '../../ledger/accounts/installments.ts';
import { setMonthFact } from '../../ledger/accounts/month-facts.ts';
import { unassignedTransactions } from '../../ledger/accounts/transactions.ts';
import { deleteObservation, listObservations, saveObservation } from '../../ledger/observations.ts';
import { DEFAULTS_VERSION } from '../../ledger/product-defaults.ts';
import { deleteQuery, listQueries, saveQuery } from '../../ledger/queries.ts';

export function ledgerHandlers(ctx: HandlerContext): DomainHandlers<typeof ledgerChannels> {
  const db = (profileId: string) => ctx.store.database(profileId);
  return {
    'ledger.accounts.list': ({ profileId, asOf, includeHidden }) => {
      const d = db(profileId);
      const accounts = listAccounts(d, { asOfDay: asOfFrom(asOf), includeDismissed: includeHidden });
      return { accounts, unassigned: unassignedTransactions(d), defaultsVersion: DEFAULTS_VERSION };
    },
    'ledger.account.get': ({ profileId, accountId, asOf }) => accountDetail(db(profileId), accountId, { asOfDay: asOfFrom(asOf) }),
    'ledger.account.create': ({ profileId, input }) => createAccount(db(profileId), input),
    'ledger.account.update': ({ profileId, accountId, input, reset }) => updateAccount(db(profileId), accountId, input, reset ?? []),
    'ledger.account.delete': ({ profileId, accountId }) => deleteAccount(db(profileId), accountId),
    'ledger.month.set': ({ profileId, accountId, month, input }) => setMonthFact(db(profileId), accountId, month, input),
    'ledger.installment.save': ({ profileId, accountId, installmentId, input }) => saveInstallment(db(profileId), accountId, installmentId, input),
    'ledger.installment.delete': ({ profileId, accountId, installmentId }) => deleteInstallment(db(profileId), accountId, installmentId),
    'ledger.transaction.assign': ({ profileId, transactionId, accountId }) => assignTransaction(db(profileId), transactionId, accountId),
    'ledger.queries.list': ({ profileId }) => ({ queries: listQueries(db(profileId)) }),
    'ledger.query.save': ({ profileId, queryId, input }) => ({ query: saveQuery(db(profileId), queryId, input) }),
    'ledger.query.delete': ({ profileId, queryId }) => {
      deleteQuery(db(profileId), queryId);
      return { deleted: true as const };
    },
    'ledger.observations.list': ({ profileId }) => ({ observations: listObservations(db(profileId)) }),
    'ledger.observation.save': ({ profileId, observationId, input }) => ({ observation: saveObservation(db(profileId), observationId, input) }),
    'ledger.observation.delete': ({ profileId, observationId }) => {
      deleteObservation(db(profileId), observationId);
      return { deleted: true as const };
    },
  };
}
