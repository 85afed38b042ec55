import type { Locale, LocalizedText } from '../shared/localized-text.ts';

// A consent's state follows from what was recorded and the clock; it is never stored, so it
// cannot fall out of step. The order is the order of precedence: a withdrawn consent stays
// withdrawn after its expiry date, an expired one is expired even with exports left.

export const CONSENT_STATES = ['active', 'expired', 'used_up', 'withdrawn', 'superseded'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export interface StateFacts {
  expires_at: string;
  max_exports: number;
  withdrawn_at: string | null;
  superseded_by: string | null;
}

/** `nowIso` and `expires_at` are +08:00 text of one width: text order is time order. */
export function consentState(facts: StateFacts, exportsUsed: number, nowIso: string): ConsentState {
  if (facts.withdrawn_at !== null) return 'withdrawn';
  if (facts.superseded_by !== null) return 'superseded';
  if (nowIso > facts.expires_at) return 'expired';
  if (exportsUsed >= facts.max_exports) return 'used_up';
  return 'active';
}

const STATE_NAMES: Record<ConsentState, LocalizedText> = {
  active: { 'zh-CN': '有效', en: 'active' },
  expired: { 'zh-CN': '已到期', en: 'expired' },
  used_up: { 'zh-CN': '次数已用完', en: 'used up' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  superseded: { 'zh-CN': '已被修改取代', en: 'superseded' },
};

export function stateName(state: ConsentState, locale: Locale): string {
  return STATE_NAMES[state][locale];
}
