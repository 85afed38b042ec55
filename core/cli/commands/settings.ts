// `credence settings …`: what the user may change about how the report and the scores read a
// profile, through the channels the Bureau page and the Dashboard's profile form use: a lender
// rule's levels and window, which query reasons count as hard, the monthly income, the profile facts.

import type { Response } from '../../ipc/contract.ts';
import { QUERY_REASONS } from '../../shared/reference-data.ts';
import { profileFactsInputSchema } from '../../settings/profile-facts-schema.ts';
import { ruleSettingSchema } from '../../settings/bureau-settings.ts';
import { CredenceError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { formatFen, parseLevel, parseYuan } from '../../shared/money.ts';
import { asOf, noMoreArgs, positional } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { PROFILE_FACT_HELP, RULE_SETTING_HELP } from '../field-help.ts';
import { fieldSet, fieldTexts, keyOf, parseFields } from '../fields.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type BureauReport = Response<'bureau.report'>;
type RuleView = BureauReport['lenderView'][number];
type HardQueryReasons = BureauReport['hardQueryReasons'];
type Facts = Response<'score.profile.get'>;

const RULE_FIELDS = fieldSet(ruleSettingSchema, RULE_SETTING_HELP, { required: [], aliases: { window: 'windowMonths' } });
const FACT_FIELDS = fieldSet(profileFactsInputSchema, PROFILE_FACT_HELP);

const UNIT: Record<RuleView['unit'], LocalizedText> = {
  ratio: { 'zh-CN': '%', en: '%' },
  fen: { 'zh-CN': '元', en: 'yuan' },
  count: { 'zh-CN': '次', en: 'times' },
  months: { 'zh-CN': '个月', en: 'months' },
};

/** A level as it is typed back: ratios in percent, amounts in yuan, counts and months whole. */
function levelText(unit: RuleView['unit'], value: number | null): string {
  if (value === null) return '—';
  if (unit === 'ratio') return String(Math.round(value * 10000) / 100);
  if (unit === 'fen') return formatFen(value, { grouped: false, symbol: false });
  return String(value);
}

function ruleLine(ctx: CliContext, rule: RuleView): string {
  const zh = ctx.locale === 'zh-CN';
  const window = rule.windowMonths === null ? '' : zh ? `，窗口 ${rule.windowMonths} 个月` : `, window ${rule.windowMonths} months`;
  const edited = rule.edited ? (zh ? '（已修改）' : ' (edited)') : '';
  const levels = `warn=${levelText(rule.unit, rule.threshold.warn)} fail=${levelText(rule.unit, rule.threshold.fail)} ${UNIT[rule.unit][ctx.locale]}`;
  return `  ${rule.ruleId.padEnd(22)} ${levels}${window}${edited}  ${rule.label[ctx.locale]} [${rule.status}]`;
}

/** The hard-query set, one reason code per line: `[x]` hard, `*` where that differs from the default. */
function hardReasonLines(ctx: CliContext, set: HardQueryReasons): string[] {
  const zh = ctx.locale === 'zh-CN';
  const out = [
    zh
      ? `硬查询的查询原因（${set.edited ? '已修改' : '默认'}；默认依据 ${set.source}）：${set.codes.join(', ') || '无'}`
      : `Hard-query reasons (${set.edited ? 'edited' : 'default'}; default per ${set.source}): ${set.codes.join(', ') || 'none'}`,
  ];
  for (const reason of QUERY_REASONS) {
    const hard = set.codes.includes(reason.code);
    const changed = hard !== set.defaults.includes(reason.code) ? ' *' : '';
    out.push(`  [${hard ? 'x' : ' '}] ${reason.code.padEnd(4)} ${reason.name[ctx.locale]}${changed}`);
  }
  return out;
}

/** Each fact under the key `settings facts` takes it by, amounts in yuan. */
function factLines(facts: Facts['facts']): string[] {
  return Object.entries(facts).map(([name, value]) => `  ${keyOf(name)} = ${value === null ? '—' : name.endsWith('Fen') ? formatFen(value as number, { grouped: false }) : String(value)}`);
}

async function show(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'settings', async ({ call, profileId }) => {
    const report = await call('bureau.report', { profileId, ...asOf(ctx) });
    const facts = await call('score.profile.get', { profileId });
    if (ctx.json) {
      printJson(ctx, { lenderView: report.lenderView, hardQueryReasons: report.hardQueryReasons, monthlyIncomeFen: report.monthlyIncomeFen, ...facts });
      return 0;
    }
    say(ctx, { 'zh-CN': '放贷规则（credence settings rule RULE warn=… fail=… 修改）：', en: 'Lender rules (change with credence settings rule RULE warn=… fail=…):' });
    for (const rule of report.lenderView) ctx.io.out(ruleLine(ctx, rule));
    for (const line of hardReasonLines(ctx, report.hardQueryReasons)) ctx.io.out(line);
    say(ctx, { 'zh-CN': '个人资料（credence settings facts 修改）：', en: 'Profile facts (change with credence settings facts):' });
    for (const line of factLines(facts.facts)) ctx.io.out(line);
    return 0;
  });
}

/** `warn=40 fail=50` in the rule's unit, the levels not given kept; `default`: back to the rule table. */
async function rule(ctx: CliContext): Promise<number> {
  const ruleId = positional(ctx, 0, 'RULE');
  const args = ctx.args.slice(1);
  if (args.length === 0) throw new CredenceError('cli.usage', { reason: 'settings rule needs warn=…, fail=…, window=… or "default"' });
  return withContract(ctx, 'settings rule', async ({ call, profileId }) => {
    let input: Record<string, unknown> | null = null;
    if (!(args.length === 1 && args[0] === 'default')) {
      const current = (await call('bureau.report', { profileId, ...asOf(ctx) })).lenderView.find((r) => r.ruleId === ruleId);
      if (!current) throw new CredenceError('bureau.unknown_rule', { ruleId });
      const given = parseFields(RULE_FIELDS, args);
      // Levels are typed in the rule's unit; what is not one goes on as typed, for core to name.
      for (const [name, { text }] of fieldTexts(RULE_FIELDS, args)) if (name !== 'windowMonths' && given[name] !== null) given[name] = parseLevel(current.unit, text) ?? text;
      input = { warn: current.threshold.warn, fail: current.threshold.fail, ...(current.windowChoices.length > 0 ? { windowMonths: current.windowMonths } : {}), ...given };
    }
    const report = await call('bureau.rule.save', { profileId, ruleId, input, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, report);
    else for (const view of report.lenderView.filter((r) => r.ruleId === ruleId)) ctx.io.out(ruleLine(ctx, view));
    return 0;
  });
}

/** "02,03 08" → ['02', '03', '08'] (a single digit gets its leading zero, as pboc_conf.py writes codes without it); "none" → []; "default" → null. */
function reasonCodes(text: string): string[] | null {
  const value = text.trim();
  if (value === 'default') return null;
  if (value === 'none') return [];
  const codes = value.split(/[\s,，、]+/).filter((code) => code !== '');
  if (codes.length === 0) throw new CredenceError('cli.usage', { reason: 'hard-reasons needs codes such as 02,03,08, "none" or "default"' });
  return codes.map((code) => (/^\d$/.test(code) ? `0${code}` : code));
}

async function hardReasons(ctx: CliContext): Promise<number> {
  const codes = reasonCodes(ctx.args.join(','));
  return withContract(ctx, 'settings hard-reasons', async ({ call, profileId }) => {
    const report = await call('bureau.hardReasons.save', { profileId, codes, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, report);
    else for (const line of hardReasonLines(ctx, report.hardQueryReasons)) ctx.io.out(line);
    return 0;
  });
}

async function income(ctx: CliContext): Promise<number> {
  const text = positional(ctx, 0, 'YUAN');
  noMoreArgs(ctx, 1);
  const monthlyIncomeFen = text === 'none' ? null : parseYuan(text);
  if (monthlyIncomeFen === undefined || monthlyIncomeFen === null && text !== 'none') throw new CredenceError('cli.usage', { reason: `YUAN must be an amount such as 12000 or 12000.50, or "none", not "${text}"` });
  return withContract(ctx, 'settings income', async ({ call, profileId }) => {
    const report = await call('bureau.income.save', { profileId, monthlyIncomeFen, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, report);
    else {
      const dti = report.lenderView.find((r) => r.ruleId === 'debt_to_income');
      say(ctx, {
        'zh-CN': `月收入 ${report.monthlyIncomeFen === null ? '未填' : formatFen(report.monthlyIncomeFen, { grouped: false })}${dti ? `；${dti.label['zh-CN']} [${dti.status}]` : ''}`,
        en: `Monthly income ${report.monthlyIncomeFen === null ? 'not given' : formatFen(report.monthlyIncomeFen, { grouped: false })}${dti ? `; ${dti.label.en} [${dti.status}]` : ''}`,
      });
    }
    return 0;
  });
}

async function facts(ctx: CliContext): Promise<number> {
  const input = parseFields(FACT_FIELDS, ctx.args);
  return withContract(ctx, 'settings facts', async ({ call, profileId }) => {
    const reply = Object.keys(input).length === 0 ? await call('score.profile.get', { profileId }) : await call('score.profile.save', { profileId, input });
    if (ctx.json) printJson(ctx, reply);
    else for (const line of factLines(reply.facts)) ctx.io.out(line);
    return 0;
  });
}

export const settingsCommand: Command = {
  name: 'settings',
  summary: { 'zh-CN': '放贷规则的阈值、硬查询原因、月收入和个人资料', en: 'lender-rule thresholds, hard-query reasons, monthly income and profile facts' },
  default: 'show',
  subcommands: {
    show: {
      args: '',
      summary: { 'zh-CN': '全部设置及其当前值', en: 'every setting and its value' },
      channels: ['bureau.report', 'score.profile.get'],
      run: show,
    },
    rule: {
      args: 'RULE warn=… fail=… [window=12|24] | RULE default',
      summary: {
        'zh-CN': '一条放贷规则的注意线和不通过线（比例按 %、金额按元、次数和月数为整数）；未给出的保持不变；default 恢复规则表的值',
        en: 'a lender rule’s warning and failing levels (ratios in %, amounts in yuan, counts and months whole); levels not given stay; default returns to the rule table',
      },
      channels: ['bureau.report', 'bureau.rule.save'],
      fields: RULE_FIELDS,
      run: rule,
    },
    'hard-reasons': {
      args: 'CODES|none|default',
      summary: { 'zh-CN': '哪些查询原因算硬查询，如 02,03,08（none：都不算；default：恢复默认）', en: 'which query reasons count as hard, e.g. 02,03,08 (none: no query is; default: back to the default)' },
      channels: ['bureau.hardReasons.save'],
      run: hardReasons,
    },
    income: {
      args: 'YUAN|none',
      summary: { 'zh-CN': '税后月收入（负债收入比用它）', en: 'monthly income after tax (for debt-to-income)' },
      channels: ['bureau.income.save'],
      run: income,
    },
    facts: {
      args: '[field=value…]',
      summary: { 'zh-CN': '个人资料（芝麻分示意估算读取）；不带字段时显示', en: 'profile facts (the Sesame-style estimate reads them); without fields, shows them' },
      channels: ['score.profile.get', 'score.profile.save'],
      fields: FACT_FIELDS,
      run: facts,
    },
  },
};
