import type { CreditEventKind } from '../../../core/shared/credit-events.ts';
import { platformInfo } from '../../../core/shared/platforms.ts';
import type { Locale, MessageKey } from '../i18n/translate.ts';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

// Typed as complete records, so a kind added in core without a name here fails the typecheck
// instead of showing a raw code to the user. Platforms are named by core/shared/platforms.ts.
const KIND_KEYS: Record<CreditEventKind, MessageKey> = {
  huabei_purchase: 'kind.huabei_purchase',
  huabei_repayment: 'kind.huabei_repayment',
  credit_card_purchase: 'kind.credit_card_purchase',
  credit_card_repayment: 'kind.credit_card_repayment',
  jiebei_disbursement: 'kind.jiebei_disbursement',
  jiebei_repayment: 'kind.jiebei_repayment',
  weilidai_disbursement: 'kind.weilidai_disbursement',
  weilidai_repayment: 'kind.weilidai_repayment',
  meituan_yuefu_purchase: 'kind.meituan_yuefu_purchase',
  meituan_yuefu_repayment: 'kind.meituan_yuefu_repayment',
  baitiao_purchase: 'kind.baitiao_purchase',
  baitiao_repayment: 'kind.baitiao_repayment',
  jd_xianxiang_houfu: 'kind.jd_xianxiang_houfu',
};

/** Every kind, in the order core lists them (for the correction select). */
export const ALL_KINDS = Object.keys(KIND_KEYS) as CreditEventKind[];

export type Direction = 'income' | 'expense' | 'neutral';

const DIRECTION_KEYS: Record<Direction, MessageKey> = {
  income: 'report.direction.income',
  expense: 'report.direction.expense',
  neutral: 'report.direction.neutral',
};

export function kindName(t: T, kind: string): string {
  return Object.hasOwn(KIND_KEYS, kind) ? t(KIND_KEYS[kind as CreditEventKind]) : kind;
}

/** A platform this build has no name for (a newer core) is shown by its code rather than hidden. */
export function platformName(locale: Locale, platform: string): string {
  return platformInfo(platform)?.name[locale] ?? platform;
}

export function directionName(t: T, direction: Direction): string {
  return t(DIRECTION_KEYS[direction]);
}

type StatedLine = Direction | 'income_pending' | 'expense_pending';

/** The lines an export states its totals on (core/importers/types.ts STATED_LINES). */
const STATED_LINE_KEYS: Record<StatedLine, MessageKey> = {
  ...DIRECTION_KEYS,
  income_pending: 'report.line.income_pending',
  expense_pending: 'report.line.expense_pending',
};

/** `count` (共N笔记录) or a stated line, as the user reads it; an unknown code is shown as is. */
export function statedTotalName(t: T, total: string): string {
  if (total === 'count') return t('report.check.count');
  return Object.hasOwn(STATED_LINE_KEYS, total) ? t(STATED_LINE_KEYS[total as StatedLine]) : total;
}

/** Reconciliation fields are `count` or `<stated line>.count|fen`; anything else keeps its code. */
export function checkFieldName(t: T, field: string): string {
  if (field === 'count') return t('report.check.count');
  const [line, measure] = field.split('.');
  if (!line || !Object.hasOwn(STATED_LINE_KEYS, line)) return field;
  const name = statedTotalName(t, line);
  if (measure === 'count') return t('report.check.directionCount', { direction: name });
  if (measure === 'fen') return t('report.check.directionAmount', { direction: name });
  return field;
}

export function isFenField(field: string): boolean {
  return field.endsWith('.fen');
}
