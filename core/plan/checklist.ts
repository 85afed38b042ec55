// The client's plan (the scenario marked "apply to the plan", core/whatif/saved-scenarios.ts) as a
// dated checklist: each action becomes one sentence with its date and account
// (core/whatif/action-text.ts ACTION_SENTENCES) and a state tracked against the ledger as it is
// now (tracking.ts, by the kind's rule in tracking-rules.ts). Pure: the plan, the ledger and the
// day in; the checklist out.

import { addMonthsToDay } from '../bureau/windows.ts';
import { dayOfMonth, firstDay, formatDay, formatMonth, lastDay, parseDay, parseMonth } from '../shared/calendar.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import type { SentenceAccount, SentenceValue } from '../shared/plan-sentence.ts';
import { QUERY_REASONS } from '../shared/reference-data.ts';
import { ACTION_SENTENCES, type ActionSentenceKey } from '../whatif/action-text.ts';
import type { WhatIfAction } from '../whatif/schema.ts';
import { planLedgerAsOf, type PlanLedger } from './plan-ledger.ts';
import type { PlanItem, PlanView } from './schema.ts';
import { track, type Step } from './tracking.ts';
import { TRACKING_RULES, TRACKING_VERSION } from './tracking-rules.ts';

export interface MarkedPlan {
  scenarioId: number;
  name: string;
  markedAt: string;
  /** The as-of day the plan was applied from (day number). */
  startsOn: number;
  actions: readonly WhatIfAction[];
}

interface Resolved {
  key: ActionSentenceKey;
  /** The key's sentence, unless the action words it itself (a query's reason, in each language). */
  template?: LocalizedText;
  on: number;
  accountId: number | null;
  values: Record<string, SentenceValue>;
  amountFen?: number | null;
  month?: string | null;
  accountIds?: number[];
  applies?: Step['applies'];
  /** A window of its own (a pause), instead of the rule's days around the date. */
  until?: number;
}

/** Statement and due days of an account, or of the card an earlier step opens (−N). */
function cycleOf(id: number, ledger: PlanLedger, actions: readonly WhatIfAction[]): { statementDay: number | null; dueDay: number | null } {
  if (id < 0) {
    const opening = actions[-id - 1];
    return opening?.type === 'new_card' ? { statementDay: opening.statementDay, dueDay: opening.dueDay } : { statementDay: null, dueDay: null };
  }
  const account = ledger.accounts.find((a) => a.id === id);
  return { statementDay: account?.statementDay ?? null, dueDay: account?.dueDay ?? null };
}

/** How a step names an account: the ledger's name and card digits, or the step that opens it. */
function accountLabel(id: number, ledger: PlanLedger, actions: readonly WhatIfAction[]): SentenceAccount {
  if (id > 0) {
    const account = ledger.accounts.find((a) => a.id === id);
    return { id, name: account?.name ?? `#${id}`, last4: account?.last4 ?? null };
  }
  const opening = actions[-id - 1];
  const lender = opening && 'lender' in opening ? opening.lender : '';
  const name = opening && 'name' in opening && opening.name ? opening.name : `${lender}（第 ${-id} 步 · step ${-id}）`;
  return { id, name, last4: null };
}

function reasonName(code: string): LocalizedText {
  return QUERY_REASONS.find((r) => r.code === code)?.name ?? { 'zh-CN': code, en: code };
}

function resolve(action: WhatIfAction, startsOn: number, ledger: PlanLedger, actions: readonly WhatIfAction[]): Resolved {
  const account = (id: number): SentenceValue => ({ account: accountLabel(id, ledger, actions) });
  const date = (day: number): SentenceValue => ({ day: formatDay(day) });
  switch (action.type) {
    case 'pay': {
      const month = parseMonth(action.month)!;
      const cycle = cycleOf(action.accountId, ledger, actions);
      const anchor = action.timing === 'before_statement' ? cycle.statementDay : cycle.dueDay;
      // The engine pays the day before the statement (or due) day (core/whatif/actions.ts pay).
      const on = anchor === null ? lastDay(month) : dayOfMonth(month, anchor) - 1;
      return { key: `pay.${action.timing}`, on, accountId: action.accountId, amountFen: action.amountFen, month: formatMonth(month), values: { amount: { fen: action.amountFen }, account: account(action.accountId), date: date(on) } };
    }
    case 'clear_overdue': {
      const on = parseDay(action.on)!;
      return { key: 'clear_overdue', on, accountId: action.accountId, values: { account: account(action.accountId), date: date(on) } };
    }
    case 'miss_payment':
    case 'pay_late': {
      const month = parseMonth(action.month)!;
      const due = cycleOf(action.accountId, ledger, actions).dueDay;
      const on = due === null ? firstDay(month) : dayOfMonth(month, due);
      const values: Record<string, SentenceValue> = { account: account(action.accountId), month: { text: action.month }, date: date(on) };
      if (action.type === 'pay_late') values.days = { count: action.daysLate };
      return { key: action.type, on, accountId: action.accountId, values };
    }
    case 'hard_query': {
      const on = parseDay(action.on)!;
      const reason = reasonName(action.reasonCode);
      const words = ACTION_SENTENCES.hard_query;
      const template = { 'zh-CN': words['zh-CN'].replace('{reason}', reason['zh-CN']), en: words.en.replace('{reason}', reason.en) };
      return { key: 'hard_query', template, on, accountId: null, applies: 'hard_query', values: { institution: { text: action.institution }, date: date(on) } };
    }
    case 'new_card': {
      const on = parseDay(action.on)!;
      return { key: 'new_card', on, accountId: null, applies: 'new_card', values: { institution: { text: action.lender }, amount: { fen: action.limitFen }, date: date(on) } };
    }
    case 'new_draw': {
      const on = parseDay(action.on)!;
      return { key: 'new_draw', on, accountId: action.lineId, applies: 'new_draw', values: { account: account(action.lineId), amount: { fen: action.amountFen }, months: { count: action.termMonths }, date: date(on) } };
    }
    case 'new_loan': {
      const on = parseDay(action.on)!;
      return { key: 'new_loan', on, accountId: null, applies: 'new_loan', values: { institution: { text: action.lender }, amount: { fen: action.amountFen }, months: { count: action.termMonths }, date: date(on) } };
    }
    case 'close_account': {
      const on = parseDay(action.on)!;
      return { key: 'close_account', on, accountId: action.accountId, values: { account: account(action.accountId), date: date(on) } };
    }
    case 'consolidate': {
      const on = parseDay(action.on)!;
      const accounts = action.accountIds.map((id) => accountLabel(id, ledger, actions));
      return { key: 'consolidate', on, accountId: null, accountIds: action.accountIds, values: { institution: { text: action.lender }, accounts: { accounts }, date: date(on) } };
    }
    case 'start_reporting': {
      const on = firstDay(parseMonth(action.fromMonth)!);
      return { key: 'start_reporting', on, accountId: action.accountId, values: { account: account(action.accountId), month: { text: action.fromMonth }, date: date(on) } };
    }
    case 'change_limit': {
      const on = parseDay(action.on)!;
      return { key: 'change_limit', on, accountId: action.accountId, amountFen: action.limitFen, values: { account: account(action.accountId), amount: { fen: action.limitFen }, date: date(on) } };
    }
    case 'change_income': {
      const on = parseDay(action.on)!;
      return { key: 'change_income', on, accountId: null, amountFen: action.monthlyIncomeFen, values: { amount: { fen: action.monthlyIncomeFen }, date: date(on) } };
    }
    case 'stop_applications': {
      const on = parseDay(action.from)!;
      const again = addMonthsToDay(on, action.months);
      return { key: 'stop_applications', on, accountId: null, until: again - 1, values: { date: date(on), until: date(again), months: { count: action.months } } };
    }
    case 'let_time_pass': {
      const on = addMonthsToDay(startsOn, action.months);
      return { key: 'let_time_pass', on, accountId: null, values: { months: { count: action.months }, date: date(on) } };
    }
  }
}

function itemOf(action: WhatIfAction, index: number, plan: MarkedPlan, ledger: PlanLedger, asOfDay: number): PlanItem {
  const r = resolve(action, plan.startsOn, ledger, plan.actions);
  const rule = TRACKING_RULES[action.type];
  const step: Step = {
    on: r.on,
    from: r.on - rule.daysBefore,
    until: r.until ?? r.on + rule.daysAfter,
    accountId: r.accountId,
    account: r.accountId === null ? null : accountLabel(r.accountId, ledger, plan.actions),
    amountFen: r.amountFen ?? null,
    month: r.month ?? null,
    accountIds: r.accountIds ?? [],
    applies: r.applies ?? null,
  };
  const tracked = track(rule.check, step, ledger, asOfDay);
  const sentence = { template: r.template ?? ACTION_SENTENCES[r.key], values: r.values };
  return { index, type: action.type, on: formatDay(step.on), until: formatDay(step.until), accountId: r.accountId, sentence, state: tracked.state, evidence: tracked.evidence, rule: rule.done };
}

/** The plan's checklist as of `asOfDay`, in the plan's order; `next` is the earliest pending step. */
export function buildChecklist(plan: MarkedPlan, ledger: PlanLedger, asOfDay: number): PlanView {
  const then = planLedgerAsOf(ledger, asOfDay);
  const items = plan.actions.map((action, index) => itemOf(action, index, plan, then, asOfDay));
  const counts = { done: 0, missed: 0, pending: 0, untracked: 0 };
  for (const item of items) counts[item.state] += 1;
  const pending = items.filter((i) => i.state === 'pending').sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.index - b.index));
  return {
    scenarioId: plan.scenarioId,
    name: plan.name,
    markedAt: plan.markedAt,
    startsOn: formatDay(plan.startsOn),
    asOf: formatDay(asOfDay),
    trackingVersion: TRACKING_VERSION,
    items,
    counts,
    next: pending[0]?.index ?? null,
  };
}
