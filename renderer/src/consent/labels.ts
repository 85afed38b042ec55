import type { Locale } from '../../../core/shared/localized-text.ts';
import type { Catalogue } from './types.ts';

/** "账户名称、额度（分）" for the fields of one category, in the catalogue's words. */
export function fieldList(catalogue: Catalogue, code: string, fields: readonly string[], locale: Locale): string {
  const category = catalogue.categories.find((c) => c.code === code);
  const names = fields.map((f) => category?.columns.find((c) => c.key === f)?.label[locale] ?? f);
  return names.join(locale === 'zh-CN' ? '、' : ', ');
}

export function categoryLabel(catalogue: Catalogue, code: string, locale: Locale): string {
  return catalogue.categories.find((c) => c.code === code)?.label[locale] ?? code;
}
