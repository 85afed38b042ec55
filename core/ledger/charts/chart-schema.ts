// The pictures' data as the app and the CLI receive it (core/ledger/charts/charts.ts computes
// it; core/ipc/channels/charts.ts carries it), declared once. Amounts are integer fen, ratios
// basis points (6543 = 65.43%), months `YYYY-MM` and days `YYYY-MM-DD`, both UTC+8. A null is
// "the ledger cannot tell", never zero.

import { z } from 'zod';
import { PRODUCTS } from '../../shared/ledger-vocabulary.ts';
import { day, fen, localizedText, month, rowId } from '../../wire/vocabulary.ts';

const bp = z.number().int();

const utilisationPoint = z.strictObject({
  month,
  /**
   * The day `usedFen` is the balance of: the month's end as the history pass closes it (a card
   * billed by cycle closes its month at its statement date, core/rules/billing-cycle.ts; anything
   * else at the calendar month's last day), or the as-of day while that end is still ahead.
   */
  on: day,
  /** The day this month's statement was issued (the account's statement day), null without one or outside the account's history. */
  statementOn: day.nullable(),
  /** New balance on that statement (monthly-history.ts statementBalanceFen), null when the ledger cannot tell it. */
  statementFen: fen.nullable(),
  statementBp: bp.nullable(),
  /** Balance owed on `on` (creditUsedFen), the figure the report's card utilisation reads. */
  usedFen: fen.nullable(),
  usedBp: bp.nullable(),
});

export const utilisationChartSchema = z.strictObject({
  asOf: day,
  months: z.array(month),
  accounts: z.array(
    z.strictObject({
      accountId: rowId,
      name: z.string(),
      product: z.enum(PRODUCTS),
      /** The account's limit today: the ledger keeps no history of limits, so every month is read against it. */
      limitFen: fen.nullable(),
      points: z.array(utilisationPoint),
    }),
  ),
});
export type UtilisationChart = z.output<typeof utilisationChartSchema>;

export const spendingChartSchema = z.strictObject({
  asOf: day,
  months: z.array(month),
  /** One series per platform product (Huabei, 白条, 月付…) and one per card, biggest first. */
  series: z.array(
    z.strictObject({
      key: z.string(),
      product: z.enum(PRODUCTS),
      /** The card's account for a card's own series; null for a product's (all its accounts added). */
      accountId: rowId.nullable(),
      label: localizedText,
      /** Purchases charged in each month of `months`, in its order. */
      monthsFen: z.array(fen),
      totalFen: fen,
    }),
  ),
  /** All series added, month by month. */
  totalsFen: z.array(fen),
});
export type SpendingChart = z.output<typeof spendingChartSchema>;

export const balanceChartSchema = z.strictObject({
  asOf: day,
  months: z.array(month),
  accounts: z.array(
    z.strictObject({
      accountId: rowId,
      name: z.string(),
      product: z.enum(PRODUCTS),
      /** Balance owed at each month's close (creditUsedFen: a card billed by cycle closes at its statement date), in the order of `months`. */
      monthsFen: z.array(fen.nullable()),
    }),
  ),
});
export type BalanceChart = z.output<typeof balanceChartSchema>;
