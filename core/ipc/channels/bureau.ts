import { z } from 'zod';
import { FIGURE_UNITS } from '../../bureau/types.ts';
import { BUREAU_LAYOUTS, BUREAU_TYPES, INSTITUTION_TYPES, PRODUCTS, REPAYMENT_METHODS, REPORTS_TO_BUREAU, STATUS_REASONS } from '../../shared/ledger-vocabulary.ts';
import { localizedText, profileId } from '../schemas.ts';
import { STATUS_CODES } from '../../shared/status-alphabet.ts';

// Node-free like every channel module: only the Node-free type modules of core/bureau and core/ledger.
// The simulated credit report (core/bureau): read it as of a date; edit a lender rule's
// threshold, the profile's hard-query reason codes or the monthly income, each answered with the
// fresh report. Inputs are validated by core/settings/bureau-settings.ts, which names each bad field in
// both languages (bureau.invalid_settings, bureau.invalid_hard_reasons).

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string();
const fen = z.number().int();
const statusCode = z.enum(STATUS_CODES);
const bureauType = z.enum(BUREAU_TYPES);
const reporting = z.enum(['yes', 'unknown']);
const ruleStatus = z.enum(['pass', 'warn', 'fail', 'unknown']);

const recordRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), accountId: z.number().int(), name: z.string(), type: bureauType, reporting, months: z.array(month) }),
  z.object({ kind: z.literal('query'), queryId: z.number().int(), queriedOn: z.string(), institution: z.string(), reasonCode: z.string() }),
]);

const figure = z.object({
  unit: z.enum(FIGURE_UNITS),
  value: z.number().nullable(),
  ifUnknownReported: z.number().nullable().optional(),
  range: z.tuple([z.number(), z.number()]).optional(),
  missing: z.number().int(),
  records: z.array(recordRef),
});

const gridMonth = z.object({
  month,
  status: statusCode,
  statusSource: z.enum(['derived', 'manual']),
  reason: z.enum(STATUS_REASONS),
  overdueFen: fen.nullable(),
  amountDueFen: fen.nullable(),
  amountPaidFen: fen,
  creditUsedFen: fen.nullable(),
});

const negativeItem = z.object({
  accountId: z.number().int(),
  accountName: z.string(),
  reporting,
  from: month,
  to: month,
  worst: statusCode,
  months: z.number().int(),
  highestOverdueFen: fen.nullable(),
  endedMonth: month.nullable(),
  endedEarliest: month.nullable(),
  fallsOffMonth: month.nullable(),
  fallsOffEarliest: month.nullable(),
  monthsLeft: z.number().int().nullable(),
});

const accountView = z.object({
  id: z.number().int(),
  name: z.string(),
  product: z.enum(PRODUCTS),
  reporting,
  sinceMonth: month.nullable(),
  type: bureauType,
  typeAssumed: z.boolean(),
  layout: z.enum(BUREAU_LAYOUTS),
  layoutAssumed: z.boolean(),
  lineId: z.number().int().nullable(),
  lender: z.string().nullable(),
  institutionType: z.enum(INSTITUTION_TYPES).nullable(),
  businessType: z.string(),
  businessName: localizedText,
  openedMonth: month.nullable(),
  closedMonth: month.nullable(),
  open: z.boolean(),
  state: z.string(),
  stateName: localizedText,
  amountFen: fen.nullable(),
  balanceFen: fen.nullable(),
  repaymentMethod: z.enum(REPAYMENT_METHODS).nullable(),
  instalments: z.number().int().nullable(),
  latest: gridMonth.nullable(),
  average6mFen: fen.nullable(),
  gridFrom: month.nullable(),
  gridTo: month.nullable(),
  grid: z.array(gridMonth),
  negative: z.array(negativeItem),
});

const threshold = z.object({ warn: z.number().nullable(), fail: z.number().nullable(), comparison: z.enum(['at_least', 'more_than']) });
const keyFigure = z.object({ key: z.string(), figure });

const layoutSide = z.object({
  layout: z.enum(BUREAU_LAYOUTS),
  accounts: z.array(accountView),
  figures: z.array(keyFigure),
  rules: z.array(z.object({ ruleId: z.string(), status: ruleStatus })),
});

const ruleEvaluation = z.object({
  ruleId: z.string(),
  metric: z.string(),
  label: localizedText,
  explanation: localizedText,
  alternatives: localizedText.nullable(),
  sources: z.array(z.string()),
  unit: z.enum(['months', 'fen', 'count', 'ratio']),
  windowMonths: z.number().int().nullable(),
  defaultWindowMonths: z.number().int().nullable(),
  windowChoices: z.array(z.number().int()),
  threshold,
  defaultThreshold: threshold,
  edited: z.boolean(),
  figure,
  status: ruleStatus,
  statusIfUnknownReported: ruleStatus.optional(),
  safeToApply: z.object({ warn: date.nullable(), fail: date.nullable() }).nullable(),
});

const countRow = { accounts: figure, firstMonth: figure };

export const bureauReportSchema = z.object({
  simulated: z.literal(true),
  asOf: date,
  reportMonth: month,
  gridFrom: month,
  versions: z.object({ bureau: z.string(), rules: z.string(), defaults: z.string() }),
  reporting: z.object({
    yes: z.number().int(),
    unknown: z.number().int(),
    no: z.number().int(),
    unknownAccounts: z.array(z.object({ id: z.number().int(), name: z.string() })),
  }),
  summary: z.object({
    overview: z.object({
      totalAccounts: figure,
      byType: z.array(z.object({ type: bureauType, ...countRow })),
      byBusiness: z.array(z.object({ category: z.string(), name: localizedText, ...countRow })),
    }),
    defaults: z.object({
      badDebt: z.object({ accounts: figure, balanceFen: figure }),
      overdue: z.array(z.object({ type: bureauType, accounts: figure, months: figure, highestMonthlyFen: figure, longestMonths: figure })),
    }),
    debt: z.array(
      z.object({
        type: bureauType,
        institutions: figure,
        accounts: figure,
        totalFen: figure,
        balanceFen: figure,
        average6mFen: figure,
        highestLineFen: figure.nullable(),
        lowestLineFen: figure.nullable(),
      }),
    ),
    queries: z.object({
      last: z.object({ queryId: z.number().int(), queriedOn: z.string(), institution: z.string(), institutionType: z.string().nullable(), reasonCode: z.string() }).nullable(),
      institutions1m: z.object({ loan: figure, card: figure }),
      queries1m: z.object({ loan: figure, card: figure, self: figure }),
      queries2y: z.object({ postLoan: figure, guarantee: figure, merchant: figure }),
    }),
  }),
  accounts: z.array(accountView),
  negativeItems: z.array(negativeItem),
  queries: z.array(
    z.object({ id: z.number().int(), queriedOn: z.string(), institution: z.string(), institutionType: z.string().nullable(), reasonCode: z.string(), reasonName: localizedText, hard: z.boolean() }),
  ),
  layouts: z.array(
    z.object({ lineId: z.number().int(), lineName: z.string(), product: z.enum(PRODUCTS), chosen: z.enum(BUREAU_LAYOUTS), draws: z.number().int(), perDraw: layoutSide, merged: layoutSide }),
  ),
  lenderView: z.array(ruleEvaluation),
  huabei: z.array(
    z.object({
      accountId: z.number().int(),
      name: z.string(),
      reporting: z.enum(REPORTS_TO_BUREAU),
      sinceMonth: month.nullable(),
      hypothetical: z.boolean(),
      fromMonth: month,
      monthsOnReport: z.number().int(),
      monthsBefore: z.number().int(),
      changes: z.array(z.object({ key: z.string(), unit: z.enum(FIGURE_UNITS), before: figure, after: figure })),
      rules: z.array(z.object({ ruleId: z.string(), label: localizedText, before: ruleStatus, after: ruleStatus })),
    }),
  ),
  monthlyIncomeFen: fen.nullable(),
  hardQueryReasons: z.object({ codes: z.array(z.string()), defaults: z.array(z.string()), edited: z.boolean(), source: z.string() }),
});

export const bureauChannels = {
  'bureau.report': {
    request: z.strictObject({ profileId, asOf: date.optional() }),
    response: bureauReportSchema,
  },
  'bureau.rule.save': {
    // input: { warn, fail, windowMonths? } or null to return to the table's default.
    request: z.strictObject({ profileId, ruleId: z.string().min(1).max(40), input: z.record(z.string(), z.unknown()).nullable(), asOf: date.optional() }),
    response: bureauReportSchema,
  },
  'bureau.hardReasons.save': {
    // codes: the query-reason codes that count as hard (checked against the reason table by core), or null for the default.
    request: z.strictObject({ profileId, codes: z.array(z.string().max(8)).max(100).nullable(), asOf: date.optional() }),
    response: bureauReportSchema,
  },
  'bureau.income.save': {
    request: z.strictObject({ profileId, monthlyIncomeFen: z.number().int().min(0).max(100_000_000_00).nullable(), asOf: date.optional() }),
    response: bureauReportSchema,
  },
} as const;
