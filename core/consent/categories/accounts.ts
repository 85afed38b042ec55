// Credit accounts as the Accounts page lists them (core/ledger/accounts/views.ts): one row per visible
// account, with its resolved values and its summary as of the day.

import { listAccounts } from '../../ledger/accounts/views.ts';
import { column, type CategorySource } from './types.ts';

export const accountsCategory: CategorySource = {
  code: 'accounts',
  label: { 'zh-CN': '信贷账户', en: 'Credit accounts' },
  purpose: {
    'zh-CN': '花呗、借呗、信用卡、贷款等每个账户的额度、余额、开立日期和最近还款状态，用于评估负债和用信情况。',
    en: 'Each account (Huabei, Jiebei, cards, loans) with its limit, balance, opening date and latest repayment status, to assess debt and credit use.',
  },
  sensitive: true,
  restricted: [],
  columns: [
    column('accountId', 'integer', '账户编号', 'Account id'),
    column('name', 'text', '账户名称', 'Account name'),
    column('product', 'text', '产品', 'Product'),
    column('kind', 'text', '账户形式', 'Account kind'),
    column('lender', 'text', '放款机构', 'Lender'),
    column('bureauType', 'text', '征信账户类型', 'Bureau account type'),
    column('reportsToBureau', 'text', '是否上征信', 'Reports to the bureau'),
    column('limitFen', 'fen', '额度（分）', 'Limit (fen)'),
    column('balanceFen', 'fen', '余额（分）', 'Balance (fen)'),
    column('utilisationBp', 'integer', '使用率（万分比）', 'Utilisation (basis points)'),
    column('openedOn', 'date', '开立日期', 'Opened on'),
    column('closedOn', 'date', '关闭日期', 'Closed on'),
    column('nextDueOn', 'date', '下一还款日', 'Next due date'),
    column('nextDueFen', 'fen', '下一期应还（分）', 'Next amount due (fen)'),
    column('latestMonth', 'month', '最近月份', 'Latest month'),
    column('latestStatus', 'text', '最近还款状态', 'Latest repayment status'),
    column('worst24', 'text', '近24个月最差状态', 'Worst status, last 24 months'),
  ],
  collect(db, { asOfDay }) {
    return listAccounts(db, { asOfDay }).map((a) => ({
      accountId: a.id,
      name: a.name,
      product: a.product,
      kind: a.kind,
      lender: a.fields.lender.value as string | null,
      bureauType: a.fields.bureauType.value as string | null,
      reportsToBureau: a.fields.reportsToBureau.value as string,
      limitFen: a.limitFen,
      balanceFen: a.balanceFen,
      utilisationBp: a.utilisationBp,
      openedOn: a.fields.openedOn.value as string | null,
      closedOn: a.fields.closedOn.value as string | null,
      nextDueOn: a.nextDueOn,
      nextDueFen: a.nextDueFen,
      latestMonth: a.latestMonth,
      latestStatus: a.latestStatus,
      worst24: a.worst24,
    }));
  },
};
