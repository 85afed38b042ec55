// Product defaults as versioned data. A value here is only ever shown as a default with its
// source, and the user's own value always wins (core/ledger/account-values.ts). Nothing about an
// account is inferred from its product name anywhere else: when this table says null, the
// ledger says "unknown".
//
// Sources are sections of docs/domain/ (docs/README.md#source-grades for the grades):
// [A] primary text, [B] press / vendor / practitioner dictionaries, [C] SEO and Q&A pages.
// Bump DEFAULTS_VERSION whenever a row changes; it is stored with every audit entry that
// mentions a default and shown beside the values.

import type { LocalizedText } from '../shared/localized-text.ts';
import type { AccountKind, BureauLayout, BureauType, InstitutionType, Product, ReportsToBureau } from '../shared/ledger-vocabulary.ts';

export const DEFAULTS_VERSION = '2026-12-03.1';

export const GRADES = ['A', 'B', 'C'] as const;
export type Grade = (typeof GRADES)[number];

export interface DefaultValue<T> {
  value: T;
  grade: Grade;
  /** Where this comes from: a section of docs/domain/ and, there, its URLs. */
  source: string;
  note?: LocalizedText;
}

export interface ProductDefaults {
  kind: DefaultValue<AccountKind>;
  lender: DefaultValue<string | null>;
  institutionType: DefaultValue<InstitutionType | null>;
  /** Always unknown: whether an account is on the report is never inferred (docs/domain/platform-products.md#ledger-data-model). */
  reportsToBureau: DefaultValue<ReportsToBureau>;
  bureauType: DefaultValue<BureauType | null>;
  bureauLayout: DefaultValue<BureauLayout | null>;
}

const REPORTING_UNKNOWN: DefaultValue<ReportsToBureau> = {
  value: 'unknown',
  grade: 'A',
  source: 'docs/domain/platform-products.md#ledger-data-model: whether it reports defaults to unknown; never infer it from the product name',
  note: {
    'zh-CN': '是否上报征信以您本人的征信报告或授权合同为准。',
    en: 'Whether it is on your credit report: check your own report or the authorisation you signed.',
  },
};

const LAYOUT_CONFIRM_NOTE: LocalizedText = {
  'zh-CN': '来源说法不一：报告说明第10条允许机构把小额高频借款合并为一个账户（不区分还款方式、按月）。请以您本人的征信报告为准。',
  en: 'Sources disagree: report note 10 lets lenders merge small, high-frequency loans into one monthly account ("不区分还款方式"). Check your own report.',
};

function unknown<T>(source: string, note?: LocalizedText): DefaultValue<T | null> {
  return { value: null, grade: 'C', source, note };
}

const LINE_TABLE: Record<Product, ProductDefaults> = {
  huabei: {
    kind: { value: 'revolving', grade: 'B', source: 'docs/domain/platform-products.md#huabei: a credit line (花呗额度) with monthly repayment status' },
    lender: {
      value: '重庆蚂蚁消费金融有限公司',
      grade: 'B',
      source: 'docs/domain/platform-products.md#huabei: lender of record 重庆蚂蚁消费金融 or the bank supplying the line (nfa5.com/yejie/202109/17169915.html)',
      note: { 'zh-CN': '部分额度由合作银行提供（见花呗-我的-相关合同）。', en: 'Part of some lines is supplied by a partner bank (see 花呗 → 我的 → 相关合同).' },
    },
    institutionType: { value: '24', grade: 'B', source: 'docs/domain/pboc-report.md#institution-types: 24 消费金融公司; docs/domain/platform-products.md#huabei: 重庆蚂蚁消费金融 (licensed June 2020)' },
    reportsToBureau: {
      ...REPORTING_UNKNOWN,
      note: {
        'zh-CN': '仅在签署2020年「服务升级」征信授权后上报（花呗-我的-相关合同中可查）。',
        en: 'Reported only after signing the 2020 "service upgrade" credit authorisation (visible in 花呗 → 我的 → 相关合同).',
      },
    },
    bureauType: unknown('docs/domain/platform-products.md#huabei: the account type (R1, R4 or D1) was not confirmed; read it from your own report'),
    bureauLayout: { value: 'revolving_line', grade: 'B', source: 'docs/domain/platform-products.md#huabei: 花呗额度 and repayment status reported monthly (midoo.cc/internet/91078.html)' },
  },
  jiebei: {
    kind: { value: 'line', grade: 'C', source: 'docs/domain/platform-products.md#jiebei: money moves in draws under a line ("every draw shows as 个人消费贷款")' },
    lender: unknown('docs/domain/platform-products.md#jiebei: no source names the lender of record; read it from your loan contract or report'),
    institutionType: unknown('docs/domain/platform-products.md#jiebei: lender of record not sourced'),
    reportsToBureau: REPORTING_UNKNOWN,
    bureauType: unknown('docs/domain/platform-products.md#ledger-data-model: in the per-draw layout the draws are the reported accounts, not the line'),
    bureauLayout: {
      value: 'per_draw',
      grade: 'C',
      source: 'docs/domain/platform-products.md#jiebei: "every draw shows as 个人消费贷款" (yunrensanye.com/rjqg/32622.html); report note 10 [A] allows merging',
      note: LAYOUT_CONFIRM_NOTE,
    },
  },
  weilidai: {
    kind: { value: 'line', grade: 'C', source: 'docs/domain/platform-products.md#weilidai: each draw is a separate contract under a line' },
    lender: { value: '深圳前海微众银行股份有限公司', grade: 'B', source: 'docs/domain/platform-products.md#weilidai: WeBank lends Weilidai' },
    institutionType: { value: '11', grade: 'B', source: 'docs/domain/pboc-report.md#institution-types: WeBank, which lends Weilidai, is a bank (11)' },
    reportsToBureau: REPORTING_UNKNOWN,
    bureauType: unknown('docs/domain/platform-products.md#ledger-data-model: in the per-draw layout the draws are the reported accounts, not the line'),
    bureauLayout: {
      value: 'per_draw',
      grade: 'C',
      source: 'docs/domain/platform-products.md#weilidai: "借10次→10笔已结清账户" (restaurantenna.com/post/5543.html); counter-claim and report note 10 [A] allow merging',
      note: LAYOUT_CONFIRM_NOTE,
    },
  },
  baitiao: {
    kind: { value: 'revolving', grade: 'C', source: 'docs/domain/platform-products.md#jd-baitiao: usage reported monthly' },
    lender: {
      value: '重庆两江新区盛际小额贷款有限公司',
      grade: 'C',
      source: 'docs/domain/platform-products.md#jd-baitiao: the lender seen in queries (bsnsh.com/so/61383.html)',
    },
    institutionType: { value: '51', grade: 'C', source: 'docs/domain/pboc-report.md#institution-types: 51 小额贷款公司, for the micro-lender named in docs/domain/platform-products.md#jd-baitiao' },
    reportsToBureau: {
      ...REPORTING_UNKNOWN,
      note: {
        'zh-CN': '来源说法不一：有的说白条使用按月上报，有的说只有金条、分期和逾期上报。',
        en: 'Sources disagree: one says Baitiao use is reported monthly, another that only 金条, instalments and overdues are.',
      },
    },
    bureauType: unknown('docs/domain/platform-products.md#jd-baitiao: account type not sourced'),
    bureauLayout: {
      value: 'merged_monthly',
      grade: 'C',
      source: 'docs/domain/platform-products.md#jd-baitiao: "usage is reported monthly as 信用消费贷款" (bsnsh.com/so/44292.html)',
    },
  },
  meituan_yuefu: {
    kind: { value: 'revolving', grade: 'C', source: 'docs/domain/platform-products.md#meituan-yuefu: 月付 is billed monthly' },
    lender: { value: '重庆美团三快小额贷款有限公司', grade: 'C', source: 'docs/domain/platform-products.md#meituan-yuefu: lender of record (f8195.cn/b/346028.html)' },
    institutionType: { value: '51', grade: 'C', source: 'docs/domain/platform-products.md#meituan-yuefu: a micro-lender, institution type 51' },
    reportsToBureau: {
      ...REPORTING_UNKNOWN,
      note: { 'zh-CN': '来源说法不一（“未接入” 与 “已全面接入”）。', en: 'Sources disagree ("not connected" vs "now fully connected").' },
    },
    bureauType: unknown('docs/domain/platform-products.md#meituan-yuefu: account type not sourced'),
    bureauLayout: unknown('docs/domain/platform-products.md#meituan-yuefu: layout not sourced'),
  },
  credit_card: {
    kind: { value: 'revolving', grade: 'A', source: 'docs/domain/pboc-report.md#account-types: R2 贷记卡账户' },
    lender: unknown('the issuing bank: taken from the card itself, never assumed'),
    institutionType: { value: '11', grade: 'B', source: 'docs/domain/pboc-report.md#institution-types: 11 商业银行 (foreign banks are 15)' },
    reportsToBureau: REPORTING_UNKNOWN,
    bureauType: { value: 'R2', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: R2 贷记卡账户 (credit card); R3 is the semi-credit card' },
    bureauLayout: { value: 'revolving_line', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: a card is one revolving account' },
  },
  bank_loan: {
    kind: { value: 'loan', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: D1 non-revolving loan, one-off drawdown' },
    lender: unknown('the lending bank: from your contract'),
    institutionType: { value: '11', grade: 'B', source: 'docs/domain/pboc-report.md#institution-types: 11 商业银行' },
    reportsToBureau: REPORTING_UNKNOWN,
    bureauType: { value: 'D1', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: D1 非循环贷账户 (one-off drawdown, instalment loan)' },
    bureauLayout: { value: 'per_draw', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: one account per loan' },
  },
  mortgage: {
    kind: { value: 'loan', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: D1 "e.g. mortgage"' },
    lender: unknown('the lending bank: from your contract'),
    institutionType: { value: '11', grade: 'B', source: 'docs/domain/pboc-report.md#institution-types: 11 商业银行 (housing-fund loans: 52)' },
    reportsToBureau: REPORTING_UNKNOWN,
    bureauType: { value: 'D1', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: D1 非循环贷账户, e.g. mortgage' },
    bureauLayout: { value: 'per_draw', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: one account per loan' },
  },
  car_loan: {
    kind: { value: 'loan', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: D1 one-off drawdown instalment loan' },
    lender: unknown('the lender: from your contract'),
    institutionType: unknown('docs/domain/pboc-report.md#institution-types: a bank (11) or an auto-finance company (23); from your contract'),
    reportsToBureau: REPORTING_UNKNOWN,
    bureauType: { value: 'D1', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: D1 非循环贷账户' },
    bureauLayout: { value: 'per_draw', grade: 'B', source: 'docs/domain/pboc-report.md#account-types: one account per loan' },
  },
  other: {
    kind: { value: 'revolving', grade: 'C', source: 'no source: a product the ledger does not know; set how it works' },
    lender: unknown('no source'),
    institutionType: unknown('no source'),
    reportsToBureau: REPORTING_UNKNOWN,
    bureauType: unknown('no source'),
    bureauLayout: unknown('no source'),
  },
};

/** Draws under a Jiebei or Weilidai line: in the per-draw layout each one is a reported account. */
const DRAW_TABLE: Partial<Record<Product, Partial<ProductDefaults>>> = {
  jiebei: {
    kind: { value: 'draw', grade: 'C', source: 'docs/domain/platform-products.md#jiebei: each draw' },
    bureauType: {
      value: 'R4',
      grade: 'B',
      source: 'docs/domain/pboc-report.md#account-types: R4 循环额度下分账户, a sub-account drawn under a revolving line, its 授信协议 (PD01A AI04, PD02); 分期等额本息 → 循环额度下分 (#classifying-a-loan-without-a-type)',
      note: LAYOUT_CONFIRM_NOTE,
    },
  },
  weilidai: {
    kind: { value: 'draw', grade: 'C', source: 'docs/domain/platform-products.md#weilidai: each draw is a separate contract' },
    bureauType: {
      value: 'R4',
      grade: 'B',
      source: 'docs/domain/pboc-report.md#account-types: R4 循环额度下分账户, a sub-account drawn under a revolving line, its 授信协议 (PD01A AI04, PD02); each draw its own contract under the line (restaurantenna.com/post/5543.html)',
      note: LAYOUT_CONFIRM_NOTE,
    },
  },
};

export const PRODUCT_DEFAULTS: Readonly<Record<Product, ProductDefaults>> = LINE_TABLE;

export function defaultsFor(product: Product, kind?: AccountKind): ProductDefaults {
  const line = LINE_TABLE[product];
  if (kind !== 'draw') return line;
  return { ...line, ...DRAW_TABLE[product], bureauLayout: line.bureauLayout };
}

export const PRODUCT_NAMES: Record<Product, LocalizedText> = {
  huabei: { 'zh-CN': '花呗', en: 'Huabei' },
  jiebei: { 'zh-CN': '借呗', en: 'Jiebei' },
  weilidai: { 'zh-CN': '微粒贷', en: 'Weilidai' },
  baitiao: { 'zh-CN': '京东白条', en: 'JD Baitiao' },
  meituan_yuefu: { 'zh-CN': '美团月付', en: 'Meituan Yuefu' },
  credit_card: { 'zh-CN': '信用卡', en: 'Credit card' },
  bank_loan: { 'zh-CN': '银行贷款', en: 'Bank loan' },
  mortgage: { 'zh-CN': '房贷', en: 'Mortgage' },
  car_loan: { 'zh-CN': '车贷', en: 'Car loan' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
