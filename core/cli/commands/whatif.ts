// `credence whatif …`: the What-if page's side by side (the baseline and up to three scenario
// files, month by month) and the scenarios kept in the profile, through the same channels.

import { readFile } from 'node:fs/promises';
import type { Response } from '../../ipc/contract.ts';
import { CredenceError } from '../../shared/errors.ts';
import { formatFen } from '../../shared/money.ts';
import { asOf, idArg, noMoreArgs, positional, wholeNumber } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, say, textOption, type CliContext } from '../io.ts';
import type { Command } from './command.ts';
import { NOT_SCORABLE } from '../../rules/scorability.ts';

type Comparison = Response<'whatif.compare'>;
type ScenarioResult = Comparison['baseline'];
type SavedScenario = Response<'whatif.scenario.save'>;

/** A scenario file: one JSON object `{ "name": …, "actions": [ … ] }` (README, examples/whatif). */
async function readScenarioFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CredenceError('whatif.invalid_file', { file: path, reason: (error as Error).message });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CredenceError('whatif.invalid_file', { file: path, reason: (error as Error).message });
  }
}

function asScenarioInput(path: string, value: unknown): { name: string; actions: unknown[] } {
  const object = value as { name?: unknown; actions?: unknown };
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Array.isArray(object.actions)) {
    throw new CredenceError('whatif.invalid_file', { file: path, reason: 'expected an object { "name": …, "actions": [ … ] }' });
  }
  return value as { name: string; actions: unknown[] };
}

function figureText(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === 'fen') return formatFen(Math.round(value), { grouped: false });
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return String(Math.round(value * 100) / 100);
}

function printScenario(ctx: CliContext, comparison: Comparison, s: ScenarioResult): void {
  const lang = ctx.locale;
  const zh = lang === 'zh-CN';
  ctx.io.out('');
  ctx.io.out(s.id === null && s.name === '' ? (zh ? '== 基准（不做任何操作）' : '== Baseline (no action)') : `== ${s.name}`);
  const keys = comparison.figures.map((f) => f.key);
  ctx.io.out([zh ? '月份' : 'month', 'bureau', 'sesame', ...keys, zh ? '放贷规则' : 'lender'].join('\t'));
  for (const m of s.months) {
    const score = (x: typeof m.bureau) => (x.band === null ? NOT_SCORABLE[lang] : `${x.score} (${x.low}–${x.high}) ${x.band.label[lang]}`);
    const figures = comparison.figures.map((f) => figureText(m.figures[f.key]?.value ?? null, f.unit));
    ctx.io.out([m.month, score(m.bureau), score(m.sesame), ...figures, m.verdict].join('\t'));
  }
  const focus = s.months[s.focus];
  if (focus && focus.deltas.length > 0) {
    ctx.io.out(zh ? `评分变化原因（${focus.month}，与基准相比）：` : `Why the scores moved (${focus.month}, against the baseline):`);
    for (const d of focus.deltas) ctx.io.out(`  ${d.text[lang]}`);
  }
  ctx.io.out(`${zh ? '可安全申请：' : 'Safe to apply: '}${s.safeToApply.text[lang]}`);
  if (s.cash.length > 0) {
    ctx.io.out(zh ? `所需现金 ${formatFen(s.cashTotalFen, { grouped: false })}：` : `Cash it needs ${formatFen(s.cashTotalFen, { grouped: false })}:`);
    for (const c of s.cash) ctx.io.out(`  ${c.text[lang]}`);
  }
  for (const n of s.notes) ctx.io.out(`${zh ? '注意：' : 'Note: '}${n[lang]}`);
  ctx.io.out(zh ? '假设不变：' : 'Taken as given:');
  for (const a of s.assumptions) ctx.io.out(`  · ${a[lang]}`);
}

function printComparison(ctx: CliContext, comparison: Comparison): void {
  const lang = ctx.locale;
  say(ctx, { 'zh-CN': `假设分析：自 ${comparison.asOf} 起 ${comparison.months} 个月，每月月末一份报告`, en: `What-if from ${comparison.asOf}, ${comparison.months} months, one report at each month end` });
  ctx.io.out(comparison.figures.map((f) => `${f.key} = ${f.label[lang]}`).join('; '));
  printScenario(ctx, comparison, comparison.baseline);
  for (const s of comparison.scenarios) printScenario(ctx, comparison, s);
}

function months(ctx: CliContext): { months?: number } {
  const value = wholeNumber(textOption(ctx, 'months'));
  if (value === undefined) return {};
  if (typeof value !== 'number') throw new CredenceError('cli.usage', { reason: `--months must be a whole number, not "${value}"` });
  return { months: value };
}

async function compare(ctx: CliContext): Promise<number> {
  if (ctx.args.length === 0) throw new CredenceError('cli.usage', { reason: 'whatif needs at least one SCENARIO.json (at most three)' });
  const scenarios: { name: string; actions: unknown[] }[] = [];
  for (const path of ctx.args) scenarios.push(asScenarioInput(path, await readScenarioFile(path)));
  return withContract(ctx, 'whatif', async ({ call, profileId }) => {
    const result = await call('whatif.compare', { profileId, ...asOf(ctx), ...months(ctx), scenarios });
    if (ctx.json) printJson(ctx, result);
    else printComparison(ctx, result);
    return 0;
  });
}

function savedLine(ctx: CliContext, s: SavedScenario): string {
  const plan = s.planMarkedAt ? (ctx.locale === 'zh-CN' ? `（客户的计划，${s.planMarkedAt}）` : ` (the client's plan, ${s.planMarkedAt})`) : '';
  return `#${s.id} ${s.name} · ${s.actions.length} ${ctx.locale === 'zh-CN' ? '项操作' : 'actions'}${plan}`;
}

const saved =
  (run: (ctx: CliContext, call: Parameters<Parameters<typeof withContract>[2]>[0]['call'], profileId: string) => Promise<SavedScenario>, said: { 'zh-CN': string; en: string }, count: number) =>
  async (ctx: CliContext): Promise<number> => {
    noMoreArgs(ctx, count);
    return withContract(ctx, 'whatif', async ({ call, profileId }) => {
      const s = await run(ctx, call, profileId);
      if (ctx.json) printJson(ctx, s);
      else ctx.io.out(`${said[ctx.locale]}${savedLine(ctx, s)}`);
      return 0;
    });
  };

async function list(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'whatif list', async ({ call, profileId }) => {
    const reply = await call('whatif.scenarios.list', { profileId });
    if (ctx.json) printJson(ctx, reply);
    else if (reply.scenarios.length === 0) say(ctx, { 'zh-CN': '没有保存的假设方案。', en: 'No saved scenarios.' });
    else for (const s of reply.scenarios) ctx.io.out(savedLine(ctx, s));
    return 0;
  });
}

async function remove(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 1);
  const id = idArg(ctx, 0, 'ID');
  return withContract(ctx, 'whatif delete', async ({ call, profileId }) => {
    const reply = await call('whatif.scenario.delete', { profileId, id });
    if (ctx.json) printJson(ctx, reply);
    else say(ctx, { 'zh-CN': `已删除假设方案 #${id}。`, en: `Deleted scenario #${id}.` });
    return 0;
  });
}

async function plan(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 1);
  const id = idArg(ctx, 0, 'ID');
  return withContract(ctx, 'whatif plan', async ({ call, profileId }) => {
    const mark = await call('whatif.plan.mark', { profileId, id, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, mark);
    else say(ctx, { 'zh-CN': `「${mark.name}」已作为客户的计划（自 ${mark.asOf} 起）。`, en: `"${mark.name}" is now the client's plan (from ${mark.asOf}).` });
    return 0;
  });
}

export const whatifCommand: Command = {
  name: 'whatif',
  summary: { 'zh-CN': '假设分析：基准与最多三个方案逐月对比；保存的方案', en: 'what-if: the baseline and up to three scenarios month by month; saved scenarios' },
  subcommands: {
    '': {
      args: 'SCENARIO.json… [--as-of DATE] [--months N]',
      summary: { 'zh-CN': '方案文件格式见 README（examples/whatif/）；默认 24 个月', en: 'the scenario file format: README (examples/whatif/); 24 months by default' },
      channels: ['whatif.compare'],
      run: compare,
    },
    list: { args: '', summary: { 'zh-CN': '列出这个档案保存的方案', en: 'the scenarios kept in this profile' }, channels: ['whatif.scenarios.list'], run: list },
    save: {
      args: 'SCENARIO.json [--id ID]',
      summary: { 'zh-CN': '保存方案文件（--id 覆盖已保存的方案）', en: 'keep a scenario file in the profile (--id replaces a kept one)' },
      channels: ['whatif.scenario.save'],
      run: saved(
        async (ctx, call, profileId) => {
          const path = positional(ctx, 0, 'SCENARIO.json');
          const id = wholeNumber(textOption(ctx, 'id'));
          if (id !== undefined && typeof id !== 'number') throw new CredenceError('cli.usage', { reason: `--id must be an id, not "${id}"` });
          return call('whatif.scenario.save', { profileId, id: id ?? null, scenario: asScenarioInput(path, await readScenarioFile(path)) });
        },
        { 'zh-CN': '已保存：', en: 'Saved: ' },
        1,
      ),
    },
    rename: {
      args: 'ID NAME',
      summary: { 'zh-CN': '重命名保存的方案', en: 'rename a kept scenario' },
      channels: ['whatif.scenario.rename'],
      run: saved((ctx, call, profileId) => call('whatif.scenario.rename', { profileId, id: idArg(ctx, 0, 'ID'), name: positional(ctx, 1, 'NAME') }), { 'zh-CN': '已重命名：', en: 'Renamed: ' }, 2),
    },
    duplicate: {
      args: 'ID',
      summary: { 'zh-CN': '复制保存的方案', en: 'copy a kept scenario' },
      channels: ['whatif.scenario.duplicate'],
      run: saved((ctx, call, profileId) => call('whatif.scenario.duplicate', { profileId, id: idArg(ctx, 0, 'ID') }), { 'zh-CN': '已复制：', en: 'Copied: ' }, 1),
    },
    delete: { args: 'ID', summary: { 'zh-CN': '删除保存的方案', en: 'delete a kept scenario' }, channels: ['whatif.scenario.delete'], run: remove },
    plan: {
      args: 'ID [--as-of DATE]',
      summary: { 'zh-CN': '把方案作为客户的计划（只能有一个）', en: 'apply a kept scenario to the plan (one per client)' },
      channels: ['whatif.plan.mark'],
      run: plan,
    },
  },
  default: '',
};
