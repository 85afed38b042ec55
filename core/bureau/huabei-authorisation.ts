// The 2020 Huabei "service upgrade" (docs/domain/platform-products.md#huabei [B]): a user who signs
// the 《个人征信查询报送授权书》 is reported by the lender of record (重庆蚂蚁消费金融 or a partner
// bank) with the 花呗额度 and repayment status, monthly; before that, Huabei feeds only Ant's own
// scoring. In the ledger: `reportsToBureau = yes` with `bureauSinceMonth` the month reporting
// began. The report shows the account from that month on, never the months before it.
//
// For each Huabei account this computes the report without it and with it (from its since
// month; or, when it does not report yet, as if it started in the report month) and lists what
// changes: accounts, lines and balances of its type, online-loan accounts, overdue months (each
// figure both ways, with the records behind it), and the lender rules whose outcome moves.

import type { ScenarioOverrides } from './layouts.ts';
import { computeCore, keyFigures } from './report-core.ts';
import type { EffectiveRule } from '../settings/bureau-settings.ts';
import type { FigureChange, HuabeiSwitch } from './report-schema.ts';
import type { LedgerAccountSnapshot, LedgerSnapshot } from '../ledger/snapshot.ts';
import { formatMonth, monthIndex, monthOfDate, reportMonthOf, dayIndex } from './windows.ts';

function fromMonthOf(account: LedgerAccountSnapshot, reportMonth: number): { month: string; hypothetical: boolean } {
  if (account.reportsToBureau !== 'yes') return { month: formatMonth(reportMonth), hypothetical: true };
  if (account.bureauSinceMonth) return { month: account.bureauSinceMonth, hypothetical: false };
  const first = account.openedOn ? formatMonth(monthOfDate(account.openedOn)) : (account.months[0]?.month ?? formatMonth(reportMonth));
  return { month: first, hypothetical: false };
}

function withReporting(base: ScenarioOverrides, id: number, reports: 'yes' | 'no', since: string | null): ScenarioOverrides {
  const reporting = new Map(base.reporting ?? []);
  reporting.set(id, { reports, since });
  return { ...base, reporting };
}

export function huabeiSwitches(snapshot: LedgerSnapshot, asOf: string, rules: readonly EffectiveRule[], base: ScenarioOverrides = {}): HuabeiSwitch[] {
  const reportMonth = reportMonthOf(dayIndex(asOf));
  return snapshot.accounts
    .filter((a) => a.product === 'huabei' && a.kind !== 'draw')
    .map((account) => {
      const from = fromMonthOf(account, reportMonth);
      const before = computeCore(snapshot, asOf, rules, withReporting(base, account.id, 'no', null));
      const after = computeCore(snapshot, asOf, rules, withReporting(base, account.id, 'yes', from.month));
      const beforeFigures = new Map(keyFigures(before).map((k) => [k.key, k.figure]));
      const changes: FigureChange[] = [];
      for (const { key, figure } of keyFigures(after)) {
        const was = beforeFigures.get(key)!;
        if (was.value !== figure.value) changes.push({ key, unit: figure.unit, before: was, after: figure });
      }
      const statusBefore = new Map(before.lenderView.map((r) => [r.ruleId, r.status]));
      const fromIndex = monthIndex(from.month);
      return {
        accountId: account.id,
        name: account.name,
        reporting: account.reportsToBureau,
        sinceMonth: account.bureauSinceMonth,
        hypothetical: from.hypothetical,
        fromMonth: from.month,
        monthsOnReport: account.months.filter((m) => monthIndex(m.month) >= fromIndex && monthIndex(m.month) <= reportMonth).length,
        monthsBefore: account.months.filter((m) => monthIndex(m.month) < fromIndex).length,
        changes,
        rules: after.lenderView
          .filter((r) => r.status !== statusBefore.get(r.ruleId))
          .map((r) => ({ ruleId: r.ruleId, label: r.label, before: statusBefore.get(r.ruleId)!, after: r.status })),
      };
    });
}
