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
