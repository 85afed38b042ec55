// The checklist's sentences, in both languages, made once here so that the app and the CLI say
// the same thing ("Huabei · limit: narrows the bureau-style range by 41 points").

import type { InferredBillDays } from '../ledger/bill-day-inference.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import type { ChecklistEffect, ChecklistFact } from './schema.ts';

const FACT_NAMES: Record<ChecklistFact, LocalizedText> = {
  reporting: { 'zh-CN': '是否上报征信', en: 'whether it reports to the credit bureau' },
  limit: { 'zh-CN': '额度', en: 'limit' },
  billDays: { 'zh-CN': '账单日和还款日', en: 'statement and due day' },
  openedOn: { 'zh-CN': '开户日期', en: 'open date' },
  loanTerms: { 'zh-CN': '借款期数、还款方式和利率', en: 'term, repayment method and rate' },
  income: { 'zh-CN': '每月税后收入', en: 'monthly income after tax' },
};

export function titleOf(fact: ChecklistFact, accountName: string | null): LocalizedText {
  const name = FACT_NAMES[fact];
  if (accountName === null) return { 'zh-CN': name['zh-CN'], en: name.en[0]!.toUpperCase() + name.en.slice(1) };
  return { 'zh-CN': `${accountName} · ${name['zh-CN']}`, en: `${accountName} · ${name.en}` };
}

export function effectText(effect: ChecklistEffect): LocalizedText {
  const zh: string[] = [];
  const en: string[] = [];
  if (effect.bureauPoints) {
    zh.push(`让征信风格评分的区间缩小 ${effect.bureauPoints} 分`);
    en.push(`narrows the bureau-style range by ${effect.bureauPoints} points`);
  }
  if (effect.sesamePoints) {
    zh.push(`让芝麻分估算的区间缩小 ${effect.sesamePoints} 分`);
    en.push(`narrows the Sesame-style range by ${effect.sesamePoints} points`);
  }
  if (effect.reportCells) {
    zh.push(`模拟征信报告中 ${effect.reportCells} 项由未知变为已知`);
    en.push(`fills ${effect.reportCells} unknown cell(s) of the simulated report`);
  }
  if (zh.length === 0) return { 'zh-CN': '目前不改变评分区间或报告，但能让账户信息完整。', en: 'Changes no range or report cell today, but completes the account.' };
  return { 'zh-CN': zh.join('，') + '。', en: en.join('; ').replace(/^./, (c) => c.toUpperCase()) + '.' };
}

export function inferredText(inferred: InferredBillDays): LocalizedText {
  return {
    'zh-CN': `推测：账单日 ${inferred.statementDay} 日，还款日 ${inferred.dueDay} 日（${inferred.months} 个月的还款中有 ${inferred.matched} 个月在 ${inferred.dueDay} 日或之前两天内）。`,
    en: `Inferred: statement day ${inferred.statementDay}, due day ${inferred.dueDay} (in ${inferred.matched} of ${inferred.months} months the repayment fell on day ${inferred.dueDay} or the two days before).`,
  };
}
