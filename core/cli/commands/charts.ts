// `credence charts utilisation|spending|balance`: the pictures' data (the account view's
// utilisation and balance, the Dashboard's spending by credit product) through the same channels
// (core/ipc/channels/charts.ts), as a table per month or, with --json, exactly what the app draws.

import type { Request, Response } from '../../ipc/contract.ts';
import { formatFen } from '../../shared/money.ts';
import { asOf, noMoreArgs, wholeNumber } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, textOption as option, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

type Window = { accountId?: number | string; months?: number | string; asOf?: string };

/** The options every chart takes, as the channel validates them (it names a bad one). */
function windowOf(ctx: CliContext, withAccount: boolean): Window {
  const out: Window = { ...asOf(ctx) };
  const months = wholeNumber(option(ctx, 'months'));
  if (months !== undefined) out.months = months;
  const account = withAccount ? wholeNumber(option(ctx, 'account')) : undefined;
  if (account !== undefined) out.accountId = account;
  return out;
}

const percent = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);
const amount = (fen: number | null) => (fen === null ? '—' : formatFen(fen, { grouped: false }));

function utilisationLines(ctx: CliContext, chart: Response<'charts.utilisation'>): string[] {
  const zh = ctx.locale === 'zh-CN';
  const out: string[] = [];
  for (const a of chart.accounts) {
    out.push(`#${a.accountId} ${a.name}  ${zh ? '额度' : 'limit'} ${amount(a.limitFen)}`);
    for (const p of a.points) {
      if (p.statementFen === null && p.usedFen === null) continue;
      const statement = p.statementOn ? `${zh ? '账单日' : 'statement'} ${p.statementOn} ${amount(p.statementFen)} ${percent(p.statementBp)}` : zh ? '无账单' : 'no statement';
      out.push(`  ${p.month}  ${statement}  ${zh ? '结账' : 'month closed'} ${p.on} ${amount(p.usedFen)} ${percent(p.usedBp)}`);
    }
  }
  return out;
}

function spendingLines(ctx: CliContext, chart: Response<'charts.spending'>): string[] {
  const zh = ctx.locale === 'zh-CN';
  const out = [`${zh ? '月份' : 'month'}\t${chart.series.map((s) => s.label[ctx.locale]).join('\t')}\t${zh ? '合计' : 'total'}`];
  chart.months.forEach((month, k) => {
    out.push(`${month}\t${chart.series.map((s) => amount(s.monthsFen[k]!)).join('\t')}\t${amount(chart.totalsFen[k]!)}`);
  });
  return out;
}

function balanceLines(ctx: CliContext, chart: Response<'charts.balance'>): string[] {
  const zh = ctx.locale === 'zh-CN';
  const out: string[] = [];
  for (const a of chart.accounts) {
    out.push(`#${a.accountId} ${a.name}`);
    chart.months.forEach((month, k) => {
      const fen = a.monthsFen[k] ?? null;
      if (fen !== null) out.push(`  ${month}  ${zh ? '结账时欠款' : 'owed at the month’s close'} ${amount(fen)}`);
    });
  }
  return out;
}

function runner<C extends 'charts.utilisation' | 'charts.spending' | 'charts.balance'>(channel: C, withAccount: boolean, lines: (ctx: CliContext, chart: Response<C>) => string[]) {
  return async (ctx: CliContext): Promise<number> => {
    noMoreArgs(ctx, 0);
    return withContract(ctx, 'charts', async ({ call, profileId }) => {
      // The window's values go to the channel as typed: its schema names a bad --months or --account.
      const chart = await call(channel, { profileId, ...windowOf(ctx, withAccount) } as Request<C>);
      if (ctx.json) printJson(ctx, chart);
      else for (const line of lines(ctx, chart)) ctx.io.out(line);
      return 0;
    });
  };
}

const WINDOW_ARGS = '[--months N] [--as-of YYYY-MM-DD]';

export const chartsCommand: Command = {
  name: 'charts',
  summary: { 'zh-CN': '图表数据：各卡额度使用率（含账单日）、各信用产品每月消费、各账户余额', en: 'chart data: each card’s utilisation with its statement days, spending per credit product per month, each account’s balance' },
  subcommands: {
    utilisation: {
      args: `[--account ID] ${WINDOW_ARGS}`,
      summary: { 'zh-CN': '每张卡（及花呗等循环额度）每月账单日的额度使用率（默认最近 24 个月）', en: 'each card’s (and Huabei’s, …) use of its limit on each statement day (the last 24 months by default)' },
      channels: ['charts.utilisation'],
      run: runner('charts.utilisation', true, utilisationLines),
    },
    spending: {
      args: WINDOW_ARGS,
      summary: { 'zh-CN': '花呗、白条、月付和每张信用卡每月的消费', en: 'purchases per month on Huabei, Baitiao, Yuefu and each card' },
      channels: ['charts.spending'],
      run: runner('charts.spending', false, spendingLines),
    },
    balance: {
      args: `[--account ID] ${WINDOW_ARGS}`,
      summary: { 'zh-CN': '每个账户每月结账时（信用卡为账单日）的欠款余额', en: 'each account’s balance owed at each month’s close (a card’s statement day)' },
      channels: ['charts.balance'],
      run: runner('charts.balance', true, balanceLines),
    },
  },
};
