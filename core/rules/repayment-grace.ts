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
 * The industry convention for bank credit cards: the China Banking Association's 中国银行卡行业自律公约
 * (revised February 2013, in force 1 July 2013), article 14, asks member banks for 容时 of at
 * least 3 days after the due day and 容差 of at least ¥10 of a shortfall treated as paid in full.
 * Self-regulation, not law, and a floor: issuers publish their own terms (in 2013 ABC and CCB gave
 * 2 days), so each issuer's rule is editable (docs/domain/lender-heuristics.md#grace-and-tolerance).
 */
export const DEFAULT_CARD_GRACE: GraceRule = {
  graceDays: 3,
  toleranceFen: 1000,
  source: '中国银行卡行业自律公约 art. 14 (China Banking Association, in force 2013-07-01): 容时 at least 3 days, 容差 at least ¥10 (docs/domain/lender-heuristics.md#grace-and-tolerance); editable per issuer',
};

/** Products with no published grace: a repayment after the due day, or short by any amount, is late. */
export const NO_GRACE: GraceRule = {
  graceDays: 0,
  toleranceFen: 0,
  source: 'no grace or tolerance published for this product: judged on the due day, to the fen',
};

/** Lenders whose rule differs from the kind's default, by the lender name the ledger carries. */
export const ISSUER_GRACE_RULES: Readonly<Record<string, GraceRule>> = {};

/**
 * The issuer a rule is looked up by: the account's lender, or for a card entered by hand with only
 * its bank, that bank (an imported card's lender is its bank already).
 */
export function issuerOf(account: { lender: string | null; bank: string | null }): string | null {
  return account.lender ?? account.bank;
}

/** Whose rule an account was judged with: the user's for its issuer, the table's, the card convention, or none. */
export const GRACE_ORIGINS = ['profile', 'issuer', 'card_default', 'none'] as const;
export type GraceOrigin = (typeof GRACE_ORIGINS)[number];

/** The rule for an account and whose it is: the profile's override for its lender, the table's, or the default of its kind (cards get the convention; loans none). */
export function graceRuleOf(lender: string | null, revolving: boolean, overrides: Readonly<Record<string, GraceRule>> = {}): { rule: GraceRule; origin: GraceOrigin } {
  if (lender !== null) {
    if (overrides[lender]) return { rule: overrides[lender], origin: 'profile' };
    if (ISSUER_GRACE_RULES[lender]) return { rule: ISSUER_GRACE_RULES[lender], origin: 'issuer' };
  }
  return revolving ? { rule: DEFAULT_CARD_GRACE, origin: 'card_default' } : { rule: NO_GRACE, origin: 'none' };
}

export function graceRuleFor(lender: string | null, revolving: boolean, overrides: Readonly<Record<string, GraceRule>> = {}): GraceRule {
  return graceRuleOf(lender, revolving, overrides).rule;
}
