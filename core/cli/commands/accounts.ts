// `credence accounts …`: the Accounts page and an account's page, through the same channels:
// list, show, add and edit by hand (each field where it came from), hide, unhide and delete.

import { z } from 'zod';
import type { Response } from '../../ipc/contract.ts';
import { PRODUCT_NAMES } from '../../ledger/product-defaults.ts';
import { accountFieldSchemas } from '../../ledger/validation.ts';
import { CredenceError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { formatFen } from '../../shared/money.ts';
import { asOf, idArg, noMoreArgs } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { ACCOUNT_FIELD_HELP } from '../field-help.ts';
import { fieldByKey, fieldSet, parseFields } from '../fields.ts';
import { printJson, say, textOption, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type AccountSummary = Response<'ledger.accounts.list'>['accounts'][number];
type AccountDetail = Response<'ledger.account.get'>;
type MonthRow = AccountDetail['months'][number];

const accountSchema = z.object(accountFieldSchemas);
const ADD_FIELDS = fieldSet(accountSchema, ACCOUNT_FIELD_HELP, { required: ['product'], positional: ['product', 'name'] });
const EDIT_FIELDS = fieldSet(accountSchema, ACCOUNT_FIELD_HELP, { required: [] });

export function yuan(fen: number | null): string {
  return fen === null ? '—' : formatFen(fen, { grouped: false });
}

const ORIGIN: Record<string, LocalizedText> = {
  manual: { 'zh-CN': '手动', en: 'manual' },
  derived: { 'zh-CN': '导入', en: 'from imports' },
  default: { 'zh-CN': '默认', en: 'default' },
  none: { 'zh-CN': '未知', en: 'unknown' },
};

/** A field's value and where it came from: `R2 (default: docs/…)`. */
function valueAndOrigin(ctx: CliContext, account: AccountSummary, name: string): string {
  const view = (account.fields as Partial<Record<string, AccountSummary['fields'][keyof AccountSummary['fields']]>>)[name];
  if (!view) return '—';
  const value = view.value === null ? '—' : String(view.value);
  const source = view.provenance === 'default' || (view.provenance === 'none' && view.source) ? `: ${view.source}` : '';
  return `${value} (${ORIGIN[view.provenance][ctx.locale]}${source})`;
}

const LABELS = {
  lender: { 'zh-CN': '放款机构', en: 'lender' },
  bureauType: { 'zh-CN': '征信账户类型', en: 'bureau type' },
  reportsToBureau: { 'zh-CN': '上报征信', en: 'reported' },
} satisfies Record<string, LocalizedText>;

function field(ctx: CliContext, account: AccountSummary, name: keyof typeof LABELS): string {
  return `${LABELS[name][ctx.locale]} ${valueAndOrigin(ctx, account, name)}`;
}

function grid(ctx: CliContext, months: readonly MonthRow[]): string {
  const recent = months.slice(-24);
  if (recent.length === 0) return ctx.locale === 'zh-CN' ? '（无记录）' : '(no history)';
  return `${recent[0].month}..${recent.at(-1)!.month}: ${recent.map((m) => m.status).join(' ')}`;
}

/** An account in a few lines: what it is, its figures, where its key facts came from, its months. */
function describe(ctx: CliContext, account: AccountSummary, months: readonly MonthRow[]): string[] {
  const zh = ctx.locale === 'zh-CN';
  const product = PRODUCT_NAMES[account.product][ctx.locale];
  const util = account.utilisationBp === null ? '—' : `${(account.utilisationBp / 100).toFixed(2)}%`;
  const hidden = account.fields.dismissed?.value === true ? (zh ? '（已隐藏）' : ' (hidden)') : '';
  return [
    `#${account.id} ${account.name}${hidden} [${product}, ${account.kind}${account.parentId ? ` ← #${account.parentId}` : ''}] ${ORIGIN[account.source === 'manual' ? 'manual' : 'derived'][ctx.locale]}`,
    zh
      ? `  余额 ${yuan(account.balanceFen)}  额度 ${yuan(account.limitFen)}  使用率 ${util}  下次还款 ${account.nextDueOn ?? '—'}  近24月最差 ${account.worst24 ?? '—'}  交易 ${account.transactions}`
      : `  balance ${yuan(account.balanceFen)}  limit ${yuan(account.limitFen)}  utilisation ${util}  next due ${account.nextDueOn ?? '—'}  worst in 24 months ${account.worst24 ?? '—'}  transactions ${account.transactions}`,
    `  ${field(ctx, account, 'lender')}`,
    `  ${field(ctx, account, 'bureauType')}; ${field(ctx, account, 'reportsToBureau')}`,
    `  ${grid(ctx, months)}`,
  ];
}

/** Everything the account's page shows: every field with its origin, the month facts entered, the plans. */
function detailLines(ctx: CliContext, detail: AccountDetail): string[] {
  const zh = ctx.locale === 'zh-CN';
  const lines = describe(ctx, detail.account, detail.months);
  lines.push(zh ? '  字段：' : '  Fields:');
  for (const name of Object.keys(ACCOUNT_FIELD_HELP)) lines.push(`    ${name}: ${valueAndOrigin(ctx, detail.account, name)}`);
  for (const fact of detail.monthFacts) {
    const parts = [`balance ${yuan(fact.balanceFen)}`, `due ${yuan(fact.amountDueFen)}`, `minimum ${yuan(fact.minimumDueFen)}`, `paid ${yuan(fact.amountPaidFen)}`, `status ${fact.status ?? '—'}`];
    lines.push(`  ${zh ? '手动月份' : 'month entered'} ${fact.month}: ${parts.join(', ')}${fact.note ? ` — ${fact.note}` : ''}`);
  }
  for (const plan of detail.installments) lines.push(`  ${zh ? '分期' : 'instalment plan'} #${plan.id} ${plan.label ?? ''} ${yuan(plan.principalFen)} + ${yuan(plan.feeFen)} × ${plan.periods} ${zh ? '期，自' : 'periods from'} ${plan.firstMonth}`);
  for (const child of detail.children) lines.push(`  ${zh ? '借款' : 'draw'} #${child.id} ${child.name} ${child.latestStatus ?? '—'}`);
  return lines;
}

function printDetail(ctx: CliContext, detail: AccountDetail, said: LocalizedText): void {
  if (ctx.json) return printJson(ctx, detail);
  say(ctx, said);
  for (const line of detailLines(ctx, detail)) ctx.io.out(line);
}

async function list(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'accounts', async ({ call, profileId }) => {
    const listed = await call('ledger.accounts.list', { profileId, ...asOf(ctx), ...(ctx.options.hidden === true ? { includeHidden: true } : {}) });
    if (ctx.json) {
      printJson(ctx, listed);
      return 0;
    }
    if (listed.accounts.length === 0) say(ctx, { 'zh-CN': '还没有账户。导入账单或用 credence accounts add 添加。', en: 'No accounts yet. Import bills or add one with credence accounts add.' });
    for (const account of listed.accounts) {
      const { months } = await call('ledger.account.get', { profileId, accountId: account.id, ...asOf(ctx) });
      for (const line of describe(ctx, account, months)) ctx.io.out(line);
    }
    if (listed.unassigned.total > 0) {
      say(ctx, {
        'zh-CN': `另有 ${listed.unassigned.total} 笔信用交易无法确定属于哪个账户：credence links list 查看，credence links assign 指定。`,
        en: `${listed.unassigned.total} credit events could not be matched to an account: see them with credence links list, assign them with credence links assign.`,
      });
    }
    say(ctx, { 'zh-CN': `默认值表版本 ${listed.defaultsVersion}`, en: `defaults table version ${listed.defaultsVersion}` });
    return 0;
  });
}

async function show(ctx: CliContext): Promise<number> {
  const accountId = idArg(ctx, 0, 'ACCOUNT');
  noMoreArgs(ctx, 1);
  return withContract(ctx, 'accounts show', async ({ call, profileId }) => {
    const detail = await call('ledger.account.get', { profileId, accountId, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, detail);
    else for (const line of detailLines(ctx, detail)) ctx.io.out(line);
    return 0;
  });
}

async function add(ctx: CliContext): Promise<number> {
  const input = parseFields(ADD_FIELDS, ctx.args);
  return withContract(ctx, 'accounts add', async ({ call, profileId }) => {
    const detail = await call('ledger.account.create', { profileId, input });
    printDetail(ctx, detail, { 'zh-CN': `已添加账户 #${detail.account.id}：`, en: `Added account #${detail.account.id}:` });
    return 0;
  });
}

/** `--reset lender,limit`: fields back to what imports derive or the default, by the keys edit takes. */
function resetFields(ctx: CliContext): string[] {
  const text = textOption(ctx, 'reset');
  if (text === undefined) return [];
  return text
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
    .map((key) => {
      const found = fieldByKey(EDIT_FIELDS, key);
      if (!found) throw new CredenceError('cli.usage', { reason: `unknown field "${key}" in --reset` });
      return found.field.name;
    });
}

async function edit(ctx: CliContext): Promise<number> {
  const accountId = idArg(ctx, 0, 'ACCOUNT');
  const input = parseFields(EDIT_FIELDS, ctx.args.slice(1));
  const reset = resetFields(ctx);
  if (Object.keys(input).length === 0 && reset.length === 0) throw new CredenceError('cli.usage', { reason: 'accounts edit needs a field=value or --reset FIELD' });
  return withContract(ctx, 'accounts edit', async ({ call, profileId }) => {
    const detail = await call('ledger.account.update', { profileId, accountId, input, ...(reset.length > 0 ? { reset } : {}) });
    printDetail(ctx, detail, { 'zh-CN': `已修改账户 #${accountId}：`, en: `Changed account #${accountId}:` });
    return 0;
  });
}

/** Hidden accounts stay in the profile, out of the report and the scores, until shown again. */
function setHidden(hidden: boolean) {
  return async (ctx: CliContext): Promise<number> => {
    const accountId = idArg(ctx, 0, 'ACCOUNT');
    noMoreArgs(ctx, 1);
    return withContract(ctx, hidden ? 'accounts hide' : 'accounts unhide', async ({ call, profileId }) => {
      const detail = await call('ledger.account.update', { profileId, accountId, input: { dismissed: hidden } });
      printDetail(ctx, detail, hidden ? { 'zh-CN': `已隐藏账户 #${accountId}：`, en: `Hid account #${accountId}:` } : { 'zh-CN': `已恢复显示账户 #${accountId}：`, en: `Account #${accountId} is shown again:` });
      return 0;
    });
  };
}

async function remove(ctx: CliContext): Promise<number> {
  const accountId = idArg(ctx, 0, 'ACCOUNT');
  noMoreArgs(ctx, 1);
  if (ctx.options.yes !== true) throw new CredenceError('cli.usage', { reason: 'accounts delete needs --yes: an account entered by hand is removed with its months and plans' });
  return withContract(ctx, 'accounts delete', async ({ call, profileId }) => {
    const outcome = await call('ledger.account.delete', { profileId, accountId });
    if (ctx.json) printJson(ctx, outcome);
    else if (outcome.deleted === 'removed') say(ctx, { 'zh-CN': `已删除账户 #${accountId}。`, en: `Deleted account #${accountId}.` });
    else say(ctx, { 'zh-CN': `账户 #${accountId} 来自导入的账单，已隐藏（重新导入不会再显示它）。`, en: `Account #${accountId} comes from imported bills, so it was hidden (a re-import will not bring it back).` });
    return 0;
  });
}

export const accountsCommand: Command = {
  name: 'accounts',
  summary: { 'zh-CN': '信用账户：列出、查看、手动添加和修改、隐藏、删除', en: 'credit accounts: list, show, add and edit by hand, hide, delete' },
  default: 'list',
  subcommands: {
    list: {
      args: '[--hidden] [--as-of YYYY-MM-DD]',
      summary: { 'zh-CN': '账户及其逐月还款状态（--hidden 含已隐藏的）', en: 'the accounts with their month-by-month status (--hidden: hidden ones too)' },
      channels: ['ledger.accounts.list', 'ledger.account.get'],
      run: list,
    },
    show: {
      args: 'ACCOUNT [--as-of YYYY-MM-DD]',
      summary: { 'zh-CN': '一个账户：每个字段及来源、逐月记录、手动月份、分期、交易', en: 'one account: each field and its origin, its months, months entered, plans, transactions' },
      channels: ['ledger.account.get'],
      run: show,
    },
    add: {
      args: 'PRODUCT [NAME] [field=value…]',
      summary: { 'zh-CN': '手动添加账户（之后导入的同一产品或同一张卡会归入它）', en: 'add an account by hand (later imports of the same product or card attach to it)' },
      channels: ['ledger.account.create'],
      fields: ADD_FIELDS,
      run: add,
    },
    edit: {
      args: 'ACCOUNT field=value… [--reset FIELD,…]',
      summary: { 'zh-CN': '修改字段（手动值优先于导入推算的值）；--reset 恢复为推算值或默认值', en: 'set fields (your values win over derived ones); --reset returns fields to derived or default' },
      channels: ['ledger.account.update'],
      fields: EDIT_FIELDS,
      run: edit,
    },
    hide: {
      args: 'ACCOUNT',
      summary: { 'zh-CN': '隐藏账户：不计入报告和评分，可恢复', en: 'hide an account: out of the report and the scores, until unhidden' },
      channels: ['ledger.account.update'],
      run: setHidden(true),
    },
    unhide: {
      args: 'ACCOUNT',
      summary: { 'zh-CN': '恢复显示已隐藏的账户', en: 'show a hidden account again' },
      channels: ['ledger.account.update'],
      run: setHidden(false),
    },
    delete: {
      args: 'ACCOUNT --yes',
      summary: { 'zh-CN': '删除手动添加的账户；来自导入的账户则隐藏（与应用中的删除按钮相同）', en: 'delete an account entered by hand; one from imports is hidden (as the app’s delete button does)' },
      channels: ['ledger.account.delete'],
      run: remove,
    },
  },
};
