import { z } from 'zod';
import { CREDIT_EVENT_KINDS } from '../../shared/credit-events.ts';
import { ACCOUNT_KINDS, OBSERVATION_KINDS, PRODUCTS, STATUS_REASONS } from '../../shared/ledger-vocabulary.ts';
import { localizedText, profileId } from '../schemas.ts';
import { STATUS_CODES } from '../../shared/status-alphabet.ts';

// Node-free like every channel module (the preload bundles the contract): only core/shared/ledger-vocabulary.ts.
// The credit ledger (core/ledger): accounts with their monthly history, manual facts, query
// records and observed scores. Write requests carry the user's input as a plain record: the
// ledger validates it itself, so that each bad field comes back with its own sentence in both
// languages (error `ledger.invalid_input`, details.fields).

const id = z.number().int().positive();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const input = z.record(z.string(), z.unknown());
const statusCode = z.enum(STATUS_CODES);

const fieldView = z.object({
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  provenance: z.enum(['manual', 'derived', 'default', 'none']),
  source: z.string().optional(),
  grade: z.enum(['A', 'B', 'C']).optional(),
  note: localizedText.optional(),
  version: z.string().optional(),
});

const accountSummary = z.object({
  id: z.number().int(),
  source: z.enum(['manual', 'derived']),
  matchKey: z.string().nullable(),
  name: z.string(),
  product: z.enum(PRODUCTS),
  kind: z.enum(ACCOUNT_KINDS),
  parentId: z.number().int().nullable(),
  fields: z.record(z.string(), fieldView),
  balanceFen: z.number().int().nullable(),
  limitFen: z.number().int().nullable(),
  utilisationBp: z.number().int().nullable(),
  nextDueOn: z.string().nullable(),
  nextDueFen: z.number().int().nullable(),
  settledOn: z.string().nullable(),
  worst24: statusCode.nullable(),
  latestMonth: z.string().nullable(),
  latestStatus: statusCode.nullable(),
  unknownMonths24: z.number().int(),
  unconfirmed: z.number().int(),
  transactions: z.number().int(),
});

const monthRow = z.object({
  month: z.string(),
  status: statusCode,
  statusSource: z.enum(['derived', 'manual']),
  reason: z.enum(STATUS_REASONS),
  statementBalanceFen: z.number().int().nullable(),
  amountDueFen: z.number().int().nullable(),
  minimumDueFen: z.number().int().nullable(),
  amountPaidFen: z.number().int(),
  creditUsedFen: z.number().int().nullable(),
  daysPastDue: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  unconfirmed: z.number().int(),
});

const ledgerTransaction = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  amountFen: z.number().int(),
  direction: z.enum(['income', 'expense', 'neutral']),
  platform: z.string(),
  counterparty: z.string().nullable(),
  item: z.string().nullable(),
  kind: z.enum(CREDIT_EVENT_KINDS).nullable(),
  needsReview: z.boolean(),
  role: z.enum(['charge', 'payment', 'credit', 'disbursement']),
  linkSource: z.enum(['derived', 'manual']),
  basis: z.string(),
  accountId: z.number().int().nullable(),
});

const accountDetail = z.object({
  account: accountSummary,
  months: z.array(monthRow),
  monthFacts: z.array(
    z.object({
      month: z.string(),
      balanceFen: z.number().int().nullable(),
      amountDueFen: z.number().int().nullable(),
      minimumDueFen: z.number().int().nullable(),
      amountPaidFen: z.number().int().nullable(),
      status: statusCode.nullable(),
      note: z.string().nullable(),
    }),
  ),
  installments: z.array(
    z.object({ id: z.number().int(), label: z.string().nullable(), principalFen: z.number().int(), feeFen: z.number().int(), periods: z.number().int(), firstMonth: z.string() }),
  ),
  transactions: z.array(ledgerTransaction),
  children: z.array(accountSummary),
  parent: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});

const queryRecord = z.object({
  id: z.number().int(),
  queriedOn: z.string(),
  institution: z.string(),
  institutionType: z.string().nullable(),
  reasonCode: z.string(),
  hard: z.boolean(),
  note: z.string().nullable(),
});

const observation = z.object({
  id: z.number().int(),
  kind: z.enum(OBSERVATION_KINDS),
  label: z.string().nullable(),
  value: z.number().int(),
  observedOn: z.string(),
  note: z.string().nullable(),
});

export const ledgerChannels = {
  'ledger.accounts.list': {
    request: z.strictObject({ profileId, asOf: date.optional(), includeHidden: z.boolean().optional() }),
    response: z.object({
      accounts: z.array(accountSummary),
      unassigned: z.object({ items: z.array(ledgerTransaction), total: z.number().int() }),
      defaultsVersion: z.string(),
    }),
  },
  'ledger.account.get': {
    request: z.strictObject({ profileId, accountId: id, asOf: date.optional() }),
    response: accountDetail,
  },
  'ledger.account.create': {
    request: z.strictObject({ profileId, input }),
    response: accountDetail,
  },
  'ledger.account.update': {
    request: z.strictObject({ profileId, accountId: id, input, reset: z.array(z.string().max(40)).max(40).optional() }),
    response: accountDetail,
  },
  'ledger.account.delete': {
    request: z.strictObject({ profileId, accountId: id }),
    response: z.object({ deleted: z.enum(['removed', 'hidden']) }),
  },
  'ledger.month.set': {
    request: z.strictObject({ profileId, accountId: id, month: z.string().max(10), input: input.nullable() }),
    response: accountDetail,
  },
  'ledger.installment.save': {
    request: z.strictObject({ profileId, accountId: id, installmentId: id.nullable(), input }),
    response: accountDetail,
  },
  'ledger.installment.delete': {
    request: z.strictObject({ profileId, accountId: id, installmentId: id }),
    response: accountDetail,
  },
  'ledger.transaction.assign': {
    request: z.strictObject({ profileId, transactionId: id, accountId: z.union([id, z.null(), z.literal('reset')]) }),
    response: z.object({ accountId: z.number().int().nullable() }),
  },
  'ledger.queries.list': {
    request: z.strictObject({ profileId }),
    response: z.object({ queries: z.array(queryRecord) }),
  },
  'ledger.query.save': {
    request: z.strictObject({ profileId, queryId: id.nullable(), input }),
    response: z.object({ query: queryRecord }),
  },
  'ledger.query.delete': {
    request: z.strictObject({ profileId, queryId: id }),
    response: z.object({ deleted: z.literal(true) }),
  },
  'ledger.observations.list': {
    request: z.strictObject({ profileId }),
    response: z.object({ observations: z.array(observation) }),
  },
  'ledger.observation.save': {
    request: z.strictObject({ profileId, observationId: id.nullable(), input }),
    response: z.object({ observation }),
  },
  'ledger.observation.delete': {
    request: z.strictObject({ profileId, observationId: id }),
    response: z.object({ deleted: z.literal(true) }),
  },
} as const;
