// Reference tables the app and the UI share, free of Node and storage so the renderer can
// import them: credit-report query reasons (docs/domain/pboc-report.md#query-reasons) and platform
// score ranges (docs/domain/platform-scores.md#range-and-dimensions,
// docs/domain/platform-scores.md#wechat-pay-score).

import type { LocalizedText } from './localized-text.ts';
import type { ObservationKind } from './ledger-vocabulary.ts';

/**
 * Query reason codes (PH010Q03) with the practitioner grouping [B] (pboc_conf.py
 * inq_reason_cat). Which of them are hard is the user's set, per profile, with the default of
 * docs/domain/pboc-report.md#hard-queries: core/rules/hard-queries.ts.
 */
export interface QueryReason {
  code: string;
  name: LocalizedText;
  /** 1x before credit, 2x after lending, 3x related reviews, 4x judicial; self-queries apart. */
  group: 'before_credit' | 'after_credit' | 'review' | 'judicial' | 'self';
}

export const QUERY_REASONS: readonly QueryReason[] = [
  { code: '02', name: { 'zh-CN': '贷款审批', en: 'Loan approval' }, group: 'before_credit' },
  { code: '03', name: { 'zh-CN': '信用卡审批', en: 'Credit card approval' }, group: 'before_credit' },
  { code: '08', name: { 'zh-CN': '担保资格审查', en: 'Guarantor check' }, group: 'before_credit' },
  { code: '16', name: { 'zh-CN': '公积金提取复核', en: 'Housing-fund withdrawal review' }, group: 'before_credit' },
  { code: '18', name: { 'zh-CN': '股指期货开户', en: 'Index-futures account opening' }, group: 'before_credit' },
  { code: '20', name: { 'zh-CN': '保前审查', en: 'Pre-insurance review' }, group: 'before_credit' },
  { code: '24', name: { 'zh-CN': '融资审批', en: 'Financing approval' }, group: 'before_credit' },
  { code: '26', name: { 'zh-CN': '额度审批', en: 'Credit-line approval' }, group: 'before_credit' },
  { code: '01', name: { 'zh-CN': '贷后管理', en: 'Post-loan management' }, group: 'after_credit' },
  { code: '21', name: { 'zh-CN': '保后管理', en: 'Post-insurance management' }, group: 'after_credit' },
  { code: '19', name: { 'zh-CN': '特约商户实名审查', en: 'Merchant real-name check' }, group: 'review' },
  { code: '22', name: { 'zh-CN': '法定代表人/高管资信审查', en: 'Review of a legal representative or executive' }, group: 'review' },
  { code: '23', name: { 'zh-CN': '客户准入资格审查', en: 'Customer eligibility review' }, group: 'review' },
  { code: '25', name: { 'zh-CN': '资信审查', en: 'Credit review' }, group: 'review' },
  { code: '09', name: { 'zh-CN': '司法调查', en: 'Judicial investigation' }, group: 'judicial' },
  { code: 'self', name: { 'zh-CN': '本人查询', en: 'Self-query' }, group: 'self' },
];

export const QUERY_REASON_CODES = QUERY_REASONS.map((r) => r.code) as [string, ...string[]];


/** Published ranges, only to catch typos in what the user copies from an app. */
export const SCORE_RANGES: Record<ObservationKind, { min: number; max: number; name: LocalizedText; source: string }> = {
  sesame: { min: 350, max: 950, name: { 'zh-CN': '芝麻分', en: 'Sesame score' }, source: 'docs/domain/platform-scores.md#range-and-dimensions: range 350–950 [C]' },
  wechat_pay_score: { min: 300, max: 850, name: { 'zh-CN': '微信支付分', en: 'WeChat Pay Score' }, source: 'docs/domain/platform-scores.md#wechat-pay-score: range 300–850 [C], single source' },
  other: { min: 0, max: 100000, name: { 'zh-CN': '其他评分', en: 'Other score' }, source: 'no published range' },
};

