import { resolve } from 'node:path';
import { CredenceError, toErrorPayload, type ErrorPayload } from '../../shared/errors.ts';
import { importFile } from '../../importers/import-file.ts';
import type { ImportReport } from '../../importers/report-schema.ts';
import { snapshotAfterImport } from '../../score/snapshots.ts';
import { openProfileDatabase } from '../profile-access.ts';
import { printJson, type CliContext } from '../io.ts';
import type { Command } from './command.ts';
import { formatFen } from '../../shared/money.ts';

type FileResult = ImportReport | { file: string; error: ErrorPayload };

function yuan(fen: number): string {
  return formatFen(fen, { grouped: false });
}

function describe(ctx: CliContext, report: ImportReport): string {
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

async function run(ctx: CliContext): Promise<number> {
  if (typeof ctx.options.db !== 'string') throw new CredenceError('cli.usage', { reason: 'import needs --db FILE' });
  if (ctx.args.length === 0) throw new CredenceError('cli.usage', { reason: 'import needs at least one FILE' });
  const password = typeof ctx.options.password === 'string' ? ctx.options.password : undefined;
  const db = openProfileDatabase(ctx, resolve(ctx.options.db));
  const files: FileResult[] = [];
  try {
    for (const path of ctx.args) {
      try {
        files.push(...(await importFile(db, path, { password, actor: 'cli' })));
      } catch (error) {
        files.push({ file: path, error: toErrorPayload(error) });
      }
    }
    // Score history: both scores as they stand after this import, as the app's imports do.
    if (files.some((f) => !('error' in f))) snapshotAfterImport(db, (error) => ctx.io.err(`score snapshot failed: ${String(error)}`));
  } finally {
    db.close();
  }
  const failed = files.filter((f): f is { file: string; error: ErrorPayload } => 'error' in f);
  if (ctx.json) printJson(ctx, { files });
  else for (const f of files) ('error' in f ? ctx.io.err(`${f.file}: ${f.error.message[ctx.locale]}`) : ctx.io.out(describe(ctx, f)));
  if (ctx.json) for (const f of failed) ctx.io.err(`${f.file}: ${f.error.message[ctx.locale]}`);
  return failed.length === 0 ? 0 : 1;
}

export const importCommand: Command = {
  name: 'import',
  summary: { 'zh-CN': '导入账单文件（支付宝、微信、京东、美团、信用卡；可为加密 ZIP）', en: 'import bill exports (Alipay, WeChat, JD, Meituan, credit cards; ZIPs too)' },
  usage: ['credence import FILE... --db DB [--password P] [--passphrase-file F] [--json]'],
  run,
};
