// `credence score …`: the Dashboard's two scores with their explanations, and the score history.

import type { Response } from '../../ipc/contract.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { formatFen } from '../../shared/money.ts';
import { asOf, noMoreArgs } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type ModelResult = Response<'score.report'>['bureau'];
type FactorResult = ModelResult['factors'][number];

function range(m: ModelResult): string {
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

function printModel(ctx: CliContext, m: ModelResult): void {
  const zh = ctx.locale === 'zh-CN';
  const lang = ctx.locale;
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
    else for (const s of reply.snapshots) ctx.io.out(`#${s.id} ${s.asOf} ${s.trigger} bureau ${s.bureau.score} (${s.bureau.low}–${s.bureau.high}) sesame ${s.sesame.score} (${s.sesame.low}–${s.sesame.high})`);
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
    snapshot: {
      args: '[--as-of YYYY-MM-DD]',
      summary: { 'zh-CN': '把现在的两种评分记入历史（与上一条相同则不记）', en: 'keep both scores as they stand now in the history (not when equal to the latest)' },
      channels: ['score.snapshot'],
      run: snapshot,
    },
  },
};
