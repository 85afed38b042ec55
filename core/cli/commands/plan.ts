// `credence plan …`: the client's plan (the scenario marked "apply to the plan") as its dated
// checklist with each step's state, and the printable plan as an A4 PDF, through the channels the
// Plan page and its print view call.

import { resolve } from 'node:path';
import type { Response } from '../../ipc/contract.ts';
import type { Locale } from '../../shared/localized-text.ts';
import { fillSentence } from '../../shared/plan-sentence.ts';
import { CredenceError } from '../../shared/errors.ts';
import { asOf, noMoreArgs } from '../args.ts';
import { withContract, type SessionExtras } from '../contract-call.ts';
import type { Dispatch } from '../../ipc/registry.ts';
import { printJson, say, textOption, type CliContext } from '../io.ts';
import { printPlanPage } from '../plan-pdf.ts';
import type { PrintLanguages } from '../../shared/plan-print-route.ts';
import type { Command } from './command.ts';

type PlanView = NonNullable<Response<'plan.show'>['plan']>;

const STATE_WORDS: Record<PlanView['items'][number]['state'], Record<Locale, string>> = {
  done: { 'zh-CN': '已完成', en: 'done' },
  missed: { 'zh-CN': '未做到', en: 'missed' },
  pending: { 'zh-CN': '待完成', en: 'pending' },
  untracked: { 'zh-CN': '不跟踪', en: 'not tracked' },
};

function printPlan(ctx: CliContext, plan: PlanView): void {
  const lang = ctx.locale;
  const zh = lang === 'zh-CN';
  ctx.io.out(zh ? `客户的计划「${plan.name}」（自 ${plan.startsOn} 起，按 ${plan.asOf} 的账本跟踪，UTC+8）` : `The client's plan "${plan.name}" (from ${plan.startsOn}, tracked against the ledger as of ${plan.asOf}, UTC+8)`);
  const c = plan.counts;
  ctx.io.out(zh ? `已完成 ${c.done} · 未做到 ${c.missed} · 待完成 ${c.pending} · 不跟踪 ${c.untracked}` : `done ${c.done} · missed ${c.missed} · pending ${c.pending} · not tracked ${c.untracked}`);
  for (const item of plan.items) {
    ctx.io.out(`${item.index + 1}. [${STATE_WORDS[item.state][lang]}] ${item.on}  ${fillSentence(item.sentence, lang)}`);
    ctx.io.out(`   ${fillSentence(item.evidence, lang)}`);
  }
}

async function show(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'plan show', async ({ call, profileId }) => {
    const { plan } = await call('plan.show', { profileId, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, { plan });
    else if (plan === null) say(ctx, { 'zh-CN': '这个档案还没有客户的计划（credence whatif plan ID）。', en: 'This profile has no client plan yet (credence whatif plan ID).' });
    else printPlan(ctx, plan);
    return 0;
  });
}

function languages(ctx: CliContext): PrintLanguages {
  const value = textOption(ctx, 'lang') ?? ctx.locale;
  if (value === 'zh-CN' || value === 'en' || value === 'both') return value;
  throw new CredenceError('cli.usage', { reason: `--lang must be zh-CN, en or both, not "${value}"` });
}

async function pdf(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  const out = textOption(ctx, 'out');
  const consentId = textOption(ctx, 'consent');
  if (!out || !consentId) throw new CredenceError('cli.usage', { reason: 'plan pdf needs --consent ID (a consent that covers the plan category) and --out FILE.pdf' });
  const lang = languages(ctx);
  const path = resolve(out);
  // The print view's calls reach this session's handlers once it is open (the page's own, as the app window's are).
  const page: { dispatch: Dispatch | null } = { dispatch: null };
  const printPlanPdf: NonNullable<SessionExtras['printPlanPdf']> = (request) => printPlanPage({ ...request, dispatch: page.dispatch!, ...asOf(ctx), env: ctx.io.env });
  const presentation = ctx.options.presentation === true;
  return withContract(
    ctx,
    'plan pdf',
    async ({ call, dispatch, profileId }) => {
      page.dispatch = dispatch;
      const reply = await call('plan.pdf.export', { profileId, consentId, lang, presentation });
      if (ctx.json) printJson(ctx, reply);
      else say(ctx, { 'zh-CN': `已在授权 ${consentId} 下把计划书（A4，${lang}）导出到 ${reply.path}（导出记录 ${reply.exportId}）。`, en: `Exported the printed plan (A4, ${lang}) under consent ${consentId} to ${reply.path} (export ${reply.exportId}).` });
      return 0;
    },
    { chooseExportPath: async () => ({ path, overwrite: ctx.options.force === true }), printPlanPdf },
  );
}

export const planCommand: Command = {
  name: 'plan',
  summary: { 'zh-CN': '客户的计划：带日期的清单与完成情况；可打印的 A4 计划书', en: "the client's plan: its dated checklist and each step's state; the printable A4 plan" },
  subcommands: {
    show: {
      args: '[--as-of DATE]',
      summary: { 'zh-CN': '列出计划的每一步、日期和状态（已完成、未做到、待完成）', en: 'each step of the plan with its date and state (done, missed, pending)' },
      channels: ['plan.show'],
      run: show,
    },
    pdf: {
      args: '--consent ID --out FILE.pdf [--lang zh-CN|en|both] [--presentation] [--as-of DATE] [--force]',
      summary: {
        'zh-CN': '在一项涵盖「客户的计划」的授权下，用 Chromium 把计划打印成 A4 PDF（与应用中的打印视图相同；--presentation 遮住金额和身份信息）',
        en: "print the plan to an A4 PDF in Chromium (the app's own print view), under a consent that covers the client's plan (--presentation masks amounts and identifiers)",
      },
      channels: ['plan.pdf.export'],
      run: pdf,
    },
  },
  default: 'show',
};
