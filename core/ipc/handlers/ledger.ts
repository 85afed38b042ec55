// The main-process side of the ledger channels (core/ipc/channels/ledger.ts).

import type { ledgerChannels } from '../channels/ledger.ts';
import { actorOf, type DomainHandlers, type HandlerContext } from '../handler-context.ts';
import { accountDetail, listAccounts } from '../../ledger/accounts/views.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { assignTransaction } from '../../ledger/accounts/event-links.ts';
import { createAccount, deleteAccount, updateAccount } from '../../ledger/accounts/commands.ts';
import { deleteInstallment, saveInstallment } from '../../ledger/accounts/installments.ts';
import { setMonthFact } from '../../ledger/accounts/month-facts.ts';
import { unassignedTransactions } from '../../ledger/accounts/transactions.ts';
import { observationRecords } from '../../ledger/observations.ts';
import { DEFAULTS_VERSION } from '../../ledger/product-defaults.ts';
import { queryRecords } from '../../ledger/queries.ts';

export function ledgerHandlers(ctx: HandlerContext): DomainHandlers<typeof ledgerChannels> {
  const db = (profileId: string) => ctx.store.database(profileId);
  const by = { actor: actorOf(ctx) };
  return {
    'ledger.accounts.list': ({ profileId, asOf, includeHidden }) => {
      const d = db(profileId);
      const accounts = listAccounts(d, { asOfDay: asOfFrom(asOf), includeDismissed: includeHidden });
      return { accounts, unassigned: unassignedTransactions(d), defaultsVersion: DEFAULTS_VERSION };
    },
    'ledger.account.get': ({ profileId, accountId, asOf }) => accountDetail(db(profileId), accountId, { asOfDay: asOfFrom(asOf) }),
    'ledger.account.create': ({ profileId, input }) => createAccount(db(profileId), input, by),
    'ledger.account.update': ({ profileId, accountId, input, reset }) => updateAccount(db(profileId), accountId, input, reset ?? [], by),
    'ledger.account.delete': ({ profileId, accountId }) => deleteAccount(db(profileId), accountId, by),
    'ledger.month.set': ({ profileId, accountId, month, input }) => setMonthFact(db(profileId), accountId, month, input, by),
    'ledger.installment.save': ({ profileId, accountId, installmentId, input }) => saveInstallment(db(profileId), accountId, installmentId, input, by),
    'ledger.installment.delete': ({ profileId, accountId, installmentId }) => deleteInstallment(db(profileId), accountId, installmentId, by),
    'ledger.transaction.assign': ({ profileId, transactionId, accountId }) => assignTransaction(db(profileId), transactionId, accountId, by),
    // The two kinds of manual record (core/ledger/manual-records.ts), one shape each.
    'ledger.queries.list': ({ profileId }) => ({ queries: queryRecords.list(db(profileId)) }),
    'ledger.query.save': ({ profileId, queryId, input }) => ({ query: queryRecords.save(db(profileId), queryId, input, by) }),
    'ledger.query.delete': ({ profileId, queryId }) => {
      queryRecords.remove(db(profileId), queryId, by);
      return { deleted: true as const };
    },
    'ledger.observations.list': ({ profileId }) => ({ observations: observationRecords.list(db(profileId)) }),
    'ledger.observation.save': ({ profileId, observationId, input }) => ({ observation: observationRecords.save(db(profileId), observationId, input, by) }),
    'ledger.observation.delete': ({ profileId, observationId }) => {
      observationRecords.remove(db(profileId), observationId, by);
      return { deleted: true as const };
    },
  };
}
