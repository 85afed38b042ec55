// `credence links …`: which account a credit event belongs to, as the Accounts page's panel of
// unassigned events (and an account's transaction list) sets it.

import type { Response } from '../../ipc/contract.ts';
import { CredenceError } from '../../shared/errors.ts';
import { formatFen } from '../../shared/money.ts';
import { asOf, idArg, noMoreArgs, positional } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type Transaction = Response<'ledger.accounts.list'>['unassigned']['items'][number];

export function transactionLine(t: Transaction): string {
  const who = [t.counterparty, t.item].filter(Boolean).join(' · ');
  return `#${t.id} ${t.occurredAt} ${t.platform} ${t.kind ?? '—'} ${formatFen(t.amountFen, { grouped: false })} ${who}${t.needsReview ? ' ?' : ''}`;
}

async function list(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'links list', async ({ call, profileId }) => {
    const { unassigned } = await call('ledger.accounts.list', { profileId, ...asOf(ctx) });
    if (ctx.json) printJson(ctx, { unassigned });
    else if (unassigned.total === 0) say(ctx, { 'zh-CN': '每笔信用交易都已归入账户。', en: 'Every credit event belongs to an account.' });
    else {
      say(ctx, { 'zh-CN': `${unassigned.total} 笔信用交易未归入账户：`, en: `${unassigned.total} credit events belong to no account:` });
      for (const t of unassigned.items) ctx.io.out(`  ${transactionLine(t)}`);
      if (unassigned.total > unassigned.items.length) say(ctx, { 'zh-CN': `  （只列出前 ${unassigned.items.length} 笔）`, en: `  (the first ${unassigned.items.length} shown)` });
    }
    return 0;
  });
}

/** An account id; `none`: no account; `reset`: back to what the import rules decide. */
function accountTarget(text: string): number | null | 'reset' {
  if (text === 'none') return null;
  if (text === 'reset') return 'reset';
  if (/^\d+$/.test(text) && Number(text) > 0) return Number(text);
  throw new CredenceError('cli.usage', { reason: `ACCOUNT must be an account id, "none" or "reset", not "${text}"` });
}

async function assign(ctx: CliContext): Promise<number> {
  const transactionId = idArg(ctx, 0, 'TRANSACTION');
  const accountId = accountTarget(positional(ctx, 1, 'ACCOUNT'));
  noMoreArgs(ctx, 2);
  return withContract(ctx, 'links assign', async ({ call, profileId }) => {
    const linked = await call('ledger.transaction.assign', { profileId, transactionId, accountId });
    if (ctx.json) printJson(ctx, linked);
    else if (linked.accountId === null) say(ctx, { 'zh-CN': `交易 #${transactionId} 不归入任何账户。`, en: `Transaction #${transactionId} belongs to no account.` });
    else say(ctx, { 'zh-CN': `交易 #${transactionId} 归入账户 #${linked.accountId}。`, en: `Transaction #${transactionId} belongs to account #${linked.accountId}.` });
    return 0;
  });
}

export const linksCommand: Command = {
  name: 'links',
  summary: { 'zh-CN': '信用交易归入哪个账户', en: 'which account a credit event belongs to' },
  subcommands: {
    list: {
      args: '',
      summary: { 'zh-CN': '未归入任何账户的信用交易', en: 'the credit events that belong to no account' },
      channels: ['ledger.accounts.list'],
      run: list,
    },
    assign: {
      args: 'TRANSACTION ACCOUNT|none|reset',
      summary: { 'zh-CN': '把交易归入账户（none：不归入；reset：按导入规则）', en: 'put an event in an account (none: in no account; reset: as the import rules decide)' },
      channels: ['ledger.transaction.assign'],
      run: assign,
    },
  },
};
