// `credence month …`: what the user knows of one month of an account (statement balance, amount
// due, minimum, paid, the status on the report), as the month panel of an account's page sets it.

import { monthFactSchema } from '../../ledger/validation.ts';
import { idArg, noMoreArgs, positional } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { MONTH_FACT_HELP } from '../field-help.ts';
import { fieldSet, parseFields } from '../fields.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Response } from '../../ipc/contract.ts';
import { yuan } from './accounts.ts';
import type { Command } from './command.ts';
import { CredenceError } from '../../shared/errors.ts';

type AccountDetail = Response<'ledger.account.get'>;

const FIELDS = fieldSet(monthFactSchema, MONTH_FACT_HELP);

function monthLines(ctx: CliContext, detail: AccountDetail, month: string): string[] {
  const zh = ctx.locale === 'zh-CN';
  const row = detail.months.find((m) => m.month === month);
  const fact = detail.monthFacts.find((f) => f.month === month);
  const lines = [`#${detail.account.id} ${detail.account.name} ${month}`];
  if (row) {
    lines.push(
      zh
        ? `  状态 ${row.status}（${row.statusSource === 'manual' ? '手动' : '推算'}，${row.reason}）  账单余额 ${yuan(row.statementBalanceFen)}  应还 ${yuan(row.amountDueFen)}  最低 ${yuan(row.minimumDueFen)}  实还 ${yuan(row.amountPaidFen)}  月末欠款 ${yuan(row.creditUsedFen)}  逾期天数 ${row.daysPastDue ?? '—'}`
        : `  status ${row.status} (${row.statusSource}, ${row.reason})  statement ${yuan(row.statementBalanceFen)}  due ${yuan(row.amountDueFen)}  minimum ${yuan(row.minimumDueFen)}  paid ${yuan(row.amountPaidFen)}  owed at month end ${yuan(row.creditUsedFen)}  days past due ${row.daysPastDue ?? '—'}`,
    );
  } else lines.push(zh ? '  这个月不在账户的记录期间内。' : '  This month is outside the account’s history.');
  if (fact) {
    lines.push(
      zh
        ? `  手动填写：月末欠款 ${yuan(fact.balanceFen)}，应还 ${yuan(fact.amountDueFen)}，最低 ${yuan(fact.minimumDueFen)}，实还 ${yuan(fact.amountPaidFen)}，状态 ${fact.status ?? '—'}${fact.note ? `，备注 ${fact.note}` : ''}`
        : `  entered: owed ${yuan(fact.balanceFen)}, due ${yuan(fact.amountDueFen)}, minimum ${yuan(fact.minimumDueFen)}, paid ${yuan(fact.amountPaidFen)}, status ${fact.status ?? '—'}${fact.note ? `, note ${fact.note}` : ''}`,
    );
  }
  return lines;
}

function target(ctx: CliContext): { accountId: number; month: string } {
  return { accountId: idArg(ctx, 0, 'ACCOUNT'), month: positional(ctx, 1, 'YYYY-MM') };
}

function print(ctx: CliContext, detail: AccountDetail, month: string): number {
  if (ctx.json) printJson(ctx, detail);
  else for (const line of monthLines(ctx, detail, month)) ctx.io.out(line);
  return 0;
}

async function set(ctx: CliContext): Promise<number> {
  const { accountId, month } = target(ctx);
  const given = parseFields(FIELDS, ctx.args.slice(2));
  if (Object.keys(given).length === 0) throw new CredenceError('cli.usage', { reason: 'month set needs at least one field=value' });
  return withContract(ctx, 'month set', async ({ call, profileId }) => {
    // The fields not given keep what was entered before, as the month panel's form shows them.
    const { monthFacts } = await call('ledger.account.get', { profileId, accountId });
    const { month: _month, ...before } = monthFacts.find((f) => f.month === month) ?? { month };
    const detail = await call('ledger.month.set', { profileId, accountId, month, input: { ...before, ...given } });
    return print(ctx, detail, month);
  });
}

async function clear(ctx: CliContext): Promise<number> {
  const { accountId, month } = target(ctx);
  noMoreArgs(ctx, 2);
  return withContract(ctx, 'month clear', async ({ call, profileId }) => {
    const detail = await call('ledger.month.set', { profileId, accountId, month, input: null });
    if (!ctx.json) say(ctx, { 'zh-CN': `已清除 ${month} 手动填写的内容，改按数据推算。`, en: `Cleared what was entered for ${month}; it is derived from the data again.` });
    return print(ctx, detail, month);
  });
}

async function show(ctx: CliContext): Promise<number> {
  const { accountId, month } = target(ctx);
  noMoreArgs(ctx, 2);
  return withContract(ctx, 'month show', async ({ call, profileId }) => print(ctx, await call('ledger.account.get', { profileId, accountId }), month));
}

export const monthCommand: Command = {
  name: 'month',
  summary: { 'zh-CN': '一个账户某月的情况：账单余额、应还、最低还款、实还、征信状态', en: 'one month of an account: balance, amount due, minimum, paid, status on the report' },
  subcommands: {
    show: {
      args: 'ACCOUNT YYYY-MM',
      summary: { 'zh-CN': '这个月推算的结果和手动填写的内容', en: 'what is derived for the month and what was entered' },
      channels: ['ledger.account.get'],
      run: show,
    },
    set: {
      args: 'ACCOUNT YYYY-MM field=value…',
      summary: { 'zh-CN': '填写这个月的数字（以账单或报告为准，优先于推算）；未给出的字段保持不变', en: 'enter the month’s figures (from a statement or report, they win over derived ones); fields not given stay as they are' },
      channels: ['ledger.account.get', 'ledger.month.set'],
      fields: FIELDS,
      run: set,
    },
    clear: {
      args: 'ACCOUNT YYYY-MM',
      summary: { 'zh-CN': '清除这个月手动填写的全部内容', en: 'clear everything entered for the month' },
      channels: ['ledger.month.set'],
      run: clear,
    },
  },
};
