import { bureauReport } from '../../bureau/report.ts';
import { readHardQueryReasons, saveHardQueryReasons } from '../../settings/bureau-settings.ts';
import { TYPE_NAMES } from '../../bureau/summary-counters.ts';
import type { BureauReport, Figure } from '../../bureau/report-schema.ts';
import { CredenceError } from '../../shared/errors.ts';
import { formatMonth } from '../../shared/calendar.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { ledgerDb, namedArgs } from '../args.ts';
import { QUERY_REASONS } from '../../shared/reference-data.ts';
import { HARD_QUERY_REASONS_SOURCE, type HardQueryReasons } from '../../rules/hard-queries.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';
import { formatFen } from '../../shared/money.ts';

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
  for (const rule of r.lenderView) {
    const safe = rule.safeToApply?.warn ? (zh ? `  可再申请：${rule.safeToApply.warn}` : `  safe to apply from ${rule.safeToApply.warn}`) : '';
    out.push(`  [${rule.status}] ${rule.label[ctx.locale]}: ${figureText(rule.figure)}${safe}`);
  }
  const hard = r.hardQueryReasons;
  out.push(
    zh
      ? `  硬查询的查询原因（${hard.edited ? '已修改' : '默认'}）：${hard.codes.join(', ') || '无'}；用 credence report settings 修改`
      : `  hard-query reasons (${hard.edited ? 'edited' : 'default'}): ${hard.codes.join(', ') || 'none'}; change with credence report settings`,
  );
  return out;
}

/** The hard-query set, one reason code per line: `[x]` hard, `*` where that differs from the default. */
function hardReasonLines(ctx: CliContext, set: HardQueryReasons): string[] {
  const zh = ctx.locale === 'zh-CN';
  const out = [
    zh
      ? `硬查询的查询原因（${set.edited ? '已修改' : '默认'}；默认依据 docs/domain/pboc-report.md#hard-queries）：${set.codes.join(', ') || '无'}`
      : `Hard-query reasons (${set.edited ? 'edited' : 'default'}; default per docs/domain/pboc-report.md#hard-queries): ${set.codes.join(', ') || 'none'}`,
  ];
  for (const reason of QUERY_REASONS) {
    const hard = set.codes.includes(reason.code);
    const changed = hard !== set.defaults.includes(reason.code) ? ' *' : '';
    out.push(`  [${hard ? 'x' : ' '}] ${reason.code.padEnd(4)} ${reason.name[ctx.locale]}${changed}`);
  }
  return out;
}

/** "02,03 08" → ['02', '03', '08'] (a single digit gets its leading zero, as pboc_conf.py writes codes without it); "none" → []. */
function reasonCodes(text: string): string[] | null {
  const value = text.trim();
  if (value === 'default') return null;
  if (value === 'none') return [];
  const codes = value.split(/[\s,，、]+/).filter((code) => code !== '');
  if (codes.length === 0) throw new CredenceError('cli.usage', { reason: 'hard-reasons needs codes such as 02,03,08, "none" or "default"' });
  return codes.map((code) => (/^\d$/.test(code) ? `0${code}` : code));
}

/**
 * `credence report settings`: the profile's report settings. Shows the hard-query reason codes;
 * `hard-reasons=02,03,08` sets them (`none`: no query is hard; `default`: back to
 * docs/domain/pboc-report.md#hard-queries).
 */
function settings(ctx: CliContext): number {
  const args = namedArgs(ctx, ['hard-reasons']);
  const db = ledgerDb(ctx, 'report settings');
  try {
    const wanted = args['hard-reasons'];
    const set = wanted === undefined ? readHardQueryReasons(db) : saveHardQueryReasons(db, reasonCodes(wanted), 'cli');
    if (ctx.json) printJson(ctx, { hardQueryReasons: { ...set, source: HARD_QUERY_REASONS_SOURCE } });
    else for (const line of hardReasonLines(ctx, set)) ctx.io.out(line);
    return 0;
  } finally {
    db.close();
  }
}

function run(ctx: CliContext): number {
  const [sub, ...rest] = ctx.args;
  if (sub === 'settings') return settings({ ...ctx, args: rest });
  if (sub !== undefined) throw new CredenceError('cli.usage', { reason: reportCommand.usage.join(' | ') });
  const db = ledgerDb(ctx, 'report');
  try {
    const report = bureauReport(db, asOfFrom(ctx.options['as-of']));
    if (ctx.json) printJson(ctx, report);
    else {
      for (const line of lines(ctx, report)) ctx.io.out(line);
      say(ctx, { 'zh-CN': '此报告由本地账本模拟生成，不是中国人民银行征信中心出具的报告。', en: 'Simulated from the local ledger; not a report issued by the PBOC Credit Reference Center.' });
    }
    return 0;
  } finally {
    db.close();
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary: { 'zh-CN': '模拟二代征信报告：信息概要、60个月还款记录、查询记录与放贷规则', en: 'simulated second-generation credit report: summary, 60-month grid, queries and lender rules' },
  usage: [
    'credence report --db DB [--as-of YYYY-MM-DD] [--json]',
    'credence report settings --db DB [--json]',
    'credence report settings hard-reasons=02,03,08 --db DB   (hard-reasons=none: no query is hard; hard-reasons=default: docs/domain/pboc-report.md#hard-queries)',
  ],
  run,
};
