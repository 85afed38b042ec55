/**
 * The credit events an import can recognise in a bill row. A runtime list, so that the IPC
 * contract can validate a user's correction and the importers' rule table can be typed by it.
 */
export const CREDIT_EVENT_KINDS = [
  'huabei_purchase',
  'huabei_repayment',
  'credit_card_purchase',
  'credit_card_repayment',
  'jiebei_disbursement',
  'jiebei_repayment',
  'weilidai_disbursement',
  'weilidai_repayment',
  'meituan_yuefu_purchase',
  'meituan_yuefu_repayment',
  'baitiao_purchase',
  'baitiao_repayment',
  'jd_xianxiang_houfu',
] as const;

export type CreditEventKind = (typeof CREDIT_EVENT_KINDS)[number];
