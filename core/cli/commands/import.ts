// `credence import FILE…`: the app's import channel, as the Import page uses it: one transaction
// per file, duplicates skipped, a score snapshot after an import. The files go by reference (the
// handlers resolve it through this command's own list, HandlerContext.importFileRef) and are read
// from disk as a stream by the import, never loaded whole or copied into the request as base64.

import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { CredenceError, toErrorPayload } from '../../shared/errors.ts';
import type { Request, Response } from '../../ipc/contract.ts';
import { withContract } from '../contract-call.ts';
import { printJson, textOption, type CliContext } from '../io.ts';
import type { Command } from './command.ts';
import { formatFen } from '../../shared/money.ts';

/** The most files one request carries (the channel's own limit). */
const FILES_PER_REQUEST = 50;

function yuan(fen: number): string {
  return formatFen(fen, { grouped: false });
}

function describe(ctx: CliContext, report: Response<'import.files'>['reports'][number]): string {
  const zh = ctx.locale === 'zh-CN';
  const d = report.byDirection;
  const events = Object.entries(report.creditEvents).map(([kind, n]) => `${kind}×${n}`).join(' ');
  const reconciled =
    report.reconciled.agrees === null ? (zh ? '无自带合计' : 'no stated totals') : report.reconciled.agrees ? (zh ? '与账单合计一致' : 'matches the stated totals') : (zh ? '与账单合计不一致' : 'differs from the stated totals');
  const period = report.period
    ? zh
      ? `；账单期间 ${report.period.start.iso} 至 ${report.period.end.iso}（${report.period.source === 'stated' ? '账单注明' : '按记录推算'}）`
      : `; period ${report.period.start.iso} to ${report.period.end.iso} (${report.period.source === 'stated' ? 'as stated' : 'from the rows'})`
    : '';
  return (zh
    ? `${report.file}: ${report.platform}/${report.variant} 读取 ${report.rowsRead} 行，新增 ${report.imported}，重复 ${report.duplicates}，拒绝 ${report.rejected.length}，警告 ${report.warnings.length}；收入 ${d.income.count} 笔 ${yuan(d.income.fen)}，支出 ${d.expense.count} 笔 ${yuan(d.expense.fen)}，不计收支 ${d.neutral.count} 笔 ${yuan(d.neutral.fen)}；${reconciled}${events ? `；信用事件 ${events}` : ''}`
    : `${report.file}: ${report.platform}/${report.variant} read ${report.rowsRead} rows, imported ${report.imported}, duplicates ${report.duplicates}, rejected ${report.rejected.length}, warnings ${report.warnings.length}; income ${d.income.count} ${yuan(d.income.fen)}, expense ${d.expense.count} ${yuan(d.expense.fen)}, neutral ${d.neutral.count} ${yuan(d.neutral.fen)}; ${reconciled}${events ? `; credit events ${events}` : ''}`) + period;
}

const TOTAL_NAMES: Record<string, { zh: string; en: string }> = {
  count: { zh: '共N笔记录', en: 'row count' },
  income: { zh: '收入', en: 'income' },
  income_pending: { zh: '待收入', en: 'pending income' },
  expense: { zh: '支出', en: 'expense' },
  expense_pending: { zh: '待支出', en: 'pending expense' },
  neutral: { zh: '不计收支', en: 'neutral' },
};

const WHY = {
  outside_period: { zh: '日期在注明期间之外', en: 'dated outside the stated period' },
  accounts_for_difference: { zh: '正好是差额', en: 'exactly the difference' },
  counted_elsewhere: { zh: '按规则计入', en: 'the rule counts it in' },
} as const;

/** The lines under a differing report: each differing total, and the rows (file:line, amount) behind it. */
function describeDifferences(ctx: CliContext, report: Response<'import.files'>['reports'][number]): string[] {
  const zh = ctx.locale === 'zh-CN';
  return report.reconciled.differences.map((difference) => {
    const name = TOTAL_NAMES[difference.total]?.[zh ? 'zh' : 'en'] ?? difference.total;
    const shift = [
      difference.rowsDifference === null ? null : `${difference.rowsDifference > 0 ? '+' : ''}${difference.rowsDifference}${zh ? ' 笔' : ' rows'}`,
      difference.fenDifference === null ? null : `${difference.fenDifference > 0 ? '+' : ''}${yuan(difference.fenDifference)}`,
    ].filter((part) => part !== null).join(zh ? '，' : ', ');
    const rows = difference.rows.map((row) => {
      const why = WHY[row.why][zh ? 'zh' : 'en'];
      const where = row.why === 'counted_elsewhere' && row.countedIn ? ` ${TOTAL_NAMES[row.countedIn]?.[zh ? 'zh' : 'en'] ?? row.countedIn}` : '';
      return `${report.file}:${row.line} ${yuan(row.fen)} (${why}${where})`;
    });
    if (difference.rowsOmitted > 0) rows.push(zh ? `另有 ${difference.rowsOmitted} 行` : `${difference.rowsOmitted} more`);
    const missing = difference.total === 'count' && (difference.rowsDifference ?? 0) < 0;
    const cannot = missing ? (zh ? '缺少的行不在文件里，无法指出' : 'rows that are not in the file cannot be named') : zh ? '无法从明细判断是哪几行' : 'the rows cannot tell which ones';
    const tail = [missing ? cannot : null, rows.length > 0 ? rows.join(zh ? '；' : '; ') : null].filter((part) => part !== null).join(zh ? '；' : '; ') || cannot;
    const partly = rows.length > 0 && !difference.explained ? (zh ? '（只解释了一部分）' : ' (part of it only)') : '';
    return `  ${name} ${shift}: ${tail}${partly}`;
  });
}

type Outcome = Response<'import.files'>;

/** A file that cannot be read fails here, by the path as typed, as it always has; the rest go by reference. */
async function readableFiles(paths: readonly string[], refs: Map<string, string>, failures: Outcome['failures']): Promise<Request<'import.files'>['files']> {
  const files: Request<'import.files'>['files'] = [];
  for (const path of paths) {
    try {
      const handle = await open(path, 'r');
      try {
        await handle.read(Buffer.alloc(1), 0, 1, 0);
      } finally {
        await handle.close();
      }
      const fileRef = randomUUID();
      refs.set(fileRef, resolve(path));
      files.push({ name: basename(path), fileRef });
    } catch (error) {
      failures.push({ file: path, error: toErrorPayload(new CredenceError('import.file_unreadable', { file: path, reason: (error as Error).message })) });
    }
  }
  return files;
}

async function run(ctx: CliContext): Promise<number> {
  if (ctx.args.length === 0) throw new CredenceError('cli.usage', { reason: 'import needs at least one FILE' });
  const password = textOption(ctx, 'password');
  const outcome: Outcome = { reports: [], failures: [] };
  const refs = new Map<string, string>();
  const importFileRef = (ref: string) => refs.get(ref) ?? null;
  await withContract(ctx, 'import', async ({ call, profileId }) => {
    for (let at = 0; at < ctx.args.length; at += FILES_PER_REQUEST) {
      const files = await readableFiles(ctx.args.slice(at, at + FILES_PER_REQUEST), refs, outcome.failures);
      if (files.length === 0) continue;
      const batch = await call('import.files', { profileId, importId: randomUUID(), files, ...(password === undefined ? {} : { password }) });
      outcome.reports.push(...batch.reports);
      outcome.failures.push(...batch.failures);
    }
  }, { importFileRef });
  if (ctx.json) printJson(ctx, outcome);
  else {
    for (const report of outcome.reports) {
      ctx.io.out(describe(ctx, report));
      for (const line of describeDifferences(ctx, report)) ctx.io.out(line);
    }
    for (const f of outcome.failures) ctx.io.err(`${f.file}: ${f.error.message[ctx.locale]}`);
  }
  return outcome.failures.length > 0 ? 1 : 0;
}

export const importCommand: Command = {
  name: 'import',
  summary: { 'zh-CN': '导入账单文件（支付宝、微信、京东、美团、信用卡；可为加密 ZIP）', en: 'import bill exports (Alipay, WeChat, JD, Meituan, credit cards; ZIPs too)' },
  subcommands: {
    '': {
      args: 'FILE… [--password P]',
      summary: { 'zh-CN': '每个文件一个事务；重复的行跳过；--password 为压缩包密码', en: 'one transaction per file; rows already stored are skipped; --password opens a ZIP' },
      channels: ['import.files'],
      run,
    },
  },
  default: '',
};
