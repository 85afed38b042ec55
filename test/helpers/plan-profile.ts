// A client's profile with a plan, written by this project for the plan tests (synthetic: no real
// person): a 招商银行 card (last four 1234, statement day 5, due day 23, limit ¥20,000) with two
// months entered by hand, a query record, and two saved scenarios, the first applied to the plan.
// Every date is counted from the day it is seeded, so the plan's steps stay in its future.

import { renderConsentNotice } from '../../core/consent/notice.ts';
import { grantConsent, requiredTicks } from '../../core/consent/records.ts';
import { parseTerms } from '../../core/consent/terms.ts';
import { addMonthsToDay } from '../../core/bureau/windows.ts';
import { createAccount } from '../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../core/ledger/accounts/month-facts.ts';
import { queryRecords } from '../../core/ledger/queries.ts';
import { formatDay, formatMonth, monthOfDay, today } from '../../core/shared/calendar.ts';
import { saveProfileFacts } from '../../core/settings/profile-facts.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import type { Db } from '../../core/storage/database.ts';
import { markPlan, saveScenario } from '../../core/whatif/saved-scenarios.ts';

export const CLIENT = '陈小芳';
export const CARD_NAME = '招商银行信用卡';
export const CARD_LAST4 = '1234';

export interface PlanProfile {
  store: ProfileStore;
  profileId: string;
  /** The profile's database file (for `--db`). */
  file: string;
  cardId: number;
  /** A consent that covers the plan category, valid 30 days from today. */
  consentId: string;
  asOf: string;
  /** The plan's steps as the checklist dates them (YYYY-MM-DD), in order. */
  stepDays: string[];
}

export function seedPlanProfile(dataDir: string): PlanProfile {
  const store = new ProfileStore(dataDir);
  const profile = store.create(CLIENT);
  const db = store.database(profile.id);
  const asOfDay = today();
  const month = monthOfDay(asOfDay);
  const card = createAccount(db, { product: 'credit_card', bank: '招商银行', cardLast4: CARD_LAST4, limitFen: 2_000_000, openedOn: '2023-03-01', statementDay: 5, dueDay: 23, reportsToBureau: 'yes' });
  for (const k of [2, 1]) setMonthFact(db, card.account.id, formatMonth(month - k), { balanceFen: 1_650_000, amountDueFen: 1_650_000, amountPaidFen: 1_650_000, status: 'N' });
  queryRecords.save(db, null, { queriedOn: formatDay(asOfDay - 40), institution: '某某消费金融有限公司', reasonCode: '02' });
  saveProfileFacts(db, { monthlyIncomeFen: 1_500_000 });
  // Pay ¥3,000 the day before next month's statement day (the 5th): the 4th of next month.
  const payMonth = formatMonth(month + 1);
  const pauseFrom = formatDay(asOfDay + 10);
  const plan = saveScenario(
    db,
    null,
    {
      name: '账单日前还款，半年不申请',
      actions: [
        { type: 'pay', accountId: card.account.id, amountFen: 300_000, month: payMonth, timing: 'before_statement' },
        { type: 'stop_applications', from: pauseFrom, months: 6 },
        { type: 'let_time_pass', months: 9 },
      ],
    },
    'user',
  );
  saveScenario(db, null, { name: '只还最低', actions: [{ type: 'pay', accountId: card.account.id, amountFen: 165_000, month: payMonth, timing: 'before_due' }] }, 'user');
  markPlan(db, plan.id, asOfDay, 'user');
  const consent = grantPlanConsent(db, asOfDay);
  const stepDays = [`${payMonth}-04`, pauseFrom, formatDay(addMonthsToDay(asOfDay, 9))];
  return { store, profileId: profile.id, file: store.fileFor(profile.id), cardId: card.account.id, consentId: consent.id, asOf: formatDay(asOfDay), stepDays };
}


/** A consent as the consent screen grants it (the notice's hash, every tick, a typed name), for 30 days from `asOfDay`; the plan category by default. */
export function grantPlanConsent(db: Db, asOfDay: number, categories = [{ code: 'plan', fields: ['step', 'date', 'until', 'action', 'state', 'evidence'] }]) {
  const terms = {
    recipient: { name: CLIENT, kind: 'individual', contact: 'client@example.com', location: 'CN' },
    purpose: { code: 'mortgage_readiness' },
    categories,
    expiresOn: formatDay(asOfDay + 30),
    maxExports: 3,
    recipientDeleteBy: formatDay(asOfDay + 60),
    language: 'zh-CN',
  };
  const parsed = parseTerms(terms, asOfDay);
  const notice = renderConsentNotice(parsed, parsed.language);
  return grantConsent(db, { terms, noticeSha256: notice.sha256, evidence: { typedName: CLIENT, ticks: requiredTicks(parsed) }, supersedes: null, via: 'dashboard' }).consent;
}
