// The kinds of what-if action and their names, in both UI languages, and how many scenarios sit
// beside the baseline: one home for the engine (core/whatif: its schema, its messages), the CLI
// and the What-if page, which picks an action by them (the page imports core/shared, never
// core/whatif).

import type { LocalizedText } from './localized-text.ts';

export const ACTION_TYPES = [
  'pay',
  'clear_overdue',
  'miss_payment',
  'pay_late',
  'hard_query',
  'new_card',
  'new_draw',
  'new_loan',
  'close_account',
  'consolidate',
  'start_reporting',
  'change_limit',
  'change_income',
  'stop_applications',
  'let_time_pass',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const ACTION_NAMES: Record<ActionType, LocalizedText> = {
  pay: { 'zh-CN': '还款', en: 'Pay' },
  clear_overdue: { 'zh-CN': '结清逾期', en: 'Clear an overdue' },
  miss_payment: { 'zh-CN': '漏还一期', en: 'Miss a payment' },
  pay_late: { 'zh-CN': '逾期还款', en: 'Pay late' },
  hard_query: { 'zh-CN': '新增查询', en: 'New query' },
  new_card: { 'zh-CN': '新办信用卡', en: 'New card' },
  new_draw: { 'zh-CN': '借呗/微粒贷借款', en: 'New Jiebei/Weilidai draw' },
  new_loan: { 'zh-CN': '新增贷款', en: 'New loan' },
  close_account: { 'zh-CN': '销户/提前结清', en: 'Close an account' },
  consolidate: { 'zh-CN': '网贷整合为一笔银行贷款', en: 'Consolidate online loans' },
  start_reporting: { 'zh-CN': '开始上报征信', en: 'Starts reporting' },
  change_limit: { 'zh-CN': '调整额度', en: 'Change a limit' },
  change_income: { 'zh-CN': '调整月收入', en: 'Change income' },
  stop_applications: { 'zh-CN': '暂停一切申请', en: 'Stop all applications' },
  let_time_pass: { 'zh-CN': '等待', en: 'Let time pass' },
};

/** Scenarios beside the baseline in one comparison (the side-by-side view's columns). */
export const MAX_SCENARIOS = 3;
