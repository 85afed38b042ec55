// Reads one profile's ledger as the report needs it: every visible account with its resolved
// values and whole monthly history, the query records, and the monthly income the user gave
// (kept with the scoring engine's profile facts, core/settings/profile-facts.ts).

import { loadAccounts } from '../ledger/account-values.ts';
import { listAccounts } from '../ledger/accounts.ts';
import { today } from '../shared/calendar.ts';
import { listQueries } from '../ledger/queries.ts';
import { readMonths } from '../ledger/recompute.ts';
import { readProfileFacts } from '../settings/profile-facts.ts';
import type { Db } from '../storage/database.ts';
import type { LedgerAccountSnapshot, LedgerSnapshot } from './types.ts';

/** The ledger as of `asOfDay` (day number; default today): histories are computed up to that day. */
export function loadLenderMetricInput(db: Db, asOfDay: number = today()): LedgerSnapshot {
  // listAccounts brings the derived ledger up to date for the day and skips hidden accounts.
  const summaries = listAccounts(db, { asOfDay });
  const settled = new Map(summaries.map((s) => [s.id, s.settledOn]));
  const records = loadAccounts(db, summaries.map((s) => s.id));
  const accounts: LedgerAccountSnapshot[] = records.map((record) => {
    const v = record.values;
    return {
      id: record.id,
      name: v.name,
      product: v.product,
      kind: v.kind,
      parentId: v.parentId,
      lender: v.lender,
      institutionType: v.institutionType,
      reportsToBureau: v.reportsToBureau,
      reportsToBureauSet: record.origin.reportsToBureau.provenance === 'manual',
      bureauSinceMonth: v.bureauSinceMonth,
      bureauType: v.bureauType,
      bureauLayout: v.bureauLayout,
      limitFen: v.limitFen,
      principalFen: v.principalFen,
      openedOn: v.openedOn,
      closedOn: v.closedOn,
      settledOn: settled.get(record.id) ?? null,
      termMonths: v.termMonths,
      repaymentMethod: v.repaymentMethod,
      months: readMonths(db, record.id),
    };
  });
  return { accounts, queries: listQueries(db), monthlyIncomeFen: readProfileFacts(db).monthlyIncomeFen };
}

/** Alias under the report's own name. */
export const loadLedgerSnapshot = loadLenderMetricInput;
