import { z } from 'zod';
import { balanceChartSchema, spendingChartSchema, utilisationChartSchema } from '../../ledger/charts/chart-schema.ts';
import { day, rowId } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// The pictures (core/ledger/charts/charts.ts): each card's utilisation with its statement days,
// purchases per credit product and month, each account's balance, over the months ending with
// `asOf` (default today, UTC+8). The account view asks for one account; the Dashboard for all.

const months = z.number().int().min(1).max(120).optional();

export const chartChannels = {
  'charts.utilisation': {
    request: z.strictObject({ profileId, accountId: rowId.optional(), months, asOf: day.optional() }),
    response: utilisationChartSchema,
  },
  'charts.spending': {
    request: z.strictObject({ profileId, months, asOf: day.optional() }),
    response: spendingChartSchema,
  },
  'charts.balance': {
    request: z.strictObject({ profileId, accountId: rowId.optional(), months, asOf: day.optional() }),
    response: balanceChartSchema,
  },
} as const;
