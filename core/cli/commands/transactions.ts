// `credence transactions`: the transactions page on the command line, through the same channels
// (core/ipc/channels/transactions.ts): the filter's count and totals, then its rows newest first.

import { CredenceError } from '../../shared/errors.ts';
import type { Request, Response } from '../../ipc/contract.ts';
import { wholeNumber } from '../args.ts';
import { addSummaries, emptySummary, type TransactionSummary } from '../../shared/transaction-summary.ts';
import { formatCount, formatFen } from '../../shared/money.ts';
import { withContract, type ContractSession as ContractClient } from '../contract-call.ts';
import { printJson, textOption as option, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type Filter = Request<'transactions.list'>['filter'];
type Row = Response<'transactions.list'>['rows'][number];
type Cursor = NonNullable<Response<'transactions.list'>['next']>;

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1_000_000;
/** Rows per request; the channel takes at most 1,000. */
const PAGE = 1000;

const DIRECTION: Record<Row['direction'], { 'zh-CN': string; en: string }> = {
  income: { 'zh-CN': '收入', en: 'income' },
  expense: { 'zh-CN': '支出', en: 'expense' },
  neutral: { 'zh-CN': '不计收支', en: 'neutral' },
};

/** `--file` takes an import's number or its file name (as the rows show it). */
async function batchOf(client: ContractClient, value: string): Promise<number | string> {
  if (/^\d+$/.test(value)) return Number(value);
  const { files } = await client.call('transactions.facets', { profileId: client.profileId });
  const matches = files.filter((file) => file.name === value);
  if (matches.length !== 1) {
    const known = files.map((file) => `${file.batchId} ${file.name}`).join('; ') || '—';
    throw new CredenceError('cli.usage', { reason: `--file "${value}" names ${matches.length === 0 ? 'no' : 'more than one'} imported file (by number: ${known})` });
  }
  return matches[0].batchId;
}

/** The filter as typed; the contract says what is wrong with a value, naming its field. */
async function filterOf(ctx: CliContext, client: ContractClient): Promise<Filter> {
  const file = option(ctx, 'file');
  const raw: Record<string, unknown> = {
    from: option(ctx, 'from'),
    to: option(ctx, 'to'),
    platform: option(ctx, 'platform'),
    accountId: wholeNumber(option(ctx, 'account')),
    direction: option(ctx, 'direction'),
    batchId: file === undefined ? undefined : await batchOf(client, file),
    category: option(ctx, 'category'),
    creditEvent: option(ctx, 'event'),
    text: option(ctx, 'text'),
  };
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)) as Filter;
}

function limitOf(ctx: CliContext): number {
  const text = option(ctx, 'limit');
  if (text === undefined) return DEFAULT_LIMIT;
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > MAX_LIMIT) throw new CredenceError('cli.usage', { reason: `--limit takes a whole number from 1 to ${MAX_LIMIT}` });
  return limit;
}

/** The whole filter's totals: every part the list answers in, added up (as the page does). */
async function summaryOf(client: ContractClient, filter: Filter): Promise<TransactionSummary> {
  let total = emptySummary();
  let after: Cursor | undefined;
  do {
    const part = await client.call('transactions.summary', { profileId: client.profileId, filter, ...(after ? { after } : {}) });
    total = addSummaries(total, part);
    after = part.next ?? undefined;
  } while (after);
  return total;
}

async function rowsOf(client: ContractClient, filter: Filter, order: 'newest' | 'oldest', limit: number): Promise<{ rows: Row[]; next: Cursor | null }> {
  const rows: Row[] = [];
  let next: Cursor | null = null;
  do {
    const page: Response<'transactions.list'> = await client.call('transactions.list', {
      profileId: client.profileId,
      filter,
      order,
      limit: Math.min(PAGE, limit - rows.length),
      ...(next ? { after: next } : {}),
    });
    rows.push(...page.rows);
    next = page.next;
  } while (next && rows.length < limit);
  return { rows, next };
}

function describeSummary(ctx: CliContext, summary: TransactionSummary): string {
  const parts = (['income', 'expense', 'neutral'] as const).map((d) => {
    const { count, fen } = summary.byDirection[d];
    return ctx.locale === 'zh-CN' ? `${DIRECTION[d]['zh-CN']} ${formatCount(count)} 笔 ${formatFen(fen)}` : `${DIRECTION[d].en} ${formatCount(count)} ${formatFen(fen)}`;
  });
  return ctx.locale === 'zh-CN'
    ? `共 ${formatCount(summary.count)} 笔交易：${parts.join('，')}`
    : `${formatCount(summary.count)} transactions: ${parts.join(', ')}`;
}

function describeRow(ctx: CliContext, row: Row): string {
  const zh = ctx.locale === 'zh-CN';
  // Stored as UTC+8 wall-clock text; printed as it is, saying so.
  const when = `${row.occurredAt.slice(0, 10)} ${row.occurredAt.slice(11, 19)} ${row.occurredAt.endsWith('+08:00') ? 'UTC+8' : row.occurredAt.slice(19)}`;
  const what = [row.counterparty, row.item].filter(Boolean).join(' · ') || '—';
  const event = row.creditEvent ? ` [${row.creditEvent}${row.needsReview ? (zh ? ' 待确认' : ' to review') : ''}]` : '';
  const account = row.accountId === null ? '' : zh ? ` 账户#${row.accountId}` : ` account #${row.accountId}`;
  return `${when}  ${row.platform}  ${DIRECTION[row.direction][ctx.locale]}  ${formatFen(row.amountFen)}  ${what}${event}${account}  ${row.file}:${row.sourceLine}`;
}

async function run(ctx: CliContext): Promise<number> {
  if (ctx.args.length > 0) throw new CredenceError('cli.usage', { reason: `transactions takes options only, not "${ctx.args[0]}"` });
  const order = option(ctx, 'order') ?? 'newest';
  if (order !== 'newest' && order !== 'oldest') throw new CredenceError('cli.usage', { reason: '--order is newest or oldest' });
  const limit = limitOf(ctx);
  return withContract(ctx, 'transactions', async (client) => {
    const filter = await filterOf(ctx, client);
    const summary = await summaryOf(client, filter);
    const { rows, next } = await rowsOf(client, filter, order, limit);
    if (ctx.json) {
      printJson(ctx, { filter, summary, rows, more: next !== null });
      return 0;
    }
    ctx.io.out(describeSummary(ctx, summary));
    for (const row of rows) ctx.io.out(describeRow(ctx, row));
    if (next !== null) {
      ctx.io.out(
        ctx.locale === 'zh-CN'
          ? `（只列出 ${formatCount(rows.length)} 笔；用 --limit 列出更多，或缩小筛选范围）`
          : `(${formatCount(rows.length)} listed; use --limit for more, or narrow the filter)`,
      );
    }
    return 0;
  });
}

export const transactionsCommand: Command = {
  name: 'transactions',
  summary: { 'zh-CN': '列出导入的交易：按日期、平台、账户、收支、分类、信用事件和文字筛选', en: 'list imported transactions, filtered by date, platform, account, direction, category, credit event and text' },
  default: '',
  subcommands: {
    '': {
      args: '[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--platform P] [--account ID] [--direction income|expense|neutral] [--file N|NAME] [--category C] [--event KIND|any|none] [--text WORDS] [--order newest|oldest] [--limit N]',
      summary: { 'zh-CN': '筛选的笔数与合计，然后列出交易（默认最新的 100 笔）', en: 'the filter’s count and totals, then its rows (the newest 100 by default)' },
      channels: ['transactions.summary', 'transactions.list', 'transactions.facets'],
      run,
    },
  },
};
