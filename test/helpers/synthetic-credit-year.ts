// A year of synthetic Alipay credit spending, written by the project itself (no real data: made-up
// merchants, order numbers and amounts): each of the twelve months ending with `lastMonth` has
// Huabei purchases, purchases on two credit cards (招商银行 ·1234, 交通银行 ·5678) and the
// repayments of Huabei's and the 招商银行 card's bills of the month before, in the Alipay app's 2026 layout (preamble of
// test/fixtures-own/alipay-synthetic-credit-2026.csv) with its stated totals right. Used by the
// pictures' e2e test (test/e2e/charts.spec.ts), which reads every figure back from the CLI.

import { formatFen } from '../../core/shared/money.ts';
import { formatMonth, parseMonth } from '../../core/shared/calendar.ts';

interface Row {
  at: string;
  category: string;
  who: string;
  what: string;
  direction: '收入' | '支出' | '不计收支';
  fen: number;
  method: string;
  status: string;
}

/** Fen for month `k` and stream `s`: varied, repeatable. */
const amount = (k: number, s: number) => 1_000 + ((k * 7_919 + s * 104_729) % 180_000);

export function syntheticCreditYear(lastMonth: string): { csv: string; months: string[]; firstDay: string } {
  const last = parseMonth(lastMonth)!;
  const months = Array.from({ length: 12 }, (_, k) => formatMonth(last - 11 + k));
  const rows: Row[] = [];
  let order = 0;
  months.forEach((month, k) => {
    const day = (d: number, h: number) => `${month}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:00:00`;
    rows.push({ at: day(3, 12), category: '餐饮美食', who: '某餐厅', what: '午餐', direction: '支出', fen: amount(k, 1), method: '花呗', status: '交易成功' });
    rows.push({ at: day(14, 19), category: '日用百货', who: '某超市', what: '日用品', direction: '支出', fen: amount(k, 2), method: '花呗', status: '交易成功' });
    rows.push({ at: day(8, 20), category: '数码电器', who: '某电器商城', what: '家电', direction: '支出', fen: amount(k, 3) * 2, method: '招商银行信用卡(1234)', status: '交易成功' });
    if (k % 2 === 0) rows.push({ at: day(21, 9), category: '交通出行', who: '某航空公司', what: '机票', direction: '支出', fen: amount(k, 4), method: '交通银行信用卡(5678)', status: '交易成功' });
    if (k > 0) {
      rows.push({ at: day(9, 9), category: '信用借还', who: '花呗', what: `花呗主动还款-${months[k - 1]}账单`, direction: '不计收支', fen: amount(k - 1, 1) + amount(k - 1, 2), method: '招商银行储蓄卡(8705)', status: '还款成功' });
      // The 招商银行 card's bill of the month before, paid in full on the 25th (its statement day is the 10th).
      rows.push({ at: day(25, 8), category: '信用借还', who: '招商银行', what: '信用卡还款', direction: '不计收支', fen: amount(k - 1, 3) * 2, method: '余额宝', status: '还款成功' });
    }
  });
  rows.sort((a, b) => b.at.localeCompare(a.at));
  const first = months[0]!;
  const lastDay = `${lastMonth}-28`;
  const totals = { 收入: [0, 0], 支出: [0, 0], 不计收支: [0, 0] } as Record<Row['direction'], [number, number]>;
  for (const r of rows) {
    totals[r.direction][0]++;
    totals[r.direction][1] += r.fen;
  }
  const yuan = (fen: number) => formatFen(fen, { grouped: false, symbol: false });
  const lines = [
    '------------------------------------------------------------------------------------',
    '导出信息：',
    '姓名：测试用户',
    '支付宝账户：test***@example.com',
    `起始时间：[${first}-01 00:00:00]    终止时间：[${lastDay} 23:59:59]`,
    '导出交易类型：[全部]',
    `导出时间：[${lastDay} 23:59:59]`,
    `共${rows.length}笔记录`,
    `收入：${totals['收入'][0]}笔 ${yuan(totals['收入'][1])}元`,
    `支出：${totals['支出'][0]}笔 ${yuan(totals['支出'][1])}元`,
    `不计收支：${totals['不计收支'][0]}笔 ${yuan(totals['不计收支'][1])}元`,
    '',
    '特别提示：',
    '1.本回单内容可表明支付宝受理了相应支付交易申请，因系统原因或通讯故障等偶发因素导致本回单与实际交易结果不符时，以实际交易情况为准；',
    '2.请勿将本回单作为收款方发货的凭据使用，请查证账户实际到账情况后再进行发货操作；',
    '3.支付宝快捷支付等非余额支付方式可能既产生支付宝交易也同步产生银行交易，因此请勿使用本回单进行重复记账；',
    '4.本回单如经任何涂改、编造，均立即失去效力；',
    '5.部分账单如：充值提现、账户转存或者个人设置收支等不计入为收入或者支出，记为不计收支类；',
    '6.因统计逻辑不同，明细金额直接累加后，可能会和下方统计金额不一致，请以实际交易金额为准；',
    '7.禁止将本回单用于非法用途；',
    '8.本明细仅供个人对账使用。',
    '',
    '------------------------支付宝支付科技有限公司  电子客户回单------------------------',
    '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
    ...rows.map((r) => `${r.at},${r.category},${r.who},/,${r.what},${r.direction},${yuan(r.fen)},${r.method},${r.status},2099${String(++order).padStart(24, '0')}\t,M${order}\t,,`),
  ];
  return { csv: `${lines.join('\n')}\n`, months, firstDay: `${first}-01` };
}
