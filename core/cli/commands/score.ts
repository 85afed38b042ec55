import { CredenceError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { ledgerDb } from '../args.ts';
import { scoreDatabase } from '../../score/engine.ts';
import { PROFILE_FACT_KEYS } from '../../settings/profile-facts-schema.ts';
import { readProfileFacts, saveProfileFacts } from '../../settings/profile-facts.ts';
import { listSnapshots, takeSnapshot } from '../../score/snapshots.ts';
import type { FactorResult, ModelResult, ScoreReport } from '../../score/report-schema.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';
import { formatFen } from '../../shared/money.ts';

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
    else for (const s of snapshots) ctx.io.out(`#${s.id} ${s.asOf} ${s.trigger} bureau ${s.bureau.score} (${s.bureau.low}–${s.bureau.high}) sesame ${s.sesame.score} (${s.sesame.low}–${s.sesame.high})`);
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

const SUBCOMMANDS: Record<string, (ctx: CliContext) => number> = { history, snapshot, profile };

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
  ],
  run: (ctx) => {
    const [sub, ...rest] = ctx.args;
    if (sub === undefined) return report(ctx);
    const run = SUBCOMMANDS[sub];
    if (!run) throw new CredenceError('cli.usage', { reason: scoreCommand.usage.join(' | ') });
    return run({ ...ctx, args: rest });
  },
};
