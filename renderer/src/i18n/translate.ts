import { LOCALES, type Locale } from '../../../core/shared/localized-text.ts';
import { catalogues, type MessageKey } from './catalogue.ts';

export type { Locale, MessageKey };
export type Params = Record<string, string | number>;

export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const locales: readonly Locale[] = LOCALES;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Unknown placeholders stay visible as `{name}` so a missing param shows up in review, not as blank text. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
