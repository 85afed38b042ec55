// The terms a consent is granted on, as the consent screen and `credence consent grant` send
// them: validated here, every bad field named in both languages (consent.invalid_terms), and
// normalised (categories and fields in catalogue order, the purpose's text filled in).

import { z } from 'zod';
import { CredenceError } from '../shared/errors.ts';
import type { Locale, LocalizedText } from '../shared/localized-text.ts';
import { formatDay, parseDay } from '../shared/calendar.ts';
import { LIMITS, PURPOSE_CODES, PURPOSES, RECIPIENT_KINDS, RECIPIENT_LOCATIONS, type PurposeCode } from './catalogue.ts';
import { CATEGORIES, categoryOf } from './categories/index.ts';

const day = z.string().refine((text) => parseDay(text) !== null);

export const termsSchema = z.strictObject({
  recipient: z.strictObject({
    name: z.string().trim().min(1).max(80),
    kind: z.enum(RECIPIENT_KINDS),
    contact: z.string().trim().min(1).max(120),
    location: z.enum(RECIPIENT_LOCATIONS),
  }),
  purpose: z.strictObject({ code: z.enum(PURPOSE_CODES), text: z.string().trim().max(200).optional() }),
  categories: z.array(z.strictObject({ code: z.string(), fields: z.array(z.string()).min(1) })).min(1),
  expiresOn: day,
  maxExports: z.number().int().min(1).max(LIMITS.maxExports),
  recipientDeleteBy: day,
  language: z.enum(['zh-CN', 'en']),
});

export type TermsInput = z.input<typeof termsSchema>;

export interface ConsentTerms {
  recipient: { name: string; kind: (typeof RECIPIENT_KINDS)[number]; contact: string; location: (typeof RECIPIENT_LOCATIONS)[number] };
  purpose: { code: PurposeCode; text: string };
  categories: { code: string; fields: string[] }[];
  expiresOn: string;
  maxExports: number;
  recipientDeleteBy: string;
  language: Locale;
}

/** A set of fields by category, as an export request or a consent names them. */
export type Scope = { code: string; fields: string[] }[];

const RULES: Record<string, LocalizedText> = {
  recipient: { 'zh-CN': '请填写接收方', en: 'Fill in the recipient' },
  'recipient.name': { 'zh-CN': '接收方名称须为 1 到 80 个字', en: 'Recipient name: 1 to 80 characters' },
  'recipient.kind': { 'zh-CN': '请选择接收方是个人还是机构', en: 'Choose whether the recipient is an individual or an organisation' },
  'recipient.contact': { 'zh-CN': '请填写接收方联系方式（最多 120 个字）', en: 'Give the recipient’s contact (at most 120 characters)' },
  'recipient.location': { 'zh-CN': '请选择接收方在中国境内还是境外', en: 'Choose whether the recipient is inside or outside mainland China' },
  purpose: { 'zh-CN': '请选择目的', en: 'Choose a purpose' },
  'purpose.code': { 'zh-CN': '请选择目的', en: 'Choose a purpose' },
  'purpose.text': { 'zh-CN': '选择「其他」时须写明目的（最多 200 个字）', en: 'With “Other”, state the purpose (at most 200 characters)' },
  categories: { 'zh-CN': '请至少选择一类数据和其中的字段', en: 'Choose at least one kind of data and its fields' },
  unknown_category: { 'zh-CN': '数据类别 {code} 不存在', en: 'There is no data category {code}' },
  unknown_field: { 'zh-CN': '{code} 中没有字段 {field}', en: '{code} has no field {field}' },
  duplicate_category: { 'zh-CN': '数据类别 {code} 重复', en: 'The data category {code} is named twice' },
  expiresOn: {
    'zh-CN': `到期日须为今天之后、${LIMITS.maxDays} 天以内的日期（YYYY-MM-DD）`,
    en: `The expiry must be a date after today and within ${LIMITS.maxDays} days (YYYY-MM-DD)`,
  },
  maxExports: { 'zh-CN': `可导出次数须为 1 到 ${LIMITS.maxExports} 次`, en: `Exports allowed: 1 to ${LIMITS.maxExports}` },
  recipientDeleteBy: { 'zh-CN': '接收方删除期限须为不早于今天的日期（YYYY-MM-DD）', en: 'The recipient’s delete-by date must be today or later (YYYY-MM-DD)' },
  language: { 'zh-CN': '告知书语言须为 zh-CN 或 en', en: 'The notice language must be zh-CN or en' },
  unknown: { 'zh-CN': '有无法识别的内容', en: 'Contains something unrecognised' },
};

export interface TermsProblem {
  field: string;
  message: LocalizedText;
}

function fill(text: LocalizedText, params: Record<string, string>): LocalizedText {
  const put = (s: string) => s.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
  return { 'zh-CN': put(text['zh-CN']), en: put(text.en) };
}

function problem(field: string, rule = field, params: Record<string, string> = {}): TermsProblem {
  return { field, message: fill(RULES[rule] ?? RULES.unknown!, params) };
}

export function invalidTerms(problems: TermsProblem[]): CredenceError {
  return new CredenceError('consent.invalid_terms', {
    fields: problems,
    fieldsZh: problems.map((p) => p.message['zh-CN']).join('；'),
    fieldsEn: problems.map((p) => p.message.en).join('; '),
  });
}

/** The scope's categories and fields checked against the catalogue and put in its order. */
export function normaliseScope(scope: Scope, problems: TermsProblem[]): Scope {
  const seen = new Set<string>();
  for (const entry of scope) {
    const source = categoryOf(entry.code);
    if (!source) problems.push(problem('categories', 'unknown_category', { code: entry.code }));
    else if (seen.has(entry.code)) problems.push(problem('categories', 'duplicate_category', { code: entry.code }));
    else for (const field of entry.fields) if (!source.columns.some((c) => c.key === field)) problems.push(problem('categories', 'unknown_field', { code: entry.code, field }));
    seen.add(entry.code);
  }
  return CATEGORIES.filter((c) => seen.has(c.code)).map((c) => {
    const wanted = new Set(scope.filter((e) => e.code === c.code).flatMap((e) => e.fields));
    return { code: c.code, fields: c.columns.filter((col) => wanted.has(col.key)).map((col) => col.key) };
  });
}

/** Valid terms, normalised, for a grant on `today` (a day number, UTC+8). */
export function parseTerms(input: unknown, today: number): ConsentTerms {
  const parsed = termsSchema.safeParse(input);
  const problems: TermsProblem[] = [];
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p) => typeof p === 'string').slice(0, 2).join('.') || 'unknown';
      const field = RULES[path] ? path : (String(issue.path[0] ?? 'unknown'));
      if (seen.has(field)) continue;
      seen.add(field);
      problems.push(problem(field));
    }
    throw invalidTerms(problems);
  }
  const t = parsed.data;
  const categories = normaliseScope(t.categories, problems);
  const expires = parseDay(t.expiresOn)!;
  if (expires <= today || expires > today + LIMITS.maxDays) problems.push(problem('expiresOn'));
  if (parseDay(t.recipientDeleteBy)! < today) problems.push(problem('recipientDeleteBy'));
  const purposeText = t.purpose.text ?? '';
  if (t.purpose.code === 'other' && purposeText === '') problems.push(problem('purpose.text'));
  if (problems.length > 0) throw invalidTerms(problems);
  const label = PURPOSES.find((p) => p.code === t.purpose.code)!.label;
  return {
    recipient: t.recipient,
    purpose: { code: t.purpose.code, text: t.purpose.code === 'other' || purposeText !== '' ? purposeText : label[t.language] },
    categories,
    expiresOn: formatDay(expires),
    maxExports: t.maxExports,
    recipientDeleteBy: t.recipientDeleteBy,
    language: t.language,
  };
}
