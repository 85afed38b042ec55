// The PBOC 60-month repayment-status alphabet (docs/domain/pboc-report.md#repayment-status-codes,
// PD01ED01) and what each code means to every part of the app, in one table, in the order that
// section lists it: the practitioner severity rank (worst-of and lateness), what the report's
// counters, the retention clock and the lender rules count it as, and the colour family of the
// grid. One table, so the ledger, the summary, the lender view, the scores and the UI cannot
// disagree about whether a month is "overdue". Node-free: the renderer names and colours codes
// from it.

import type { LocalizedText } from './localized-text.ts';

/** Colour family of a grid cell; renderer/src/bureau/bureau.css maps each to a status tone of base.css. */
export const TONES = ['ok', 'late', 'overdue-low', 'overdue-mid', 'overdue-high', 'bad', 'settled-negative', 'closed', 'none', 'unknown', 'neutral'] as const;
export type Tone = (typeof TONES)[number];

interface StatusRow {
  code: string;
  /** The practitioner severity rank of docs/domain/pboc-report.md#repayment-status-codes (pboc_conf.py). */
  severity: number;
  meaning: LocalizedText;
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

const TABLE = [
  { code: 'N', severity: 0, meaning: { 'zh-CN': '正常还款', en: 'Paid as agreed' }, overdueMonths: null, lenderOverdue: false, negative: false, tone: 'ok', why: '正常还款, severity 0' },
  { code: '1', severity: 1, meaning: { 'zh-CN': '逾期1–30天', en: '1–30 days overdue' }, overdueMonths: 1, lenderOverdue: true, negative: true, tone: 'overdue-low', why: '逾期1–30天, severity 1' },
  { code: '2', severity: 2, meaning: { 'zh-CN': '逾期31–60天', en: '31–60 days overdue' }, overdueMonths: 2, lenderOverdue: true, negative: true, tone: 'overdue-low', why: '逾期31–60天, severity 2' },
  { code: '3', severity: 3, meaning: { 'zh-CN': '逾期61–90天', en: '61–90 days overdue' }, overdueMonths: 3, lenderOverdue: true, negative: true, tone: 'overdue-mid', why: '逾期61–90天, severity 3; 连三 when 3 in a row' },
  { code: '4', severity: 4, meaning: { 'zh-CN': '逾期91–120天', en: '91–120 days overdue' }, overdueMonths: 4, lenderOverdue: true, negative: true, tone: 'overdue-mid', why: '逾期91–120天, severity 4' },
  { code: '5', severity: 5, meaning: { 'zh-CN': '逾期121–150天', en: '121–150 days overdue' }, overdueMonths: 5, lenderOverdue: true, negative: true, tone: 'overdue-high', why: '逾期121–150天, severity 5' },
  { code: '6', severity: 6, meaning: { 'zh-CN': '逾期151–180天', en: '151–180 days overdue' }, overdueMonths: 6, lenderOverdue: true, negative: true, tone: 'overdue-high', why: '逾期151–180天, severity 6' },
  { code: '7', severity: 7, meaning: { 'zh-CN': '逾期180天以上', en: 'Over 180 days overdue' }, overdueMonths: 7, lenderOverdue: true, negative: true, tone: 'overdue-high', why: '逾期180天以上, severity 7' },
  { code: '*', severity: 0, meaning: { 'zh-CN': '当月不需要还款且之前没有拖欠', en: 'Nothing due this month, no arrears' }, overdueMonths: null, lenderOverdue: false, negative: false, tone: 'none', why: 'nothing due and no arrears, severity 0' },
  { code: '#', severity: 0, meaning: { 'zh-CN': '未知', en: 'Unknown' }, overdueMonths: null, lenderOverdue: false, negative: false, tone: 'unknown', why: '未知: the ledger cannot tell (the month names what is missing)' },
  { code: '/', severity: 0, meaning: { 'zh-CN': '跳过', en: 'Skipped' }, overdueMonths: null, lenderOverdue: false, negative: false, tone: 'neutral', why: '跳过, severity 0' },
  { code: 'A', severity: 0, meaning: { 'zh-CN': '账单日调整，当月不出单', en: 'Statement date moved, no statement this month' }, overdueMonths: null, lenderOverdue: false, negative: false, tone: 'neutral', why: 'statement date moved, no statement, severity 0' },
  { code: 'B', severity: 7, meaning: { 'zh-CN': '呆账', en: 'Bad debt' }, overdueMonths: null, lenderOverdue: true, negative: true, tone: 'bad', why: '呆账, severity 7; PC02C counts it apart from overdue (summary counters)' },
  { code: 'C', severity: 0, meaning: { 'zh-CN': '结清、正常销户', en: 'Settled or closed normally' }, overdueMonths: null, lenderOverdue: false, negative: false, tone: 'closed', why: '结清、正常销户, severity 0' },
  { code: 'D', severity: 1, meaning: { 'zh-CN': '担保人代还', en: 'Paid by guarantor' }, overdueMonths: null, lenderOverdue: false, negative: true, tone: 'settled-negative', why: '担保人代还, severity 1' },
  { code: 'G', severity: 7, meaning: { 'zh-CN': '（非正常销户）结束', en: 'Ended (not a normal close)' }, overdueMonths: null, lenderOverdue: false, negative: true, tone: 'bad', why: '（非正常销户）结束, severity 7' },
  { code: 'M', severity: 0, meaning: { 'zh-CN': '约定还款日后月底前还款', en: 'Paid after the due date, before month end' }, overdueMonths: null, lenderOverdue: false, negative: false, tone: 'late', why: 'paid after the due date but before month end, severity 0: not overdue at month end' },
  { code: 'Z', severity: 1, meaning: { 'zh-CN': '以资抵债', en: 'Settled with assets' }, overdueMonths: null, lenderOverdue: false, negative: true, tone: 'settled-negative', why: '以资抵债, severity 1' },
] as const satisfies readonly StatusRow[];

export type StatusCode = (typeof TABLE)[number]['code'];

export interface StatusInfo extends Omit<StatusRow, 'code'> {
  code: StatusCode;
}

export const STATUS_TABLE: readonly StatusInfo[] = TABLE;

/** Every code, in the table's order (zod enums, SQL checks and the UI's lists take it). */
export const STATUS_CODES = TABLE.map((row) => row.code) as [StatusCode, ...StatusCode[]];

const BY_CODE = new Map(STATUS_TABLE.map((info) => [info.code, info]));

export function statusInfo(code: StatusCode): StatusInfo {
  return BY_CODE.get(code)!;
}

export function isLenderOverdue(code: StatusCode): boolean {
  return statusInfo(code).lenderOverdue;
}

export function isNegative(code: StatusCode): boolean {
  return statusInfo(code).negative;
}

/** Codes that end an account: the report stops its grid there. */
export const CLOSING_CODES: ReadonlySet<StatusCode> = new Set(['C', 'G']);
