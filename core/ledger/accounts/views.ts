// The accounts as the app and CLI show them: the list with each account's summary (balance,
// utilisation, next due date, the last 24 months at a glance), and one account in detail with
// its months, the user's month facts and instalment plans, its events, a line's draws. Reads
// derive first when the data moved (freshness.ts); nothing here writes.

import { formatMonth, monthOfDay, today } from '../../shared/calendar.ts';
import type { AccountDetail, AccountFieldView, AccountSummary, InstallmentView, MonthFactView } from '../account-schema.ts';
import type { StatusCode } from '../../shared/status-alphabet.ts';
import type { Db } from '../../storage/database.ts';
import { loadAccounts, requireAccount, type AccountRecord } from '../account-values.ts';
import { parseMonthsJson, readMonths } from '../codecs/stored-months.ts';
import { ensureLedger } from '../freshness.ts';
import { worstStatus } from '../repayment-status.ts';
import { ACCOUNT_FIELDS, type AccountField } from '../validation.ts';
import { transactionsOf } from './transactions.ts';

function fieldViews(account: AccountRecord): Record<AccountField, AccountFieldView> {
  const out = {} as Record<AccountField, AccountFieldView>;
  for (const field of ACCOUNT_FIELDS) {
    out[field] = { value: account.values[field] as AccountFieldView['value'], ...account.origin[field] };
  }
  return out;
}

interface SummaryRow {
  account_id: number;
  balance_fen: number | null;
  next_due_on: string | null;
  next_due_fen: number | null;
  settled_on: string | null;
}

interface RecentMonths {
  codes: StatusCode[];
  unknown: number;
  latest: string;
  latestStatus: StatusCode;
  unconfirmed: number;
}

/** Every account's months from `since` on, at a glance. */
function recentMonths(db: Db, since: string): Map<number, RecentMonths> {
  const recent = new Map<number, RecentMonths>();
  const histories = db.prepare('SELECT account_id, months_json FROM credit_account_histories').raw().all() as [number, string][];
  for (const [id, json] of histories) {
    for (const { month, status, reason, unconfirmed } of parseMonthsJson(json)) {
      if (month < since) continue;
      let r = recent.get(id);
      if (!r) recent.set(id, (r = { codes: [], unknown: 0, latest: month, latestStatus: status, unconfirmed: 0 }));
      r.codes.push(status);
      // A month whose due day has not come yet is pending, not unknown: the data will tell once it has.
      if (status === '#' && reason !== 'not_yet_due') r.unknown++;
      r.latest = month;
      r.latestStatus = status;
      r.unconfirmed += unconfirmed;
    }
  }
  return recent;
}

function summaries(db: Db, accounts: readonly AccountRecord[], asOfDay: number): AccountSummary[] {
  const sums = new Map((db.prepare('SELECT * FROM credit_account_summaries').all() as SummaryRow[]).map((r) => [r.account_id, r]));
  const recent = recentMonths(db, formatMonth(monthOfDay(asOfDay) - 23));
  const counts = new Map(
    (db.prepare('SELECT account_id, count(*) FROM credit_links WHERE account_id IS NOT NULL GROUP BY account_id').raw().all() as [number, number][]),
  );
  return accounts.map((account) => {
    const s = sums.get(account.id);
    const r = recent.get(account.id);
    const limit = account.values.limitFen;
    const balance = s?.balance_fen ?? null;
    return {
      id: account.id,
      source: account.source,
      matchKey: account.matchKey,
      name: account.values.name,
      product: account.values.product,
      kind: account.values.kind,
      parentId: account.values.parentId,
      fields: fieldViews(account),
      balanceFen: balance,
      limitFen: limit,
      utilisationBp: balance !== null && limit !== null && limit > 0 ? Math.round((balance * 10000) / limit) : null,
      nextDueOn: s?.next_due_on ?? null,
      nextDueFen: s?.next_due_fen ?? null,
      settledOn: s?.settled_on ?? null,
      worst24: r ? worstStatus(r.codes) : null,
      latestMonth: r?.latest ?? null,
      latestStatus: r?.latestStatus ?? null,
      unknownMonths24: r?.unknown ?? 0,
      unconfirmed: r?.unconfirmed ?? 0,
      transactions: counts.get(account.id) ?? 0,
    };
  });
}

/** Every account (hidden ones only when asked), with its summary; derives first if the data moved. */
export function listAccounts(db: Db, options: { asOfDay?: number; includeDismissed?: boolean } = {}): AccountSummary[] {
  const asOfDay = options.asOfDay ?? today();
  ensureLedger(db, asOfDay);
  const accounts = loadAccounts(db).filter((a) => options.includeDismissed || !a.values.dismissed);
  return summaries(db, accounts, asOfDay);
}

/** The accounts whose events an account's view lists: itself, and a loan line's draws too. */
function scopeOf(account: AccountRecord, children: readonly AccountRecord[]): number[] {
  return account.values.kind === 'line' ? [account.id, ...children.map((child) => child.id)] : [account.id];
}

function childrenOf(all: readonly AccountRecord[], id: number): AccountRecord[] {
  return all.filter((a) => a.values.parentId === id && !a.values.dismissed);
}

/** scopeOf for an account id (the transactions page's account filter); an unknown id is refused. */
export function scopeOfAccount(db: Db, id: number): number[] {
  const account = requireAccount(db, id);
  return scopeOf(account, account.values.kind === 'line' ? childrenOf(loadAccounts(db), id) : []);
}

export function accountDetail(db: Db, id: number, options: { asOfDay?: number } = {}): AccountDetail {
  const asOfDay = options.asOfDay ?? today();
  ensureLedger(db, asOfDay);
  const account = requireAccount(db, id);
  const all = loadAccounts(db);
  const kids = childrenOf(all, id);
  const [summary, ...children] = summaries(db, [account, ...kids], asOfDay);
  const parent = account.values.parentId === null ? undefined : all.find((a) => a.id === account.values.parentId);
  const monthFacts = db
    .prepare(
      `SELECT month, balance_fen AS balanceFen, amount_due_fen AS amountDueFen, minimum_due_fen AS minimumDueFen,
              amount_paid_fen AS amountPaidFen, status, note
         FROM credit_month_facts WHERE account_id = ? ORDER BY month`,
    )
    .all(id) as MonthFactView[];
  const installments = db
    .prepare(
      `SELECT id, label, principal_fen AS principalFen, fee_fen AS feeFen, periods, first_month AS firstMonth
         FROM credit_installments WHERE account_id = ? ORDER BY first_month, id`,
    )
    .all(id) as InstallmentView[];
  return {
    account: summary,
    months: readMonths(db, id),
    monthFacts,
    installments,
    transactions: transactionsOf(db, scopeOf(account, kids)),
    children,
    parent: parent ? { id: parent.id, name: parent.values.name } : null,
  };
}
