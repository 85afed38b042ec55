// What every result takes as given (its frozen assumptions), listed with it: the behaviour of the
// future that projection.ts and timeline.ts freeze, and what the data cannot tell. A prediction
// is only as good as these; comparing it with the report that comes later starts here.

import { HARD_QUERY_REASONS_SOURCE } from '../rules/hard-queries.ts';
import { formatDay, formatMonth, monthOfDay } from '../shared/calendar.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { formatFen } from '../shared/money.ts';
import type { Projection } from './projection.ts';
import type { ScenarioState } from './scenario-state.ts';

const MAX_NAMES = 5;

function names(list: readonly string[]): string {
  return list.length <= MAX_NAMES ? list.join('、') : `${list.slice(0, MAX_NAMES).join('、')} …（${list.length}）`;
}

function namesEn(list: readonly string[]): string {
  return list.length <= MAX_NAMES ? list.join(', ') : `${list.slice(0, MAX_NAMES).join(', ')} … (${list.length})`;
}

/** Whether a month from `first` on is of unknown status (#); the months run in order, so only the last ones are read. */
function unknownFrom(months: Projection['accounts'][number]['months'], first: string): boolean {
  for (let i = months.length - 1; i >= 0 && months[i]!.month >= first; i--) if (months[i]!.status === '#') return true;
  return false;
}

export function frozenAssumptions(state: ScenarioState, projection: Projection): LocalizedText[] {
  const { base } = state;
  const asOf = formatDay(base.asOfDay);
  const out: LocalizedText[] = [
    {
      'zh-CN': `以 ${asOf} 的账本为起点：此后的变化只来自方案中的操作和以下假设；结果是模拟，不是预测。`,
      en: `Starts from the ledger as of ${asOf}: what changes after comes only from the scenario’s actions and the assumptions below; a simulation, not a forecast.`,
    },
    {
      'zh-CN': '每张信用卡和循环额度每期的消费与最近一个完整账单周期相同（同样的日期和金额），每期账单在还款日全额还清。',
      en: 'Each card and revolving line spends what its last complete statement cycle charged, on the same days and in the same amounts, and repays each statement in full on its due day.',
    },
    { 'zh-CN': '每笔贷款和借款按还款计划在每个还款日足额还款。', en: 'Each loan and draw pays every instalment on its due day, in full.' },
    {
      'zh-CN': '除方案中的操作外，不新增申请、账户或查询；额度、上报方式、收入和个人资料保持不变。',
      en: 'Beyond the scenario’s actions there are no new applications, accounts or queries; limits, reporting, income and profile details stay as they are.',
    },
    {
      'zh-CN': '支付宝、微信的活动（笔数、缴费、转账）每月重复一年前同月的情况。',
      en: 'Alipay and WeChat activity (rows, bill payments, transfers) repeats the same month a year before.',
    },
    {
      'zh-CN': '征信按月更新：一个月结束后才出现在报告上；从不承诺 T+1。',
      en: 'The report refreshes monthly: a month shows once it has ended; T+1 is never promised.',
    },
    {
      'zh-CN': `硬查询按本档案的设置计算（查询原因 ${base.snapshot.settings.hardQueryReasons.codes.join('、')}）。`,
      en: `Hard queries follow this profile’s set (reason codes ${base.snapshot.settings.hardQueryReasons.codes.join(', ')}; ${HARD_QUERY_REASONS_SOURCE}).`,
    },
  ];
  const current = formatMonth(monthOfDay(base.asOfDay));
  const overdue = base.snapshot.accounts.filter((a) => {
    const last = a.months.at(-1);
    return last !== undefined && last.month === current && (last.daysPastDue ?? 0) > 0;
  });
  if (overdue.length > 0) {
    const list = overdue.map((a) => a.name);
    out.push({
      'zh-CN': `${names(list)} 今天已逾期：除非方案中结清，否则保持未还、不再使用。`,
      en: `${namesEn(list)} ${overdue.length === 1 ? 'is' : 'are'} overdue today: unpaid and unused unless the scenario clears ${overdue.length === 1 ? 'it' : 'them'}.`,
    });
  }
  const first = formatMonth(monthOfDay(base.asOfDay) + 1);
  const unknown = projection.accounts.filter((a) => unknownFrom(a.months, first)).map((a) => a.name);
  if (unknown.length > 0) {
    out.push({
      'zh-CN': `${names(unknown)}：数据无法得知其余额、账单日或还款计划，未来各月仍显示为 #（未知）。`,
      en: `${namesEn(unknown)}: the data cannot tell the balance, statement day or repayment terms, so future months stay # (unknown).`,
    });
  }
  for (const [id, d] of state.directives) {
    if (d.spendFen === null || d.spendFen === 0) continue;
    const record = state.records.get(id);
    if (record) {
      out.push({
        'zh-CN': `${record.values.name}：每期消费 ${formatFen(d.spendFen)}，账单日次日入账，按期全额还清。`,
        en: `${record.values.name}: spends ${formatFen(d.spendFen)} a cycle, charged the day after the statement day, repaid in full each time.`,
      });
    }
  }
  return out;
}
