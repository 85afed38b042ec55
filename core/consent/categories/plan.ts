// The client's plan (core/plan/checklist.ts): each step with its date, what to do, its state and
// what the ledger shows, in the consent's language. The printed plan (an A4 PDF) leaves a profile
// under a consent that names this category (core/consent/plan-export.ts); a package can carry it
// as rows too.

import { buildChecklist } from '../../plan/checklist.ts';
import { planLedgerOf } from '../../plan/plan-ledger.ts';
import { parseDay } from '../../shared/calendar.ts';
import { fillSentence } from '../../shared/plan-sentence.ts';
import { loadWhatIfBase } from '../../whatif/base.ts';
import { markedPlan } from '../../whatif/saved-scenarios.ts';
import { column, type CategorySource } from './types.ts';

export const planCategory: CategorySource = {
  code: 'plan',
  label: { 'zh-CN': '客户的计划（含可打印的计划书）', en: "The client's plan (and the printable plan)" },
  purpose: {
    'zh-CN': '顾问与客户商定的计划：每一步的日期、要做的事和完成情况；打印的 A4 计划书还载有两种评分及区间、报告关键数字和方案对比（解释性推算，不是任何机构的审批意见）。',
    en: 'The plan an adviser and a client agreed: each step’s date, what to do and whether it was done; the printed A4 plan also carries both scores with their ranges, the report’s key figures and the scenarios compared (explanatory projections, not any institution’s decision).',
  },
  sensitive: true,
  restricted: [],
  columns: [
    column('step', 'integer', '步骤', 'Step'),
    column('date', 'date', '日期', 'Date'),
    column('until', 'date', '截止', 'Until'),
    column('action', 'text', '要做的事', 'What to do'),
    column('state', 'text', '状态', 'State'),
    column('evidence', 'text', '账本显示', 'What the ledger shows'),
  ],
  collect(db, { asOfDay, locale }) {
    const plan = markedPlan(db);
    if (!plan) return [];
    const checklist = buildChecklist(
      { scenarioId: plan.id, name: plan.name, markedAt: plan.planMarkedAt!, startsOn: parseDay(plan.asOf)!, actions: plan.actions },
      planLedgerOf(loadWhatIfBase(db, asOfDay)),
      asOfDay,
    );
    return checklist.items.map((item) => ({
      step: item.index + 1,
      date: item.on,
      until: item.until,
      action: fillSentence(item.sentence, locale),
      state: item.state,
      evidence: fillSentence(item.evidence, locale),
    }));
  },
};
