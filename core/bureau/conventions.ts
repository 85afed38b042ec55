// The profile's credit conventions as the report and the settings form show them: each issuer's
// 容时 and 容差 and whose rule it is (the user's, the table's, the card convention), and the share
// of a revolving balance the debt-to-income rule counts, flagged where no source gives it. The
// issuers listed are the lenders of the profile's accounts, the banks Credence reads statements
// of (core/shared/platforms.ts) and any issuer the user or the table has a rule for.

import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import { DEBT_TO_INCOME, DEBT_TO_INCOME_VERSION } from '../rules/debt-to-income.ts';
import { DEFAULT_CARD_GRACE, graceRuleOf, issuerOf, ISSUER_GRACE_RULES, REPAYMENT_GRACE_RULES_VERSION } from '../rules/repayment-grace.ts';
import { BANK_PLATFORMS, bankName } from '../shared/platforms.ts';
import type { Conventions } from './conventions-schema.ts';

export function conventionsOf(snapshot: LedgerSnapshot): Conventions {
  const overrides = snapshot.settings.graceRules;
  const byLender = new Map<string, { accounts: number; revolving: boolean }>();
  const note = (lender: string, accounts: number, revolving: boolean) => {
    const seen = byLender.get(lender) ?? { accounts: 0, revolving: false };
    byLender.set(lender, { accounts: seen.accounts + accounts, revolving: seen.revolving || revolving });
  };
  for (const a of snapshot.accounts) {
    const issuer = issuerOf(a);
    if (issuer !== null) note(issuer, 1, a.kind === 'revolving');
  }
  for (const lender of [...BANK_PLATFORMS.map(bankName), ...Object.keys(ISSUER_GRACE_RULES), ...Object.keys(overrides)]) note(lender, 0, true);
  const issuers = [...byLender]
    .map(([lender, { accounts, revolving }]) => {
      const { rule, origin } = graceRuleOf(lender, revolving, overrides);
      return { lender, graceDays: rule.graceDays, toleranceFen: rule.toleranceFen, origin, source: rule.source, accounts };
    })
    .sort((a, b) => b.accounts - a.accounts || a.lender.localeCompare(b.lender, 'zh-CN'));
  const dti = snapshot.settings.debtToIncome;
  return {
    grace: { version: REPAYMENT_GRACE_RULES_VERSION, cardDefault: { ...DEFAULT_CARD_GRACE }, issuers },
    debtToIncome: {
      version: DEBT_TO_INCOME_VERSION,
      revolvingShareOfUsed: dti.revolvingShareOfUsed,
      defaultShare: DEBT_TO_INCOME.revolvingShareOfUsed,
      edited: dti.edited,
      sourced: DEBT_TO_INCOME.sourced,
      source: DEBT_TO_INCOME.source,
    },
  };
}
