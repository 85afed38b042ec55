// `credence settings …`: what the user may change about how the report and the scores read a
// profile, through the channels the Bureau page and the Dashboard's profile form use: a lender
// rule's levels and window, which query reasons count as hard, the monthly income, the profile facts.

import type { Response } from '../../ipc/contract.ts';
import { QUERY_REASONS } from '../../shared/reference-data.ts';
import { profileFactsInputSchema } from '../../settings/profile-facts-schema.ts';
import { ruleSettingSchema } from '../../settings/bureau-settings.ts';
import { graceSettingSchema } from '../../settings/conventions.ts';
import { CredenceError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { formatFen, parseLevel, parsePercent, parseYuan } from '../../shared/money.ts';
import { asOf, noMoreArgs, positional } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { GRACE_SETTING_HELP, PROFILE_FACT_HELP, RULE_SETTING_HELP } from '../field-help.ts';
import { fieldSet, fieldTexts, keyOf, parseFields } from '../fields.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type BureauReport = Response<'bureau.report'>;
type RuleView = BureauReport['lenderView'][number];
type HardQueryReasons = BureauReport['hardQueryReasons'];
type Facts = Response<'score.profile.get'>;
type Conventions = Response<'bureau.conventions'>;

const RULE_FIELDS = fieldSet(ruleSettingSchema, RULE_SETTING_HELP, { required: [], aliases: { window: 'windowMonths' } });
const FACT_FIELDS = fieldSet(profileFactsInputSchema, PROFILE_FACT_HELP);
const GRACE_FIELDS = fieldSet(graceSettingSchema, GRACE_SETTING_HELP, { required: [], aliases: { days: 'graceDays' } });

const ORIGIN: Record<Conventions['grace']['issuers'][number]['origin'], LocalizedText> = {
  profile: { 'zh-CN': '您的设置', en: 'your setting' },
  issuer: { 'zh-CN': '规则表', en: 'rule table' },
  card_default: { 'zh-CN': '行业惯例默认', en: 'industry default' },
  none: { 'zh-CN': '无容时容差', en: 'no grace' },
};

/** One issuer per line: its grace and tolerance, whose they are, and how many of the profile's accounts it judges. */
function graceLines(ctx: CliContext, c: Conventions, only?: string): string[] {
  const zh = ctx.locale === 'zh-CN';
  const out = only
    ? []
    : [
        zh
          ? `容时与容差（credence settings grace 发卡机构 days=… tolerance=… 修改；默认 ${c.grace.cardDefault.graceDays} 天 / ${formatFen(c.grace.cardDefault.toleranceFen, { dropZeroCents: true })}，依据 ${c.grace.cardDefault.source}）：`
          : `Grace and tolerance (change with credence settings grace ISSUER days=… tolerance=…; default ${c.grace.cardDefault.graceDays} days / ${formatFen(c.grace.cardDefault.toleranceFen, { dropZeroCents: true })}, per ${c.grace.cardDefault.source}):`,
      ];
  for (const i of c.grace.issuers.filter((x) => only === undefined || x.lender === only)) {
    const accounts = zh ? `${i.accounts} 个账户` : `${i.accounts} account${i.accounts === 1 ? '' : 's'}`;
    out.push(`  ${i.lender}  days=${i.graceDays} tolerance=${formatFen(i.toleranceFen, { grouped: false, symbol: false })}  [${ORIGIN[i.origin][ctx.locale]}] ${accounts}`);
  }
  return out;
}

function dtiLine(ctx: CliContext, c: Conventions): string {
  const d = c.debtToIncome;
  const pct = (x: number) => `${Math.round(x * 10000) / 100}%`;
  const flag = d.sourced ? '' : ctx.locale === 'zh-CN' ? '；Credence 自定默认值，无来源给出' : '; Credence’s own default, no source gives it';
  return ctx.locale === 'zh-CN'
    ? `负债收入比：循环额度按已用额度的 ${pct(d.revolvingShareOfUsed)} 计入月负债（${d.edited ? '已修改' : '默认'}，默认 ${pct(d.defaultShare)}${flag}；credence settings dti 百分比 修改）`
    : `Debt-to-income: a revolving line counts ${pct(d.revolvingShareOfUsed)} of its balance in use as monthly debt (${d.edited ? 'edited' : 'default'}, default ${pct(d.defaultShare)}${flag}; change with credence settings dti PERCENT)`;
}

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
      printJson(ctx, { lenderView: report.lenderView, hardQueryReasons: report.hardQueryReasons, monthlyIncomeFen: report.monthlyIncomeFen, conventions: report.conventions, ...facts });
      return 0;
    }
    say(ctx, { 'zh-CN': '放贷规则（credence settings rule RULE warn=… fail=… 修改）：', en: 'Lender rules (change with credence settings rule RULE warn=… fail=…):' });
    for (const rule of report.lenderView) ctx.io.out(ruleLine(ctx, rule));
    for (const line of hardReasonLines(ctx, report.hardQueryReasons)) ctx.io.out(line);
    for (const line of graceLines(ctx, report.conventions)) ctx.io.out(line);
    ctx.io.out(dtiLine(ctx, report.conventions));
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

/** `招商银行 days=2 tolerance=5`: the terms not given keep what applies now; `招商银行 default`: back to the table. */
async function grace(ctx: CliContext): Promise<number> {
  const lender = positional(ctx, 0, 'ISSUER');
  const args = ctx.args.slice(1);
  return withContract(ctx, 'settings grace', async ({ call, profileId }) => {
    let reply: Conventions;
    if (args.length === 0) reply = await call('bureau.conventions', { profileId });
    else {
      let input: Record<string, unknown> | null = null;
      if (!(args.length === 1 && args[0] === 'default')) {
        const now = await call('bureau.conventions', { profileId });
        const base = now.grace.issuers.find((i) => i.lender === lender) ?? now.grace.cardDefault;
        input = { graceDays: base.graceDays, toleranceFen: base.toleranceFen, ...parseFields(GRACE_FIELDS, args) };
      }
      reply = await call('bureau.grace.save', { profileId, lender, input });
    }
    if (ctx.json) printJson(ctx, reply);
    else for (const line of graceLines(ctx, reply, lender)) ctx.io.out(line);
    return 0;
  });
}

/** `5` (percent of the balance in use) or `default`. */
async function dti(ctx: CliContext): Promise<number> {
  const text = positional(ctx, 0, 'PERCENT');
  noMoreArgs(ctx, 1);
  const share = text === 'default' ? null : parsePercent(text);
  if (share === undefined) throw new CredenceError('cli.usage', { reason: `PERCENT must be a share such as 10 or 5.5, or "default", not "${text}"` });
  return withContract(ctx, 'settings dti', async ({ call, profileId }) => {
    const reply = await call('bureau.debtToIncome.save', { profileId, input: share === null ? null : { revolvingShareOfUsed: share / 10000 } });
    if (ctx.json) printJson(ctx, reply);
    else ctx.io.out(dtiLine(ctx, reply));
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
  summary: { 'zh-CN': '放贷规则的阈值、硬查询原因、容时容差、负债收入比口径、月收入和个人资料', en: 'lender-rule thresholds, hard-query reasons, grace and tolerance, the debt-to-income share, monthly income and profile facts' },
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
    grace: {
      args: 'ISSUER [days=…] [tolerance=…] | ISSUER default',
      summary: {
        'zh-CN': '一家发卡机构的容时（天）和容差（元），如 招商银行 days=3 tolerance=10；未给出的保持不变；default 恢复默认；只给机构时显示',
        en: 'an issuer’s grace (days) and tolerance (yuan), e.g. 招商银行 days=3 tolerance=10; terms not given stay; default returns to the default; the issuer alone shows it',
      },
      channels: ['bureau.conventions', 'bureau.grace.save'],
      fields: GRACE_FIELDS,
      run: grace,
    },
    dti: {
      args: 'PERCENT|default',
      summary: {
        'zh-CN': '负债收入比中循环额度按已用额度的多少计入月负债（%，默认 10，Credence 自定）',
        en: 'the share of a revolving line’s balance in use that debt-to-income counts as monthly debt (%, default 10, Credence’s own)',
      },
      channels: ['bureau.debtToIncome.save'],
      run: dti,
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
