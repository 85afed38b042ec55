// What each field a CLI command takes means, in both languages, keyed by the schema that
// validates it: a field added to one of those schemas fails the typecheck here until it is
// described. Types, ranges and choices come from the schema itself (fields.ts); the words match
// the app's form labels.

import type { accountFieldSchemas, installmentSchema, monthFactSchema } from '../ledger/validation.ts';
import type { observationSchema } from '../ledger/observations.ts';
import type { querySchema } from '../ledger/queries.ts';
import type { profileFactsSchema } from '../settings/profile-facts-schema.ts';
import type { ruleSettingSchema } from '../settings/bureau-settings.ts';
import type { graceSettingSchema } from '../settings/conventions.ts';
import type { LocalizedText } from '../shared/localized-text.ts';

type HelpFor<Shape> = { readonly [K in keyof Shape]-?: LocalizedText };

export const ACCOUNT_FIELD_HELP: HelpFor<typeof accountFieldSchemas> = {
  name: { 'zh-CN': '名称（不填时按产品、银行和卡号生成）', en: 'name (made from the product, bank and card digits when left out)' },
  product: { 'zh-CN': '产品', en: 'product' },
  kind: { 'zh-CN': '账户类型：循环额度、借款额度、单笔借款、贷款（不填时按产品）', en: 'how it works: revolving, loan line, draw, loan (from the product when left out)' },
  parentId: { 'zh-CN': '单笔借款所属的借款额度（账户编号）', en: 'the loan line a draw was drawn from (account id)' },
  lender: { 'zh-CN': '放款机构（征信报告上的机构）', en: 'lender of record (the institution on the credit report)' },
  institutionType: { 'zh-CN': '机构类型（征信报告的机构类型代码）', en: 'institution type (credit-report code)' },
  bank: { 'zh-CN': '银行（信用卡、银行贷款）', en: 'bank (credit cards, bank loans)' },
  cardLast4: { 'zh-CN': '卡号后四位（信用卡）', en: 'last four digits (credit cards)' },
  limitFen: { 'zh-CN': '额度', en: 'credit limit' },
  sharedLine: { 'zh-CN': '共享额度名称：同一机构填相同名称的卡共用一个额度，只计一次', en: 'shared line name: cards of one lender with the same name share one limit, counted once' },
  principalFen: { 'zh-CN': '本金（借款、贷款）', en: 'principal (draws and loans)' },
  openedOn: { 'zh-CN': '开户/放款日期', en: 'opened or disbursed on' },
  closedOn: { 'zh-CN': '结清/销户日期', en: 'settled or closed on' },
  statementDay: { 'zh-CN': '账单日（每月几号）', en: 'statement day (day of the month)' },
  dueDay: { 'zh-CN': '还款日（每月几号）', en: 'due day (day of the month)' },
  minimumPaymentBp: { 'zh-CN': '最低还款比例', en: 'minimum payment share' },
  termMonths: { 'zh-CN': '期数（月）', en: 'term in months' },
  annualRateBp: { 'zh-CN': '年利率', en: 'annual rate' },
  repaymentMethod: { 'zh-CN': '还款方式', en: 'repayment method' },
  reportsToBureau: { 'zh-CN': '是否上报征信', en: 'on the credit report' },
  bureauSinceMonth: { 'zh-CN': '开始上报月份', en: 'reported since (month)' },
  bureauType: { 'zh-CN': '征信账户类型（D1 非循环贷、R4 循环额度下分账户、R1 循环贷、R2 贷记卡、R3 准贷记卡）', en: 'bureau account type (D1 instalment loan, R4 draw under a line, R1 revolving loan, R2 credit card, R3 semi-credit card)' },
  bureauLayout: { 'zh-CN': '上报方式：每笔借款一个账户，或合并为一个', en: 'how it is reported: one account per draw, or merged into one' },
  openingBalanceFen: { 'zh-CN': '某日欠款（导入的账单开始之前）', en: 'balance owed on a day (before the imported bills begin)' },
  openingBalanceOn: { 'zh-CN': '该日期（当日无逾期）', en: 'that day (nothing overdue then)' },
  note: { 'zh-CN': '备注', en: 'note' },
  dismissed: { 'zh-CN': '隐藏（不计入报告和评分）', en: 'hidden (left out of the report and the scores)' },
};

export const MONTH_FACT_HELP: HelpFor<typeof monthFactSchema.shape> = {
  balanceFen: { 'zh-CN': '月末欠款', en: 'owed at month end' },
  amountDueFen: { 'zh-CN': '本月应还', en: 'amount due' },
  minimumDueFen: { 'zh-CN': '最低还款', en: 'minimum due' },
  amountPaidFen: { 'zh-CN': '还款日前实还', en: 'paid by the due date' },
  status: { 'zh-CN': '征信报告上的还款状态（不填时按数据推算）', en: 'repayment status on the report (derived from the data when left out)' },
  note: { 'zh-CN': '备注', en: 'note' },
};

export const INSTALLMENT_HELP: HelpFor<typeof installmentSchema.shape> = {
  label: { 'zh-CN': '名称', en: 'label' },
  principalFen: { 'zh-CN': '分期本金', en: 'principal split into periods' },
  feeFen: { 'zh-CN': '手续费合计', en: 'total fee' },
  periods: { 'zh-CN': '期数', en: 'number of periods' },
  firstMonth: { 'zh-CN': '首期账单月份', en: 'first statement month' },
};

export const QUERY_HELP: HelpFor<typeof querySchema.shape> = {
  queriedOn: { 'zh-CN': '查询日期', en: 'date of the query' },
  institution: { 'zh-CN': '查询机构', en: 'institution that queried' },
  institutionType: { 'zh-CN': '机构类型（征信报告的机构类型代码）', en: 'institution type (credit-report code)' },
  reasonCode: { 'zh-CN': '查询原因代码（02 贷款审批、03 信用卡审批、01 贷后管理……）', en: 'query reason code (02 loan approval, 03 card approval, 01 post-loan management, …)' },
  note: { 'zh-CN': '备注', en: 'note' },
};

export const OBSERVATION_HELP: HelpFor<typeof observationSchema.shape> = {
  kind: { 'zh-CN': '哪种评分（芝麻分、微信支付分、其他）', en: 'which score (Sesame, WeChat Pay Score, other)' },
  label: { 'zh-CN': '评分名称（「其他」评分必填）', en: 'name of the score (needed for "other")' },
  value: { 'zh-CN': '在应用里看到的分值', en: 'the score the app showed' },
  observedOn: { 'zh-CN': '看到的日期', en: 'the day you saw it' },
  note: { 'zh-CN': '备注', en: 'note' },
};

export const PROFILE_FACT_HELP: HelpFor<typeof profileFactsSchema.shape> = {
  monthlyIncomeFen: { 'zh-CN': '税后月收入（负债收入比用它）', en: 'monthly income after tax (debt-to-income reads it)' },
  education: { 'zh-CN': '学历', en: 'education' },
  occupation: { 'zh-CN': '职业', en: 'occupation' },
  socialInsurance: { 'zh-CN': '缴纳社保', en: 'pays social insurance' },
  providentFund: { 'zh-CN': '缴纳公积金', en: 'pays into a housing provident fund' },
  ownsHome: { 'zh-CN': '有房产', en: 'owns a home' },
  ownsVehicle: { 'zh-CN': '有车辆', en: 'owns a vehicle' },
  phoneYears: { 'zh-CN': '手机号使用年数', en: 'years with this phone number' },
  addressYears: { 'zh-CN': '现住址居住年数', en: 'years at this address' },
};

export const RULE_SETTING_HELP: HelpFor<typeof ruleSettingSchema.shape> = {
  warn: { 'zh-CN': '注意线（达到即提示注意；按规则的单位）', en: 'warning level (in the rule’s unit)' },
  fail: { 'zh-CN': '不通过线（达到即不通过；按规则的单位）', en: 'failing level (in the rule’s unit)' },
  windowMonths: { 'zh-CN': '时间窗口（月，仅连三、累六可选 12 或 24）', en: 'look-back window in months (12 or 24, for 连三 and 累六 only)' },
};

export const GRACE_SETTING_HELP: HelpFor<typeof graceSettingSchema.shape> = {
  graceDays: { 'zh-CN': '容时：到期还款日后仍算按时还款的天数（0 到 30）', en: 'grace (容时): days after the due day a repayment still counts as on time (0 to 30)' },
  toleranceFen: { 'zh-CN': '容差：少还不超过此金额仍算还清（元，0 到 1000）', en: 'tolerance (容差): a shortfall of at most this much still counts as paid (yuan, 0 to 1000)' },
};
