// What each code of the 60-month alphabet (docs/domain/pboc-report.md#repayment-status-codes,
// PD01ED01) means to the report's counters, the retention clock, the lender rules and the grid's
// colours: one table, so the summary, the lender view and the UI cannot disagree about whether a
// month is "overdue". Node-free: the renderer colours the grid from it.

import type { StatusCode } from '../ledger/types.ts';

/** Colour family of a grid cell; the CSS (renderer/src/styles.css, bureau section) maps each to a colour. */
export const TONES = ['ok', 'late', 'overdue-low', 'overdue-mid', 'overdue-high', 'bad', 'settled-negative', 'closed', 'none', 'unknown', 'neutral'] as const;
export type Tone = (typeof TONES)[number];

export interface StatusClass {
  code: StatusCode;
  /** 1–7: months past due of the code (1 = 1–30 days … 7 = over 180 days); null for letters. */
  overdueMonths: number | null;
  /**
   * Counts as an overdue month for the lender rules (连三累六): the digits, and B, which is
   * more than 180 days unpaid (docs/domain/lender-heuristics.md#bad-debt: more than 180 days
   * unpaid).
   */
  lenderOverdue: boolean;
  /** Negative information in the sense of regulation Art. 16: kept 5 years after it ends. */
  negative: boolean;
  tone: Tone;
  /** The code's meaning and severity in docs/domain/pboc-report.md#repayment-status-codes, and what follows. */
  why: string;
}

export const STATUS_CLASSES: readonly StatusClass[] = [
  { code: 'N', overdueMonths: null, lenderOverdue: false, negative: false, tone: 'ok', why: '正常还款, severity 0' },
  { code: 'M', overdueMonths: null, lenderOverdue: false, negative: false, tone: 'late', why: 'paid after the due date but before month end, severity 0: not overdue at month end' },
  { code: '1', overdueMonths: 1, lenderOverdue: true, negative: true, tone: 'overdue-low', why: '逾期1–30天, severity 1' },
  { code: '2', overdueMonths: 2, lenderOverdue: true, negative: true, tone: 'overdue-low', why: '逾期31–60天, severity 2' },
  { code: '3', overdueMonths: 3, lenderOverdue: true, negative: true, tone: 'overdue-mid', why: '逾期61–90天, severity 3; 连三 when 3 in a row' },
  { code: '4', overdueMonths: 4, lenderOverdue: true, negative: true, tone: 'overdue-mid', why: '逾期91–120天, severity 4' },
  { code: '5', overdueMonths: 5, lenderOverdue: true, negative: true, tone: 'overdue-high', why: '逾期121–150天, severity 5' },
  { code: '6', overdueMonths: 6, lenderOverdue: true, negative: true, tone: 'overdue-high', why: '逾期151–180天, severity 6' },
  { code: '7', overdueMonths: 7, lenderOverdue: true, negative: true, tone: 'overdue-high', why: '逾期180天以上, severity 7' },
  { code: 'B', overdueMonths: null, lenderOverdue: true, negative: true, tone: 'bad', why: '呆账, severity 7; PC02C counts it apart from overdue (summary counters)' },
  { code: 'G', overdueMonths: null, lenderOverdue: false, negative: true, tone: 'bad', why: '（非正常销户）结束, severity 7' },
  { code: 'D', overdueMonths: null, lenderOverdue: false, negative: true, tone: 'settled-negative', why: '担保人代还, severity 1' },
  { code: 'Z', overdueMonths: null, lenderOverdue: false, negative: true, tone: 'settled-negative', why: '以资抵债, severity 1' },
  { code: 'C', overdueMonths: null, lenderOverdue: false, negative: false, tone: 'closed', why: '结清、正常销户, severity 0' },
  { code: '*', overdueMonths: null, lenderOverdue: false, negative: false, tone: 'none', why: 'nothing due and no arrears, severity 0' },
  { code: '#', overdueMonths: null, lenderOverdue: false, negative: false, tone: 'unknown', why: '未知: the ledger cannot tell (the month names what is missing)' },
  { code: '/', overdueMonths: null, lenderOverdue: false, negative: false, tone: 'neutral', why: '跳过, severity 0' },
  { code: 'A', overdueMonths: null, lenderOverdue: false, negative: false, tone: 'neutral', why: 'statement date moved, no statement, severity 0' },
];

const BY_CODE = new Map(STATUS_CLASSES.map((c) => [c.code, c]));

export function statusClassOf(code: StatusCode): StatusClass {
  return BY_CODE.get(code)!;
}

export function isOverdueDigit(code: StatusCode): boolean {
  return statusClassOf(code).overdueMonths !== null;
}

export function isLenderOverdue(code: StatusCode): boolean {
  return statusClassOf(code).lenderOverdue;
}

export function isNegative(code: StatusCode): boolean {
  return statusClassOf(code).negative;
}

/** Codes that end an account: the report stops its grid there. */
export const CLOSING_CODES: ReadonlySet<StatusCode> = new Set(['C', 'G']);
