// `credence report`: the Bureau page's simulated PBOC report, from the same channel.

import { TYPE_NAMES } from '../../bureau/summary-counters.ts';
import type { Response } from '../../ipc/contract.ts';
import { formatMonth } from '../../shared/calendar.ts';
import { formatFen } from '../../shared/money.ts';
import { asOf, noMoreArgs } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type BureauReport = Response<'bureau.report'>;
type Figure = BureauReport['summary']['overview']['totalAccounts'];

function one(unit: Figure['unit'], value: number | null): string {
  if (value === null) return '—';
  if (unit === 'fen') return formatFen(Math.round(value), { grouped: false }); // averages can fall between fen
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'month') return formatMonth(value);
  return String(value);
}

/** A figure as text: `3`, `3–5` when unknown reporting moves it, `≥ ¥10.00` when amounts are missing. */
export function figureText(f: Figure): string {
  const base = f.range ? `${one(f.unit, f.range[0])}–${one(f.unit, f.range[1])}` : one(f.unit, f.value);
  return f.missing > 0 && f.unit === 'fen' ? `≥ ${base}` : base;
}

/** A rule's dates: the day it no longer fails and the day it passes clean, or what it needs instead. */
function ruleSafeText(ctx: CliContext, rule: BureauReport['lenderView'][number], asOfDay: string): string {
  const safe = rule.safeToApply;
  if (!safe) return '';
  const zh = ctx.locale === 'zh-CN';
  const parts: string[] = [];
  if (safe.fail && safe.fail !== asOfDay) parts.push(zh ? `不再不通过：${safe.fail}` : `no longer fails from ${safe.fail}`);
  if (safe.warn && safe.warn !== safe.fail) parts.push(zh ? `完全通过：${safe.warn}` : `passes clean from ${safe.warn}`);
  if (safe.action) parts.push(zh ? `需${safe.action['zh-CN']}` : `needs you to ${safe.action.en}`);
  return parts.length > 0 ? `  (${parts.join(zh ? '；' : '; ')})` : '';
}

function lines(ctx: CliContext, r: BureauReport): string[] {
  const zh = ctx.locale === 'zh-CN';
  const out: string[] = [];
  out.push(
    zh
      ? `模拟个人信用报告（非官方）  截至 ${r.asOf}，报告期末 ${r.reportMonth}`
      : `Simulated personal credit report (not official)  as of ${r.asOf}, last reported month ${r.reportMonth}`,
  );
  out.push(
    zh
      ? `上报账户 ${r.reporting.yes}，是否上报未知 ${r.reporting.unknown}（相关数字以区间显示），不上报 ${r.reporting.no}`
      : `reported accounts ${r.reporting.yes}, reporting unknown ${r.reporting.unknown} (figures they affect are ranges), not reported ${r.reporting.no}`,
  );
  const s = r.summary;
  out.push('', zh ? '信息概要' : 'Summary', `  ${zh ? '信贷账户数合计' : 'credit accounts'} ${figureText(s.overview.totalAccounts)}`);
  for (const t of s.overview.byType) out.push(`  ${t.type} ${TYPE_NAMES[t.type][ctx.locale]}: ${figureText(t.accounts)}`);
  out.push(zh ? '  逾期（透支）汇总：账户数 / 月份数 / 单月最高逾期总额 / 最长逾期月数' : '  overdue: accounts / months / highest month / longest months');
  for (const o of s.defaults.overdue) out.push(`  ${o.type} ${figureText(o.accounts)} / ${figureText(o.months)} / ${figureText(o.highestMonthlyFen)} / ${figureText(o.longestMonths)}`);
  out.push(zh ? '  授信及负债：机构数 / 账户数 / 授信或借款总额 / 余额 / 最近6个月平均' : '  credit and debt: institutions / accounts / line or loan / balance / 6-month average');
  for (const d of s.debt) out.push(`  ${d.type} ${figureText(d.institutions)} / ${figureText(d.accounts)} / ${figureText(d.totalFen)} / ${figureText(d.balanceFen)} / ${figureText(d.average6mFen)}`);
  const q = s.queries;
  out.push(
    zh
      ? `  查询：近1月 贷款审批 ${figureText(q.queries1m.loan)} 次、信用卡审批 ${figureText(q.queries1m.card)} 次、本人 ${figureText(q.queries1m.self)} 次；近2年 贷后管理 ${figureText(q.queries2y.postLoan)} 次`
      : `  queries: last month loan ${figureText(q.queries1m.loan)}, card ${figureText(q.queries1m.card)}, self ${figureText(q.queries1m.self)}; last 2 years post-loan ${figureText(q.queries2y.postLoan)}`,
  );
  out.push('', zh ? '信贷交易信息明细' : 'Accounts');
  for (const a of r.accounts) {
    const tag = a.reporting === 'unknown' ? (zh ? '（是否上报未知）' : ' (reporting unknown)') : '';
    out.push(`  #${a.id} ${a.type} ${a.name}${tag} ${a.stateName[ctx.locale]}  ${a.gridFrom ?? ''}..${a.gridTo ?? ''}: ${a.grid.map((m) => m.status).join('')}`);
  }
  if (r.negativeItems.length > 0) out.push('', zh ? '不良记录' : 'Negative records');
  for (const n of r.negativeItems) {
    const end = n.fallsOffMonth
      ? zh
        ? `${n.fallsOffMonth} 消除（还剩 ${n.monthsLeft} 个月）`
        : `falls off ${n.fallsOffMonth} (${n.monthsLeft} months left)`
      : zh
        ? '尚未结束：结清后 5 年消除'
        : 'not ended: falls off 5 years after it is repaid';
    out.push(`  #${n.accountId} ${n.from}..${n.to} ${n.worst}  ${end}`);
  }
  out.push('', zh ? '放贷规则（常见说法，非法规）' : 'Lender rules (commonly cited, not regulation)');
  for (const rule of r.lenderView) out.push(`  [${rule.status}] ${rule.label[ctx.locale]}: ${figureText(rule.figure)}${ruleSafeText(ctx, rule, r.asOf)}`);
  const safe = r.safeToApply;
  out.push(
    '',
    zh ? `可安全申请：${safe.on ?? '时间本身不能解决'}` : `Safe to apply: ${safe.on ?? 'not with time alone'}`,
    `  ${safe.reason[ctx.locale]}`,
    ...safe.assumes.map((a) => (zh ? `  前提：${a.action['zh-CN']}` : `  assumes you ${a.action.en}`)),
  );
  const hard = r.hardQueryReasons;
  out.push(
    zh
      ? `  硬查询的查询原因（${hard.edited ? '已修改' : '默认'}）：${hard.codes.join(', ') || '无'}；用 credence settings hard-reasons 修改`
      : `  hard-query reasons (${hard.edited ? 'edited' : 'default'}): ${hard.codes.join(', ') || 'none'}; change with credence settings hard-reasons`,
  );
  return out;
}

async function run(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'report', async ({ call, profileId }) => {
    const report = await call('bureau.report', { profileId, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, report);
    else {
      for (const line of lines(ctx, report)) ctx.io.out(line);
      say(ctx, { 'zh-CN': '此报告由本地账本模拟生成，不是中国人民银行征信中心出具的报告。', en: 'Simulated from the local ledger; not a report issued by the PBOC Credit Reference Center.' });
    }
    return 0;
  });
}

export const reportCommand: Command = {
  name: 'report',
  summary: { 'zh-CN': '模拟二代征信报告：信息概要、60个月还款记录、查询记录与放贷规则', en: 'simulated second-generation credit report: summary, 60-month grid, queries and lender rules' },
  default: '',
  subcommands: {
    '': {
      args: '[--as-of YYYY-MM-DD]',
      summary: { 'zh-CN': '报告截至某日（默认今天，UTC+8）；规则的阈值和硬查询原因用 credence settings 修改', en: 'the report as of a day (default today, UTC+8); change rule thresholds and hard-query reasons with credence settings' },
      channels: ['bureau.report'],
      run,
    },
  },
};
