import { accountDetail, listAccounts } from '../../ledger/accounts/views.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { unassignedTransactions } from '../../ledger/accounts/transactions.ts';
import { DEFAULTS_VERSION, PRODUCT_NAMES } from '../../ledger/product-defaults.ts';
import type { AccountSummary, MonthRow } from '../../ledger/account-schema.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';
import { ledgerDb } from '../args.ts';
import { formatFen } from '../../shared/money.ts';

function yuan(fen: number | null): string {
  return fen === null ? '—' : formatFen(fen, { grouped: false });
}

const ORIGIN: Record<string, { 'zh-CN': string; en: string }> = {
  manual: { 'zh-CN': '手动', en: 'manual' },
  derived: { 'zh-CN': '导入', en: 'from imports' },
  default: { 'zh-CN': '默认', en: 'default' },
  none: { 'zh-CN': '未知', en: 'unknown' },
};

function field(ctx: CliContext, account: AccountSummary, name: string, label: { 'zh-CN': string; en: string }): string {
  const view = account.fields[name as keyof AccountSummary['fields']];
  const value = view.value === null ? '—' : String(view.value);
  const origin = ORIGIN[view.provenance][ctx.locale];
  const source = view.provenance === 'default' || (view.provenance === 'none' && view.source) ? `: ${view.source}` : '';
  return `${label[ctx.locale]} ${value} (${origin}${source})`;
}

function describe(ctx: CliContext, account: AccountSummary, months: MonthRow[]): string[] {
  const zh = ctx.locale === 'zh-CN';
  const product = PRODUCT_NAMES[account.product][ctx.locale];
  const util = account.utilisationBp === null ? '—' : `${(account.utilisationBp / 100).toFixed(2)}%`;
  const recent = months.slice(-24);
  const grid = recent.length > 0 ? `${recent[0].month}..${recent.at(-1)!.month}: ${recent.map((m) => m.status).join(' ')}` : zh ? '（无记录）' : '(no history)';
  return [
    `#${account.id} ${account.name} [${product}, ${account.kind}${account.parentId ? ` ← #${account.parentId}` : ''}] ${ORIGIN[account.source === 'manual' ? 'manual' : 'derived'][ctx.locale]}`,
    zh
      ? `  余额 ${yuan(account.balanceFen)}  额度 ${yuan(account.limitFen)}  使用率 ${util}  下次还款 ${account.nextDueOn ?? '—'}  近24月最差 ${account.worst24 ?? '—'}  交易 ${account.transactions}`
      : `  balance ${yuan(account.balanceFen)}  limit ${yuan(account.limitFen)}  utilisation ${util}  next due ${account.nextDueOn ?? '—'}  worst in 24 months ${account.worst24 ?? '—'}  transactions ${account.transactions}`,
    `  ${field(ctx, account, 'lender', { 'zh-CN': '放款机构', en: 'lender' })}`,
    `  ${field(ctx, account, 'bureauType', { 'zh-CN': '征信账户类型', en: 'bureau type' })}; ${field(ctx, account, 'reportsToBureau', { 'zh-CN': '上报征信', en: 'reported' })}`,
    `  ${grid}`,
  ];
}

function run(ctx: CliContext): number {
  const db = ledgerDb(ctx, 'accounts');
  try {
    const asOfDay = asOfFrom(ctx.options['as-of']);
    const accounts = listAccounts(db, { asOfDay });
    const withMonths = accounts.map((account) => ({ ...account, months: accountDetail(db, account.id, { asOfDay }).months }));
    const unassigned = unassignedTransactions(db);
    if (ctx.json) {
      printJson(ctx, { accounts: withMonths, unassigned, defaultsVersion: DEFAULTS_VERSION });
      return 0;
    }
    if (accounts.length === 0) say(ctx, { 'zh-CN': '还没有账户。导入账单或手动添加后再查看。', en: 'No accounts yet. Import bills or add one by hand.' });
    for (const account of withMonths) for (const line of describe(ctx, account, account.months)) ctx.io.out(line);
    if (unassigned.total > 0) {
      say(ctx, {
        'zh-CN': `另有 ${unassigned.total} 笔信用交易无法确定属于哪个账户，请在应用中指定。`,
        en: `${unassigned.total} credit events could not be matched to an account; assign them in the app.`,
      });
    }
    say(ctx, { 'zh-CN': `默认值表版本 ${DEFAULTS_VERSION}`, en: `defaults table version ${DEFAULTS_VERSION}` });
    return 0;
  } finally {
    db.close();
  }
}

export const accountsCommand: Command = {
  name: 'accounts',
  summary: { 'zh-CN': '列出信用账户及其逐月还款记录', en: 'list credit accounts with their month-by-month history' },
  usage: ['credence accounts --db DB [--as-of YYYY-MM-DD] [--json]'],
  run,
};
