// The report's figures a what-if follows month by month, each picked from the report core
// (core/bureau/report-core.ts, the same summary the simulated report shows): the 信息概要
// counters, the cards' used amount and its 6-month average, the online-loan count and the overdue
// counters, the query counters. Labels travel with the result so the app and the CLI name them alike.

import { KEY_FIGURES, total, type ReportCore } from '../bureau/report-core.ts';
import type { Figure, FigureUnit } from '../bureau/report-schema.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import type { FigureValue } from './schema.ts';

interface Pick {
  key: string;
  label: LocalizedText;
  unit: FigureUnit;
  pick: (core: ReportCore) => Figure;
}

const keyFigure = (key: string) => KEY_FIGURES.find((f) => f.key === key)!.pick;
const debt = (core: ReportCore, type: string) => core.summary.debt.find((d) => d.type === type)!;
const rule = (core: ReportCore, ruleId: string): Figure => core.lenderView.find((r) => r.ruleId === ruleId)?.figure ?? { unit: 'count', value: null, missing: 0, records: [] };

export const WHATIF_FIGURES: readonly Pick[] = [
  { key: 'accounts.total', label: { 'zh-CN': '信贷账户数', en: 'Credit accounts' }, unit: 'count', pick: keyFigure('accounts.total') },
  { key: 'debt.R2.total', label: { 'zh-CN': '贷记卡授信总额', en: 'Total card limit' }, unit: 'fen', pick: keyFigure('debt.R2.total') },
  { key: 'debt.R2.balance', label: { 'zh-CN': '贷记卡已用额度', en: 'Card credit used' }, unit: 'fen', pick: keyFigure('debt.R2.balance') },
  { key: 'debt.R2.average6m', label: { 'zh-CN': '最近6个月平均使用额度', en: 'Average used, last 6 months' }, unit: 'fen', pick: (c) => debt(c, 'R2').average6mFen },
  {
    key: 'debt.loans.balance',
    label: { 'zh-CN': '贷款余额（非循环、循环额度下分、循环贷）', en: 'Loan balances (D1, R4, R1)' },
    unit: 'fen',
    pick: (c) => total(['D1', 'R4', 'R1'].map((type) => debt(c, type).balanceFen), 'fen'),
  },
  { key: 'card_utilisation', label: { 'zh-CN': '信用卡额度使用率', en: 'Card utilisation' }, unit: 'ratio', pick: keyFigure('card_utilisation') },
  { key: 'online_loans', label: { 'zh-CN': '未结清网贷账户数', en: 'Open online-loan accounts' }, unit: 'count', pick: keyFigure('online_loans') },
  { key: 'overdue.accounts', label: { 'zh-CN': '有逾期记录的账户数', en: 'Accounts with overdue months' }, unit: 'count', pick: keyFigure('overdue.accounts') },
  { key: 'overdue.months', label: { 'zh-CN': '逾期月份数（报告上仍保留的）', en: 'Overdue months still on the report' }, unit: 'months', pick: keyFigure('overdue.months') },
  { key: 'current_overdue', label: { 'zh-CN': '当前逾期总额', en: 'Currently overdue' }, unit: 'fen', pick: keyFigure('current_overdue') },
  { key: 'queries.1m.loan', label: { 'zh-CN': '近1个月贷款审批查询', en: 'Loan-approval queries, last month' }, unit: 'count', pick: (c) => c.summary.queries.queries1m.loan },
  { key: 'queries.1m.card', label: { 'zh-CN': '近1个月信用卡审批查询', en: 'Card-approval queries, last month' }, unit: 'count', pick: (c) => c.summary.queries.queries1m.card },
  { key: 'hard_queries_3m', label: { 'zh-CN': '近3个月硬查询', en: 'Hard queries, last 3 months' }, unit: 'count', pick: (c) => rule(c, 'hard_queries_3m') },
  { key: 'hard_queries_6m', label: { 'zh-CN': '近6个月硬查询', en: 'Hard queries, last 6 months' }, unit: 'count', pick: (c) => rule(c, 'hard_queries_6m') },
  { key: 'debt_to_income', label: { 'zh-CN': '负债收入比', en: 'Debt-to-income' }, unit: 'ratio', pick: keyFigure('debt_to_income') },
];

/** A figure without the records behind it (the timeline names numbers; the report opens the records). */
export function figureValue(figure: Figure): FigureValue {
  const out: FigureValue = { value: figure.value, missing: figure.missing };
  if ('ifUnknownReported' in figure) out.ifUnknownReported = figure.ifUnknownReported ?? null;
  if (figure.range) out.range = [figure.range[0], figure.range[1]];
  return out;
}

export function figuresOf(core: ReportCore): Record<string, FigureValue> {
  return Object.fromEntries(WHATIF_FIGURES.map((f) => [f.key, figureValue(f.pick(core))]));
}
