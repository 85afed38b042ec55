// `credence target --goal bureau:600|sesame:700|lender:pass --by DATE`: the target planner
// (whatif.target), the same answer the What-if page's planner shows.

import type { Response } from '../../ipc/contract.ts';
import { CredenceError } from '../../shared/errors.ts';
import { formatFen } from '../../shared/money.ts';
import { parseGoalSpec } from '../../whatif/schema.ts';
import { asOf, noMoreArgs } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, textOption, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type TargetResult = Response<'whatif.target'>;

function printTarget(ctx: CliContext, result: TargetResult): void {
  const lang = ctx.locale;
  const zh = lang === 'zh-CN';
  for (const line of result.explanation.slice(0, 2)) ctx.io.out(line[lang]);
  if (result.steps.length > 0) {
    ctx.io.out(zh ? '步骤：' : 'Steps:');
    result.steps.forEach((s, i) => ctx.io.out(`  ${i + 1}. ${s.why[lang]}`));
    ctx.io.out(`${zh ? '所需现金：' : 'Cash it needs: '}${formatFen(result.cashFen, { grouped: false })}`);
    ctx.io.out(`${zh ? '最早达到：' : 'Earliest: '}${result.earliest}`);
  }
  for (const line of result.explanation.slice(2 + result.steps.length)) ctx.io.out(line[lang]);
  if (result.scenario) {
    ctx.io.out(zh ? '假设不变：' : 'Taken as given:');
    for (const a of result.scenario.assumptions) ctx.io.out(`  · ${a[lang]}`);
  }
}

async function target(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  const goalText = textOption(ctx, 'goal');
  const by = textOption(ctx, 'by');
  if (goalText === undefined || by === undefined) throw new CredenceError('cli.usage', { reason: 'target needs --goal bureau:600|sesame:700|lender:pass and --by YYYY-MM-DD' });
  const goal = parseGoalSpec(goalText);
  if (goal === null) throw new CredenceError('whatif.invalid_goal', { goal: goalText });
  return withContract(ctx, 'target', async ({ call, profileId }) => {
    const result = await call('whatif.target', { profileId, ...asOf(ctx), goal, by });
    if (ctx.json) printJson(ctx, result);
    else printTarget(ctx, result);
    return 0;
  });
}

export const targetCommand: Command = {
  name: 'target',
  summary: { 'zh-CN': '目标规划：到某日达到评分或通过放贷规则的最少操作', en: 'target planner: the fewest actions that reach a score or pass the lender rules by a date' },
  subcommands: {
    '': {
      args: '--goal bureau:600|sesame:700|bureau:a|lender:pass --by DATE [--as-of DATE]',
      summary: {
        'zh-CN': '最少的操作、所需现金和最早日期，或为何到期达不到',
        en: 'the fewest actions, the cash they need and the earliest day, or why it cannot be reached by then',
      },
      channels: ['whatif.target'],
      run: target,
    },
  },
  default: '',
};
