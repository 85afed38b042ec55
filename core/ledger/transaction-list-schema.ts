// The transactions page's shapes, declared once: the filter a request carries, a page of rows,
// the filter's totals and what the filter controls offer. Main checks every request and answer
// against these (core/ipc/channels/transactions.ts); transaction-list.ts, the CLI and the page
// read their types off them. Answers are strict, so a field the list adds without adding it here
// fails that check instead of vanishing. Dates are UTC+8 calendar days; amounts integer fen.

import { z } from 'zod';
import { parseDay } from '../shared/calendar.ts';
import { CREDIT_EVENT_KINDS } from '../shared/credit-events.ts';
import { ACCOUNT_KINDS, PRODUCTS } from '../shared/ledger-vocabulary.ts';
import { DIRECTIONS } from '../importers/types.ts';
import { day, fen, rowId } from '../wire/vocabulary.ts';

const count = z.number().int();
const direction = z.enum(DIRECTIONS);
const creditEvent = z.enum(CREDIT_EVENT_KINDS);
const calendarDay = day.refine((text) => parseDay(text) !== null, { message: 'expected a calendar date YYYY-MM-DD' });

/** Every field narrows; an absent field does not. `from` and `to` are both inclusive. */
export const transactionFilterSchema = z.strictObject({
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  platform: z.string().regex(/^[a-z0-9_]{1,20}$/).optional(),
  /** The account's credit events; a loan line's include its draws' (as its account view does). */
  accountId: rowId.optional(),
  direction: direction.optional(),
  /** One import: the file the rows came from. */
  batchId: rowId.optional(),
  category: z.string().min(1).max(100).optional(),
  creditEvent: z.union([creditEvent, z.enum(['any', 'none'])]).optional(),
  /** Words that must each appear in the counterparty or the item, case-insensitive for Latin letters. */
  text: z.string().max(200).optional(),
});
export type TransactionFilter = z.output<typeof transactionFilterSchema>;
export type CreditEventFilter = NonNullable<TransactionFilter['creditEvent']>;

/** Where the next page starts: the last row of this one. */
export const cursorSchema = z.strictObject({ epoch: z.number().int(), id: z.number().int() });
export type Cursor = z.output<typeof cursorSchema>;

export const ORDERS = ['newest', 'oldest'] as const;
export type Order = (typeof ORDERS)[number];

export const transactionRowSchema = z.strictObject({
  id: rowId,
  occurredAt: z.string(),
  amountFen: fen,
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
  accountId: rowId.nullable(),
  batchId: rowId,
  file: z.string(),
  sourceLine: count,
});
export type TransactionRow = z.output<typeof transactionRowSchema>;

export const transactionPageSchema = z.strictObject({ rows: z.array(transactionRowSchema), next: cursorSchema.nullable() });
export type TransactionPage = z.output<typeof transactionPageSchema>;

const directionTotal = z.strictObject({ count, fen });
/** One stretch's count and totals by direction; null `next`: the totals are complete. */
export const summaryPartSchema = z.strictObject({
  count,
  byDirection: z.strictObject({ income: directionTotal, expense: directionTotal, neutral: directionTotal }),
  next: cursorSchema.nullable(),
});
export type SummaryPart = z.output<typeof summaryPartSchema>;

export const transactionFacetsSchema = z.strictObject({
  total: count,
  first: z.string().nullable(),
  last: z.string().nullable(),
  platforms: z.array(z.string()),
  files: z.array(z.strictObject({ batchId: rowId, name: z.string(), platform: z.string(), rows: count })),
  categories: z.array(z.string()),
  accounts: z.array(
    z.strictObject({ id: rowId, name: z.string(), product: z.enum(PRODUCTS), kind: z.enum(ACCOUNT_KINDS), parentId: rowId.nullable() }),
  ),
});
export type TransactionFacets = z.output<typeof transactionFacetsSchema>;
