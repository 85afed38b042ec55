// What counts as done for each kind of plan step, as data: the check the ledger is read with, its
// window around the step's date, and the sentence the checklist shows for it. The checks
// themselves are pure functions over the ledger (tracking.ts); this table says which one a kind
// uses and how wide its window is. The windows are this project's conventions, not a bank's rule
// (docs/domain/adviser-plans.md#what-counts-as-done): a bill export dates a payment on its own
// day, but an application, an opening or a closing reaches the ledger on the day the lender
// records it, which can fall some days from the day the plan names. Edit a window here and the
// version with it.

import type { LocalizedText } from '../shared/localized-text.ts';
import type { ActionType } from '../shared/whatif-actions.ts';

export const TRACKING_VERSION = 'plan-tracking-2026-12';

export type TrackingCheck =
  /** Payments to the account in the window add up to at least the step's amount. */
  | 'payment_in_window'
  /** The account's month of the date shows nothing overdue, after a payment in the window. */
  | 'nothing_overdue'
  /** A query record (or an account of the kind) dated in the window around the date. */
  | 'application_seen'
  /** The account shows closed or settled by the window's end. */
  | 'account_ended'
  /** Every account named shows closed or settled by the window's end. */
  | 'accounts_ended'
  /** The account is set to report from that month (the user's own setting). */
  | 'reporting'
  /** The account's limit is the step's by the window's end. */
  | 'limit_is'
  /** The profile's monthly income is the step's by the window's end. */
  | 'income_is'
  /** No hard query and no account opened from the date to the window's end; done once it ended. */
  | 'no_application'
  /** Done once the day is reached. */
  | 'date_reached'
  /** A modelled mishap: nothing for the client to do, so nothing to check. */
  | 'none';

export interface TrackingRule {
  check: TrackingCheck;
  /** Days before the step's date that still count (a payment made early in the cycle). */
  daysBefore: number;
  /** Days after the step's date that still count; the step is missed after them. */
  daysAfter: number;
  done: LocalizedText;
}

export const TRACKING_RULES: Record<ActionType, TrackingRule> = {
  pay: {
    check: 'payment_in_window',
    // One billing cycle ending on the deadline: a payment after the previous statement lowers this one.
    daysBefore: 30,
    daysAfter: 0,
    done: { 'zh-CN': '截止日前 30 天内向该账户的还款合计不少于计划金额（导入的账单或手动填写的当月实还款）', en: 'payments to the account in the 30 days up to the deadline add up to at least the amount (imported bills, or the month’s amount paid entered by hand)' },
  },
  clear_overdue: {
    check: 'nothing_overdue',
    daysBefore: 30,
    daysAfter: 0,
    done: { 'zh-CN': '截止日前 30 天内有还款，且该月账户无逾期金额', en: 'a payment in the 30 days up to the date, and nothing overdue on the account that month' },
  },
  miss_payment: { check: 'none', daysBefore: 0, daysAfter: 0, done: { 'zh-CN': '这是模拟的意外情况，不需跟踪', en: 'a modelled mishap: nothing to track' } },
  pay_late: { check: 'none', daysBefore: 0, daysAfter: 0, done: { 'zh-CN': '这是模拟的意外情况，不需跟踪', en: 'a modelled mishap: nothing to track' } },
  hard_query: {
    check: 'application_seen',
    daysBefore: 15,
    daysAfter: 15,
    done: { 'zh-CN': '该日期前后 15 天内有一条硬查询记录', en: 'a hard query dated within 15 days of the date' },
  },
  new_card: {
    check: 'application_seen',
    daysBefore: 15,
    daysAfter: 30,
    done: { 'zh-CN': '该日期前 15 天至后 30 天内开立了一张信用卡，或有一条信用卡审批查询', en: 'a credit card opened, or a card-approval query, from 15 days before to 30 days after the date' },
  },
  new_draw: {
    check: 'application_seen',
    daysBefore: 15,
    daysAfter: 30,
    done: { 'zh-CN': '该日期前 15 天至后 30 天内该额度下有一笔新借款', en: 'a new draw on the line from 15 days before to 30 days after the date' },
  },
  new_loan: {
    check: 'application_seen',
    daysBefore: 15,
    daysAfter: 30,
    done: { 'zh-CN': '该日期前 15 天至后 30 天内开立了一笔贷款，或有一条贷款审批查询', en: 'a loan opened, or a loan-approval query, from 15 days before to 30 days after the date' },
  },
  close_account: {
    check: 'account_ended',
    daysBefore: 0,
    daysAfter: 30,
    done: { 'zh-CN': '该日期后 30 天内账户显示已销户或已结清', en: 'the account shows closed or settled within 30 days of the date' },
  },
  consolidate: {
    check: 'accounts_ended',
    daysBefore: 0,
    daysAfter: 30,
    done: { 'zh-CN': '该日期后 30 天内所有被整合的账户显示已结清', en: 'every consolidated account shows settled within 30 days of the date' },
  },
  start_reporting: {
    check: 'reporting',
    daysBefore: 0,
    daysAfter: 30,
    done: { 'zh-CN': '账户已设为上报征信（如完成花呗征信授权后在账户中设置）', en: 'the account is set to report to the bureau (set on the account once, say, the Huabei authorisation is done)' },
  },
  change_limit: {
    check: 'limit_is',
    daysBefore: 0,
    daysAfter: 30,
    done: { 'zh-CN': '该日期后 30 天内账户额度为计划的额度', en: 'the account’s limit is the planned one within 30 days of the date' },
  },
  change_income: {
    check: 'income_is',
    daysBefore: 0,
    daysAfter: 30,
    done: { 'zh-CN': '该日期后 30 天内档案中的月收入为计划的金额', en: 'the profile’s monthly income is the planned amount within 30 days of the date' },
  },
  stop_applications: {
    check: 'no_application',
    daysBefore: 0,
    daysAfter: 0,
    done: { 'zh-CN': '暂停期间没有硬查询记录、没有新开账户；期满即完成，期间出现一条即为未做到', en: 'no hard query and no account opened during the pause: done once it ends, missed as soon as one appears' },
  },
  let_time_pass: {
    check: 'date_reached',
    daysBefore: 0,
    daysAfter: 0,
    done: { 'zh-CN': '到达该日期即完成', en: 'done once the date is reached' },
  },
};
