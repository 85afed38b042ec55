// Hand-made ledgers for the bureau tests: accounts with a month-by-month grid written as the
// report prints it ("N N 1 2 3 N"), query records, and the snapshot the report is built from.

import type { Figure } from '../../../core/bureau/report-schema.ts';
import type { LedgerAccountSnapshot, LedgerSnapshot } from '../../../core/ledger/snapshot.ts';
import { formatMonth, parseDay, parseMonth } from '../../../core/shared/calendar.ts';
import type { QueryRecord } from '../../../core/ledger/queries.ts';
import { defaultHardQueryReasons, isHardQuery } from '../../../core/rules/hard-queries.ts';
import { DEBT_TO_INCOME } from '../../../core/rules/debt-to-income.ts';
import { EMPTY_PROFILE_FACTS } from '../../../core/settings/profile-facts-schema.ts';
import type { MonthRow } from '../../../core/ledger/account-schema.ts';
import { isLenderOverdue, type StatusCode } from '../../../core/shared/status-alphabet.ts';

export type RowFill = Partial<MonthRow> | ((month: string, code: StatusCode, index: number) => Partial<MonthRow>);

/** Consecutive months from `from`, one per code. */
export function rows(from: string, codes: string, fill: RowFill = {}): MonthRow[] {
  const start = parseMonth(from)!;
  return codes
    .trim()
    .split(/\s+/)
    .map((code, i) => {
      const month = formatMonth(start + i);
      const extra = typeof fill === 'function' ? fill(month, code as StatusCode, i) : fill;
      return {
        month,
        status: code as StatusCode,
        statusSource: 'manual' as const,
        reason: 'manual' as const,
        statementBalanceFen: null,
        amountDueFen: null,
        minimumDueFen: null,
        amountPaidFen: 0,
        creditUsedFen: null,
        daysPastDue: null,
        // What the ledger's month close gives a month it has no amounts for (month-close.ts overdueOf).
        overdueFen: code === '#' || isLenderOverdue(code as StatusCode) ? null : 0,
        overdueRangeFen: null,
        dueOn: null,
        unconfirmed: 0,
        ...extra,
      };
    });
}

/** `n` codes, all the same: `repeat('N', 3)` → "N N N". */
export function repeat(code: string, n: number): string {
  return Array(n).fill(code).join(' ');
}

export function account(id: number, over: Partial<LedgerAccountSnapshot> = {}): LedgerAccountSnapshot {
  return {
    id,
    name: `#${id}`,
    product: 'bank_loan',
    kind: 'loan',
    parentId: null,
    lender: `Bank ${id}`,
    bank: null,
    institutionType: '11',
    reportsToBureau: 'yes',
    reportsToBureauSet: true,
    bureauSinceMonth: null,
    bureauType: 'D1',
    bureauLayout: 'per_draw',
    limitFen: null,
    principalFen: null,
    openedOn: null,
    closedOn: null,
    settledOn: null,
    termMonths: null,
    repaymentMethod: null,
    statementDay: null,
    dueDay: null,
    months: [],
    ...over,
  };
}

export function card(id: number, over: Partial<LedgerAccountSnapshot> = {}): LedgerAccountSnapshot {
  return account(id, { product: 'credit_card', kind: 'revolving', bureauType: 'R2', bureauLayout: 'revolving_line', ...over });
}

/** A query record, `hard` as the ledger reads it with the default set (or `hardReasons`). */
export function query(id: number, queriedOn: string, reasonCode: string, institution = `Inst ${id}`, hardReasons?: readonly string[]): QueryRecord {
  return { id, queriedOn, institution, institutionType: '11', reasonCode, hard: isHardQuery(reasonCode, hardReasons), note: null };
}

/** The snapshot of these records, with the default rule settings; histories complete for any day a test asks about. */
export function snapshot(accounts: LedgerAccountSnapshot[], queries: QueryRecord[] = [], monthlyIncomeFen: number | null = null): LedgerSnapshot {
  return {
    asOfDay: parseDay('2099-12-31')!,
    accounts,
    queries,
    observations: [],
    profileFacts: { ...EMPTY_PROFILE_FACTS, monthlyIncomeFen },
    settings: { rules: {}, hardQueryReasons: defaultHardQueryReasons(), bandCaps: {}, graceRules: {}, debtToIncome: { revolvingShareOfUsed: DEBT_TO_INCOME.revolvingShareOfUsed, edited: false } },
    activity: { months: [], contacts: [] },
    needsReview: 0,
  };
}

/** A figure's value and, when present, its other end: compact for assertions. */
export function ends(f: Figure): number | null | [number | null, number | null] {
  return 'ifUnknownReported' in f ? [f.value, f.ifUnknownReported ?? null] : f.value;
}

export function accountIds(f: Figure): number[] {
  return f.records.flatMap((r) => (r.kind === 'account' ? [r.accountId] : []));
}
