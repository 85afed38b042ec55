// Codes from core → message keys. Complete records, so a code added in core without a name here
// fails the typecheck instead of showing a raw code to the user.

import type { InstitutionType, Product, StatusReason } from '../../../core/shared/ledger-vocabulary.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { statusInfo, type StatusCode, type Tone } from '../../../core/shared/status-alphabet.ts';

export const PRODUCT_KEYS: Record<Product, MessageKey> = {
  huabei: 'ledger.product.huabei',
  jiebei: 'ledger.product.jiebei',
  weilidai: 'ledger.product.weilidai',
  baitiao: 'ledger.product.baitiao',
  meituan_yuefu: 'ledger.product.meituan_yuefu',
  credit_card: 'ledger.product.credit_card',
  bank_loan: 'ledger.product.bank_loan',
  mortgage: 'ledger.product.mortgage',
  car_loan: 'ledger.product.car_loan',
  other: 'ledger.product.other',
};

export const REASON_KEYS: Record<StatusReason, MessageKey> = {
  manual: 'ledger.reason.manual',
  closed: 'ledger.reason.closed',
  opened: 'ledger.reason.opened',
  overdue: 'ledger.reason.overdue',
  paid_late: 'ledger.reason.paid_late',
  paid_on_time: 'ledger.reason.paid_on_time',
  paid_in_grace: 'ledger.reason.paid_in_grace',
  repaid_late: 'ledger.reason.repaid_late',
  merged_draws: 'ledger.reason.merged_draws',
  nothing_due: 'ledger.reason.nothing_due',
  no_statement_day: 'ledger.reason.no_statement_day',
  no_loan_terms: 'ledger.reason.no_loan_terms',
  not_observed: 'ledger.reason.not_observed',
  balance_unknown: 'ledger.reason.balance_unknown',
  partial_payment: 'ledger.reason.partial_payment',
  unallocated_repayments: 'ledger.reason.unallocated_repayments',
  unknown_draws: 'ledger.reason.unknown_draws',
  settled: 'ledger.reason.settled',
  not_yet_due: 'ledger.reason.not_yet_due',
};

export const INSTITUTION_KEYS: Record<InstitutionType, MessageKey> = {
  '11': 'ledger.institution.11',
  '12': 'ledger.institution.12',
  '14': 'ledger.institution.14',
  '15': 'ledger.institution.15',
  '16': 'ledger.institution.16',
  '21': 'ledger.institution.21',
  '22': 'ledger.institution.22',
  '23': 'ledger.institution.23',
  '24': 'ledger.institution.24',
  '25': 'ledger.institution.25',
  '26': 'ledger.institution.26',
  '31': 'ledger.institution.31',
  '41': 'ledger.institution.41',
  '51': 'ledger.institution.51',
  '52': 'ledger.institution.52',
  '53': 'ledger.institution.53',
  '54': 'ledger.institution.54',
  '99': 'ledger.institution.99',
};

/** The accounts page's class for each colour family of the alphabet (core/shared/status-alphabet.ts). */
const TONE_CLASS: Record<Exclude<Tone, 'overdue-low' | 'overdue-mid' | 'overdue-high'>, string> = {
  ok: 'ok',
  late: 'late',
  none: 'none',
  unknown: 'unknown',
  closed: 'closed',
  bad: 'bad',
  'settled-negative': 'warn',
  neutral: 'other',
};

/** CSS class of a status cell: digits share one scale of their own, letters their family's colour. */
export function statusClass(code: StatusCode): string {
  const { tone, overdueMonths } = statusInfo(code);
  if (overdueMonths !== null) return `status-cell status-overdue status-overdue-${code}`;
  return `status-cell status-${TONE_CLASS[tone as keyof typeof TONE_CLASS]}`;
}
