import { z } from 'zod';
import {
  cursorSchema,
  ORDERS,
  summaryPartSchema,
  transactionFacetsSchema,
  transactionFilterSchema,
  transactionPageSchema,
} from '../../ledger/transaction-list-schema.ts';
import { profileId } from '../schemas.ts';

// The transactions page (core/ledger/transaction-list.ts): every imported row, a page at a time
// from a keyset cursor, the filter's count and totals, and what the filter controls offer.
// Their shapes: core/ledger/transaction-list-schema.ts.

export const transactionChannels = {
  // Up to `limit` rows; fewer (even none) when this request's stretch of the list ends first:
  // `next` says where to go on, null at the end of the list.
  'transactions.list': {
    request: z.strictObject({
      profileId,
      filter: transactionFilterSchema,
      after: cursorSchema.optional(),
      order: z.enum(ORDERS).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    response: transactionPageSchema,
  },
  // One stretch of the list at a time (SCAN_BUDGET): the page adds the parts up until next is null.
  'transactions.summary': {
    request: z.strictObject({ profileId, filter: transactionFilterSchema, after: cursorSchema.optional() }),
    response: summaryPartSchema,
  },
  'transactions.facets': {
    request: z.strictObject({ profileId }),
    response: transactionFacetsSchema,
  },
} as const;
