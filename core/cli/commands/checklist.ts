// `credence checklist …`: the facts the exports cannot know, ranked by how much each narrows the
// scores' ranges or fills the report (core/checklist), through the app's checklist channels. An
// answer is given with `credence accounts edit` or `credence settings income`, as in the app.

import type { Response } from '../../ipc/contract.ts';
import { asOf, noMoreArgs, positional } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type Checklist = Response<'checklist.get'>;

function print(ctx: CliContext, checklist: Checklist): void {
  if (ctx.json) return printJson(ctx, checklist);
  const { questions, dismissed } = checklist;
  if (questions.length === 0) say(ctx, { 'zh-CN': `截至 ${checklist.asOf}，没有待补充的信息。`, en: `As of ${checklist.asOf}, nothing is missing.` });
  else say(ctx, { 'zh-CN': `截至 ${checklist.asOf}，补上这些信息最能缩小评分区间、补全报告（按实测效果排序）：`, en: `As of ${checklist.asOf}, these facts would narrow the scores' ranges and fill the report most (ranked by measured effect):` });
  questions.forEach((q, i) => {
    ctx.io.out(`${i + 1}. [${q.key}] ${q.title[ctx.locale]}: ${q.text[ctx.locale]}`);
    if (q.inferred) ctx.io.out(`   ${q.inferred.text[ctx.locale]}`);
    ctx.io.out(`   ${q.assumedWhy[ctx.locale]}`);
  });
  if (dismissed.length > 0) say(ctx, { 'zh-CN': `已不再询问 ${dismissed.length} 项（credence checklist restore KEY 可恢复）：${dismissed.map((q) => q.key).join('、')}`, en: `${dismissed.length} dismissed (credence checklist restore KEY brings one back): ${dismissed.map((q) => q.key).join(', ')}` });
}

export const checklistCommand: Command = {
  name: 'checklist',
  summary: { 'zh-CN': '待补充的信息，按对评分区间和报告的实测影响排序', en: 'the missing facts, ranked by their measured effect on the score ranges and the report' },
  default: 'list',
  subcommands: {
    list: {
      args: '[--as-of YYYY-MM-DD]',
      summary: { 'zh-CN': '列出待补充的信息（--json 含测算所用的假定值）', en: 'list the missing facts (--json holds the values each was measured with)' },
      channels: ['checklist.get'],
      run: (ctx) => {
        noMoreArgs(ctx, 0);
        return withContract(ctx, 'checklist', async ({ call, profileId }) => {
          print(ctx, await call('checklist.get', { profileId, ...asOf(ctx) }));
          return 0;
        });
      },
    },
    dismiss: {
      args: 'KEY',
      summary: { 'zh-CN': '不再询问这一项（按档案保存）', en: 'stop asking this question (kept per profile)' },
      channels: ['checklist.dismiss'],
      run: (ctx) => {
        const key = positional(ctx, 0, 'KEY');
        noMoreArgs(ctx, 1);
        return withContract(ctx, 'checklist dismiss', async ({ call, profileId }) => {
          print(ctx, await call('checklist.dismiss', { profileId, key }));
          return 0;
        });
      },
    },
    restore: {
      args: 'KEY',
      summary: { 'zh-CN': '重新询问已不再询问的一项', en: 'ask a dismissed question again' },
      channels: ['checklist.restore'],
      run: (ctx) => {
        const key = positional(ctx, 0, 'KEY');
        noMoreArgs(ctx, 1);
        return withContract(ctx, 'checklist restore', async ({ call, profileId }) => {
          print(ctx, await call('checklist.restore', { profileId, key }));
          return 0;
        });
      },
    },
  },
};
