// Vocabulary of the credit ledger: runtime lists (so zod, SQL CHECKs and the UI share them) and
// the shapes the rest of the app reads. Amounts are integer fen; dates `YYYY-MM-DD` and months
// `YYYY-MM`, both China wall-clock (UTC+8).

import type { LocalizedText } from './localized-text.ts';

export const PRODUCTS = [
  'huabei',
  'jiebei',
  'weilidai',
  'baitiao',
  'meituan_yuefu',
  'credit_card',
  'bank_loan',
  'mortgage',
  'car_loan',
  'other',
] as const;
export type Product = (typeof PRODUCTS)[number];

/**
 * How the ledger models an account:
 * - revolving: a line billed by statement (card, Huabei, Baitiao, 月付); needs statement and due day.
 * - line: a loan line whose money moves in draws (Jiebei, Weilidai); its history merges its draws.
 * - draw: one disbursement under a line, repaid on its own schedule.
 * - loan: a one-off loan (mortgage, car, bank loan) with its own schedule.
 */
export const ACCOUNT_KINDS = ['revolving', 'line', 'draw', 'loan'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** PBOC account types (docs/domain/pboc-report.md#account-types). C1 (collection) is not an account a user opens. */
export const BUREAU_TYPES = ['D1', 'R4', 'R1', 'R2', 'R3'] as const;
export type BureauType = (typeof BUREAU_TYPES)[number];

/** How the lender reports it (docs/domain/platform-products.md#ledger-data-model, report note 10). */
export const BUREAU_LAYOUTS = ['per_draw', 'merged_monthly', 'revolving_line'] as const;
export type BureauLayout = (typeof BUREAU_LAYOUTS)[number];

export const REPORTS_TO_BUREAU = ['yes', 'no', 'unknown'] as const;
export type ReportsToBureau = (typeof REPORTS_TO_BUREAU)[number];

/** 等额本息, 等额本金, 先息后本, 到期一次还本付息, 随借随还 / 不区分还款方式. */
export const REPAYMENT_METHODS = ['equal_installment', 'equal_principal', 'interest_first', 'bullet', 'flexible'] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

/** 业务管理机构类型 PD01AD02 (docs/domain/pboc-report.md#institution-types). */
export const INSTITUTION_TYPES = ['11', '12', '14', '15', '16', '21', '22', '23', '24', '25', '26', '31', '41', '51', '52', '53', '54', '99'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const INSTITUTION_TYPE_NAMES: Record<InstitutionType, LocalizedText> = {
  '11': { 'zh-CN': '商业银行', en: 'Commercial bank' },
  '12': { 'zh-CN': '村镇银行', en: 'Village bank' },
  '14': { 'zh-CN': '住房储蓄银行', en: 'Housing savings bank' },
  '15': { 'zh-CN': '外资银行', en: 'Foreign bank' },
  '16': { 'zh-CN': '财务公司', en: 'Finance company' },
  '21': { 'zh-CN': '信托公司', en: 'Trust company' },
  '22': { 'zh-CN': '融资租赁公司', en: 'Financial leasing company' },
  '23': { 'zh-CN': '汽车金融公司', en: 'Auto finance company' },
  '24': { 'zh-CN': '消费金融公司', en: 'Consumer finance company' },
  '25': { 'zh-CN': '贷款公司', en: 'Lending company' },
  '26': { 'zh-CN': '金融资产管理公司', en: 'Asset management company' },
  '31': { 'zh-CN': '证券公司', en: 'Securities company' },
  '41': { 'zh-CN': '保险公司', en: 'Insurance company' },
  '51': { 'zh-CN': '小额贷款公司', en: 'Micro-lender' },
  '52': { 'zh-CN': '公积金管理中心', en: 'Housing fund centre' },
  '53': { 'zh-CN': '融资担保公司', en: 'Financing guarantor' },
  '54': { 'zh-CN': '保理公司', en: 'Factoring company' },
  '99': { 'zh-CN': '其他机构', en: 'Other institution' },
};

/** Platform scores the user can record (observations.ts). */
export const OBSERVATION_KINDS = ['sesame', 'wechat_pay_score', 'other'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/** Where a value comes from; the UI and CLI show it beside every value. */
export const PROVENANCES = ['manual', 'derived', 'default', 'none'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** What a credit event does to its account: charges and disbursements owe, payments and credits repay. */
export const EVENT_ROLES = ['charge', 'payment', 'credit', 'disbursement'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

/** Why a month's status is what it is; `#` months always name what was missing. */
export const STATUS_REASONS = [
  'manual',
  'closed',
  'opened',
  'overdue',
  'paid_late',
  'paid_on_time',
  'paid_in_grace',
  'repaid_late',
  'merged_draws',
  'nothing_due',
  'no_statement_day',
  'no_loan_terms',
  'not_observed',
  'balance_unknown',
  'partial_payment',
  'unallocated_repayments',
  'unknown_draws',
  'settled',
  'not_yet_due',
] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];
