// The two languages every user-visible string is written in: Simplified Chinese first, English
// second. One type for all of them: errors, rule tables, explanations, the UI. The list is the one
// source: the type, the renderer's locale switch and the wire schema (core/wire) are made from it.

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalizedText = Record<Locale, string>;
