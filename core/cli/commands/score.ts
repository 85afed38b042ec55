import { CredenceError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { ledgerDb } from '../args.ts';
import { scoreDatabase } from '../../score/engine.ts';
import { PROFILE_FACT_KEYS } from '../../settings/profile-facts-schema.ts';
import { readProfileFacts, saveProfileFacts } from '../../settings/profile-facts.ts';
import { listSnapshots, takeSnapshot } from '../../score/snapshots.ts';
import type { FactorResult, FailingRule, ModelResult, ScoreReport } from '../../score/report-schema.ts';
import { withContract } from '../contract-call.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';
import { formatFen } from '../../shared/money.ts';

function range(m: ModelResult): string {
  return m.range === null || m.range.low === m.range.high ? '' : ` (${m.range.low}–${m.range.high})`;
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

function printModel(ctx: CliContext, m: ModelResult): void {
  const zh = ctx.locale === 'zh-CN';
  const lang = ctx.locale;
  if (m.score === null || m.band === null) {
    // A thin file: no number, no band, no percentile; why, and what would make it scorable.
    ctx.io.out(`${m.name[lang]}: ${zh ? '暂不能评分' : 'not scorable yet'}`);
    for (const c of m.scorability?.checks ?? []) {
      ctx.io.out(`  ${c.met ? '✓' : '✗'} ${c.label[lang]}: ${c.finding[lang]}`);
      if (c.action) ctx.io.out(`      ${zh ? '怎样可以评分：' : 'To become scorable: '}${c.action[lang]}`);
    }
    if (m.scorability?.scorableFrom) ctx.io.out(`  ${zh ? '可评分日期' : 'Scorable from'}: ${m.scorability.scorableFrom}`);
    printFailingRules(ctx, m);
    return;
  }
  const percentile = m.percentile === null ? '' : zh ? ` · 高于 ${m.percentile}% 的建模人群` : ` · above ${m.percentile}% of the fitting population`;
  ctx.io.out(`${m.name[lang]}: ${m.score}${range(m)} ${m.band.label[lang]}${percentile}`);
  ctx.io.out(`  ${m.disclaimer[lang]}`);
  printFailingRules(ctx, m);
  if (m.extrapolation) ctx.io.out(`  ${m.extrapolation.text[lang]}`);
  for (const f of m.factors) {
    const pts = f.origin === 'adjustment' ? `${f.points}` : `${f.points}/${f.maxPoints}`;
    const spread = f.pointsRange.low === f.pointsRange.high ? '' : ` [${f.pointsRange.low}…${f.pointsRange.high}]`;
    const dim = f.dimension ? `${m.dimensions.find((d) => d.id === f.dimension)?.label[lang] ?? f.dimension} · ` : '';
    const na = f.applicable ? '' : zh ? '，不适用：报告上没有循环额度账户，按建模人群平均计' : '; not applicable: no revolving account on the report, scored at the population average';
    ctx.io.out(`  ${pts.padStart(7)}${spread}  ${dim}${f.label[lang]} = ${valueText(f)} (${ORIGIN[f.origin][lang]}, ${IMPACT[f.impact][lang]}${na})`);
    if (f.caveat && f.pointsBelowBest > 0) ctx.io.out(`           ${f.caveat[lang]}`);
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

function report(ctx: CliContext): number {
  const db = ledgerDb(ctx, 'score');
  try {
    const result: ScoreReport = scoreDatabase(db, asOfFrom(ctx.options['as-of']));
    if (ctx.json) printJson(ctx, result);
    else {
      say(ctx, { 'zh-CN': `评分日期 ${result.asOf}（读取到 ${result.latestMonth} 月）`, en: `Scored as of ${result.asOf} (months up to ${result.latestMonth})` });
      printModel(ctx, result.bureau);
      printModel(ctx, result.sesame);
    }
    return 0;
  } finally {
    db.close();
  }
}

function history(ctx: CliContext): number {
  const db = ledgerDb(ctx, 'score history');
  try {
    const snapshots = listSnapshots(db);
    if (ctx.json) printJson(ctx, { snapshots });
    else if (snapshots.length === 0) say(ctx, { 'zh-CN': '还没有评分记录（每次导入后自动记录）。', en: 'No score history yet (one is kept after each import).' });
    else {
      const bureau = (s: (typeof snapshots)[number]) => (s.bureau.score === null ? (ctx.locale === 'zh-CN' ? '暂不能评分' : 'not scorable') : `${s.bureau.score} (${s.bureau.low}–${s.bureau.high})`);
      for (const s of snapshots) ctx.io.out(`#${s.id} ${s.asOf} ${s.trigger} bureau ${bureau(s)} sesame ${s.sesame.score} (${s.sesame.low}–${s.sesame.high})`);
    }
    return 0;
  } finally {
    db.close();
  }
}

function snapshot(ctx: CliContext): number {
  const db = ledgerDb(ctx, 'score snapshot');
  try {
    const taken = takeSnapshot(db, 'manual', asOfFrom(ctx.options['as-of']));
    if (ctx.json) printJson(ctx, { snapshot: taken });
    else if (taken === null) say(ctx, { 'zh-CN': '分数与上一条记录相同，未重复记录。', en: 'Same as the latest snapshot; nothing stored.' });
    else say(ctx, { 'zh-CN': `已记录评分 #${taken.id}。`, en: `Stored snapshot #${taken.id}.` });
    return 0;
  } finally {
    db.close();
  }
}

/** `key=value`: null clears; true/false; numbers; `income` in yuan for monthlyIncomeFen. */
function factInput(args: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at < 1) throw new CredenceError('cli.usage', { reason: `expected key=value, got "${arg}" (keys: income, ${PROFILE_FACT_KEYS.join(', ')})` });
    const key = arg.slice(0, at);
    const text = arg.slice(at + 1);
    const value = text === 'null' || text === '' ? null : text === 'true' ? true : text === 'false' ? false : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    if (key === 'income') input.monthlyIncomeFen = typeof value === 'number' ? Math.round(value * 100) : value;
    else input[key] = value;
  }
  return input;
}

function profile(ctx: CliContext): number {
  const db = ledgerDb(ctx, 'score profile');
  try {
    const facts = ctx.args.length > 0 ? saveProfileFacts(db, factInput(ctx.args), 'cli') : readProfileFacts(db);
    if (ctx.json) printJson(ctx, { facts });
    else for (const [key, value] of Object.entries(facts)) ctx.io.out(`${key} = ${value === null ? '—' : String(value)}`);
    return 0;
  } finally {
    db.close();
  }
}

/** `score cap RULE BAND|none|default`: the best band the bureau-style score shows while RULE fails (through the contract, as the Dashboard sets it). */
function cap(ctx: CliContext): Promise<number> {
  const [ruleId, wanted] = ctx.args;
  if (!ruleId || !wanted) throw new CredenceError('cli.usage', { reason: 'credence score cap RULE BAND|none|default --db DB' });
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

const SUBCOMMANDS: Record<string, (ctx: CliContext) => number | Promise<number>> = { history, snapshot, profile, cap };

export const scoreCommand: Command = {
  name: 'score',
  summary: {
    'zh-CN': '两种评分（征信风格评分、芝麻分示意估算），逐项得分、原因、区间和下一步',
    en: 'both scores (bureau-style, Sesame-style estimate) with points per factor, reasons, range and the next step',
  },
  usage: [
    'credence score --db DB [--as-of YYYY-MM-DD] [--json]',
    'credence score history --db DB [--json]',
    'credence score snapshot --db DB [--as-of YYYY-MM-DD]',
    'credence score profile [income=12000] [education=bachelor] [occupation=…] [phoneYears=3] [socialInsurance=true] … --db DB',
    'credence score cap RULE BAND|none|default --db DB [--json]',
  ],
  run: (ctx) => {
    const [sub, ...rest] = ctx.args;
    if (sub === undefined) return report(ctx);
    const run = SUBCOMMANDS[sub];
    if (!run) throw new CredenceError('cli.usage', { reason: scoreCommand.usage.join(' | ') });
    return run({ ...ctx, args: rest });
  },
};
