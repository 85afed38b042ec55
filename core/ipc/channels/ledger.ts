import { z } from 'zod';
import { accountDetailSchema, accountListSchema, unassignedSchema } from '../../ledger/account-schema.ts';
import { observationRecordSchema } from '../../ledger/observations.ts';
import { queryRecordSchema } from '../../ledger/queries.ts';
import { day } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// The credit ledger (core/ledger): accounts with their monthly history, manual facts, query
// records and observed scores (their shapes: core/ledger/account-schema.ts, queries.ts,
// observations.ts). Write requests carry the user's input as a plain record: the ledger
// validates it itself, so that each bad field comes back with its own sentence in both
// languages (error `ledger.invalid_input`, details.fields).

const id = z.number().int().positive();
const input = z.record(z.string(), z.unknown());
const deleted = z.strictObject({ deleted: z.literal(true) });

export const ledgerChannels = {
  'ledger.accounts.list': {
    request: z.strictObject({ profileId, asOf: day.optional(), includeHidden: z.boolean().optional() }),
    response: z.strictObject({ accounts: accountListSchema, unassigned: unassignedSchema, defaultsVersion: z.string() }),
  },
  'ledger.account.get': {
    request: z.strictObject({ profileId, accountId: id, asOf: day.optional() }),
    response: accountDetailSchema,
  },
  'ledger.account.create': {
    request: z.strictObject({ profileId, input }),
    response: accountDetailSchema,
  },
  'ledger.account.update': {
    request: z.strictObject({ profileId, accountId: id, input, reset: z.array(z.string().max(40)).max(40).optional() }),
    response: accountDetailSchema,
  },
  'ledger.account.delete': {
    request: z.strictObject({ profileId, accountId: id }),
    response: z.strictObject({ deleted: z.enum(['removed', 'hidden']) }),
  },
  'ledger.month.set': {
    request: z.strictObject({ profileId, accountId: id, month: z.string().max(10), input: input.nullable() }),
    response: accountDetailSchema,
  },
  'ledger.installment.save': {
    request: z.strictObject({ profileId, accountId: id, installmentId: id.nullable(), input }),
    response: accountDetailSchema,
  },
  'ledger.installment.delete': {
    request: z.strictObject({ profileId, accountId: id, installmentId: id }),
    response: accountDetailSchema,
  },
  'ledger.transaction.assign': {
    request: z.strictObject({ profileId, transactionId: id, accountId: z.union([id, z.null(), z.literal('reset')]) }),
    response: z.strictObject({ accountId: z.number().int().nullable() }),
  },
  'ledger.queries.list': {
    request: z.strictObject({ profileId }),
    response: z.strictObject({ queries: z.array(queryRecordSchema) }),
  },
  'ledger.query.save': {
    request: z.strictObject({ profileId, queryId: id.nullable(), input }),
    response: z.strictObject({ query: queryRecordSchema }),
  },
  'ledger.query.delete': {
    request: z.strictObject({ profileId, queryId: id }),
    response: deleted,
  },
  'ledger.observations.list': {
    request: z.strictObject({ profileId }),
    response: z.strictObject({ observations: z.array(observationRecordSchema) }),
  },
  'ledger.observation.save': {
    request: z.strictObject({ profileId, observationId: id.nullable(), input }),
    response: z.strictObject({ observation: observationRecordSchema }),
  },
  'ledger.observation.delete': {
    request: z.strictObject({ profileId, observationId: id }),
    response: deleted,
  },
} as const;
