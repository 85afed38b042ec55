// Redaction of what leaves in a package, as a versioned table of rules 
// (docs/domain/consent-law.md#export-packages, issue 13). Field rules mask a whole value where the column is known to
// name a person; text rules find identifiers inside any text (a note, an item, a counterparty) and
// mask them. The manifest lists the rules applied, with synthetic examples only.

import type { LocalizedText } from '../shared/localized-text.ts';
import type { Cell, Row } from './categories/types.ts';

export const REDACTION_PROFILE = 'default@1';

export interface RedactionRule {
  id: string;
  /** The column whose whole value it masks (`category.column`), or null: it finds identifiers in every text. */
  field: string | null;
  /** When it applies to that column. */
  when?: string;
  method: 'surname_only' | 'last_four' | 'phone_middle' | 'city_only';
  label: LocalizedText;
  /** A made-up value and what the rule makes of it. */
  example: [string, string];
}

export const REDACTION_RULES: readonly RedactionRule[] = [
  {
    id: 'principal_name',
    field: 'profile.name',
    method: 'surname_only',
    label: { 'zh-CN': '本人姓名只保留姓', en: 'The person’s name: surname only' },
    example: ['张三', '张*'],
  },
  {
    id: 'principal_name_in_text',
    field: null,
    method: 'surname_only',
    label: { 'zh-CN': '文字中出现的本人姓名只保留姓', en: 'The person’s name wherever it appears in text: surname only' },
    example: ['转账给张三', '转账给张*'],
  },
  {
    id: 'transfer_counterparty',
    field: 'transactions.counterparty',
    when: 'transfers and red packets (转账, 红包)',
    method: 'surname_only',
    label: { 'zh-CN': '转账、红包对方姓名只保留姓', en: 'Names of people paid by transfer or red packet: surname only' },
    example: ['李四', '李*'],
  },
  {
    id: 'id_number',
    field: null,
    method: 'last_four',
    label: { 'zh-CN': '身份证号只保留后四位', en: 'Resident ID numbers: last four only' },
    example: ['110101199001011234', '**************1234'],
  },
  {
    id: 'card_number',
    field: null,
    method: 'last_four',
    label: { 'zh-CN': '银行卡号、账号只保留后四位', en: 'Card and account numbers: last four only' },
    example: ['6222000011112222333', '***************2333'],
  },
  {
    id: 'phone',
    field: null,
    method: 'phone_middle',
    label: { 'zh-CN': '手机号隐去中间四位', en: 'Mobile numbers: middle four hidden' },
    example: ['13800001234', '138****1234'],
  },
  {
    id: 'address',
    field: null,
    method: 'city_only',
    label: { 'zh-CN': '地址只保留到城市', en: 'Addresses: down to the city only' },
    example: ['某某市某某区某某路1号', '某某市'],
  },
];

/** The rules that can touch a package of this scope: the text rules, and the field rules of columns in it. */
export function rulesFor(scope: readonly { code: string; fields: readonly string[] }[]): RedactionRule[] {
  const columns = new Set(scope.flatMap((s) => s.fields.map((f) => `${s.code}.${f}`)));
  return REDACTION_RULES.filter((r) => r.field === null || columns.has(r.field));
}

/** 张三 → 张*, John Smith → J*: the first character (a surname in Chinese order), then one star. */
export function surnameOnly(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '' : `${first}*`;
}

const lastFour = (digits: string) => '*'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);

// 18-character resident ID (17 digits and a digit or X) or the old 15-digit one, standing alone.
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
// Card and account numbers: 12 to 19 digits, alone or in groups of four (6222 0000 1111 2222).
const CARD_NUMBER = /(?<!\d)(?:\d{12,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?)(?!\d)/g;
// Mainland mobile numbers, optionally +86 and 3-4-4 separators.
const PHONE = /(?<!\d)(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g;
// A province and/or city, then the district, street or house that makes it an address.
const HAN = '[\\p{Script=Han}]';
const ADDRESS = new RegExp(
  `((?:${HAN}{2,8}?(?:省|自治区))?${HAN}{2,8}?(?:市|自治州|地区|盟))` +
    `[\\p{Script=Han}A-Za-z0-9\\-－#（）()]*?(?:区|县|旗|镇|乡|街道|路|街|巷|弄|号|栋|幢|单元|室)[\\p{Script=Han}A-Za-z0-9\\-－#（）()]*`,
  'gu',
);

export interface Redactor {
  text(value: string): string;
  row(category: string, row: Row): Row;
}

/** The redactor for one principal: `names` are the profile's name and the name typed to sign. */
export function createRedactor(names: readonly string[]): Redactor {
  const people = [...new Set(names.map((n) => n.trim()).filter((n) => [...n].length >= 2))].sort((a, b) => b.length - a.length);
  const text = (value: string): string => {
    let out = value;
    for (const name of people) out = out.split(name).join(surnameOnly(name));
    return out
      .replace(ID_NUMBER, (id) => lastFour(id))
      .replace(CARD_NUMBER, (card) => lastFour(card.replace(/[ -]/g, '')))
      .replace(PHONE, (_whole, head: string, _middle: string, tail: string) => `${head}****${tail}`)
      .replace(ADDRESS, (_whole, city: string) => city);
  };
  const cell = (value: Cell): Cell => (typeof value === 'string' ? text(value) : value);
  return {
    text,
    row(category, row) {
      const out: Row = {};
      for (const [key, value] of Object.entries(row)) out[key] = cell(value);
      if (category === 'profile' && typeof row.name === 'string') out.name = surnameOnly(row.name);
      if (category === 'transactions' && typeof row.counterparty === 'string' && /转账|红包/.test(String(row.category ?? ''))) {
        out.counterparty = surnameOnly(row.counterparty);
      }
      return out;
    },
  };
}
