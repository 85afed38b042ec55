// Each account's month-by-month history (core/ledger/history/monthly-history.ts): the rows
// behind the 60-month repayment grid.

import { listAccounts } from '../../ledger/accounts/views.ts';
import { readMonths } from '../../ledger/codecs/stored-months.ts';
import { column, type CategorySource } from './types.ts';

export const accountMonthsCategory: CategorySource = {
  code: 'account_months',
  label: { 'zh-CN': '每月还款记录', en: 'Monthly repayment history' },
  purpose: {
    'zh-CN': '每个账户每月的应还、实还、欠款和还款状态（N、1-7 等），即征信报告上的还款记录。',
    en: 'Each account’s amounts due and paid, balance and repayment status (N, 1-7, …) month by month: the repayment record a bureau report shows.',
  },
  sensitive: true,
  restricted: [],
  columns: [
    column('accountId', 'integer', '账户编号', 'Account id'),
    column('month', 'month', '月份', 'Month'),
    column('status', 'text', '还款状态', 'Repayment status'),
    column('statementBalanceFen', 'fen', '账单金额（分）', 'Statement balance (fen)'),
    column('amountDueFen', 'fen', '应还款（分）', 'Amount due (fen)'),
    column('minimumDueFen', 'fen', '最低还款（分）', 'Minimum due (fen)'),
    column('amountPaidFen', 'fen', '实还款（分）', 'Amount paid (fen)'),
    column('creditUsedFen', 'fen', '已用额度（分）', 'Credit used (fen)'),
    column('daysPastDue', 'integer', '逾期天数', 'Days past due'),
    column('dueOn', 'date', '到期日', 'Due date'),
  ],
  collect(db, { asOfDay }) {
    return listAccounts(db, { asOfDay }).flatMap((account) =>
      readMonths(db, account.id).map((m) => ({
        accountId: account.id,
        month: m.month,
        status: m.status,
        statementBalanceFen: m.statementBalanceFen,
        amountDueFen: m.amountDueFen,
        minimumDueFen: m.minimumDueFen,
        amountPaidFen: m.amountPaidFen,
        creditUsedFen: m.creditUsedFen,
        daysPastDue: m.daysPastDue,
        dueOn: m.dueOn,
      })),
    );
  },
};
