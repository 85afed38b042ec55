// How each export adds up the totals it states of itself (`共66笔记录`, `支出：63笔 16.54元`,
// `已支出:1笔,27元`, ICBC's 合计金额), as data: which rows each stated line counts, and with what
// amount. reconcile.ts adds up the rows by this table and compares. The evidence for each row is in
// docs/formats/bill-exports.md#stated-totals (tags as in #confidence-tags); bump
// TOTALS_RULES_VERSION whenever a row changes: every import report names the rule and version its
// reconciliation used.

import type { Direction, NormalizedTransaction, Platform, StatedLine, StatusClass } from './types.ts';

export const TOTALS_RULES_VERSION = '2026-12-03.1';

type Field = 'direction' | 'statusClass' | 'category' | 'paymentMethod';

interface Condition {
  field: Field;
  equals?: string;
  includes?: string;
}

/** What a counted row adds to its line's amount. */
export type RowAmount =
  /** its amount as the row shows it */
  | 'gross'
  /** its amount less what the row says was refunded of it (Alipay web 成功退款（元）) */
  | 'net_of_refunded'
  /** nothing: the row is in the line's count, not in its amount */
  | 'none';

export interface TotalsRowRule {
  line: StatedLine;
  /** Every condition holds; the first matching row rule decides. A row no rule matches is in no line. */
  when: readonly Condition[];
  amount: RowAmount;
  source: string;
}

export interface TotalsRule {
  id: string;
  platform: Platform;
  /** Header layouts (PlatformSpec.layouts[].variant) the rule is for; null: every layout of the platform. */
  layouts: readonly string[] | null;
  rows: readonly TotalsRowRule[];
  /** What `共N笔记录` counts: every row of the table, whatever its status. */
  records: string | null;
}

const direction = (value: Direction): Condition => ({ field: 'direction', equals: value });
const status = (value: StatusClass): Condition => ({ field: 'statusClass', equals: value });
const DOC = 'docs/formats/bill-exports.md#stated-totals';

/** Each 收/支 value is its own line, every status counted at the row's amount. */
function byDirection(source: string): TotalsRowRule[] {
  return (['income', 'expense', 'neutral'] as const).map((line) => ({ line, when: [direction(line)], amount: 'gross' as const, source }));
}

export const TOTALS_RULES: readonly TotalsRule[] = [
  {
    id: 'alipay.app',
    platform: 'alipay',
    layouts: ['app-2023', 'app-2021'],
    records: `${DOC}: 共N笔记录 counts every row [3P] (a real 2026 file whose summary reconciles with its rows)`,
    rows: byDirection(
      `${DOC}: 收入/支出/不计收支 (2021: 其他) each add up the rows of that 收/支 at their 金额, whatever their status (note 5 of the export: 充值提现、账户转存… 记为不计收支类) [3P]; closed and pending 支出 rows counted as 支出 [inferred]`,
    ),
  },
  {
    id: 'alipay.web',
    platform: 'alipay',
    layouts: ['web'],
    records: `${DOC}: 共N笔记录 counts every row [SAN] (the 2019 sample: 共2笔记录, 2 rows)`,
    rows: [
      { line: 'income_pending', when: [direction('income'), status('pending')], amount: 'gross', source: `${DOC}: 待收入 = 收入 rows still waiting [inferred: no sample states a non-zero 待收入]` },
      { line: 'income', when: [direction('income')], amount: 'gross', source: `${DOC}: 已收入 = the other 收入 rows [SAN] (the 2019 sample: 已收入:1笔,0.01元)` },
      { line: 'expense_pending', when: [direction('expense'), status('pending')], amount: 'net_of_refunded', source: `${DOC}: 待支出 = 支出 rows still waiting (等待确认收货…) [inferred: no sample states a non-zero 待支出]` },
      {
        line: 'expense',
        when: [direction('expense')],
        amount: 'net_of_refunded',
        source: `${DOC}: 已支出 = the other 支出 rows, each less its 成功退款（元）, a closed one refunded in full at 0.00 [SAN] (the 2019 sample) and a real untouched export (issue 11)`,
      },
      // Rows with an empty 收/支 (refunds, transfers: 资金状态 资金转移) are in no line.
    ],
  },
  {
    id: 'wechat',
    platform: 'wechat',
    layouts: null,
    records: `${DOC}: 共N笔记录 counts every row [SAN]`,
    rows: byDirection(
      `${DOC}: 收入/支出/中性交易 each add up the rows of that 收/支 (\`/\` is 中性交易: note 1 of the export) at their amount [SAN] (the 2019 sample: 收入 1笔 0.35, 支出 1笔 28.16); refunded rows at their amount [inferred]`,
    ),
  },
  {
    id: 'jd',
    platform: 'jd',
    layouts: null,
    records: `${DOC}: 共：N笔记录 counts every row [SAN]`,
    rows: [
      { line: 'income', when: [direction('income')], amount: 'gross', source: `${DOC}: 收入 adds up the 收入 rows [SAN]` },
      {
        line: 'expense',
        when: [direction('expense')],
        amount: 'gross',
        source: `${DOC}: 支出 adds up the 支出 rows, a partly refunded one at what is left of it (note 2 of the export: 部分退款的支出金额为剔除退款后的支付金额; the importer keeps that net amount) [SAN]`,
      },
      { line: 'neutral', when: [direction('neutral'), status('closed')], amount: 'none', source: `${DOC}: 不计收支 counts an order refunded in full (已全额退款, note 2) but not its amount [inferred from the one sample]` },
      { line: 'neutral', when: [direction('neutral'), { field: 'paymentMethod', includes: '先享后付' }], amount: 'none', source: `${DOC}: 不计收支 counts a 先享后付 order (no money moved yet) but not its amount [inferred from the one sample]` },
      { line: 'neutral', when: [direction('neutral')], amount: 'gross', source: `${DOC}: 不计收支 adds up the other 不计收支 rows (refunds, transfers) [SAN]` },
    ],
  },
  {
    id: 'meituan',
    platform: 'meituan',
    layouts: null,
    records: `${DOC}: 共：N笔记录 counts every row [SAN]`,
    rows: [
      { line: 'income', when: [direction('income')], amount: 'gross', source: `${DOC}: 收入 adds up the 收入 rows (refunds) at 实付金额 [SAN]` },
      { line: 'expense', when: [direction('expense'), { field: 'category', equals: '还款' }], amount: 'none', source: `${DOC}: 支出 counts the 美团月付 repayment (交易类型 还款) but not its amount [inferred from the one sample]` },
      { line: 'expense', when: [direction('expense')], amount: 'gross', source: `${DOC}: 支出 adds up the other 支出 rows at 实付金额 [SAN]` },
      { line: 'neutral', when: [direction('neutral')], amount: 'gross', source: `${DOC}: 不计收支 adds up the 不计收支 rows [SAN]` },
    ],
  },
  {
    id: 'icbc.credit',
    platform: 'icbc',
    layouts: null,
    records: null,
    rows: [
      { line: 'income', when: [direction('income')], amount: 'gross', source: `${DOC}: 合计金额 under 交易金额(收入) is the column's sum [inferred: the sample's sums are placeholders]` },
      { line: 'expense', when: [direction('expense')], amount: 'gross', source: `${DOC}: 合计金额 under 交易金额(支出) is the column's sum [inferred: the sample's sums are placeholders]` },
    ],
  },
];

/** The rule for one file once its header layout is known; null for exports that state no totals. */
export function totalsRuleFor(platform: Platform, layout: string): TotalsRule | null {
  return TOTALS_RULES.find((rule) => rule.platform === platform && (rule.layouts === null || rule.layouts.includes(layout))) ?? null;
}

function holds(condition: Condition, tx: NormalizedTransaction): boolean {
  const value = tx[condition.field];
  if (value === null) return false;
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.includes !== undefined) return value.includes(condition.includes);
  return false;
}

/** The row rule that places a row in a stated line, or null: the row is in none. */
export function placeRow(rule: TotalsRule, tx: NormalizedTransaction): TotalsRowRule | null {
  return rule.rows.find((row) => row.when.every((condition) => holds(condition, tx))) ?? null;
}

/** What a placed row adds to its line's amount. */
export function contribution(row: TotalsRowRule, tx: NormalizedTransaction): number {
  if (row.amount === 'none') return 0;
  if (row.amount === 'net_of_refunded') return tx.amountFen - (tx.refundedFen ?? 0);
  return tx.amountFen;
}
