// Whether the ledger shows a plan step done, by the check its kind's rule names
// (tracking-rules.ts): pure functions of the step, its window and the ledger (plan-ledger.ts).
// A step is done once the ledger shows it, missed once its window has ended without it, and
// pending until then; a pause is missed as soon as an application falls inside it.

import { formatDay, formatMonth, monthOfDay, parseDay } from '../shared/calendar.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import type { Sentence, SentenceAccount, SentenceValue } from '../shared/plan-sentence.ts';
import type { PlanAccount, PlanLedger } from './plan-ledger.ts';
import type { PlanState } from './schema.ts';
import type { TrackingCheck } from './tracking-rules.ts';

/** A step as the checks read it: its window and what it names. */
export interface Step {
  on: number;
  from: number;
  until: number;
  accountId: number | null;
  account: SentenceAccount | null;
  /** pay: the amount; change_limit: the limit; change_income: the income. */
  amountFen: number | null;
  /** Month `YYYY-MM` whose amount paid by hand counts (pay). */
  month: string | null;
  /** consolidate: the accounts it repays. */
  accountIds: number[];
  /** application_seen: which applications count. */
  applies: 'hard_query' | 'new_card' | 'new_draw' | 'new_loan' | null;
}

export interface Tracked {
  state: PlanState;
  evidence: Sentence;
}

const EVIDENCE = {
  paid: { 'zh-CN': '{from} 至 {until} 向{account}还款合计 {paid}', en: '{paid} paid to {account} from {from} to {until}' },
  paid_short: { 'zh-CN': '{from} 至 {until} 向{account}仅还款 {paid}，少于 {amount}', en: 'only {paid} paid to {account} from {from} to {until}, less than {amount}' },
  paid_so_far: { 'zh-CN': '目前已还 {paid}（共需 {amount}），截止 {until}', en: '{paid} of {amount} paid so far; due by {until}' },
  no_account: { 'zh-CN': '账本中还没有这个账户', en: 'the ledger has no such account yet' },
  clear_seen: { 'zh-CN': '{month} 无逾期金额，且有还款', en: 'nothing overdue in {month}, after a payment' },
  clear_not_seen: { 'zh-CN': '到 {until} 账本仍未显示{account}无逾期', en: 'by {until} the ledger does not show {account} clear of overdue amounts' },
  clear_waiting: { 'zh-CN': '尚未显示还清逾期，截止 {until}', en: 'not shown clear yet; due by {until}' },
  applied: { 'zh-CN': '{seen} 账本中出现了这次申请', en: 'the application shows in the ledger on {seen}' },
  not_applied: { 'zh-CN': '{from} 至 {until} 账本中没有这次申请', en: 'no such application in the ledger from {from} to {until}' },
  apply_waiting: { 'zh-CN': '尚未看到这次申请（{from} 至 {until} 之间）', en: 'not seen yet (between {from} and {until})' },
  ended: { 'zh-CN': '{seen} 账户显示已销户或结清', en: 'the account shows closed or settled on {seen}' },
  not_ended: { 'zh-CN': '到 {until} 账户仍未销户或结清', en: 'by {until} the account is not closed or settled' },
  end_waiting: { 'zh-CN': '尚未销户或结清，截止 {until}', en: 'not closed or settled yet; due by {until}' },
  reporting: { 'zh-CN': '账户已设为上报征信', en: 'the account is set to report to the bureau' },
  not_reporting: { 'zh-CN': '账户仍未设为上报征信', en: 'the account is not set to report yet' },
  value_is: { 'zh-CN': '账本中已是 {amount}', en: 'the ledger shows {amount}' },
  value_not: { 'zh-CN': '账本中仍不是 {amount}', en: 'the ledger does not show {amount}' },
  paused_ok: { 'zh-CN': '{from} 至 {until} 没有新的申请', en: 'no application from {from} to {until}' },
  paused_so_far: { 'zh-CN': '到目前为止没有新的申请（{until} 结束）', en: 'no application so far (ends {until})' },
  paused_broken: { 'zh-CN': '{seen} 有一次申请（查询记录或新开账户）', en: 'an application on {seen} (a query or a new account)' },
  reached: { 'zh-CN': '已到 {date}', en: '{date} has come' },
  not_reached: { 'zh-CN': '还未到 {date}', en: '{date} is still to come' },
  untracked: { 'zh-CN': '模拟的情况，不是要做的事', en: 'a modelled case, not a step to take' },
} as const satisfies Record<string, LocalizedText>;

const dayValue = (day: number): SentenceValue => ({ day: formatDay(day) });

function say(key: keyof typeof EVIDENCE, step: Step, extra: Record<string, SentenceValue> = {}): Sentence {
  const values: Record<string, SentenceValue> = { from: dayValue(step.from), until: dayValue(step.until), date: dayValue(step.on), ...extra };
  if (step.account) values.account = { account: step.account };
  if (step.amountFen !== null) values.amount = { fen: step.amountFen };
  return { template: EVIDENCE[key], values };
}

/** done when found; missed once the window ended; pending before. */
function byWindow(step: Step, asOfDay: number, found: boolean, keys: [done: Sentence, missed: Sentence, pending: Sentence]): Tracked {
  if (found) return { state: 'done', evidence: keys[0] };
  return asOfDay > step.until ? { state: 'missed', evidence: keys[1] } : { state: 'pending', evidence: keys[2] };
}

const within = (day: number, step: Step) => day >= step.from && day <= step.until;
const accountOf = (ledger: PlanLedger, id: number | null): PlanAccount | undefined => ledger.accounts.find((a) => a.id === id);

/** The first day in the window on which an application of the step's kind shows, or null. */
function applicationSeen(step: Step, ledger: PlanLedger): number | null {
  const queries = ledger.queries.filter((q) => within(q.day, step));
  const opened = (test: (a: PlanAccount) => boolean) =>
    ledger.accounts.filter((a) => a.openedOn !== null && test(a)).map((a) => parseDay(a.openedOn!)!).filter((d) => within(d, step));
  const days =
    step.applies === 'hard_query'
      ? queries.filter((q) => q.hard).map((q) => q.day)
      : step.applies === 'new_card'
        ? [...opened((a) => a.product === 'credit_card'), ...queries.filter((q) => q.reasonCode === '03').map((q) => q.day)]
        : step.applies === 'new_draw'
          ? opened((a) => a.kind === 'draw' && a.parentId === step.accountId)
          : [...opened((a) => a.kind === 'loan'), ...queries.filter((q) => q.reasonCode === '02').map((q) => q.day)];
  return days.length === 0 ? null : Math.min(...days);
}

function endedOn(account: PlanAccount | undefined): string | null {
  if (!account) return null;
  const days = [account.closedOn, account.settledOn].filter((d): d is string => d !== null).sort();
  return days[0] ?? null;
}

const CHECKS: Record<TrackingCheck, (step: Step, ledger: PlanLedger, asOfDay: number) => Tracked> = {
  payment_in_window: (step, ledger, asOfDay) => {
    const events = (ledger.payments[step.accountId ?? 0] ?? []).filter((p) => within(p.day, step)).reduce((sum, p) => sum + p.fen, 0);
    const byHand = step.month === null ? 0 : (ledger.paidByHand[step.accountId ?? 0]?.[step.month] ?? 0);
    const paid = { fen: Math.max(events, byHand) };
    return byWindow(step, asOfDay, paid.fen >= (step.amountFen ?? 0), [say('paid', step, { paid }), say('paid_short', step, { paid }), say('paid_so_far', step, { paid })]);
  },
  nothing_overdue: (step, ledger, asOfDay) => {
    const month = formatMonth(monthOfDay(step.on));
    const paid = (ledger.payments[step.accountId ?? 0] ?? []).some((p) => within(p.day, step));
    const clear = accountOf(ledger, step.accountId)?.overdue[month] === 0;
    return byWindow(step, asOfDay, paid && clear, [say('clear_seen', step, { month: { text: month } }), say('clear_not_seen', step), say('clear_waiting', step)]);
  },
  application_seen: (step, ledger, asOfDay) => {
    const seen = applicationSeen(step, ledger);
    const done = seen === null ? say('not_applied', step) : say('applied', step, { seen: dayValue(seen) });
    return byWindow(step, asOfDay, seen !== null, [done, say('not_applied', step), say('apply_waiting', step)]);
  },
  account_ended: (step, ledger, asOfDay) => {
    const account = accountOf(ledger, step.accountId);
    if (!account) return byWindow(step, asOfDay, false, [say('no_account', step), say('no_account', step), say('no_account', step)]);
    const on = endedOn(account);
    const done = on !== null && on <= formatDay(step.until);
    return byWindow(step, asOfDay, done, [say('ended', step, { seen: { day: on ?? '' } }), say('not_ended', step), say('end_waiting', step)]);
  },
  accounts_ended: (step, ledger, asOfDay) => {
    const ends = step.accountIds.map((id) => endedOn(accountOf(ledger, id)));
    const done = ends.every((on) => on !== null && on <= formatDay(step.until));
    const last = ends.filter((d): d is string => d !== null).sort().at(-1) ?? '';
    return byWindow(step, asOfDay, done, [say('ended', step, { seen: { day: last } }), say('not_ended', step), say('end_waiting', step)]);
  },
  reporting: (step, ledger, asOfDay) => {
    const done = accountOf(ledger, step.accountId)?.reportsToBureau === 'yes';
    return byWindow(step, asOfDay, done, [say('reporting', step), say('not_reporting', step), say('not_reporting', step)]);
  },
  limit_is: (step, ledger, asOfDay) => {
    const done = accountOf(ledger, step.accountId)?.limitFen === step.amountFen;
    return byWindow(step, asOfDay, done, [say('value_is', step), say('value_not', step), say('value_not', step)]);
  },
  income_is: (step, ledger, asOfDay) => {
    const done = ledger.monthlyIncomeFen === step.amountFen;
    return byWindow(step, asOfDay, done, [say('value_is', step), say('value_not', step), say('value_not', step)]);
  },
  no_application: (step, ledger, asOfDay) => {
    const breaks = [...ledger.queries.filter((q) => q.hard).map((q) => q.day), ...openedDays(ledger)].filter((d) => d >= step.on && d <= step.until);
    if (breaks.length > 0) return { state: 'missed', evidence: say('paused_broken', step, { seen: dayValue(Math.min(...breaks)) }) };
    return asOfDay > step.until ? { state: 'done', evidence: say('paused_ok', step) } : { state: 'pending', evidence: say('paused_so_far', step) };
  },
  date_reached: (step, _ledger, asOfDay) =>
    asOfDay >= step.on ? { state: 'done', evidence: say('reached', step) } : { state: 'pending', evidence: say('not_reached', step) },
  none: (step) => ({ state: 'untracked', evidence: say('untracked', step) }),
};

/** Days accounts were opened on (cards, loans, draws): each an application. */
function openedDays(ledger: PlanLedger): number[] {
  return ledger.accounts.filter((a) => a.openedOn !== null && a.kind !== 'line').map((a) => parseDay(a.openedOn!)!);
}

export function track(check: TrackingCheck, step: Step, ledger: PlanLedger, asOfDay: number): Tracked {
  return CHECKS[check](step, ledger, asOfDay);
}
