// A sentence of the client's plan ("pay ¥3,000 to 招商银行信用卡(1234) before its statement day,
// 5 March 2027") travels as a template and typed values, not as finished text, so that every
// amount and identifier in it is written by one formatter at the place that shows it: the CLI
// with the plain one, the page and the printed plan with the one presentation mode may swap in.
// The templates live in core/whatif/action-text.ts (what an action says) and core/plan (what its
// tracking found); this module only fills them. Node-free: the renderer imports it.

import { parseDay } from './calendar.ts';
import type { Locale, LocalizedText } from './localized-text.ts';
import { formatFen } from './money.ts';

export interface SentenceAccount {
  id: number;
  name: string;
  /** A card's last four digits, when the ledger knows them (an identifier: masked in presentation mode). */
  last4: string | null;
}

/** One value of a sentence, by what it is: the formatter writes each kind its own way. */
export type SentenceValue =
  | { fen: number }
  | { day: string }
  | { account: SentenceAccount }
  | { accounts: SentenceAccount[] }
  | { count: number }
  | { text: string };

export interface Sentence {
  template: LocalizedText;
  values: Record<string, SentenceValue>;
}

/** How each kind of value is written; presentation mode replaces `fen` and `account`. */
export interface SentenceFormat {
  fen(fen: number): string;
  account(account: SentenceAccount, locale: Locale): string;
  day(day: string, locale: Locale): string;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2027-03-05` → 2027年3月5日 / 5 March 2027 (a UTC+8 calendar day, as every date of the ledger). */
export function formatLongDay(day: string, locale: Locale): string {
  if (parseDay(day) === null) return day;
  const [y, m, d] = day.split('-').map(Number);
  return locale === 'zh-CN' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** 招商银行信用卡(1234): the account's name and, for a card, its last four digits. */
export function formatAccountLabel(account: SentenceAccount): string {
  return account.last4 && !account.name.includes(account.last4) ? `${account.name}(${account.last4})` : account.name;
}

export const PLAIN_FORMAT: SentenceFormat = {
  fen: (fen) => formatFen(fen, { dropZeroCents: true }),
  account: (account) => formatAccountLabel(account),
  day: formatLongDay,
};

function written(value: SentenceValue, locale: Locale, format: SentenceFormat): string {
  if ('fen' in value) return format.fen(value.fen);
  if ('day' in value) return format.day(value.day, locale);
  if ('account' in value) return format.account(value.account, locale);
  if ('accounts' in value) return value.accounts.map((a) => format.account(a, locale)).join(locale === 'zh-CN' ? '、' : ', ');
  if ('count' in value) return String(value.count);
  return value.text;
}

/** The sentence in `locale`, each `{name}` replaced by its value as `format` writes it. */
export function fillSentence(sentence: Sentence, locale: Locale, format: SentenceFormat = PLAIN_FORMAT): string {
  return sentence.template[locale].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = sentence.values[key];
    return value === undefined ? whole : written(value, locale, format);
  });
}
