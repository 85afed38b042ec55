// Input rules for everything the user enters in the ledger, with a message per field in both
// languages. Any issue zod finds on a field is reported with that field's rule, so a form can
// put the sentence right under the field; rules across fields have their own sentences.

import { z } from 'zod';
import { CredenceError } from '../shared/errors.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { parseDay, parseMonth, today } from '../shared/calendar.ts';
import { ACCOUNT_KINDS, BUREAU_LAYOUTS, BUREAU_TYPES, INSTITUTION_TYPES, PRODUCTS, REPAYMENT_METHODS, REPORTS_TO_BUREAU } from '../shared/ledger-vocabulary.ts';
import { STATUS_CODES } from '../shared/status-alphabet.ts';

/** A real calendar day as YYYY-MM-DD; `format` tells readers of the schema (CLI help) what to type. */
export const dateSchema = z.string().refine((text) => parseDay(text) !== null).meta({ format: 'date' });
/** A month as YYYY-MM. */
export const monthSchema = z.string().refine((text) => parseMonth(text) !== null).meta({ format: 'month' });
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().max(max);

export const accountFieldSchemas = {
  name: z.string().trim().min(1).max(80),
  product: z.enum(PRODUCTS),
  kind: z.enum(ACCOUNT_KINDS),
  parentId: z.number().int().positive().nullable(),
  lender: text(100).nullable(),
  institutionType: z.enum(INSTITUTION_TYPES).nullable(),
  bank: z.string().trim().min(2).max(30).nullable(),
  cardLast4: z.string().regex(/^\d{4}$/).nullable(),
  limitFen: fen.nullable(),
  sharedLine: z.string().trim().min(1).max(40).nullable(),
  principalFen: fen.nullable(),
  openedOn: dateSchema.nullable(),
  closedOn: dateSchema.nullable(),
  statementDay: z.number().int().min(1).max(31).nullable(),
  dueDay: z.number().int().min(1).max(31).nullable(),
  minimumPaymentBp: z.number().int().min(1).max(10000).nullable(),
  termMonths: z.number().int().min(1).max(600).nullable(),
  annualRateBp: z.number().int().min(0).max(10000).nullable(),
  repaymentMethod: z.enum(REPAYMENT_METHODS).nullable(),
  reportsToBureau: z.enum(REPORTS_TO_BUREAU),
  bureauSinceMonth: monthSchema.nullable(),
  bureauType: z.enum(BUREAU_TYPES).nullable(),
  bureauLayout: z.enum(BUREAU_LAYOUTS).nullable(),
  openingBalanceFen: fen.nullable(),
  openingBalanceOn: dateSchema.nullable(),
  note: text(500).nullable(),
  dismissed: z.boolean(),
} as const;

export type AccountField = keyof typeof accountFieldSchemas;
export const ACCOUNT_FIELDS = Object.keys(accountFieldSchemas) as AccountField[];
export type AccountInput = Partial<{ [K in AccountField]: z.output<(typeof accountFieldSchemas)[K]> }>;

const accountInputSchema = z.strictObject(
  Object.fromEntries(ACCOUNT_FIELDS.map((field) => [field, accountFieldSchemas[field].optional()])) as {
    [K in AccountField]: z.ZodOptional<(typeof accountFieldSchemas)[K]>;
  },
);

export const monthFactSchema = z.strictObject({
  balanceFen: fen.nullable().optional(),
  amountDueFen: fen.nullable().optional(),
  minimumDueFen: fen.nullable().optional(),
  amountPaidFen: fen.nullable().optional(),
  status: z.enum(STATUS_CODES).nullable().optional(),
  note: text(500).nullable().optional(),
});
export type MonthFactInput = z.output<typeof monthFactSchema>;

export const installmentSchema = z.strictObject({
  label: text(80).nullable().optional(),
  principalFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  feeFen: fen.optional(),
  periods: z.number().int().min(1).max(120),
  firstMonth: monthSchema,
});
export type InstallmentInput = z.output<typeof installmentSchema>;

/** The sentence shown under a field when its value breaks its rule. */
export const FIELD_RULES: Record<string, LocalizedText> = {
  name: { 'zh-CN': '名称须为 1 到 80 个字', en: 'Name must be 1 to 80 characters' },
  product: { 'zh-CN': '请选择一种产品', en: 'Choose a product' },
  kind: { 'zh-CN': '请选择账户类型（循环额度、借款额度、单笔借款、贷款）', en: 'Choose how the account works (revolving, loan line, draw, loan)' },
  parentId: { 'zh-CN': '所属借款额度须为一个已有账户', en: 'The line must be an existing account' },
  lender: { 'zh-CN': '放款机构最多 100 个字', en: 'Lender: at most 100 characters' },
  institutionType: { 'zh-CN': '机构类型须为征信报告的机构类型代码（如 11、24、51）', en: 'Institution type must be a credit-report code (e.g. 11, 24, 51)' },
  bank: { 'zh-CN': '银行名称须为 2 到 30 个字，如「招商银行」', en: 'Bank name must be 2 to 30 characters, e.g. 招商银行' },
  cardLast4: { 'zh-CN': '卡号后四位须为 4 位数字', en: 'Last four digits must be 4 digits' },
  limitFen: { 'zh-CN': '额度须为不小于 0 的金额（最多两位小数）', en: 'Limit must be an amount of 0 or more (at most 2 decimals)' },
  sharedLine: { 'zh-CN': '共享额度名称须为 1 到 40 个字', en: 'Shared line name must be 1 to 40 characters' },
  principalFen: { 'zh-CN': '本金须为不小于 0 的金额（最多两位小数）', en: 'Principal must be an amount of 0 or more (at most 2 decimals)' },
  openedOn: { 'zh-CN': '开户日期须为 YYYY-MM-DD 格式的真实日期', en: 'Open date must be a real date as YYYY-MM-DD' },
  closedOn: { 'zh-CN': '结清/销户日期须为 YYYY-MM-DD 格式的真实日期', en: 'Close date must be a real date as YYYY-MM-DD' },
  statementDay: { 'zh-CN': '账单日须为 1 到 31 之间的整数', en: 'Statement day must be a whole number from 1 to 31' },
  dueDay: { 'zh-CN': '还款日须为 1 到 31 之间的整数', en: 'Due day must be a whole number from 1 to 31' },
  minimumPaymentBp: { 'zh-CN': '最低还款比例须在 0.01% 到 100% 之间', en: 'Minimum payment must be between 0.01% and 100%' },
  termMonths: { 'zh-CN': '期数须为 1 到 600 个月', en: 'Term must be 1 to 600 months' },
  annualRateBp: { 'zh-CN': '年利率须在 0% 到 100% 之间（最多两位小数）', en: 'Annual rate must be between 0% and 100% (at most 2 decimals)' },
  repaymentMethod: { 'zh-CN': '请选择还款方式', en: 'Choose a repayment method' },
  reportsToBureau: { 'zh-CN': '是否上报征信须为 是 / 否 / 不知道', en: 'Reported to the bureau must be yes, no or unknown' },
  bureauSinceMonth: { 'zh-CN': '开始上报月份须为 YYYY-MM', en: 'Reported since must be a month as YYYY-MM' },
  bureauType: { 'zh-CN': '征信账户类型须为 D1、R4、R1、R2 或 R3', en: 'Bureau account type must be D1, R4, R1, R2 or R3' },
  bureauLayout: { 'zh-CN': '请选择上报方式', en: 'Choose how it is reported' },
  openingBalanceFen: { 'zh-CN': '期初欠款须为不小于 0 的金额', en: 'Opening balance must be an amount of 0 or more' },
  openingBalanceOn: { 'zh-CN': '期初日期须为 YYYY-MM-DD 格式的真实日期', en: 'Opening balance date must be a real date as YYYY-MM-DD' },
  note: { 'zh-CN': '备注最多 500 个字', en: 'Note: at most 500 characters' },
  dismissed: { 'zh-CN': '隐藏标记须为是或否', en: 'Hidden must be true or false' },
  // month facts
  balanceFen: { 'zh-CN': '余额须为不小于 0 的金额', en: 'Balance must be an amount of 0 or more' },
  amountDueFen: { 'zh-CN': '应还金额须为不小于 0 的金额', en: 'Amount due must be an amount of 0 or more' },
  minimumDueFen: { 'zh-CN': '最低还款额须为不小于 0 的金额', en: 'Minimum due must be an amount of 0 or more' },
  amountPaidFen: { 'zh-CN': '实还金额须为不小于 0 的金额', en: 'Amount paid must be an amount of 0 or more' },
  status: { 'zh-CN': '还款状态须为征信报告的代码（N、1–7、*、#、C、M 等）', en: 'Status must be a credit-report code (N, 1–7, *, #, C, M, …)' },
  month: { 'zh-CN': '月份须为 YYYY-MM', en: 'Month must be YYYY-MM' },
  // instalments
  label: { 'zh-CN': '名称最多 80 个字', en: 'Label: at most 80 characters' },
  feeFen: { 'zh-CN': '手续费须为不小于 0 的金额', en: 'Fee must be an amount of 0 or more' },
  periods: { 'zh-CN': '分期期数须为 1 到 120', en: 'Periods must be 1 to 120' },
  firstMonth: { 'zh-CN': '首期月份须为 YYYY-MM', en: 'First month must be YYYY-MM' },
  // queries and observations
  queriedOn: { 'zh-CN': '查询日期须为 YYYY-MM-DD 格式的真实日期', en: 'Query date must be a real date as YYYY-MM-DD' },
  institution: { 'zh-CN': '查询机构须为 1 到 100 个字', en: 'Institution must be 1 to 100 characters' },
  reasonCode: { 'zh-CN': '查询原因须为征信报告的查询原因（如 02 贷款审批）', en: 'Reason must be a credit-report query reason (e.g. 02 loan approval)' },
  kindObservation: { 'zh-CN': '请选择评分种类', en: 'Choose which score' },
  value: { 'zh-CN': '分值须为整数，在该评分的范围内', en: 'Score must be a whole number within that score’s range' },
  observedOn: { 'zh-CN': '日期须为 YYYY-MM-DD 格式的真实日期，且不晚于今天', en: 'Date must be a real date as YYYY-MM-DD, not after today' },
  // rules across fields
  closed_before_opened: { 'zh-CN': '结清/销户日期不能早于开户日期', en: 'The close date cannot be before the open date' },
  opening_pair: { 'zh-CN': '期初欠款与期初日期须同时填写', en: 'Give both the opening balance and its date' },
  last4_not_card: { 'zh-CN': '只有信用卡才有卡号后四位', en: 'Only a credit card has last four digits' },
  shared_line_not_revolving: { 'zh-CN': '只有信用卡等循环额度账户才能共享额度', en: 'Only a card or other revolving account can share a line' },
  draw_needs_line: { 'zh-CN': '单笔借款须指定所属的借款额度', en: 'A draw needs the line it was drawn from' },
  minimum_above_due: { 'zh-CN': '最低还款额不能大于应还金额', en: 'The minimum due cannot exceed the amount due' },
  other_needs_label: { 'zh-CN': '「其他评分」须填写评分名称', en: 'An "other" score needs its name' },
  unknown_field: { 'zh-CN': '不认识的字段', en: 'Unknown field' },
  asOf: { 'zh-CN': '计算日期须为 YYYY-MM-DD 格式的真实日期', en: 'The as-of date must be a real date as YYYY-MM-DD' },
};

export interface FieldProblem {
  field: string;
  rule: string;
  message: LocalizedText;
}

export function invalid(problems: FieldProblem[]): CredenceError {
  return new CredenceError('ledger.invalid_input', {
    fields: problems,
    fieldsZh: problems.map((p) => p.message['zh-CN']).join('；'),
    fieldsEn: problems.map((p) => p.message.en).join('; '),
  });
}

export function problem(field: string, rule: string = field): FieldProblem {
  return { field, rule, message: FIELD_RULES[rule] ?? FIELD_RULES.unknown_field };
}

/** Parses with a schema and throws `ledger.invalid_input` naming every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, fieldAlias: Record<string, string> = {}): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? 'input')];
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      const rule = issue.code === 'unrecognized_keys' ? 'unknown_field' : (fieldAlias[key] ?? key);
      problems.push({ field: key, rule, message: FIELD_RULES[rule] ?? FIELD_RULES.unknown_field });
    }
  }
  throw invalid(problems);
}

export function parseAccountInput(input: unknown): AccountInput {
  return parseInput(accountInputSchema, input) as AccountInput;
}


/** The day a read or an edit is for (`--as-of`, a channel's `asOf`): the date given, or today. */
export function asOfFrom(text: unknown): number {
  if (typeof text !== 'string') return today();
  const day = parseDay(text);
  if (day === null) throw invalid([problem('asOf')]);
  return day;
}
