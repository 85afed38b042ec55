// The vocabulary of a consent, as data with its sources: why a recipient asks (purposes), who
// they are, what the user must affirm on the separate consent screen, the legal bases a consent
// rests on, and the bounds of its terms. The consent screen, the notice, the receipts and the CLI
// all read these tables.

import type { LocalizedText } from '../shared/localized-text.ts';

export const CATALOGUE_VERSION = 'consent-catalogue@1';

export const PURPOSES = [
  { code: 'mortgage_readiness', label: { 'zh-CN': '房贷准备评估', en: 'Mortgage-readiness review' } },
  { code: 'loan_application', label: { 'zh-CN': '贷款申请', en: 'Loan application' } },
  { code: 'credit_review', label: { 'zh-CN': '信用状况咨询', en: 'Credit review with an adviser' } },
  { code: 'debt_plan', label: { 'zh-CN': '债务规划', en: 'Debt plan' } },
  { code: 'other', label: { 'zh-CN': '其他（须写明）', en: 'Other (state it)' } },
] as const satisfies readonly { code: string; label: LocalizedText }[];
export type PurposeCode = (typeof PURPOSES)[number]['code'];
export const PURPOSE_CODES = PURPOSES.map((p) => p.code) as [PurposeCode, ...PurposeCode[]];

export const RECIPIENT_KINDS = ['individual', 'firm'] as const;
export const RECIPIENT_LOCATIONS = ['CN', 'overseas'] as const;

export const RECIPIENT_KIND_LABELS: Record<(typeof RECIPIENT_KINDS)[number], LocalizedText> = {
  individual: { 'zh-CN': '个人', en: 'Individual' },
  firm: { 'zh-CN': '机构', en: 'Organisation' },
};
export const LOCATION_LABELS: Record<(typeof RECIPIENT_LOCATIONS)[number], LocalizedText> = {
  CN: { 'zh-CN': '中国境内', en: 'Inside mainland China' },
  overseas: { 'zh-CN': '中国境外', en: 'Outside mainland China' },
};

/**
 * What the user affirms, each with its own unticked box on the separate consent screen (GB/T
 * 42574-2023 单独同意; PIPL Arts. 23, 29, 39). `when` says which terms require it.
 */
export const TICKS = [
  { code: 'notice_read', when: 'always', label: { 'zh-CN': '我已完整阅读上面的告知书。', en: 'I have read the whole notice above.' } },
  {
    code: 'sensitive',
    when: 'always',
    label: {
      'zh-CN': '我知道这些是敏感个人信息（金融账户信息），并单独同意提供给上述接收方。',
      en: 'I know this is sensitive personal information (financial accounts) and separately consent to giving it to this recipient.',
    },
  },
  {
    code: 'recipient_scope',
    when: 'always',
    label: {
      'zh-CN': '我确认接收方、目的、字段和有效期正确。',
      en: 'I confirm the recipient, purpose, fields and validity are right.',
    },
  },
  {
    code: 'no_onward',
    when: 'always',
    label: {
      'zh-CN': '我知道接收方不得向任何第三方提供这些信息，并须在删除期限前删除。',
      en: 'I know the recipient may not pass this data to anyone and must delete it by the delete-by date.',
    },
  },
  {
    code: 'restricted',
    when: 'restricted',
    label: {
      'zh-CN': '我知道提供收入信息可能对我的贷款审批产生不利影响。',
      en: 'I know giving my income may affect a lending decision against me.',
    },
  },
  {
    code: 'cross_border',
    when: 'overseas',
    label: {
      'zh-CN': '我知道接收方在中国境外，并单独同意向境外提供。',
      en: 'I know the recipient is outside mainland China and separately consent to this transfer abroad.',
    },
  },
] as const satisfies readonly { code: string; when: 'always' | 'restricted' | 'overseas'; label: LocalizedText }[];
export type TickCode = (typeof TICKS)[number]['code'];
export const TICK_CODES = TICKS.map((t) => t.code) as [TickCode, ...TickCode[]];

/** Legal bases named in the record (docs/domain/consent-law.md#pipl-requirements, #credit-reporting-regulation). */
export const LEGAL_BASES = {
  PIPL14: 'PIPL Art. 14: informed, voluntary, explicit consent',
  PIPL23: 'PIPL Art. 23: providing personal information to another processor, separate consent',
  PIPL29: 'PIPL Art. 29: sensitive personal information, separate consent',
  PIPL39: 'PIPL Art. 39: providing personal information abroad, separate consent',
  CRR20: '征信业管理条例 Art. 20: use only for the agreed purpose, no onward transfer',
  CRR14: '征信业管理条例 Art. 14: income only after stating the possible adverse consequences',
} as const;
export type LegalBasis = keyof typeof LEGAL_BASES;

/**
 * Bounds of the terms. 365 days: consents typically last 12 months (Australian CDR practice,
 * docs/domain/consent-law.md#consent-dashboards); at most 100 exports under one consent.
 */
export const LIMITS = { maxDays: 365, maxExports: 100, minPasswordLength: 8 } as const;
