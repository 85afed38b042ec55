import { z } from 'zod';
import { CREDIT_EVENT_KINDS } from '../../shared/credit-events.ts';
import { parseDay } from '../../shared/calendar.ts';
import { ACCOUNT_KINDS, PRODUCTS } from '../../shared/ledger-vocabulary.ts';
import { profileId } from '../schemas.ts';

// The transactions page (core/ledger/transaction-list.ts): every imported row, a page at a time
// from a keyset cursor, the filter's count and totals, and what the filter controls offer.
// Node-free like every channel module (the preload bundles the contract).

const id = z.number().int().positive();
const day = z.string().refine((text) => parseDay(text) !== null, { message: 'expected a calendar date YYYY-MM-DD' });
const direction = z.enum(['income', 'expense', 'neutral']);
const creditEvent = z.enum(CREDIT_EVENT_KINDS);

export const transactionFilter = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  platform: z.string().regex(/^[a-z0-9_]{1,20}$/).optional(),
  accountId: id.optional(),
  direction: direction.optional(),
  batchId: id.optional(),
  category: z.string().min(1).max(100).optional(),
  creditEvent: z.union([creditEvent, z.enum(['any', 'none'])]).optional(),
  text: z.string().max(200).optional(),
});

const cursor = z.strictObject({ epoch: z.number().int(), id: z.number().int() });
const directionTotal = z.object({ count: z.number().int(), fen: z.number().int() });

const transactionRow = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  amountFen: z.number().int(),
  direction,
  platform: z.string(),
  status: z.string(),
  category: z.string().nullable(),
  counterparty: z.string().nullable(),
  item: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  orderId: z.string(),
  creditEvent: creditEvent.nullable(),
  needsReview: z.boolean(),
  accountId: z.number().int().nullable(),
  batchId: z.number().int(),
  file: z.string(),
  sourceLine: z.number().int(),
});

export const transactionSummary = z.object({
  count: z.number().int(),
  byDirection: z.object({ income: directionTotal, expense: directionTotal, neutral: directionTotal }),
});

export const transactionChannels = {
  // Up to `limit` rows; fewer (even none) when this request's stretch of the list ends first:
  // `next` says where to go on, null at the end of the list.
  'transactions.list': {
    request: z.strictObject({
      profileId,
      filter: transactionFilter,
      after: cursor.optional(),
      order: z.enum(['newest', 'oldest']).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    response: z.object({ rows: z.array(transactionRow), next: cursor.nullable() }),
  },
  // One stretch of the list at a time (SCAN_BUDGET): the page adds the parts up until next is null.
  'transactions.summary': {
    request: z.strictObject({ profileId, filter: transactionFilter, after: cursor.optional() }),
    response: transactionSummary.extend({ next: cursor.nullable() }),
  },
  'transactions.facets': {
    request: z.strictObject({ profileId }),
    response: z.object({
      total: z.number().int(),
      first: z.string().nullable(),
      last: z.string().nullable(),
      platforms: z.array(z.string()),
      files: z.array(z.object({ batchId: z.number().int(), name: z.string(), platform: z.string(), rows: z.number().int() })),
      categories: z.array(z.string()),
      accounts: z.array(
        z.object({ id: z.number().int(), name: z.string(), product: z.enum(PRODUCTS), kind: z.enum(ACCOUNT_KINDS), parentId: z.number().int().nullable() }),
      ),
    }),
  },
} as const;
