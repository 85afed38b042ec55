// `credence review …`: credit events an import recognised by an unverified rule, which the Import
// page asks the user to confirm or correct.

import { CREDIT_EVENT_KINDS, type CreditEventKind } from '../../shared/credit-events.ts';
import { CredenceError } from '../../shared/errors.ts';
import { formatFen } from '../../shared/money.ts';
import { idArg, noMoreArgs, positional } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

async function list(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'review list', async ({ call, profileId }) => {
    const listed = await call('review.list', { profileId });
    if (ctx.json) printJson(ctx, listed);
    else if (listed.total === 0) say(ctx, { 'zh-CN': '没有待确认的信用交易。', en: 'No credit events wait for review.' });
    else {
      for (const item of listed.items) {
        const who = [item.counterparty, item.item].filter(Boolean).join(' · ');
        ctx.io.out(`#${item.id} ${item.occurredAt} ${item.platform} ${item.kind} ${formatFen(item.amountFen, { grouped: false })} ${who}  (${item.file}:${item.sourceLine})`);
      }
      say(ctx, { 'zh-CN': `共 ${listed.total} 笔待确认。`, en: `${listed.total} waiting.` });
    }
    return 0;
  });
}

async function resolve(ctx: CliContext, action: { type: 'confirm' } | { type: 'correct'; kind: CreditEventKind | null }, transactionId: number): Promise<number> {
  return withContract(ctx, `review ${action.type}`, async ({ call, profileId }) => {
    const outcome = await call('review.resolve', { profileId, transactionId, action });
    if (ctx.json) printJson(ctx, outcome);
    else say(ctx, { 'zh-CN': `已处理交易 #${transactionId}；还有 ${outcome.remaining} 笔待确认。`, en: `Transaction #${transactionId} resolved; ${outcome.remaining} still waiting.` });
    return 0;
  });
}

function kindArg(text: string): CreditEventKind | null {
  if (text === 'none') return null;
  if ((CREDIT_EVENT_KINDS as readonly string[]).includes(text)) return text as CreditEventKind;
  throw new CredenceError('cli.usage', { reason: `KIND must be one of ${CREDIT_EVENT_KINDS.join(', ')} or "none", not "${text}"` });
}

export const reviewCommand: Command = {
  name: 'review',
  summary: { 'zh-CN': '确认或更正导入时按未核实规则识别的信用交易', en: 'confirm or correct credit events an import recognised by an unverified rule' },
  default: 'list',
  subcommands: {
    list: {
      args: '',
      summary: { 'zh-CN': '待确认的信用交易', en: 'the events waiting for review' },
      channels: ['review.list'],
      run: list,
    },
    confirm: {
      args: 'TRANSACTION',
      summary: { 'zh-CN': '识别正确', en: 'the event is right' },
      channels: ['review.resolve'],
      run: (ctx) => {
        const id = idArg(ctx, 0, 'TRANSACTION');
        noMoreArgs(ctx, 1);
        return resolve(ctx, { type: 'confirm' }, id);
      },
    },
    correct: {
      args: 'TRANSACTION KIND|none',
      summary: { 'zh-CN': `改为另一种信用交易（${CREDIT_EVENT_KINDS.join('、')}），或 none：不是信用交易`, en: `it is another kind (${CREDIT_EVENT_KINDS.join(', ')}), or none: no credit event` },
      channels: ['review.resolve'],
      run: (ctx) => {
        const id = idArg(ctx, 0, 'TRANSACTION');
        const kind = kindArg(positional(ctx, 1, 'KIND'));
        noMoreArgs(ctx, 2);
        return resolve(ctx, { type: 'correct', kind }, id);
      },
    },
  },
};
