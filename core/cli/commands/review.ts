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

async function groups(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  return withContract(ctx, 'review groups', async ({ call, profileId }) => {
    const listed = await call('review.groups', { profileId });
    if (ctx.json) printJson(ctx, listed);
    else if (listed.total === 0) say(ctx, { 'zh-CN': '没有待确认的信用交易。', en: 'No credit events wait for review.' });
    else {
      const zh = ctx.locale === 'zh-CN';
      for (const group of listed.groups) {
        const pct = Math.round(group.rule.confidence * 100);
        const field = group.pattern ? (group.pattern.field === 'counterparty' ? (zh ? '交易对方' : 'counterparty') : zh ? '付款方式' : 'paid with') : null;
        const pattern = group.pattern && field ? `${field} ${group.pattern.value ?? '—'}${zh ? '；' : '; '}` : '';
        const amount = formatFen(group.amountFen, { grouped: false });
        ctx.io.out(
          zh
            ? `${group.key}  ${group.kind} ${group.count} 笔 ${amount}（${pattern}规则 ${group.rule.id}，置信度 ${pct}%）`
            : `${group.key}  ${group.kind} ${group.count} events ${amount} (${pattern}rule ${group.rule.id}, confidence ${pct}%)`,
        );
      }
      say(ctx, {
        'zh-CN': `共 ${listed.total} 笔待确认，分 ${listed.groups.length} 组；用 credence review confirm-all KEY 一次确认一组。`,
        en: `${listed.total} waiting in ${listed.groups.length} groups; credence review confirm-all KEY confirms a whole group.`,
      });
    }
    if (!ctx.json) {
      for (const decision of listed.decisions) {
        say(ctx, {
          'zh-CN': `可撤销：#${decision.id} ${decision.key} ${decision.rows} 笔（credence review undo ${decision.id}）`,
          en: `Can be undone: #${decision.id} ${decision.key}, ${decision.rows} events (credence review undo ${decision.id})`,
        });
      }
    }
    return 0;
  });
}

async function resolveAll(ctx: CliContext, key: string, action: { type: 'confirm' } | { type: 'correct'; kind: CreditEventKind | null }): Promise<number> {
  return withContract(ctx, `review ${action.type}-all`, async ({ call, profileId }) => {
    const outcome = await call('review.resolveGroup', { profileId, key, action });
    if (ctx.json) printJson(ctx, outcome);
    else {
      const { decision } = outcome;
      say(ctx, {
        'zh-CN': `已处理「${key}」${decision.rows} 笔（决定 #${decision.id}，可用 credence review undo ${decision.id} 撤销）；还有 ${outcome.remaining} 笔待确认。`,
        en: `${decision.rows} events of "${key}" resolved (decision #${decision.id}; credence review undo ${decision.id} undoes it); ${outcome.remaining} still waiting.`,
      });
    }
    return 0;
  });
}

async function undo(ctx: CliContext, decisionId: number): Promise<number> {
  return withContract(ctx, 'review undo', async ({ call, profileId }) => {
    const outcome = await call('review.undo', { profileId, decisionId });
    if (ctx.json) printJson(ctx, outcome);
    else {
      say(ctx, {
        'zh-CN': `已撤销决定 #${decisionId}：${outcome.restored} 笔重新待确认；共 ${outcome.remaining} 笔待确认。`,
        en: `Decision #${decisionId} undone: ${outcome.restored} events wait for review again; ${outcome.remaining} waiting.`,
      });
    }
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
    groups: {
      args: '',
      summary: { 'zh-CN': '待确认的信用交易，按识别规则（和规则所分的模式）成组', en: 'the events waiting for review, grouped by the rule (and pattern) that found them' },
      channels: ['review.groups'],
      run: groups,
    },
    'confirm-all': {
      args: 'KEY',
      summary: { 'zh-CN': '一组全部识别正确（KEY 见 review groups）', en: 'every event of a group is right (KEY from review groups)' },
      channels: ['review.resolveGroup'],
      run: (ctx) => {
        const key = positional(ctx, 0, 'KEY');
        noMoreArgs(ctx, 1);
        return resolveAll(ctx, key, { type: 'confirm' });
      },
    },
    'correct-all': {
      args: 'KEY KIND|none',
      summary: { 'zh-CN': '一组全部改为另一种信用交易，或 none：都不是信用交易', en: 'every event of a group is another kind, or none: no credit event' },
      channels: ['review.resolveGroup'],
      run: (ctx) => {
        const key = positional(ctx, 0, 'KEY');
        const kind = kindArg(positional(ctx, 1, 'KIND'));
        noMoreArgs(ctx, 2);
        return resolveAll(ctx, key, { type: 'correct', kind });
      },
    },
    undo: {
      args: 'DECISION',
      summary: { 'zh-CN': '撤销一次按组的处理：这些交易恢复原状、重新待确认', en: 'undo a group decision: its events are as before and wait for review again' },
      channels: ['review.undo'],
      run: (ctx) => {
        const id = idArg(ctx, 0, 'DECISION');
        noMoreArgs(ctx, 1);
        return undo(ctx, id);
      },
    },
  },
};
