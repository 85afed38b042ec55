// The ledger's accounts as the app and CLI see them, declared once: main checks every account
// list and detail against these zod schemas before they leave (core/ipc/channels/ledger.ts), and
// the ledger, the bureau view, the CLI and the renderer read their types off them. Objects are
// strict, so a field the ledger adds without adding it here fails that check instead of vanishing.
// Amounts are integer fen; dates `YYYY-MM-DD` and months `YYYY-MM`, both UTC+8.

import { z } from 'zod';
import { CREDIT_EVENT_KINDS } from '../shared/credit-events.ts';
import { ACCOUNT_KINDS, EVENT_ROLES, PRODUCTS, PROVENANCES, STATUS_REASONS } from '../shared/ledger-vocabulary.ts';
import { STATUS_CODES } from '../shared/status-alphabet.ts';
import { DIRECTIONS } from '../importers/types.ts';
import { fen, localizedText, month, rowId } from '../wire/vocabulary.ts';
import { GRADES } from './product-defaults.ts';
import { ACCOUNT_FIELDS, type AccountField } from './validation.ts';

const count = z.number().int();
const statusCode = z.enum(STATUS_CODES);
const source = z.enum(['manual', 'derived']);

/** Where an account's value comes from (account-values.ts); for defaults the table row's source, grade, note and version. */
export const fieldOriginSchema = z.strictObject({
  provenance: z.enum(PROVENANCES),
  source: z.string().optional(),
  grade: z.enum(GRADES).optional(),
  note: localizedText.optional(),
  version: z.string().optional(),
});
export type FieldOrigin = z.output<typeof fieldOriginSchema>;

const fieldView = fieldOriginSchema.extend({ value: z.union([z.string(), z.number(), z.boolean(), z.null()]) });
export type AccountFieldView = z.output<typeof fieldView>;

const accountSummary = z.strictObject({
  id: rowId,
  source,
  matchKey: z.string().nullable(),
  name: z.string(),
  product: z.enum(PRODUCTS),
  kind: z.enum(ACCOUNT_KINDS),
  parentId: rowId.nullable(),
  /** Every account field with its value and where the value comes from. */
  fields: z.strictObject(Object.fromEntries(ACCOUNT_FIELDS.map((field) => [field, fieldView])) as Record<AccountField, typeof fieldView>),
  balanceFen: fen.nullable(),
  limitFen: fen.nullable(),
  /** Balance ÷ limit in basis points (6543 = 65.43%). */
  utilisationBp: count.nullable(),
  nextDueOn: z.string().nullable(),
  nextDueFen: fen.nullable(),
  settledOn: z.string().nullable(),
  /** Worst status of the last 24 months (docs/domain/pboc-report.md#repayment-status-codes severity), null without history. */
  worst24: statusCode.nullable(),
  latestMonth: month.nullable(),
  latestStatus: statusCode.nullable(),
  /** Months of the last 24 whose status is `#` because the data cannot tell (a month not yet due is pending, not counted). */
  unknownMonths24: count,
  /** Events resting on import rules the user has not confirmed. */
  unconfirmed: count,
  transactions: count,
});
export type AccountSummary = z.output<typeof accountSummary>;

/** One month of an account's derived history (monthly-history.ts). */
const monthRow = z.strictObject({
  month,
  status: statusCode,
  statusSource: source,
  reason: z.enum(STATUS_REASONS),
  /** New balance on the statement issued this month (revolving), or null. */
  statementBalanceFen: fen.nullable(),
  /** 本月应还款: what falls due this month (full statement balance, or the instalment). */
  amountDueFen: fen.nullable(),
  minimumDueFen: fen.nullable(),
  /** 本月实还款: repayments seen this calendar month (or the amount the user entered). */
  amountPaidFen: fen,
  /** Balance owed at month end (已用额度 / 余额), null when the data cannot tell. */
  creditUsedFen: fen.nullable(),
  daysPastDue: count.nullable(),
  /**
   * 逾期（透支）总额 at month end: the unpaid minimum payments (cards) or instalments past due,
   * never a card's whole bill (core/rules/minimum-payment.ts); 0 when nothing is overdue, null
   * when unknown or when only a range is known.
   */
  overdueFen: fen.nullable(),
  /** A card whose minimum payment is unknown: the unpaid minimum between the common rates, low to high. */
  overdueRangeFen: z.tuple([fen, fen]).nullable(),
  dueOn: z.string().nullable(),
  /** Events in this month that rest on import rules the user has not confirmed yet. */
  unconfirmed: count,
});
export type MonthRow = z.output<typeof monthRow>;

const ledgerTransaction = z.strictObject({
  id: rowId,
  occurredAt: z.string(),
  amountFen: fen,
  direction: z.enum(DIRECTIONS),
  platform: z.string(),
  counterparty: z.string().nullable(),
  item: z.string().nullable(),
  kind: z.enum(CREDIT_EVENT_KINDS).nullable(),
  needsReview: z.boolean(),
  role: z.enum(EVENT_ROLES),
  linkSource: source,
  basis: z.string(),
  accountId: rowId.nullable(),
});
export type LedgerTransaction = z.output<typeof ledgerTransaction>;

/** Credit events no account could take: the user assigns them. */
export const unassignedSchema = z.strictObject({ items: z.array(ledgerTransaction), total: count });

/** A month's facts as the user entered them (credit_month_facts). */
const monthFactView = z.strictObject({
  month,
  balanceFen: fen.nullable(),
  amountDueFen: fen.nullable(),
  minimumDueFen: fen.nullable(),
  amountPaidFen: fen.nullable(),
  status: statusCode.nullable(),
  note: z.string().nullable(),
});
export type MonthFactView = z.output<typeof monthFactView>;

const installmentView = z.strictObject({
  id: rowId,
  label: z.string().nullable(),
  principalFen: fen,
  feeFen: fen,
  periods: count,
  firstMonth: month,
});
export type InstallmentView = z.output<typeof installmentView>;

export const accountListSchema = z.array(accountSummary);

export const accountDetailSchema = z.strictObject({
  account: accountSummary,
  months: z.array(monthRow),
  monthFacts: z.array(monthFactView),
  installments: z.array(installmentView),
  transactions: z.array(ledgerTransaction),
  children: z.array(accountSummary),
  parent: z.strictObject({ id: rowId, name: z.string() }).nullable(),
});
export type AccountDetail = z.output<typeof accountDetailSchema>;
