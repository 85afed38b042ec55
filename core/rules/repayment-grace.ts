// Grace (容时) and tolerance (容差): when a late or short repayment still counts as on time. The one
// place that decides it; the history pass (core/ledger/history/due-check.ts) reads the rule of the
// account's lender. Data with its source and version, editable per issuer: a profile's own rules
// override the table by lender name.

import { z } from 'zod';

export const REPAYMENT_GRACE_RULES_VERSION = 'repayment-grace/2026-12-03';

export const graceRuleSchema = z.strictObject({
  /** Days after the due day within which a repayment is still on time (容时). */
  graceDays: z.int().min(0).max(30),
  /** A shortfall of at most this many fen against the amount due is treated as paid (容差). */
  toleranceFen: z.int().min(0).max(100_000),
  source: z.string(),
});
export type GraceRule = z.output<typeof graceRuleSchema>;

/**
 * The industry convention for bank credit cards: 3 days of 容时 and ¥10 of 容差, the service the
 * China Banking Association's card self-regulation (2013) asked issuers to offer; issuers publish
 * their own terms, so each is editable. Not verified against the convention's text in this
 * repository's domain docs: the source says so.
 */
export const DEFAULT_CARD_GRACE: GraceRule = {
  graceDays: 3,
  toleranceFen: 1000,
  source: 'industry convention for credit cards: 容时 3 days, 容差 ¥10 (China Banking Association card self-regulation, 2013; text not in docs/domain, to verify); editable per issuer',
};

/** Products with no published grace: a repayment after the due day, or short by any amount, is late. */
export const NO_GRACE: GraceRule = {
  graceDays: 0,
  toleranceFen: 0,
  source: 'no grace or tolerance published for this product: judged on the due day, to the fen',
};

/** Lenders whose rule differs from the kind's default, by the lender name the ledger carries. */
export const ISSUER_GRACE_RULES: Readonly<Record<string, GraceRule>> = {};

/** The rule for an account: the profile's override for its lender, the table's, or the default of its kind (cards get the convention; loans none). */
export function graceRuleFor(lender: string | null, revolving: boolean, overrides: Readonly<Record<string, GraceRule>> = {}): GraceRule {
  if (lender !== null) {
    const own = overrides[lender] ?? ISSUER_GRACE_RULES[lender];
    if (own) return own;
  }
  return revolving ? DEFAULT_CARD_GRACE : NO_GRACE;
}
