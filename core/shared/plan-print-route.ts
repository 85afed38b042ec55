// The printed plan's address: `#/plan/print?profile=ID&lang=zh-CN|en|both[&asOf=DAY][&presentation=1]`,
// the one format the CLI's printer (core/cli/plan-pdf.ts), the desktop app and the Plan page open
// and the print view (renderer/src/plan/PrintPlan.tsx) reads. Node-free: the renderer imports it.

import type { Locale } from './localized-text.ts';

export type PrintLanguages = Locale | 'both';

export interface PrintParams {
  profileId: string | null;
  lang: PrintLanguages;
  asOf?: string;
  /** Presentation mode: amounts and identifiers masked in the printed plan. */
  presentation?: boolean;
}

export function isPrintHash(hash: string): boolean {
  return /^#\/?plan\/print(\?|$)/.test(hash);
}

export function printHash({ profileId, lang, asOf, presentation }: PrintParams): string {
  const query = new URLSearchParams({ profile: profileId ?? '', lang });
  if (asOf) query.set('asOf', asOf);
  if (presentation) query.set('presentation', '1');
  return `#/plan/print?${query.toString()}`;
}

export function parsePrintHash(hash: string): PrintParams {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const lang = query.get('lang');
  const asOf = query.get('asOf');
  return {
    profileId: query.get('profile') || null,
    lang: lang === 'en' || lang === 'both' ? lang : 'zh-CN',
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined,
    presentation: query.get('presentation') === '1',
  };
}

export function printLanguages(lang: PrintLanguages): Locale[] {
  return lang === 'both' ? ['zh-CN', 'en'] : [lang];
}
