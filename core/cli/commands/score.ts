// `credence score …`: the Dashboard's two scores with their explanations, and the score history.

import type { Response } from '../../ipc/contract.ts';
import { CredenceError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { formatFen } from '../../shared/money.ts';
import { asOf, noMoreArgs } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';
import { NOT_SCORABLE } from '../../rules/scorability.ts';

type ModelResult = Response<'score.report'>['bureau'];
type FactorResult = ModelResult['factors'][number];
type FailingRule = ModelResult['failingRules'][number];
type ScoredModel = Response<'score.report'>['sesame'];

function range(m: ScoredModel): string {
  return m.range.low === m.range.high ? '' : ` (${m.range.low}–${m.range.high})`;
}

function valueText(f: FactorResult): string {
  if (f.value === null) return '—';
  if (f.unit === 'ratio') return `${(f.value * 100).toFixed(1)}%`;
  if (f.unit === 'fen') return formatFen(Math.round(f.value), { grouped: false }); // averages can fall between fen
  return String(Math.round(f.value * 100) / 100);
}

const IMPACT: Record<FactorResult['impact'], LocalizedText> = {
  high: { 'zh-CN': '影响大', en: 'high impact' },
  medium: { 'zh-CN': '影响中等', en: 'medium impact' },
  low: { 'zh-CN': '影响小', en: 'low impact' },
};

const ORIGIN: Record<FactorResult['origin'], LocalizedText> = {
  fitted: { 'zh-CN': '拟合', en: 'fitted' },
  adjustment: { 'zh-CN': '调整', en: 'adjustment' },
  estimate: { 'zh-CN': '示意', en: 'estimate' },
};

function valueOfRule(r: FailingRule): string {
  if (r.value === null) return '—';
  if (r.unit === 'ratio') return `${(r.value * 100).toFixed(1)}%`;
  if (r.unit === 'fen') return formatFen(Math.round(r.value), { grouped: false });
  return String(r.value);
}

/** The lender rules the report fails, as the score card shows them, with the band each caps. */
function printFailingRules(ctx: CliContext, m: ModelResult): void {
  const lang = ctx.locale;
  const zh = lang === 'zh-CN';
  for (const r of m.failingRules) {
    const cap = r.capBand === null ? '' : zh ? `；等级最多显示 ${r.capBand.toUpperCase()}` : `; band capped at ${r.capBand.toUpperCase()}`;
    const maybe = r.certain ? '' : zh ? '（仅当上报情况未知的账户上报时）' : ' (only if the accounts of unknown reporting report)';
    ctx.io.out(`  ${zh ? '银行规则不通过' : 'Lender rule fails'}: ${r.label[lang]} = ${valueOfRule(r)}${maybe}${cap}`);
  }
  if (m.bandCap) ctx.io.out(`  ${zh ? '等级上限' : 'Band cap'}: ${m.bandCap.uncapped.label[lang]} → ${m.band!.label[lang]}. ${m.bandCap.convention[lang]}`);
}

function printModel(ctx: CliContext, model: ModelResult): void {
  const zh = ctx.locale === 'zh-CN';
  const lang = ctx.locale;
  const { score, range: span, band, bandRange } = model;
  if (score === null || span === null || band === null || bandRange === null) {
    // A thin file: no number, no band, no percentile; why, and what would make it scorable.
    ctx.io.out(`${model.name[lang]}: ${NOT_SCORABLE[lang]}`);
    for (const c of model.scorability?.checks ?? []) {
      ctx.io.out(`  ${c.met ? '✓' : '✗'} ${c.label[lang]}: ${c.finding[lang]}`);
      if (c.action) ctx.io.out(`      ${zh ? '怎样可以评分：' : 'To become scorable: '}${c.action[lang]}`);
    }
    if (model.scorability?.scorableFrom) ctx.io.out(`  ${zh ? '可评分日期' : 'Scorable from'}: ${model.scorability.scorableFrom}`);
    printFailingRules(ctx, model);
    return;
  }
  const m: ScoredModel = { ...model, score, range: span, band, bandRange };
  printFailingRules(ctx, m);
  const percentile = m.percentile === null ? '' : zh ? ` · 高于 ${m.percentile}% 的建模人群` : ` · above ${m.percentile}% of the fitting population`;
  ctx.io.out(`${m.name[lang]}: ${m.score}${range(m)} ${m.band.label[lang]}${percentile}`);
  ctx.io.out(`  ${m.disclaimer[lang]}`);
  for (const f of m.factors) {
    const pts = f.origin === 'adjustment' ? `${f.points}` : `${f.points}/${f.maxPoints}`;
    const spread = f.pointsRange.low === f.pointsRange.high ? '' : ` [${f.pointsRange.low}…${f.pointsRange.high}]`;
    const dim = f.dimension ? `${m.dimensions.find((d) => d.id === f.dimension)?.label[lang] ?? f.dimension} · ` : '';
    ctx.io.out(`  ${pts.padStart(7)}${spread}  ${dim}${f.label[lang]} = ${valueText(f)} (${ORIGIN[f.origin][lang]}, ${IMPACT[f.impact][lang]})`);
  }
  if (m.reasons.length > 0) {
    ctx.io.out(zh ? '  主要原因：' : '  Main reasons:');
    m.reasons.forEach((r, i) => ctx.io.out(`    ${i + 1}. ${r.text[lang]} (−${r.pointsBelowBest})`));
  }
  for (const n of m.uncertainty) ctx.io.out(`  ${zh ? '区间：' : 'Range: '}${n.text[lang]}`);
  if (m.nextAction) ctx.io.out(`  ${zh ? '下一步：' : 'Next: '}${m.nextAction.text[lang]}`);
  if (m.observed) {
    ctx.io.out(
      zh
        ? `  您记录的真实分数：${m.observed.value}（${m.observed.observedOn}），与估算相差 ${m.observed.gap > 0 ? '+' : ''}${m.observed.gap}`
        : `  Your recorded real score: ${m.observed.value} (${m.observed.observedOn}), ${m.observed.gap > 0 ? '+' : ''}${m.observed.gap} from the estimate`,
    );
  }
}

async function report(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'score', async ({ call, profileId }) => {
    const result = await call('score.report', { profileId, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, result);
    else {
      say(ctx, { 'zh-CN': `评分日期 ${result.asOf}（读取到 ${result.latestMonth} 月）`, en: `Scored as of ${result.asOf} (months up to ${result.latestMonth})` });
      printModel(ctx, result.bureau);
      printModel(ctx, result.sesame);
    }
    return 0;
  });
}

async function history(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'score history', async ({ call, profileId }) => {
    const reply = await call('score.history', { profileId });
    if (ctx.json) printJson(ctx, reply);
    else if (reply.snapshots.length === 0) say(ctx, { 'zh-CN': '还没有评分记录（每次导入后自动记录，或用 credence score snapshot）。', en: 'No score history yet (one is kept after each import, or with credence score snapshot).' });
    else {
      const bureau = (s: (typeof reply.snapshots)[number]) => (s.bureau.score === null ? NOT_SCORABLE[ctx.locale] : `${s.bureau.score} (${s.bureau.low}–${s.bureau.high})`);
      for (const s of reply.snapshots) ctx.io.out(`#${s.id} ${s.asOf} ${s.trigger} bureau ${bureau(s)} sesame ${s.sesame.score} (${s.sesame.low}–${s.sesame.high})`);
    }
    return 0;
  });
}

async function snapshot(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'score snapshot', async ({ call, profileId }) => {
    const reply = await call('score.snapshot', { profileId, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, reply);
    else if (reply.snapshot === null) say(ctx, { 'zh-CN': '分数与上一条记录相同，未重复记录。', en: 'Same as the latest snapshot; nothing stored.' });
    else say(ctx, { 'zh-CN': `已记录评分 #${reply.snapshot.id}。`, en: `Stored snapshot #${reply.snapshot.id}.` });
    return 0;
  });
}

/** `score cap RULE BAND|none|default`: the best band the bureau-style score shows while RULE fails (through the contract, as the Dashboard sets it). */
function cap(ctx: CliContext): Promise<number> {
  const [ruleId, wanted] = ctx.args;
  if (!ruleId || !wanted) throw new CredenceError('cli.usage', { reason: 'credence score cap RULE BAND|none|default' });
  noMoreArgs(ctx, 2);
  return withContract(ctx, 'score cap', async ({ call, profileId }) => {
    const reset = wanted === 'default';
    const band = reset || wanted === 'none' ? null : wanted.toLowerCase();
    const { caps } = await call('score.bandCap.save', { profileId, ruleId, band, reset });
    if (ctx.json) printJson(ctx, { caps });
    else {
      const shown = Object.hasOwn(caps, ruleId) ? (caps[ruleId] === null ? (ctx.locale === 'zh-CN' ? '不设上限' : 'no cap') : caps[ruleId]!.toUpperCase()) : ctx.locale === 'zh-CN' ? '默认约定' : 'the convention’s default';
      say(ctx, { 'zh-CN': `规则 ${ruleId} 不通过时的等级上限：${shown}。`, en: `Band cap while rule ${ruleId} fails: ${shown}.` });
    }
    return 0;
  });
}

export const scoreCommand: Command = {
  name: 'score',
  summary: {
    'zh-CN': '两种评分（征信风格评分、芝麻分示意估算），逐项得分、原因、区间和下一步',
    en: 'both scores (bureau-style, Sesame-style estimate) with points per factor, reasons, range and the next step',
  },
  default: '',
  subcommands: {
    '': {
      args: '[--as-of YYYY-MM-DD]',
      summary: { 'zh-CN': '评分及其解释（个人资料用 credence settings facts 填写）', en: 'the scores and why (profile facts: credence settings facts)' },
      channels: ['score.report'],
      run: report,
    },
    history: {
      args: '',
      summary: { 'zh-CN': '历次记录的评分', en: 'the scores kept over time' },
      channels: ['score.history'],
      run: history,
    },
    cap: {
      args: 'RULE BAND|none|default',
      summary: { 'zh-CN': '某条贷款机构规则不通过时，征信风格评分最多显示的等级', en: 'the best band the bureau-style score shows while a lender rule fails' },
      channels: ['score.bandCap.save'],
      run: cap,
    },
    snapshot: {
      args: '[--as-of YYYY-MM-DD]',
      summary: { 'zh-CN': '把现在的两种评分记入历史（与上一条相同则不记）', en: 'keep both scores as they stand now in the history (not when equal to the latest)' },
      channels: ['score.snapshot'],
      run: snapshot,
    },
  },
};
