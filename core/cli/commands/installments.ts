// `credence installments …`: a revolving account's instalment plans (分期), as the account page's
// instalments section lists, adds, changes and removes them.

import { installmentSchema } from '../../ledger/validation.ts';
import type { Response } from '../../ipc/contract.ts';
import { CredenceError } from '../../shared/errors.ts';
import { idArg, noMoreArgs } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { INSTALLMENT_HELP } from '../field-help.ts';
import { fieldSet, parseFields } from '../fields.ts';
import { printJson, say, type CliContext } from '../io.ts';
import { yuan } from './accounts.ts';
import type { Command } from './command.ts';

type AccountDetail = Response<'ledger.account.get'>;
type Plan = AccountDetail['installments'][number];

const ADD_FIELDS = fieldSet(installmentSchema, INSTALLMENT_HELP, { positional: ['principalFen', 'periods', 'firstMonth'] });
const EDIT_FIELDS = fieldSet(installmentSchema, INSTALLMENT_HELP, { required: [] });

function line(ctx: CliContext, plan: Plan): string {
  return ctx.locale === 'zh-CN'
    ? `#${plan.id} ${plan.label ?? '分期'}：本金 ${yuan(plan.principalFen)}，手续费 ${yuan(plan.feeFen)}，${plan.periods} 期，首期 ${plan.firstMonth}`
    : `#${plan.id} ${plan.label ?? 'plan'}: principal ${yuan(plan.principalFen)}, fee ${yuan(plan.feeFen)}, ${plan.periods} periods from ${plan.firstMonth}`;
}

function printPlans(ctx: CliContext, detail: AccountDetail): number {
  if (ctx.json) printJson(ctx, detail);
  else if (detail.installments.length === 0) say(ctx, { 'zh-CN': `账户 #${detail.account.id} 没有分期。`, en: `Account #${detail.account.id} has no instalment plans.` });
  else for (const plan of detail.installments) ctx.io.out(line(ctx, plan));
  return 0;
}

async function list(ctx: CliContext): Promise<number> {
  const accountId = idArg(ctx, 0, 'ACCOUNT');
  noMoreArgs(ctx, 1);
  return withContract(ctx, 'installments list', async ({ call, profileId }) => {
    const detail = await call('ledger.account.get', { profileId, accountId });
    if (ctx.json) printJson(ctx, { installments: detail.installments });
    else printPlans(ctx, detail);
    return 0;
  });
}

async function add(ctx: CliContext): Promise<number> {
  const accountId = idArg(ctx, 0, 'ACCOUNT');
  const input = parseFields(ADD_FIELDS, ctx.args.slice(1));
  return withContract(ctx, 'installments add', async ({ call, profileId }) => printPlans(ctx, await call('ledger.installment.save', { profileId, accountId, installmentId: null, input })));
}

async function edit(ctx: CliContext): Promise<number> {
  const accountId = idArg(ctx, 0, 'ACCOUNT');
  const installmentId = idArg(ctx, 1, 'PLAN');
  const given = parseFields(EDIT_FIELDS, ctx.args.slice(2));
  if (Object.keys(given).length === 0) throw new CredenceError('cli.usage', { reason: 'installments edit needs at least one field=value' });
  return withContract(ctx, 'installments edit', async ({ call, profileId }) => {
    // A plan is saved whole: the fields not given keep their value.
    const plan = (await call('ledger.account.get', { profileId, accountId })).installments.find((p) => p.id === installmentId);
    if (!plan) throw new CredenceError('ledger.installment_not_found', { id: installmentId });
    const { id: _id, ...before } = plan;
    return printPlans(ctx, await call('ledger.installment.save', { profileId, accountId, installmentId, input: { ...before, ...given } }));
  });
}

async function remove(ctx: CliContext): Promise<number> {
  const accountId = idArg(ctx, 0, 'ACCOUNT');
  const installmentId = idArg(ctx, 1, 'PLAN');
  noMoreArgs(ctx, 2);
  return withContract(ctx, 'installments delete', async ({ call, profileId }) => printPlans(ctx, await call('ledger.installment.delete', { profileId, accountId, installmentId })));
}

export const installmentsCommand: Command = {
  name: 'installments',
  summary: { 'zh-CN': '信用卡、花呗等循环额度账户的分期', en: 'instalment plans on a revolving account (cards, Huabei, …)' },
  subcommands: {
    list: {
      args: 'ACCOUNT',
      summary: { 'zh-CN': '账户的分期', en: 'the account’s plans' },
      channels: ['ledger.account.get'],
      run: list,
    },
    add: {
      args: 'ACCOUNT PRINCIPAL PERIODS FIRST_MONTH [field=value…]',
      summary: { 'zh-CN': '添加分期：每期账单计入一期本金和手续费', en: 'add a plan: each statement bills one period of principal and fee' },
      channels: ['ledger.installment.save'],
      fields: ADD_FIELDS,
      run: add,
    },
    edit: {
      args: 'ACCOUNT PLAN field=value…',
      summary: { 'zh-CN': '修改分期；未给出的字段保持不变', en: 'change a plan; fields not given stay as they are' },
      channels: ['ledger.account.get', 'ledger.installment.save'],
      fields: EDIT_FIELDS,
      run: edit,
    },
    delete: {
      args: 'ACCOUNT PLAN',
      summary: { 'zh-CN': '删除分期', en: 'remove a plan' },
      channels: ['ledger.installment.delete'],
      run: remove,
    },
  },
};
