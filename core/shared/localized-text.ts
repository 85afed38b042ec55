// The two languages every user-visible string is written in: Simplified Chinese first, English
// second. One type for all of them: errors, rule tables, explanations, the UI.

export type Locale = 'zh-CN' | 'en';
export type LocalizedText = Record<Locale, string>;
