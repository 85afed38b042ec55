import type { LocalizedText } from '../shared/localized-text.ts';
import type { Product } from '../shared/ledger-vocabulary.ts';

/**
 * What each scorer can see, as a versioned table: a score's factors and its next step read only
 * what the scorer it imitates has. The bureau-style score reads what the PBOC report carries
 * (an account as the simulated report carries it: its reporting and layout, core/bureau/layouts.ts;
 * the query records); the Sesame-style estimate reads what Ant has: its own products (Huabei,
 * Jiebei), Alipay's bills, and what the user submits in Sesame
 * (docs/domain/platform-scores.md#what-sesame-can-see). The scoring engine asks `sight` for every
 * account and activity series it reads (core/score/load-ledger.ts, ledger-features.ts) and the
 * next-step search for every account it would name (core/score/next-action.ts).
 */
export const SCORER_VISIBILITY_VERSION = '2026-12-03.1';

export type Scorer = 'bureau' | 'sesame';

/**
 * - full: every figure (balances, line, payments, lateness);
 * - as_reported: what the simulated report carries of it (nothing when it does not report);
 * - alipay_payments: only its repayments made through Alipay, as Alipay bill rows (never its
 *   statement, line, balance or lateness);
 * - submitted: what the user tells the scorer (a profile detail);
 * - none.
 */
export type Sight = 'full' | 'as_reported' | 'alipay_payments' | 'submitted' | 'none';

export type VisibilitySubject = Product | 'alipay_bills' | 'wechat_bills' | 'other_bills' | 'credit_queries' | 'identity_details' | 'asset_details' | 'income';

export interface VisibilityRow {
  subject: VisibilitySubject;
  bureau: Sight;
  sesame: Sight;
  note: LocalizedText;
  sources: readonly string[];
}

const REPORT = 'docs/domain/platform-products.md (which products the PBOC report carries, and when)';
const SEES = 'docs/domain/platform-scores.md#what-sesame-can-see';
const SEPARATE = 'docs/domain/platform-scores.md#black-box-scores (a PBOC delinquency barely moved a Sesame score: separate systems)';
const RAISES = 'docs/domain/platform-scores.md#what-raises-the-score (card bills paid through Alipay; profile details added in Sesame)';
const LOWERS = 'docs/domain/platform-scores.md#what-lowers-the-score (overdue Huabei or Jiebei leaves a record inside Alipay)';

const otherLender = (product: Product, who: LocalizedText): VisibilityRow => ({
  subject: product,
  bureau: 'as_reported',
  sesame: 'none',
  note: { 'zh-CN': `${who['zh-CN']}的产品：是否上征信见账户设置；蚂蚁看不到。`, en: `${who.en}’s product: on the report as its reporting says; Ant does not see it.` },
  sources: [REPORT, SEES],
});

export const SCORER_VISIBILITY: readonly VisibilityRow[] = [
  {
    subject: 'credit_card',
    bureau: 'as_reported',
    sesame: 'alipay_payments',
    note: {
      'zh-CN': '银行信用卡在征信报告上；蚂蚁只看到通过支付宝做的还款，看不到账单、额度、欠款和逾期。',
      en: 'A bank card is on the PBOC report; Ant sees only repayments made through Alipay, never the statement, line, balance or lateness.',
    },
    sources: [REPORT, SEES, RAISES, SEPARATE],
  },
  {
    subject: 'huabei',
    bureau: 'as_reported',
    sesame: 'full',
    note: {
      'zh-CN': '花呗是蚂蚁自己的产品，全部进入芝麻信用；签署征信授权后才上征信报告。',
      en: 'Huabei is Ant’s own product and feeds Sesame in full; it reaches the PBOC report only after the reporting authorisation.',
    },
    sources: ['docs/domain/platform-products.md#huabei', SEES, LOWERS],
  },
  {
    subject: 'jiebei',
    bureau: 'as_reported',
    sesame: 'full',
    note: { 'zh-CN': '借呗是蚂蚁自己的产品，进入芝麻信用；在征信报告上按其上报方式显示。', en: 'Jiebei is Ant’s own product and feeds Sesame; on the PBOC report as it is reported.' },
    sources: ['docs/domain/platform-products.md#jiebei', SEES, LOWERS],
  },
  otherLender('weilidai', { 'zh-CN': '微众银行（腾讯）', en: 'WeBank (Tencent)' }),
  otherLender('baitiao', { 'zh-CN': '京东', en: 'JD' }),
  otherLender('meituan_yuefu', { 'zh-CN': '美团', en: 'Meituan' }),
  otherLender('bank_loan', { 'zh-CN': '银行', en: 'A bank' }),
  otherLender('mortgage', { 'zh-CN': '银行', en: 'A bank' }),
  otherLender('car_loan', { 'zh-CN': '银行或汽车金融公司', en: 'A bank or auto lender' }),
  otherLender('other', { 'zh-CN': '其他机构', en: 'Another lender' }),
  {
    subject: 'alipay_bills',
    bureau: 'none',
    sesame: 'full',
    note: { 'zh-CN': '支付宝账单（消费、缴费、转账）是蚂蚁的数据，不在征信报告上。', en: 'Alipay bills (spending, bill payments, transfers) are Ant’s data, not on the PBOC report.' },
    sources: [SEES, RAISES],
  },
  {
    subject: 'wechat_bills',
    bureau: 'none',
    sesame: 'none',
    note: { 'zh-CN': '微信支付账单是腾讯的数据：芝麻信用和征信报告都没有。', en: 'WeChat Pay bills are Tencent’s data: neither Sesame nor the PBOC report has them.' },
    sources: [SEES],
  },
  {
    subject: 'other_bills',
    bureau: 'none',
    sesame: 'none',
    note: { 'zh-CN': '京东、美团账单和银行流水：不是蚂蚁的数据，也不在征信报告上。', en: 'JD and Meituan bills and bank statements: not Ant’s data, and not on the PBOC report.' },
    sources: [SEES],
  },
  {
    subject: 'credit_queries',
    bureau: 'full',
    sesame: 'none',
    note: { 'zh-CN': '查询记录是征信报告第七部分；蚂蚁看不到。', en: 'Query records are part seven of the PBOC report; Ant does not see them.' },
    sources: ['docs/domain/pboc-report.md#hard-queries', SEPARATE],
  },
  {
    subject: 'identity_details',
    bureau: 'none',
    sesame: 'submitted',
    note: {
      'zh-CN': '学历、职业、手机号和住址年数：用户在芝麻信用中补充；征信风格评分不使用。',
      en: 'Education, occupation, years with a phone number and at an address: submitted in Sesame; the bureau-style score uses none of them.',
    },
    sources: [RAISES, 'docs/domain/platform-scores.md#what-lowers-the-score (a missing or often changed phone number or address)'],
  },
  {
    subject: 'asset_details',
    bureau: 'none',
    sesame: 'submitted',
    note: { 'zh-CN': '社保、公积金、房产、车辆：用户在芝麻信用中补充。', en: 'Social insurance, housing fund, home and vehicle: submitted in Sesame.' },
    sources: [RAISES],
  },
  {
    subject: 'income',
    bureau: 'submitted',
    sesame: 'submitted',
    note: {
      'zh-CN': '收入不在征信报告上：银行从贷款申请中得知；芝麻信用的“履约能力”据说考虑收入，估算以您填写的收入代替。',
      en: 'Income is not on the PBOC report: a lender learns it from the application; Sesame’s “ability to pay” is said to weigh income, and the estimate uses the income you give in its place.',
    },
    sources: ['docs/domain/lender-heuristics.md#debt-to-income', 'docs/domain/platform-scores.md#range-and-dimensions (履约能力, readke)'],
  },
];

const BY_SUBJECT = new Map(SCORER_VISIBILITY.map((row) => [row.subject, row]));

/** How `scorer` sees `subject`. */
export function sight(scorer: Scorer, subject: VisibilitySubject): Sight {
  const row = BY_SUBJECT.get(subject);
  if (!row) throw new Error(`the scorer-visibility table has no row for ${subject}`);
  return row[scorer];
}

/** Whether `scorer` reads the rows of a bill platform (their spending, bill payments and transfers). */
export function seesBillsOf(scorer: Scorer, platform: string): boolean {
  const subject: VisibilitySubject = platform === 'alipay' ? 'alipay_bills' : platform === 'wechat' ? 'wechat_bills' : 'other_bills';
  return sight(scorer, subject) === 'full';
}
