// `credence consent grant|list|show|withdraw`: the consent screen and dashboard of the app, through
// the same contract. A grant prints the full notice first and grants nothing until it is run
// again with the name typed (--sign) and the notice's sha256 (--accept): the CLI's separate consent.

import { UUID_PATTERN } from '../../consent/ids.ts';
import { stateName } from '../../consent/state.ts';
import { CredenceError } from '../../shared/errors.ts';
import type { Response } from '../../ipc/contract.ts';
import { withContract, type ContractCall } from '../contract-call.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type ConsentView = Response<'consent.list'>['consents'][number];

const text = (ctx: CliContext, key: string): string | undefined => (typeof ctx.options[key] === 'string' ? (ctx.options[key] as string) : undefined);

/** `accounts,transactions.amountFen`: a category alone stands for all its fields. */
export async function parseFields(call: ContractCall, spec: string | undefined): Promise<{ code: string; fields: string[] }[]> {
  if (!spec) return [];
  const { categories } = await call('consent.catalogue', {});
  const scope = new Map<string, string[]>();
  for (const item of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [code, field] = item.split('.', 2) as [string, string | undefined];
    const fields = field ? [field] : (categories.find((c) => c.code === code)?.columns.map((c) => c.key) ?? ['*']);
    scope.set(code, [...(scope.get(code) ?? []), ...fields]);
  }
  return [...scope].map(([code, fields]) => ({ code, fields }));
}

function summary(ctx: CliContext, c: ConsentView): string {
  const r = c.record;
  return `${c.id}  ${stateName(c.state, ctx.locale)}  ${r.recipient.name}  ${r.purpose.text}  ${c.expiresAt}  ${c.exportsUsed}/${c.maxExports}`;
}

async function grant(ctx: CliContext): Promise<number> {
  return withContract(ctx, 'consent grant', async ({ call, profileId }) => {
    const max = text(ctx, 'max-exports');
    const expiresOn = text(ctx, 'expires') ?? '';
    const terms = {
      recipient: { name: text(ctx, 'recipient') ?? '', kind: text(ctx, 'recipient-kind') ?? 'individual', contact: text(ctx, 'contact') ?? '', location: text(ctx, 'location') ?? 'CN' },
      purpose: { code: text(ctx, 'purpose') ?? '', ...(text(ctx, 'purpose-text') ? { text: text(ctx, 'purpose-text') } : {}) },
      categories: await parseFields(call, text(ctx, 'fields')),
      expiresOn,
      maxExports: max === undefined ? 1 : /^\d+$/.test(max) ? Number(max) : -1,
      recipientDeleteBy: text(ctx, 'delete-by') ?? expiresOn,
      language: text(ctx, 'notice-lang') ?? ctx.locale,
    };
    const notice = await call('consent.notice', { profileId, terms });
    const sign = text(ctx, 'sign');
    const accept = text(ctx, 'accept');
    if (!sign || !accept) {
      const { ticks } = await call('consent.catalogue', {});
      const affirmed = notice.requiredTicks.map((code) => `  - ${ticks.find((t) => t.code === code)!.label[ctx.locale]}`);
      if (ctx.json) printJson(ctx, { notice });
      else ctx.io.out([notice.text, '', ctx.locale === 'zh-CN' ? '同意即表示你确认：' : 'Agreeing affirms:', ...affirmed, '', `sha256 ${notice.sha256}`].join('\n'));
      throw new CredenceError('consent.agreement_needed', { sha: notice.sha256 });
    }
    // The notice's hash (or its first 12+ characters): proof the text printed above is the one agreed to.
    const noticeSha256 = accept.length >= 12 && notice.sha256.startsWith(accept.toLowerCase()) ? notice.sha256 : accept;
    const { consent, receipt } = await call('consent.grant', {
      profileId,
      terms,
      noticeSha256,
      evidence: { typedName: sign, ticks: notice.requiredTicks },
      supersedes: text(ctx, 'supersedes') ?? null,
    });
    if (ctx.json) printJson(ctx, { consent, receipt });
    else ctx.io.out(receipt.text[ctx.locale]);
    return 0;
  });
}

async function list(ctx: CliContext): Promise<number> {
  return withContract(ctx, 'consent list', async ({ call, profileId }) => {
    const { consents } = await call('consent.list', { profileId });
    if (ctx.json) printJson(ctx, { consents });
    else if (consents.length === 0) say(ctx, { 'zh-CN': '还没有任何授权。', en: 'No consents yet.' });
    else for (const c of consents) ctx.io.out(summary(ctx, c));
    return 0;
  });
}

function consentIdArg(ctx: CliContext, usage: string): string {
  const [id] = ctx.args;
  if (!id) throw new CredenceError('cli.usage', { reason: usage });
  if (!UUID_PATTERN.test(id)) throw new CredenceError('consent.not_found', { id });
  return id;
}

async function show(ctx: CliContext): Promise<number> {
  const id = consentIdArg(ctx, 'consent show ID');
  return withContract(ctx, 'consent show', async ({ call, profileId }) => {
    const consent = (await call('consent.list', { profileId })).consents.find((c) => c.id === id);
    if (!consent) throw new CredenceError('consent.not_found', { id });
    const { receipts } = await call('consent.receipts', { profileId, consentId: id });
    if (ctx.json) {
      printJson(ctx, { consent, receipts: receipts.map((r) => ({ ...r, json: JSON.parse(r.json) as unknown })) });
    } else {
      ctx.io.out(summary(ctx, consent));
      for (const r of receipts) ctx.io.out(`\n${r.text[ctx.locale]}`);
    }
    return 0;
  });
}

async function withdraw(ctx: CliContext): Promise<number> {
  const id = consentIdArg(ctx, 'consent withdraw ID');
  return withContract(ctx, 'consent withdraw', async ({ call, profileId }) => {
    const { consent, receipt } = await call('consent.withdraw', { profileId, consentId: id });
    if (ctx.json) printJson(ctx, { consent, receipt });
    else ctx.io.out(receipt.text[ctx.locale]);
    return 0;
  });
}

export const consentCommand: Command = {
  name: 'consent',
  summary: { 'zh-CN': '授权：单独同意、查看、撤回（导出数据前必须先授权）', en: 'consents: separate consent, list, show, withdraw (every export needs one)' },
  subcommands: {
    grant: {
      args: '--recipient NAME --contact C --purpose CODE --fields accounts,transactions.amountFen --expires DATE [--max-exports N] [--delete-by DATE] [--location CN|overseas] [--recipient-kind individual|firm] [--notice-lang zh-CN|en] [--supersedes ID] [--sign "NAME" --accept SHA256]',
      summary: {
        'zh-CN': '先打印告知书全文；同意时带 --sign（签名）和 --accept（告知书的 sha256）再运行一次',
        en: 'prints the notice in full; to agree, run it again with --sign "NAME" and --accept (the notice’s sha256)',
      },
      channels: ['consent.catalogue', 'consent.notice', 'consent.grant'],
      run: grant,
    },
    list: { args: '', summary: { 'zh-CN': '全部授权及其状态', en: 'every consent and its state' }, channels: ['consent.list'], run: list },
    show: {
      args: 'ID',
      summary: { 'zh-CN': '一项授权及其回执', en: 'one consent with its receipts' },
      channels: ['consent.list', 'consent.receipts'],
      run: show,
    },
    withdraw: {
      args: 'ID',
      summary: { 'zh-CN': '撤回授权（之后不能再依据它导出）', en: 'withdraw a consent (no export can be made under it afterwards)' },
      channels: ['consent.withdraw'],
      run: withdraw,
    },
  },
};
