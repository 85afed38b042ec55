// The simulated second-generation PBOC report (docs/domain/pboc-report.md), declared once: these
// zod schemas are what main checks every report against before it leaves (core/ipc/channels/
// bureau.ts), and the types below are read off them for the code that builds the report, the CLI
// and the renderer. Objects are strict, so a field the builder adds without adding it here fails
// that check instead of vanishing. Amounts are integer fen, months `YYYY-MM`, dates `YYYY-MM-DD`
// (UTC+8), like the ledger.

import { z } from 'zod';
import { hardQuerySetSchema } from '../rules/hard-queries.ts';
import { GRACE_ORIGINS } from '../rules/repayment-grace.ts';
import { CLEARING_BASES } from '../rules/safe-to-apply.ts';
import { conventionsSchema } from './conventions-schema.ts';
import { BUREAU_LAYOUTS, BUREAU_TYPES, INSTITUTION_TYPES, PRODUCTS, REPAYMENT_METHODS, REPORTS_TO_BUREAU, STATUS_REASONS } from '../shared/ledger-vocabulary.ts';
import { STATUS_CODES } from '../shared/status-alphabet.ts';
import { day, fen, localizedText, month, rowId } from '../wire/vocabulary.ts';

const statusCode = z.enum(STATUS_CODES);
const bureauType = z.enum(BUREAU_TYPES);
const layout = z.enum(BUREAU_LAYOUTS);
const count = z.number().int();

// ---------------------------------------------------------------- figures and the records behind them

const reporting = z.enum(['yes', 'unknown']);
export type Reporting = z.output<typeof reporting>;

/** What a figure counts: an account (with the months that count) or a query record. */
const recordRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('account'), accountId: rowId, name: z.string(), type: bureauType, reporting, months: z.array(month) }),
  z.strictObject({ kind: z.literal('query'), queryId: rowId, queriedOn: z.string(), institution: z.string(), reasonCode: z.string() }),
]);
export type RecordRef = z.output<typeof recordRef>;

export const FIGURE_UNITS = ['count', 'fen', 'months', 'month', 'ratio'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

/**
 * One number of the report. `value` counts the accounts known to report. When accounts whose
 * reporting is unknown would change it, `ifUnknownReported` is the figure with them on the
 * report and `range` the two, low to high: the UI labels both ends. `missing` counts records
 * whose amount the ledger cannot tell (a sum is then a lower bound). `month` figures are month
 * indices (year × 12 + month − 1, core/shared/calendar.ts).
 */
const figure = z.strictObject({
  unit: z.enum(FIGURE_UNITS),
  value: z.number().nullable(),
  ifUnknownReported: z.number().nullable().optional(),
  range: z.tuple([z.number(), z.number()]).optional(),
  missing: count,
  records: z.array(recordRef),
});
export type Figure = z.output<typeof figure>;

// ---------------------------------------------------------------- the report's sections

const gridMonth = z.strictObject({
  month,
  status: statusCode,
  statusSource: z.enum(['derived', 'manual']),
  reason: z.enum(STATUS_REASONS),
  /** 逾期（透支）总额 PD01EJ01 (the ledger's month close): a card's unpaid minimum; 0 when nothing is overdue, null when unknown or a range. */
  overdueFen: fen.nullable(),
  /** A card whose minimum is unknown: the unpaid minimum at the common rates, low to high (core/rules/minimum-payment.ts). */
  overdueRangeFen: z.tuple([fen, fen]).nullable(),
  amountDueFen: fen.nullable(),
  amountPaidFen: fen,
  creditUsedFen: fen.nullable(),
});
export type GridMonth = z.output<typeof gridMonth>;

const negativeItem = z.strictObject({
  accountId: rowId,
  accountName: z.string(),
  reporting,
  /** First and last month of the run of negative statuses. */
  from: month,
  to: month,
  worst: statusCode,
  months: count,
  highestOverdueFen: fen.nullable(),
  /** The month the delinquency ended (its first month that is not negative), null while it lasts. */
  endedMonth: month.nullable(),
  /** `#` months came between the run and its end: it may have ended as early as this month. */
  endedEarliest: month.nullable(),
  /** 5 years after it ended (regulation Art. 16): the month it leaves the report; null while it lasts. */
  fallsOffMonth: month.nullable(),
  fallsOffEarliest: month.nullable(),
  /** Whole months from the report month to the fall-off month. */
  monthsLeft: count.nullable(),
});
export type NegativeItem = z.output<typeof negativeItem>;

const graceApplied = z.strictObject({
  graceDays: count,
  toleranceFen: fen,
  /** profile: the user's setting for this issuer; issuer: the table's row for it; card_default: the card convention; none: no grace. */
  origin: z.enum(GRACE_ORIGINS),
  source: z.string(),
});
export type GraceApplied = z.output<typeof graceApplied>;

const accountView = z.strictObject({
  id: rowId,
  name: z.string(),
  product: z.enum(PRODUCTS),
  reporting,
  sinceMonth: month.nullable(),
  type: bureauType,
  /**
   * The ledger has no account type: the report files it under
   * docs/domain/pboc-report.md#classifying-a-loan-without-a-type (layouts.ts).
   */
  typeAssumed: z.boolean(),
  layout,
  layoutAssumed: z.boolean(),
  /** The line the account belongs to (a draw, or a merged line's own id). */
  lineId: rowId.nullable(),
  lender: z.string().nullable(),
  institutionType: z.enum(INSTITUTION_TYPES).nullable(),
  /** 业务种类 PD01AD03 (summary-counters.ts BUSINESS_TYPES). */
  businessType: z.string(),
  businessName: localizedText,
  openedMonth: month.nullable(),
  closedMonth: month.nullable(),
  open: z.boolean(),
  /** 账户状态 PD01BD01, by the type's enum (summary-counters.ts ACCOUNT_STATES). */
  state: z.string(),
  stateName: localizedText,
  /** D1/R4: 借款金额; R1/R2/R3: 授信额度. */
  amountFen: fen.nullable(),
  balanceFen: fen.nullable(),
  /** 还款方式: a merged account shows 不区分还款方式 (`flexible`, report note 10); null: not known. Frequency is always 月. */
  repaymentMethod: z.enum(REPAYMENT_METHODS).nullable(),
  /** 还款期数: the loan's term; for a merged account the months it has run; null: "--" (non-instalment). */
  instalments: count.nullable(),
  latest: gridMonth.nullable(),
  /** 最近6个月平均使用额度 (cards) or 平均应还款 (loans). */
  average6mFen: fen.nullable(),
  gridFrom: month.nullable(),
  gridTo: month.nullable(),
  grid: z.array(gridMonth),
  negative: z.array(negativeItem),
  /** The 容时 and 容差 the account's months were judged with (core/rules/repayment-grace.ts), and whose they are. */
  grace: graceApplied,
});
export type ReportAccountView = z.output<typeof accountView>;

const countRow = { accounts: figure, firstMonth: figure };
const typeCount = z.strictObject({ type: bureauType, ...countRow });
export type TypeCount = z.output<typeof typeCount>;
const businessCount = z.strictObject({ category: z.string(), name: localizedText, ...countRow });
export type BusinessCount = z.output<typeof businessCount>;

const overdueRow = z.strictObject({ type: bureauType, accounts: figure, months: figure, highestMonthlyFen: figure, longestMonths: figure });
export type OverdueRow = z.output<typeof overdueRow>;

const debtRow = z.strictObject({
  type: bureauType,
  institutions: figure,
  accounts: figure,
  /** D1/R4: 借款总额; R1/R2/R3: 授信总额. */
  totalFen: figure,
  /** D1/R4/R1: 余额; R2: 已用额度; R3: 透支余额. */
  balanceFen: figure,
  /** D1/R4/R1: 最近6个月平均应还款; R2: 平均使用额度; R3: 平均透支余额. */
  average6mFen: figure,
  /** Cards only: 单家行最高/最低授信额. */
  highestLineFen: figure.nullable(),
  lowestLineFen: figure.nullable(),
});
export type DebtRow = z.output<typeof debtRow>;

const querySummary = z.strictObject({
  last: z.strictObject({ queryId: rowId, queriedOn: z.string(), institution: z.string(), institutionType: z.string().nullable(), reasonCode: z.string() }).nullable(),
  /** 最近1个月内的查询机构数: 贷款审批, 信用卡审批. */
  institutions1m: z.strictObject({ loan: figure, card: figure }),
  /** 最近1个月内的查询次数: 贷款审批, 信用卡审批, 本人查询. */
  queries1m: z.strictObject({ loan: figure, card: figure, self: figure }),
  /** 最近2年内的查询次数: 贷后管理, 担保资格审查, 特约商户实名审查. */
  queries2y: z.strictObject({ postLoan: figure, guarantee: figure, merchant: figure }),
});
export type QuerySummary = z.output<typeof querySummary>;

const reportSummary = z.strictObject({
  overview: z.strictObject({ totalAccounts: figure, byType: z.array(typeCount), byBusiness: z.array(businessCount) }),
  defaults: z.strictObject({ badDebt: z.strictObject({ accounts: figure, balanceFen: figure }), overdue: z.array(overdueRow) }),
  debt: z.array(debtRow),
  queries: querySummary,
});
export type ReportSummary = z.output<typeof reportSummary>;

const queryRow = z.strictObject({
  id: rowId,
  queriedOn: z.string(),
  institution: z.string(),
  institutionType: z.string().nullable(),
  reasonCode: z.string(),
  reasonName: localizedText,
  hard: z.boolean(),
});
export type QueryRow = z.output<typeof queryRow>;

/** A key figure that moves: its value without and with the change, each with the records behind it. */
const figureChange = z.strictObject({ key: z.string(), unit: z.enum(FIGURE_UNITS), before: figure, after: figure });
export type FigureChange = z.output<typeof figureChange>;

/** A figure of the whole report named by key (report.ts KEY_FIGURES), for side-by-side views. */
const keyFigure = z.strictObject({ key: z.string(), figure });
export type KeyFigure = z.output<typeof keyFigure>;

const ruleStatus = z.enum(['pass', 'warn', 'fail', 'unknown']);
export type RuleStatus = z.output<typeof ruleStatus>;

const layoutSide = z.strictObject({
  layout,
  /** The line's accounts on the report in this layout. */
  accounts: z.array(accountView),
  /** The whole report's key figures in this layout. */
  figures: z.array(keyFigure),
  rules: z.array(z.strictObject({ ruleId: z.string(), status: ruleStatus })),
});
export type LayoutSide = z.output<typeof layoutSide>;

/** One line with draws, shown in both layouts of report note 10. */
const layoutComparison = z.strictObject({
  lineId: rowId,
  lineName: z.string(),
  product: z.enum(PRODUCTS),
  chosen: layout,
  draws: count,
  perDraw: layoutSide,
  merged: layoutSide,
});
export type LayoutComparison = z.output<typeof layoutComparison>;

const threshold = z.strictObject({ warn: z.number().nullable(), fail: z.number().nullable(), comparison: z.enum(['at_least', 'more_than']) });
export type Threshold = z.output<typeof threshold>;

/**
 * When a rule stops failing (core/bureau/safe-to-apply.ts, by core/rules/safe-to-apply.ts): the
 * first day under the warn and under the fail level (null: no level, or no date by time alone),
 * what moves it, and what the dates assume the user does (or must do, where there is no date).
 */
const ruleSafeToApply = z.strictObject({
  warn: day.nullable(),
  fail: day.nullable(),
  basis: z.enum(CLEARING_BASES),
  action: localizedText.nullable(),
  explanation: localizedText,
  source: z.string(),
});
export type RuleSafeToApply = z.output<typeof ruleSafeToApply>;

/** The lender view's one date: the first day no rule fails, the rule that sets it (or blocks it), and why. */
const safeToApply = z.strictObject({
  /** null: a rule does not pass with time alone (see ruleId and reason). */
  on: day.nullable(),
  ruleId: z.string().nullable(),
  reason: localizedText,
  /** The first day every rule is under its warn level too. */
  clearOn: day.nullable(),
  /** What the date assumes the user does now (repay an overdue, pay a card down before its statement). */
  assumes: z.array(z.strictObject({ ruleId: z.string(), action: localizedText })),
  /** Rules with no value to judge (no income for debt-to-income, say): left out of the date. */
  unknownRules: z.array(z.string()),
  version: z.string(),
});
export type SafeToApply = z.output<typeof safeToApply>;

const ruleEvaluation = z.strictObject({
  ruleId: z.string(),
  metric: z.string(),
  label: localizedText,
  explanation: localizedText,
  alternatives: localizedText.nullable(),
  sources: z.array(z.string()),
  unit: z.enum(['months', 'fen', 'count', 'ratio']),
  windowMonths: count.nullable(),
  defaultWindowMonths: count.nullable(),
  /** The windows a user may choose for this rule (连三累六: 1 or 2 years), empty when fixed. */
  windowChoices: z.array(count),
  threshold,
  defaultThreshold: threshold,
  edited: z.boolean(),
  figure,
  status: ruleStatus,
  /** The status if the accounts of unknown reporting are on the report, when it differs. */
  statusIfUnknownReported: ruleStatus.optional(),
  /** From which day the rule is under its warn / fail level (queries: one more application included); null: no value to judge. */
  safeToApply: ruleSafeToApply.nullable(),
});
export type RuleEvaluation = z.output<typeof ruleEvaluation>;

const huabeiSwitch = z.strictObject({
  accountId: rowId,
  name: z.string(),
  reporting: z.enum(REPORTS_TO_BUREAU),
  sinceMonth: month.nullable(),
  /** Not reporting (or unknown): the changes are what the upgrade would bring from the report month. */
  hypothetical: z.boolean(),
  fromMonth: month,
  monthsOnReport: count,
  monthsBefore: count,
  changes: z.array(figureChange),
  rules: z.array(z.strictObject({ ruleId: z.string(), label: localizedText, before: ruleStatus, after: ruleStatus })),
});
export type HuabeiSwitch = z.output<typeof huabeiSwitch>;

/**
 * 授信协议 (PD02): a line several accounts draw on, with the accounts under it (credit-lines.ts):
 * cards sharing one line (共享授信额度), or a Jiebei or Weilidai line whose draws are its R4
 * sub-accounts (or its one merged account).
 */
const creditAgreement = z.strictObject({
  key: z.string(),
  kind: z.enum(['shared_card_line', 'loan_line']),
  name: z.string(),
  lender: z.string().nullable(),
  limitFen: fen.nullable(),
  /** What its open accounts use at the report month; null when one is unknown. */
  usedFen: fen.nullable(),
  accounts: z.array(z.strictObject({ id: rowId, name: z.string(), type: bureauType })),
});
export type CreditAgreement = z.output<typeof creditAgreement>;

export const bureauReportSchema = z.strictObject({
  simulated: z.literal(true),
  asOf: day,
  /** The last month that has ended by the as-of date: lenders report monthly (report note 10). */
  reportMonth: month,
  gridFrom: month,
  versions: z.strictObject({ bureau: z.string(), rules: z.string(), defaults: z.string() }),
  reporting: z.strictObject({
    yes: count,
    unknown: count,
    no: count,
    unknownAccounts: z.array(z.strictObject({ id: rowId, name: z.string() })),
  }),
  summary: reportSummary,
  accounts: z.array(accountView),
  negativeItems: z.array(negativeItem),
  agreements: z.array(creditAgreement),
  queries: z.array(queryRow),
  layouts: z.array(layoutComparison),
  lenderView: z.array(ruleEvaluation),
  safeToApply,
  /** The profile's credit conventions where banks differ: grace per issuer, the debt-to-income share. */
  conventions: conventionsSchema,
  huabei: z.array(huabeiSwitch),
  monthlyIncomeFen: fen.nullable(),
  /** The query-reason codes this profile counts as hard (core/rules/hard-queries.ts), with the default and its source. */
  hardQueryReasons: hardQuerySetSchema.extend({ source: z.string() }),
});
export type BureauReport = z.output<typeof bureauReportSchema>;
