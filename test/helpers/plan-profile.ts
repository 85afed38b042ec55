// A client's profile with a plan, written by this project for the plan tests (synthetic: no real
// person): the What-if tests' made-up client (test/unit/whatif/client-profile.ts: a 招商银行 card
// at 80% of its limit, Huabei, two online loans, two queries) under another name, two saved
// scenarios, the first applied to the plan as of that client's day (2026-11-21, AS_OF), and a
// consent that covers the plan, valid for 30 days from the real today. Print and track it
// `--as-of 2026-11-21` and every answer is the same on any day the tests run.

import { renderConsentNotice } from '../../core/consent/notice.ts';
import { grantConsent, requiredTicks } from '../../core/consent/records.ts';
import { parseTerms } from '../../core/consent/terms.ts';
import { addMonthsToDay } from '../../core/bureau/windows.ts';
import { formatDay, formatMonth, monthOfDay, today } from '../../core/shared/calendar.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import type { Db } from '../../core/storage/database.ts';
import { markPlan, saveScenario } from '../../core/whatif/saved-scenarios.ts';
import { CLIENT as WHATIF_CLIENT } from '../unit/whatif/client-profile.ts';
import { AS_OF_DAY, writeHandProfile } from '../unit/whatif/hand-profile.ts';

export const CLIENT = '陈小芳';
export const CARD_LAST4 = '1111';

export interface PlanProfile {
  store: ProfileStore;
  profileId: string;
  /** The profile's database file (for `--db`). */
  file: string;
  /** The card the plan pays (招商银行, last four 1111, statement day 25). */
  cardId: number;
  /** A consent that covers the plan category, valid 30 days from today. */
  consentId: string;
  /** The day to print and track it as of: the What-if client's day. */
  asOf: string;
  /** The plan's steps as the checklist dates them (YYYY-MM-DD), in order. */
  stepDays: string[];
}

export function seedPlanProfile(dataDir: string): PlanProfile {
  const store = new ProfileStore(dataDir);
  const profile = store.create(CLIENT);
  const db = store.database(profile.id);
  const asOfDay = AS_OF_DAY;
  const month = monthOfDay(asOfDay);
  const ids = writeHandProfile(db, WHATIF_CLIENT);
  const idOf = (part: string) => [...ids].find(([name]) => name.includes(part))![1];
  const card = idOf(CARD_LAST4);
  const loan = idOf('某小额贷款');
  // Pay ¥6,000 the day before December's statement day (the 25th): 2026-12-24.
  const payMonth = formatMonth(month + 1);
  const pauseFrom = formatDay(asOfDay + 10);
  const settleOn = formatDay(asOfDay + 40);
  const plan = saveScenario(
    db,
    null,
    {
      name: '账单日前还款，半年不申请',
      actions: [
        { type: 'pay', accountId: card, amountFen: 600_000, month: payMonth, timing: 'before_statement' },
        { type: 'stop_applications', from: pauseFrom, months: 6 },
        { type: 'close_account', accountId: loan, on: settleOn },
        { type: 'let_time_pass', months: 9 },
      ],
    },
    'user',
  );
  saveScenario(db, null, { name: '只还最低', actions: [{ type: 'pay', accountId: card, amountFen: 80_000, month: payMonth, timing: 'before_due' }] }, 'user');
  markPlan(db, plan.id, asOfDay, 'user');
  const consent = grantPlanConsent(db, today());
  const stepDays = [`${payMonth}-24`, pauseFrom, settleOn, formatDay(addMonthsToDay(asOfDay, 9))];
  return { store, profileId: profile.id, file: store.fileFor(profile.id), cardId: card, consentId: consent.id, asOf: formatDay(asOfDay), stepDays };
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
