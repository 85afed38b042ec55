// Shapes of the simulated second-generation PBOC report (docs/domain/pboc-report.md). Node-free:
// the IPC channel module, the CLI and the renderer all read these. Amounts are integer fen, months
// `YYYY-MM`, dates `YYYY-MM-DD` (UTC+8), like the ledger.

import type { LocalizedText } from '../shared/localized-text.ts';
import type { HardQueryReasons } from '../rules/hard-queries.ts';
import type { BureauLayout, BureauType, InstitutionType, MonthRow, Product, RepaymentMethod, ReportsToBureau, StatusReason } from '../shared/ledger-vocabulary.ts';
import type { StatusCode } from '../shared/status-alphabet.ts';

// ---------------------------------------------------------------- figures and the records behind them

export type Reporting = 'yes' | 'unknown';

/** What a figure counts: an account (with the months that count) or a query record. */
export type RecordRef =
  | { kind: 'account'; accountId: number; name: string; type: BureauType; reporting: Reporting; months: string[] }
  | { kind: 'query'; queryId: number; queriedOn: string; institution: string; reasonCode: string };

export const FIGURE_UNITS = ['count', 'fen', 'months', 'month', 'ratio'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

/**
 * One number of the report. `value` counts the accounts known to report. When accounts whose
 * reporting is unknown would change it, `ifUnknownReported` is the figure with them on the
 * report and `range` the two, low to high: the UI labels both ends. `missing` counts records
 * whose amount the ledger cannot tell (a sum is then a lower bound). `month` figures are month
 * indices (year × 12 + month − 1, core/shared/calendar.ts).
 */
export interface Figure {
  unit: FigureUnit;
  value: number | null;
  ifUnknownReported?: number | null;
  range?: [number, number];
  missing: number;
  records: RecordRef[];
}

// ---------------------------------------------------------------- the report's sections

export interface GridMonth {
  month: string;
  status: StatusCode;
  statusSource: MonthRow['statusSource'];
  reason: StatusReason;
  /** 逾期（透支）总额 PD01EJ01, estimated (repayment-grid.ts); 0 when nothing is overdue, null when unknown. */
  overdueFen: number | null;
  amountDueFen: number | null;
  amountPaidFen: number;
  creditUsedFen: number | null;
}

export interface NegativeItem {
  accountId: number;
  accountName: string;
  reporting: Reporting;
  /** First and last month of the run of negative statuses. */
  from: string;
  to: string;
  worst: StatusCode;
  months: number;
  highestOverdueFen: number | null;
  /** The month the delinquency ended (its first month that is not negative), null while it lasts. */
  endedMonth: string | null;
  /** `#` months came between the run and its end: it may have ended as early as this month. */
  endedEarliest: string | null;
  /** 5 years after it ended (regulation Art. 16): the month it leaves the report; null while it lasts. */
  fallsOffMonth: string | null;
  fallsOffEarliest: string | null;
  /** Whole months from the report month to the fall-off month. */
  monthsLeft: number | null;
}

export interface ReportAccountView {
  id: number;
  name: string;
  product: Product;
  reporting: Reporting;
  sinceMonth: string | null;
  type: BureauType;
  /**
   * The ledger has no account type: the report files it under
   * docs/domain/pboc-report.md#classifying-a-loan-without-a-type (layouts.ts).
   */
  typeAssumed: boolean;
  layout: BureauLayout;
  layoutAssumed: boolean;
  /** The line the account belongs to (a draw, or a merged line's own id). */
  lineId: number | null;
  lender: string | null;
  institutionType: InstitutionType | null;
  /** 业务种类 PD01AD03 (summary-counters.ts BUSINESS_TYPES). */
  businessType: string;
  businessName: LocalizedText;
  openedMonth: string | null;
  closedMonth: string | null;
  open: boolean;
  /** 账户状态 PD01BD01, by the type's enum (summary-counters.ts ACCOUNT_STATES). */
  state: string;
  stateName: LocalizedText;
  /** D1/R4: 借款金额; R1/R2/R3: 授信额度. */
  amountFen: number | null;
  balanceFen: number | null;
  /** 还款方式: a merged account shows 不区分还款方式 (`flexible`, report note 10); null: not known. Frequency is always 月. */
  repaymentMethod: RepaymentMethod | null;
  /** 还款期数: the loan's term; for a merged account the months it has run; null: "--" (non-instalment). */
  instalments: number | null;
  latest: GridMonth | null;
  /** 最近6个月平均使用额度 (cards) or 平均应还款 (loans). */
  average6mFen: number | null;
  gridFrom: string | null;
  gridTo: string | null;
  grid: GridMonth[];
  negative: NegativeItem[];
}

export interface TypeCount {
  type: BureauType;
  accounts: Figure;
  firstMonth: Figure;
}

export interface BusinessCount {
  category: string;
  name: LocalizedText;
  accounts: Figure;
  firstMonth: Figure;
}

export interface OverdueRow {
  type: BureauType;
  accounts: Figure;
  months: Figure;
  highestMonthlyFen: Figure;
  longestMonths: Figure;
}

export interface DebtRow {
  type: BureauType;
  institutions: Figure;
  accounts: Figure;
  /** D1/R4: 借款总额; R1/R2/R3: 授信总额. */
  totalFen: Figure;
  /** D1/R4/R1: 余额; R2: 已用额度; R3: 透支余额. */
  balanceFen: Figure;
  /** D1/R4/R1: 最近6个月平均应还款; R2: 平均使用额度; R3: 平均透支余额. */
  average6mFen: Figure;
  /** Cards only: 单家行最高/最低授信额. */
  highestLineFen: Figure | null;
  lowestLineFen: Figure | null;
}

export interface QuerySummary {
  last: { queryId: number; queriedOn: string; institution: string; institutionType: string | null; reasonCode: string } | null;
  /** 最近1个月内的查询机构数: 贷款审批, 信用卡审批. */
  institutions1m: { loan: Figure; card: Figure };
  /** 最近1个月内的查询次数: 贷款审批, 信用卡审批, 本人查询. */
  queries1m: { loan: Figure; card: Figure; self: Figure };
  /** 最近2年内的查询次数: 贷后管理, 担保资格审查, 特约商户实名审查. */
  queries2y: { postLoan: Figure; guarantee: Figure; merchant: Figure };
}

export interface ReportSummary {
  overview: { totalAccounts: Figure; byType: TypeCount[]; byBusiness: BusinessCount[] };
  defaults: { badDebt: { accounts: Figure; balanceFen: Figure }; overdue: OverdueRow[] };
  debt: DebtRow[];
  queries: QuerySummary;
}

export interface QueryRow {
  id: number;
  queriedOn: string;
  institution: string;
  institutionType: string | null;
  reasonCode: string;
  reasonName: LocalizedText;
  hard: boolean;
}

/** A key figure that moves: its value without and with the change, each with the records behind it. */
export interface FigureChange {
  key: string;
  unit: FigureUnit;
  before: Figure;
  after: Figure;
}

/** A figure of the whole report named by key (report.ts KEY_FIGURES), for side-by-side views. */
export interface KeyFigure {
  key: string;
  figure: Figure;
}

export interface LayoutSide {
  layout: BureauLayout;
  /** The line's accounts on the report in this layout. */
  accounts: ReportAccountView[];
  /** The whole report's key figures in this layout. */
  figures: KeyFigure[];
  rules: { ruleId: string; status: RuleStatus }[];
}

/** One line with draws, shown in both layouts of report note 10. */
export interface LayoutComparison {
  lineId: number;
  lineName: string;
  product: Product;
  chosen: BureauLayout;
  draws: number;
  perDraw: LayoutSide;
  merged: LayoutSide;
}

export type RuleStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export interface Threshold {
  warn: number | null;
  fail: number | null;
  comparison: 'at_least' | 'more_than';
}

export interface RuleEvaluation {
  ruleId: string;
  metric: string;
  label: LocalizedText;
  explanation: LocalizedText;
  alternatives: LocalizedText | null;
  sources: string[];
  unit: 'months' | 'fen' | 'count' | 'ratio';
  windowMonths: number | null;
  defaultWindowMonths: number | null;
  /** The windows a user may choose for this rule (连三累六: 1 or 2 years), empty when fixed. */
  windowChoices: number[];
  threshold: Threshold;
  defaultThreshold: Threshold;
  edited: boolean;
  figure: Figure;
  status: RuleStatus;
  /** The status if the accounts of unknown reporting are on the report, when it differs. */
  statusIfUnknownReported?: RuleStatus;
  /** Query windows: from which day one more application stays under the warn / fail level. */
  safeToApply: { warn: string | null; fail: string | null } | null;
}

export interface HuabeiSwitch {
  accountId: number;
  name: string;
  reporting: ReportsToBureau;
  sinceMonth: string | null;
  /** Not reporting (or unknown): the changes are what the upgrade would bring from the report month. */
  hypothetical: boolean;
  fromMonth: string;
  monthsOnReport: number;
  monthsBefore: number;
  changes: FigureChange[];
  rules: { ruleId: string; label: LocalizedText; before: RuleStatus; after: RuleStatus }[];
}

export interface BureauReport {
  simulated: true;
  asOf: string;
  /** The last month that has ended by the as-of date: lenders report monthly (report note 10). */
  reportMonth: string;
  gridFrom: string;
  versions: { bureau: string; rules: string; defaults: string };
  reporting: {
    yes: number;
    unknown: number;
    no: number;
    unknownAccounts: { id: number; name: string }[];
  };
  summary: ReportSummary;
  accounts: ReportAccountView[];
  negativeItems: NegativeItem[];
  queries: QueryRow[];
  layouts: LayoutComparison[];
  lenderView: RuleEvaluation[];
  huabei: HuabeiSwitch[];
  monthlyIncomeFen: number | null;
  /** The query-reason codes this profile counts as hard (core/rules/hard-queries.ts), with the default and its source. */
  hardQueryReasons: HardQueryReasons & { source: string };
}
