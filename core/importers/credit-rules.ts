// Credit events as data: each rule says what it recognises, how sure we are and where that
// knowledge comes from (tags as in docs/formats/bill-exports.md#confidence-tags). A rule is marked
// needsReview when its match is a guess from keywords ([3P]/[UNVERIFIED] text in 交易对方 or
// 商品说明), so the UI asks the user before scoring on it; a rule that reads the column in which the
// platform itself names the product (收/付款方式 花呗, 支付方式 美团月付) asks nothing, whatever
// the tag of the layout knowledge: the evidence is in the row. The first matching rule wins, so repayments come before purchases: a repayment's funding
// account is the source of the money (a debit card, 余额宝) and must not make it a purchase.

import type { MappedRow } from './platform.ts';
import { BANK_PLATFORMS, PAYMENT_PLATFORMS } from '../shared/platforms.ts';
import type { CreditEvent, CreditEventKind, Platform, StatusClass } from './types.ts';

type Field = 'category' | 'counterparty' | 'item' | 'paymentMethod' | 'fundingAccount' | 'direction';

interface Condition {
  field: Field;
  equals?: string;
  includes?: string;
  pattern?: RegExp;
}

/** How the event names its credit account; `card` reads bank and last four from the funding account. */
type AccountRule = { fixed: string } | 'card' | 'card_repayment' | null;

export interface CreditRule {
  id: string;
  kind: CreditEventKind;
  platforms: readonly Platform[];
  all: readonly Condition[];
  confidence: number;
  needsReview: boolean;
  account: AccountRule;
  /**
   * Where one rule's questions differ by a column (the card a payment names, the bank a repayment
   * goes to), review asks once per value of it (core/ledger/review-by-rule.ts); else once per rule.
   */
  reviewPattern?: 'fundingAccount' | 'counterparty';
  source: string;
}

/** Closed or failed orders and refunds move no credit: no rule applies to them. */
const LIVE: ReadonlySet<StatusClass> = new Set(['completed', 'pending']);
const CARD = /^(.+?)信用卡\((\d{4})\)$/;

export const CREDIT_RULES: readonly CreditRule[] = [
  {
    id: 'alipay.huabei_repayment',
    kind: 'huabei_repayment',
    platforms: ['alipay'],
    all: [{ field: 'item', pattern: /^(花呗(主动|自动)还款|(主动|自动)还款-花呗).*账单$/ }],
    confidence: 0.95,
    needsReview: false,
    account: { fixed: 'huabei' },
    source: 'docs/formats/bill-exports.md#alipay-credit-products: 商品说明 "花呗主动还款-…账单" / "自动还款-花呗…账单" [RAW] (web row) and [3P]×4 (app text)',
  },
  {
    id: 'alipay.jiebei_disbursement',
    kind: 'jiebei_disbursement',
    platforms: ['alipay'],
    all: [{ field: 'counterparty', includes: '借呗' }, { field: 'item', includes: '放款' }],
    confidence: 0.5,
    needsReview: true,
    account: { fixed: 'jiebei' },
    source: 'docs/formats/bill-exports.md#alipay-credit-products: 交易对方 借呗 + 商品说明 借呗放款至银行卡 [UNVERIFIED] single test string',
  },
  {
    id: 'alipay.jiebei_repayment',
    kind: 'jiebei_repayment',
    platforms: ['alipay'],
    all: [{ field: 'counterparty', includes: '借呗' }, { field: 'item', includes: '还款' }],
    confidence: 0.5,
    needsReview: true,
    account: { fixed: 'jiebei' },
    source: 'docs/formats/bill-exports.md#alipay-credit-products: 交易对方 借呗/蚂蚁借呗 + 商品说明 …还款 [UNVERIFIED] keyword lists of 3 parsers',
  },
  {
    id: 'alipay.credit_card_repayment',
    kind: 'credit_card_repayment',
    platforms: ['alipay'],
    all: [{ field: 'item', pattern: /信用卡(自动)?还款/ }],
    confidence: 0.6,
    needsReview: true,
    account: null,
    reviewPattern: 'counterparty',
    source: 'docs/formats/bill-exports.md#alipay-credit-products: 商品说明 信用卡还款 / 信用卡自动还款 [3P]/[UNVERIFIED], no real row found',
  },
  {
    id: 'wechat.credit_card_repayment',
    kind: 'credit_card_repayment',
    platforms: ['wechat'],
    all: [{ field: 'category', equals: '信用卡还款' }],
    confidence: 0.95,
    needsReview: false,
    account: 'card_repayment',
    source: 'docs/formats/bill-exports.md#wechat-credit-products: 交易类型 信用卡还款, 交易对方 <银行>信用卡还款 [SAN] (real row in deb-sig #28)',
  },
  {
    id: 'wechat.weilidai_disbursement',
    kind: 'weilidai_disbursement',
    platforms: ['wechat'],
    all: [{ field: 'counterparty', pattern: /微粒贷|微众银行/ }, { field: 'item', pattern: /借款|放款/ }],
    confidence: 0.4,
    needsReview: true,
    account: { fixed: 'weilidai' },
    source: 'docs/formats/bill-exports.md#wechat-credit-products: no sample or parser rule anywhere [UNVERIFIED]; our guess from the product names',
  },
  {
    id: 'wechat.weilidai_repayment',
    kind: 'weilidai_repayment',
    platforms: ['wechat'],
    all: [{ field: 'counterparty', pattern: /微粒贷|微众银行/ }, { field: 'item', includes: '还款' }],
    confidence: 0.4,
    needsReview: true,
    account: { fixed: 'weilidai' },
    source: 'docs/formats/bill-exports.md#wechat-credit-products: no sample or parser rule anywhere [UNVERIFIED]; our guess from the product names',
  },
  {
    id: 'meituan.yuefu_repayment',
    kind: 'meituan_yuefu_repayment',
    platforms: ['meituan'],
    all: [{ field: 'category', equals: '还款' }, { field: 'item', includes: '美团月付' }],
    confidence: 0.95,
    needsReview: false,
    account: { fixed: 'meituan_yuefu' },
    source: 'docs/formats/bill-exports.md#meituan: 交易类型 还款, 订单标题 【美团月付】主动还款…账单 [SAN]; booked as 支出 by Meituan',
  },
  {
    id: 'jd.baitiao_repayment',
    kind: 'baitiao_repayment',
    platforms: ['jd'],
    all: [{ field: 'item', includes: '白条' }, { field: 'item', includes: '还款' }],
    confidence: 0.5,
    needsReview: true,
    account: { fixed: 'baitiao' },
    source: 'docs/formats/bill-exports.md#jd-wallet: 交易说明 contains 白条 and 还款 [UNVERIFIED] (deb-sig example config only)',
  },
  {
    id: 'bank.credit_card_repayment',
    kind: 'credit_card_repayment',
    platforms: BANK_PLATFORMS,
    all: [{ field: 'direction', equals: 'income' }, { field: 'item', includes: '还款' }],
    confidence: 0.9,
    needsReview: false,
    account: 'card',
    source: 'docs/formats/bill-exports.md#bank-and-card-files: credits such as 人民币自动转帐还款 (ICBC), 掌上生活还款/财付通还款 (CMB), 财付通还款 (CITIC) [SAN]',
  },
  {
    id: 'alipay.huabei_purchase',
    kind: 'huabei_purchase',
    platforms: ['alipay'],
    all: [
      { field: 'direction', equals: 'expense' },
      { field: 'paymentMethod', includes: '花呗' },
    ],
    confidence: 0.85,
    // Alipay's own payment-method column names 花呗: one question per Huabei purchase would be
    // tens of thousands for a year of app exports, each answered by the row itself.
    needsReview: false,
    account: { fixed: 'huabei' },
    source: 'docs/formats/bill-exports.md#alipay-credit-products: 收/支 支出 with 收/付款方式 containing 花呗 [3P] (many parsers); the column is the funding source as Alipay records it, so the row is its own evidence',
  },
  {
    id: 'meituan.yuefu_purchase',
    kind: 'meituan_yuefu_purchase',
    platforms: ['meituan'],
    all: [
      { field: 'category', equals: '支付' },
      { field: 'paymentMethod', includes: '美团月付' },
    ],
    confidence: 0.95,
    needsReview: false,
    account: { fixed: 'meituan_yuefu' },
    source: 'docs/formats/bill-exports.md#meituan: 交易类型 支付 with 支付方式 美团月付 [SAN]',
  },
  {
    id: 'jd.baitiao_purchase',
    kind: 'baitiao_purchase',
    platforms: ['jd'],
    all: [{ field: 'paymentMethod', includes: '白条' }],
    confidence: 0.6,
    needsReview: true,
    account: { fixed: 'baitiao' },
    source: 'docs/formats/bill-exports.md#jd-wallet: 收/付款方式 京东白条 [UNVERIFIED] (config only, no real row)',
  },
  {
    id: 'jd.xianxiang_houfu',
    kind: 'jd_xianxiang_houfu',
    platforms: ['jd'],
    all: [{ field: 'paymentMethod', includes: '先享后付' }],
    confidence: 0.9,
    needsReview: false,
    account: { fixed: 'jd_xianxiang_houfu' },
    source: 'docs/formats/bill-exports.md#jd-wallet: 收/付款方式 先享后付 [SAN] (deb-sig JD sample)',
  },
  {
    id: 'card.purchase',
    kind: 'credit_card_purchase',
    platforms: [...PAYMENT_PLATFORMS, ...BANK_PLATFORMS],
    all: [
      { field: 'direction', equals: 'expense' },
      { field: 'fundingAccount', pattern: CARD },
    ],
    confidence: 0.95,
    needsReview: false,
    account: 'card',
    source: 'docs/formats/bill-exports.md#alipay-credit-products and #wechat-credit-products: funding account <银行>信用卡(NNNN) [SAN]; on a card statement every charge',
  },
  {
    id: 'card.purchase_without_digits',
    kind: 'credit_card_purchase',
    platforms: PAYMENT_PLATFORMS,
    all: [
      { field: 'direction', equals: 'expense' },
      { field: 'fundingAccount', includes: '信用卡' },
    ],
    confidence: 0.7,
    needsReview: true,
    account: null,
    reviewPattern: 'fundingAccount',
    source: 'docs/formats/bill-exports.md#jd-wallet: JD 微信-招商银行信用卡 (card named without its last four digits) [inferred]',
  },
];

/**
 * The row's value of a condition's field, read by name: `row[condition.field]` with six different
 * names at one place is a megamorphic keyed load (about 0.05 s per 1M rows in a CPU-time profile).
 */
function fieldOf(row: MappedRow, field: Field): string | null {
  switch (field) {
    case 'category':
      return row.category;
    case 'counterparty':
      return row.counterparty;
    case 'item':
      return row.item;
    case 'paymentMethod':
      return row.paymentMethod;
    case 'fundingAccount':
      return row.fundingAccount;
    case 'direction':
      return row.direction;
  }
}

function matches(condition: Condition, row: MappedRow): boolean {
  const value = fieldOf(row, condition.field);
  if (value === null) return false;
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.includes !== undefined) return value.includes(condition.includes);
  if (condition.pattern !== undefined) return condition.pattern.test(value);
  return false;
}

function accountKey(rule: CreditRule, row: MappedRow): string | null {
  if (rule.account === null) return null;
  if (rule.account === 'card') {
    const match = CARD.exec(row.fundingAccount ?? '');
    return match ? `credit_card:${match[1]}:${match[2]}` : null;
  }
  if (rule.account === 'card_repayment') {
    // WeChat names the card's bank only: 交易对方 `建设银行信用卡还款`.
    const bank = /^(.+?)信用卡还款$/.exec(row.counterparty ?? '')?.[1];
    return bank ? `credit_card:${bank}:` : null;
  }
  return rule.account.fixed;
}

/** Rules applicable to one platform, in priority order (computed once per file). */
export function rulesFor(platform: Platform): readonly CreditRule[] {
  return CREDIT_RULES.filter((rule) => rule.platforms.includes(platform));
}

/**
 * The rule that queued an event of this kind on this platform for review: among the rules that
 * ask, (platform, kind) names one (the import stores the kind, not the rule). Null for an event
 * no asking rule makes any more.
 */
export function reviewRuleFor(platform: string, kind: string): CreditRule | null {
  return CREDIT_RULES.find((rule) => rule.needsReview && rule.kind === kind && (rule.platforms as readonly string[]).includes(platform)) ?? null;
}

/** Every condition holds (a loop, not `every` with a closure: this runs for every rule on every row). */
function matchesAll(conditions: readonly Condition[], row: MappedRow): boolean {
  for (let i = 0; i < conditions.length; i++) if (!matches(conditions[i]!, row)) return false;
  return true;
}

export function classifyCredit(rules: readonly CreditRule[], row: MappedRow): CreditEvent | null {
  if (!LIVE.has(row.statusClass)) return null;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (matchesAll(rule.all, row)) {
      return {
        kind: rule.kind,
        confidence: rule.confidence,
        needsReview: rule.needsReview,
        rule: rule.id,
        accountKey: accountKey(rule, row),
      };
    }
  }
  return null;
}

/** Kinds that move money to a lender: never spending, even when the export says 支出. */
export const REPAYMENT_KINDS: ReadonlySet<CreditEventKind> = new Set([
  'huabei_repayment',
  'credit_card_repayment',
  'jiebei_repayment',
  'weilidai_repayment',
  'meituan_yuefu_repayment',
  'baitiao_repayment',
]);
