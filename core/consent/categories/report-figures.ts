// The simulated PBOC report's 信息概要 (summary) figures (core/bureau/report.ts), one row per
// figure: what a lender reads first. A figure that accounts of unknown reporting would change
// carries that value too, as the Bureau page shows it.

import { bureauReport } from '../../bureau/report.ts';
import { formatMonth } from '../../shared/calendar.ts';
import type { Figure, ReportSummary } from '../../bureau/report-schema.ts';
import { column, type CategorySource, type Row } from './types.ts';

function figureRow(section: string, bureauType: string | null, metric: string, figure: Figure): Row {
  const month = figure.unit === 'month';
  return {
    section,
    bureauType,
    metric,
    unit: figure.unit,
    value: month ? null : figure.value,
    valueIfUnknownReported: month ? null : (figure.ifUnknownReported ?? figure.value),
    month: month && figure.value !== null ? formatMonth(figure.value) : null,
  };
}

function summaryRows(summary: ReportSummary): Row[] {
  const rows: Row[] = [figureRow('overview', null, 'total_accounts', summary.overview.totalAccounts)];
  for (const t of summary.overview.byType) {
    rows.push(figureRow('overview', t.type, 'accounts', t.accounts), figureRow('overview', t.type, 'first_month', t.firstMonth));
  }
  rows.push(
    figureRow('defaults', null, 'bad_debt_accounts', summary.defaults.badDebt.accounts),
    figureRow('defaults', null, 'bad_debt_balance', summary.defaults.badDebt.balanceFen),
  );
  for (const o of summary.defaults.overdue) {
    rows.push(
      figureRow('defaults', o.type, 'overdue_accounts', o.accounts),
      figureRow('defaults', o.type, 'overdue_months', o.months),
      figureRow('defaults', o.type, 'highest_monthly_overdue', o.highestMonthlyFen),
      figureRow('defaults', o.type, 'longest_overdue_months', o.longestMonths),
    );
  }
  for (const d of summary.debt) {
    rows.push(
      figureRow('debt', d.type, 'institutions', d.institutions),
      figureRow('debt', d.type, 'accounts', d.accounts),
      figureRow('debt', d.type, 'total', d.totalFen),
      figureRow('debt', d.type, 'balance', d.balanceFen),
      figureRow('debt', d.type, 'average_6m', d.average6mFen),
    );
    if (d.highestLineFen) rows.push(figureRow('debt', d.type, 'highest_line', d.highestLineFen));
    if (d.lowestLineFen) rows.push(figureRow('debt', d.type, 'lowest_line', d.lowestLineFen));
  }
  const q = summary.queries;
  rows.push(
    figureRow('queries', null, 'institutions_1m_loan', q.institutions1m.loan),
    figureRow('queries', null, 'institutions_1m_card', q.institutions1m.card),
    figureRow('queries', null, 'queries_1m_loan', q.queries1m.loan),
    figureRow('queries', null, 'queries_1m_card', q.queries1m.card),
    figureRow('queries', null, 'queries_1m_self', q.queries1m.self),
    figureRow('queries', null, 'queries_2y_post_loan', q.queries2y.postLoan),
    figureRow('queries', null, 'queries_2y_guarantee', q.queries2y.guarantee),
    figureRow('queries', null, 'queries_2y_merchant', q.queries2y.merchant),
  );
  return rows;
}

export const reportFiguresCategory: CategorySource = {
  code: 'report_figures',
  label: { 'zh-CN': '模拟征信报告概要', en: 'Simulated credit-report summary' },
  purpose: {
    'zh-CN': '按征信报告「信息概要」口径计算的账户数、逾期、负债和查询次数（模拟结果，不是人民银行出具的报告）。',
    en: 'Account counts, arrears, debt and query counts as the report’s summary section defines them (a simulation, not a report issued by the PBOC).',
  },
  sensitive: true,
  restricted: [],
  columns: [
    column('section', 'text', '部分', 'Section'),
    column('bureauType', 'text', '账户类型', 'Account type'),
    column('metric', 'text', '指标', 'Figure'),
    column('unit', 'text', '单位', 'Unit'),
    column('value', 'number', '数值', 'Value'),
    column('valueIfUnknownReported', 'number', '含上报情况未知账户的数值', 'Value if accounts of unknown reporting are on the report'),
    column('month', 'month', '月份', 'Month'),
  ],
  collect(db, { asOfDay }) {
    return summaryRows(bureauReport(db, asOfDay).summary);
  },
};
