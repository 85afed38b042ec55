// The pictures' data: pure functions of a ledger snapshot (core/ledger/snapshot.ts) and, for
// spending, the purchases the ledger linked to each account (monthly-charges.ts). Every figure
// is one the ledger already computed: utilisation and balance read each month's row of the
// history pass (monthly-history.ts: statementBalanceFen, creditUsedFen), as the report and the
// scores do, and date it where that pass closes the month (its own periodEndDay and the billing
// cycle rule); nothing here applies a billing or reporting rule a second time.

import { billingCycleRuleFor } from '../../rules/billing-cycle.ts';
import { dayOfMonth, formatDay, formatMonth, monthOfDay, parseMonth } from '../../shared/calendar.ts';
import { judgedByCycle, periodEndDay } from '../history/history-state.ts';
import type { MonthRow } from '../account-schema.ts';
import { PRODUCT_NAMES } from '../product-defaults.ts';
import type { LedgerAccountSnapshot, LedgerSnapshot } from '../snapshot.ts';
import type { BalanceChart, SpendingChart, UtilisationChart } from './chart-schema.ts';

export const DEFAULT_CHART_MONTHS = 24;

export interface ChartWindow {
  /** How many months, ending with the snapshot's month (default 24). */
  months?: number;
  /** One account only (the account view). */
  accountId?: number;
}

/** Purchases the ledger linked to one account in one calendar month (UTC+8). */
export interface MonthlyCharge {
  accountId: number;
  month: string;
  fen: number;
}

/** The window's months, oldest first, ending with the month of the snapshot's day. */
export function windowMonths(asOfDay: number, count: number = DEFAULT_CHART_MONTHS): string[] {
  const last = monthOfDay(asOfDay);
  return Array.from({ length: count }, (_, k) => formatMonth(last - count + 1 + k));
}

/**
 * Balance ÷ limit in basis points, rounded; a credit balance (overpaid) counts as 0, as the
 * bureau-style model reads it (core/score/bureau-features.ts utilisation). null without both.
 */
export function utilisationBp(balanceFen: number | null, limitFen: number | null): number | null {
  if (balanceFen === null || limitFen === null || limitFen <= 0) return null;
  return Math.round((Math.max(balanceFen, 0) * 10000) / limitFen);
}

function chosen(snapshot: LedgerSnapshot, window: ChartWindow): LedgerAccountSnapshot[] {
  return window.accountId === undefined ? snapshot.accounts : snapshot.accounts.filter((a) => a.id === window.accountId);
}

function rowsByMonth(account: LedgerAccountSnapshot): Map<string, MonthRow> {
  return new Map(account.months.map((row) => [row.month, row]));
}

/** The day a month's statement was issued: the account's statement day in a month of its history (its amount may still be unknown). */
function statementOn(account: LedgerAccountSnapshot, row: MonthRow | undefined): string | null {
  if (!row || account.statementDay === null) return null;
  const index = parseMonth(row.month);
  return index === null ? null : formatDay(dayOfMonth(index, account.statementDay));
}

/** Where the history pass closes each month of this account (history-state.ts periodEnd), never after the snapshot's day. */
function monthEnd(account: LedgerAccountSnapshot, asOfDay: number): (month: string) => string {
  const cycle = judgedByCycle(account.kind, account.statementDay, account.dueDay, billingCycleRuleFor(account.kind));
  return (month) => formatDay(Math.min(periodEndDay(cycle ? account.statementDay : null, parseMonth(month)!), asOfDay));
}

/** Each revolving account's use of its limit, month by month: at each month's close, each statement marked. */
export function utilisationChart(snapshot: LedgerSnapshot, window: ChartWindow = {}): UtilisationChart {
  const months = windowMonths(snapshot.asOfDay, window.months);
  const accounts = chosen(snapshot, window)
    .filter((a) => a.kind === 'revolving')
    .map((account) => {
      const rows = rowsByMonth(account);
      const end = monthEnd(account, snapshot.asOfDay);
      return {
        accountId: account.id,
        name: account.name,
        product: account.product,
        limitFen: account.limitFen,
        points: months.map((month) => {
          const row = rows.get(month);
          const statementFen = row?.statementBalanceFen ?? null;
          const usedFen = row?.creditUsedFen ?? null;
          return {
            month,
            on: end(month),
            statementOn: statementOn(account, row),
            statementFen,
            statementBp: utilisationBp(statementFen, account.limitFen),
            usedFen,
            usedBp: utilisationBp(usedFen, account.limitFen),
          };
        }),
      };
    });
  return { asOf: formatDay(snapshot.asOfDay), months, accounts };
}

/** Each account's balance owed at each month's end. */
export function balanceChart(snapshot: LedgerSnapshot, window: ChartWindow = {}): BalanceChart {
  const months = windowMonths(snapshot.asOfDay, window.months);
  const accounts = chosen(snapshot, window).map((account) => {
    const rows = rowsByMonth(account);
    return { accountId: account.id, name: account.name, product: account.product, monthsFen: months.map((month) => rows.get(month)?.creditUsedFen ?? null) };
  });
  return { asOf: formatDay(snapshot.asOfDay), months, accounts };
}

/**
 * Purchases per credit product and month: a card is a series of its own (people compare cards),
 * a platform product (花呗, 白条, 月付…) one series for all its accounts. Only series with a
 * purchase in the window are drawn; the biggest comes first.
 */
export function spendingChart(snapshot: LedgerSnapshot, charges: readonly MonthlyCharge[], window: Pick<ChartWindow, 'months'> = {}): SpendingChart {
  const months = windowMonths(snapshot.asOfDay, window.months);
  const column = new Map(months.map((month, k) => [month, k]));
  const accounts = new Map(snapshot.accounts.map((a) => [a.id, a]));
  const series = new Map<string, SpendingChart['series'][number]>();
  for (const charge of charges) {
    const account = accounts.get(charge.accountId);
    const k = column.get(charge.month);
    if (!account || k === undefined || charge.fen === 0) continue;
    const own = account.product === 'credit_card';
    const key = own ? `account:${account.id}` : `product:${account.product}`;
    let s = series.get(key);
    if (!s) {
      s = { key, product: account.product, accountId: own ? account.id : null, label: own ? { 'zh-CN': account.name, en: account.name } : PRODUCT_NAMES[account.product], monthsFen: months.map(() => 0), totalFen: 0 };
      series.set(key, s);
    }
    s.monthsFen[k]! += charge.fen;
    s.totalFen += charge.fen;
  }
  const ordered = [...series.values()].sort((a, b) => b.totalFen - a.totalFen || a.key.localeCompare(b.key));
  const totalsFen = months.map((_, k) => ordered.reduce((t, s) => t + s.monthsFen[k]!, 0));
  return { asOf: formatDay(snapshot.asOfDay), months, series: ordered, totalsFen };
}
