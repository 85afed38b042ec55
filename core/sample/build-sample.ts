// Puts the synthetic sample ledger (synthetic-ledger.ts) into a new, empty profile through the
// write paths a user's own data takes, in the order a user would: import the bill exports,
// confirm what the import asks about, type in each account's limit, bill days and reporting,
// the draws' terms, the query records, a score seen in an app, income and profile facts, then
// save a what-if scenario and mark it as the plan. No table is written here directly, so the
// sample is exactly what a person could have entered, and a rule that changes shows in it.
//
// The profile is flagged synthetic first (migration sample_profile_checklist), so that nothing built from this is
// ever taken for real data: every page badges it and consent exports refuse it unless asked.

import { CredenceError } from '../shared/errors.ts';
import { dayOfMonthOf, parseDay } from '../shared/calendar.ts';
import type { Db } from '../storage/database.ts';
import { markSyntheticProfile } from '../storage/profile-store.ts';
import { saveMonthlyIncome, saveProfileFacts } from '../settings/profile-facts.ts';
import { importBytes } from '../importers/import-file.ts';
import { loadAccounts, type AccountRecord } from '../ledger/account-values.ts';
import { updateAccount } from '../ledger/accounts/commands.ts';
import { setMonthFact } from '../ledger/accounts/month-facts.ts';
import { ensureLedger } from '../ledger/freshness.ts';
import { assignTransaction } from '../ledger/accounts/event-links.ts';
import { transactionsOf } from '../ledger/accounts/transactions.ts';
import { observationRecords } from '../ledger/observations.ts';
import { queryRecords } from '../ledger/queries.ts';
import { listReviewGroups, resolveReviewGroup } from '../ledger/review-by-rule.ts';
import { markPlan, saveScenario } from '../whatif/saved-scenarios.ts';
import { syntheticLedger } from './synthetic-ledger.ts';

export const SAMPLE_ACTOR = 'sample';

export interface SampleOutcome {
  files: number;
  rows: number;
  accounts: number;
}

function byMatchKey(accounts: readonly AccountRecord[], key: string): AccountRecord {
  const found = accounts.find((a) => a.matchKey === key && !a.values.dismissed);
  if (!found) throw new CredenceError('internal', { reason: `the sample's imports made no account ${key}` });
  return found;
}

/**
 * Builds the sample in `db`, a new profile's own connection (imports hold a transaction across
 * awaits, so nobody else may use it meanwhile). `today` is the day the ledger is dated back from.
 * A failure leaves a half-built profile: the caller deletes it.
 */
export async function buildSampleProfile(db: Db, today: number): Promise<SampleOutcome> {
  const ledger = syntheticLedger(today);
  markSyntheticProfile(db, ledger.generator);
  const options = { actor: SAMPLE_ACTOR, asOfDay: today };
  let rows = 0;
  for (const file of ledger.files) {
    for (const report of await importBytes(db, file.name, new TextEncoder().encode(file.text), { actor: SAMPLE_ACTOR })) rows += report.imported;
  }
  // What the importers were unsure of is what the sample's owner confirms on the Import page.
  for (const group of listReviewGroups(db).groups) resolveReviewGroup(db, group.key, { type: 'confirm' }, SAMPLE_ACTOR);
  // The accounts the imports imply, which the owner then fills in.
  ensureLedger(db, today);

  for (const facts of ledger.accounts) updateAccount(db, byMatchKey(loadAccounts(db), facts.matchKey).id, facts.input, [], options);
  for (const draw of ledger.draws) {
    const accounts = loadAccounts(db);
    const line = byMatchKey(accounts, draw.line);
    const found = accounts.find((a) => a.values.kind === 'draw' && a.values.parentId === line.id && a.values.openedOn === draw.openedOn);
    if (!found) throw new CredenceError('internal', { reason: `the sample's ${draw.line} draw of ${draw.openedOn} was not imported` });
    updateAccount(db, found.id, { principalFen: draw.principalFen, ...draw.input }, [], options);
  }
  // Which draw each repayment of a line paid, as the owner reads it off the loan's own page
  // (the ledger asks, since a line's repayments name no draw): by the draw's due day.
  for (const key of new Set(ledger.draws.map((d) => d.line))) {
    const line = byMatchKey(loadAccounts(db), key);
    const draws = loadAccounts(db).filter((a) => a.values.kind === 'draw' && a.values.parentId === line.id && a.values.openedOn !== null);
    for (const payment of transactionsOf(db, [line.id], 10_000).filter((t) => t.role === 'payment' && t.accountId === line.id)) {
      const day = parseDay(payment.occurredAt.slice(0, 10))!;
      const owner = draws.find((d) => d.values.dueDay === dayOfMonthOf(day) && parseDay(d.values.openedOn!)! < day);
      if (owner) assignTransaction(db, payment.id, owner.id, options);
    }
  }
  for (const fact of ledger.monthFacts) setMonthFact(db, byMatchKey(loadAccounts(db), fact.matchKey).id, fact.month, fact.input, options);
  for (const query of ledger.queries) queryRecords.save(db, null, query, options);
  for (const observation of ledger.observations) observationRecords.save(db, null, observation, options);
  saveProfileFacts(db, ledger.profileFacts, SAMPLE_ACTOR);
  saveMonthlyIncome(db, ledger.monthlyIncomeFen, SAMPLE_ACTOR);

  const accounts = loadAccounts(db);
  const scenario = saveScenario(db, null, { name: ledger.scenario.name, actions: ledger.scenario.actions({ account: (key) => byMatchKey(accounts, key).id }) }, SAMPLE_ACTOR);
  markPlan(db, scenario.id, parseDay(ledger.asOf)!, SAMPLE_ACTOR);
  return { files: ledger.files.length, rows, accounts: accounts.filter((a) => !a.values.dismissed).length };
}
