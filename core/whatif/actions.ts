// Each action of a scenario applied to its state (scenario-state.ts), in order, each checked
// against the ledger as the scenario has it so far: the account exists (or an earlier action
// created it), is of a kind the action fits, is not ended yet, and every date falls between the
// as-of day and the timeline's end. Problems are collected and reported together (validate.ts);
// a scenario with any is not computed.

import { dayOfMonth, firstDay, formatDay, formatMonth, monthOfDay, parseDay, parseMonth } from '../shared/calendar.ts';
import { isHardQuery } from '../rules/hard-queries.ts';
import type { AccountRecord } from '../ledger/account-values.ts';
import type { InstitutionType } from '../shared/ledger-vocabulary.ts';
import { addMonthsToDay } from '../bureau/windows.ts';
import { ACTION_PROBLEMS, fill, FIELD_NAMES, type ActionProblem } from './action-text.ts';
import type { ActionOf, WhatIfAction } from './schema.ts';
import { changeRecord, createdId, directivesOf, newRecord, recordOf, type ScenarioState } from './scenario-state.ts';
import { actionProblem, invalidScenario, type ActionProblemDetail } from './validate.ts';

interface Ctx {
  state: ScenarioState;
  index: number;
  action: WhatIfAction;
  problems: ActionProblemDetail[];
}

function report(ctx: Ctx, field: string, problem: ActionProblem, values: Record<string, string | number> = {}): void {
  const text = ACTION_PROBLEMS[problem];
  ctx.problems.push(actionProblem(ctx.index, ctx.action.type, field, { 'zh-CN': fill(text['zh-CN'], values), en: fill(text.en, values) }));
}

function fieldName(field: string, locale: 'zh-CN' | 'en'): string {
  return FIELD_NAMES[field]?.[locale] ?? field;
}

/** A day of the action, between the as-of day and the timeline's end; null (reported) otherwise. */
function dayOf(ctx: Ctx, field: string, text: string): number | null {
  const day = parseDay(text)!;
  const { asOfDay } = ctx.state.base;
  if (day < asOfDay) return reportRange(ctx, field, text, 'before_as_of'), null;
  if (day > ctx.state.horizonDay) return reportRange(ctx, field, text, 'after_horizon'), null;
  return day;
}

function monthOf(ctx: Ctx, field: string, text: string): number | null {
  const month = parseMonth(text)!;
  if (month < monthOfDay(ctx.state.base.asOfDay)) return reportRange(ctx, field, text, 'before_as_of'), null;
  if (month > monthOfDay(ctx.state.horizonDay)) return reportRange(ctx, field, text, 'after_horizon'), null;
  return month;
}

function reportRange(ctx: Ctx, field: string, value: string, problem: 'before_as_of' | 'after_horizon'): void {
  const text = ACTION_PROBLEMS[problem];
  const values = { value, asOf: formatDay(ctx.state.base.asOfDay), horizon: formatDay(ctx.state.horizonDay) };
  ctx.problems.push(
    actionProblem(ctx.index, ctx.action.type, field, {
      'zh-CN': fill(text['zh-CN'], { ...values, field: fieldName(field, 'zh-CN') }),
      en: fill(text.en, { ...values, field: fieldName(field, 'en') }),
    }),
  );
}

/** The account an action names, if it exists for the scenario by then and is not ended before `day`. */
function accountOf(ctx: Ctx, field: string, id: number, day: number | null): AccountRecord | null {
  if (id < 0 && !ctx.state.createdBy.has(id)) {
    // −N is the account the N-th action creates: a later action, or one that creates none.
    report(ctx, field, -id - 1 >= ctx.index ? 'account_not_yet' : 'account_not_found', { id, created: -id });
    return null;
  }
  const record = recordOf(ctx.state, id);
  if (!record) return report(ctx, field, 'account_not_found', { id }), null;
  const ended = ctx.state.ended.get(id);
  if (ended && (day === null || day > ended.day)) {
    report(ctx, field, 'after_close', { id, closed: ended.actionIndex + 1, on: formatDay(ended.day) });
    return null;
  }
  const opened = record.values.openedOn;
  if (day !== null && opened !== null && parseDay(opened)! > day && id < 0) {
    report(ctx, field, 'not_open_yet', { id, opened });
    return null;
  }
  return record;
}

function named(record: AccountRecord): { id: number; name: string } {
  return { id: record.id, name: record.values.name };
}

function hasCycle(record: AccountRecord): boolean {
  return record.values.kind === 'revolving' && record.values.statementDay !== null && record.values.dueDay !== null;
}

/** Accounts with a due day to follow: a card with its cycle, or a loan or draw. */
function hasDueDays(record: AccountRecord): boolean {
  return hasCycle(record) || record.values.kind === 'loan' || record.values.kind === 'draw';
}

/** Adds a query record, hard by the profile's own set (core/rules/hard-queries.ts); whether it is hard. */
function addQuery(ctx: Ctx, day: number, institution: string, institutionType: InstitutionType | null, reasonCode: string): boolean {
  const { state } = ctx;
  const hard = isHardQuery(reasonCode, state.base.snapshot.settings.hardQueryReasons.codes);
  state.queries.push({ id: -(state.queries.length + 1), queriedOn: formatDay(day), institution, institutionType, reasonCode, hard, note: null });
  return hard;
}

/** An application (a hard query, a card, a draw, a loan): refused inside a pause. */
function application(ctx: Ctx, day: number): void {
  ctx.state.applications.push({ day, actionIndex: ctx.index });
  for (const pause of ctx.state.pauses) if (day >= pause.from && day <= pause.to) reportPause(ctx, pause);
}

function reportPause(ctx: Ctx, pause: { from: number; to: number; actionIndex: number }): void {
  report(ctx, 'on', 'during_pause', { pause: pause.actionIndex + 1, from: formatDay(pause.from), to: formatDay(pause.to) });
}

function create(ctx: Ctx, record: AccountRecord): void {
  ctx.state.records.set(record.id, record);
  ctx.state.createdBy.set(record.id, ctx.index);
}

// ---------------------------------------------------------------- the actions

type Apply<T extends WhatIfAction['type']> = (ctx: Ctx, action: ActionOf<T>) => void;

const pay: Apply<'pay'> = (ctx, a) => {
  const month = monthOf(ctx, 'month', a.month);
  const record = accountOf(ctx, 'accountId', a.accountId, month === null ? null : firstDay(month));
  if (!record || month === null) return;
  if (!hasCycle(record)) return report(ctx, 'accountId', 'needs_statement', named(record));
  const { statementDay, dueDay } = record.values;
  const day = (a.timing === 'before_statement' ? dayOfMonth(month, statementDay!) : dayOfMonth(month, dueDay!)) - 1;
  if (dayOf(ctx, 'month', formatDay(day)) === null) return;
  directivesOf(ctx.state, record.id).payments.push({ day, fen: a.amountFen, actionIndex: ctx.index });
};

const clearOverdue: Apply<'clear_overdue'> = (ctx, a) => {
  const day = dayOf(ctx, 'on', a.on);
  const record = accountOf(ctx, 'accountId', a.accountId, day);
  if (!record || day === null) return;
  if (record.values.kind === 'line') return report(ctx, 'accountId', 'not_closable', named(record));
  directivesOf(ctx.state, record.id).clears.push({ day, actionIndex: ctx.index });
};

const missPayment: Apply<'miss_payment'> = (ctx, a) => {
  const month = monthOf(ctx, 'month', a.month);
  const record = accountOf(ctx, 'accountId', a.accountId, month === null ? null : firstDay(month));
  if (!record || month === null) return;
  if (!hasDueDays(record)) return report(ctx, 'accountId', 'needs_schedule', named(record));
  directivesOf(ctx.state, record.id).miss.add(month);
};

const payLate: Apply<'pay_late'> = (ctx, a) => {
  const month = monthOf(ctx, 'month', a.month);
  const record = accountOf(ctx, 'accountId', a.accountId, month === null ? null : firstDay(month));
  if (!record || month === null) return;
  if (!hasDueDays(record)) return report(ctx, 'accountId', 'needs_schedule', named(record));
  directivesOf(ctx.state, record.id).late.set(month, a.daysLate);
};

const hardQuery: Apply<'hard_query'> = (ctx, a) => {
  const day = dayOf(ctx, 'on', a.on);
  if (day !== null && addQuery(ctx, day, a.institution, a.institutionType, a.reasonCode)) application(ctx, day);
};

const newCard: Apply<'new_card'> = (ctx, a) => {
  const day = dayOf(ctx, 'on', a.on);
  if (day === null) return;
  application(ctx, day);
  const id = createdId(ctx.index);
  const record = newRecord(id, {
    product: 'credit_card',
    kind: 'revolving',
    name: a.name ?? `${a.lender}信用卡（方案）`,
    principalFen: null,
    openedDay: formatDay(day),
    parentId: null,
    values: { bank: a.lender.length >= 2 ? a.lender.slice(0, 30) : null, lender: a.lender, institutionType: a.institutionType, limitFen: a.limitFen, statementDay: a.statementDay, dueDay: a.dueDay, reportsToBureau: a.reportsToBureau },
  });
  create(ctx, record);
  directivesOf(ctx.state, id).spendFen = a.spendFen;
  if (a.query) addQuery(ctx, day, a.lender, a.institutionType, '03');
};

const newDraw: Apply<'new_draw'> = (ctx, a) => {
  const day = dayOf(ctx, 'on', a.on);
  const line = accountOf(ctx, 'lineId', a.lineId, day);
  if (!line || day === null) return;
  if (line.values.kind !== 'line') return report(ctx, 'lineId', 'needs_line', named(line));
  application(ctx, day);
  const id = createdId(ctx.index);
  create(
    ctx,
    newRecord(id, {
      product: line.values.product,
      kind: 'draw',
      name: `${line.values.name}借款（方案）`,
      principalFen: a.amountFen,
      openedDay: formatDay(day),
      parentId: line.id,
      values: { termMonths: a.termMonths, annualRateBp: a.annualRateBp, repaymentMethod: a.repaymentMethod, lender: line.values.lender, institutionType: line.values.institutionType },
    }),
  );
  // The money lands on the line (a line's balance is its draws': core/ledger/history).
  directivesOf(ctx.state, id).events.push({ day, role: 'disbursement', fen: a.amountFen, unconfirmed: false });
  if (a.query) addQuery(ctx, day, line.values.lender ?? line.values.name, line.values.institutionType, '02');
};

const newLoan: Apply<'new_loan'> = (ctx, a) => {
  const day = dayOf(ctx, 'on', a.on);
  if (day === null) return;
  application(ctx, day);
  create(
    ctx,
    newRecord(createdId(ctx.index), {
      product: a.product,
      kind: 'loan',
      name: a.name ?? `${a.lender}贷款（方案）`,
      principalFen: a.amountFen,
      openedDay: formatDay(day),
      parentId: null,
      values: { lender: a.lender, institutionType: a.institutionType, termMonths: a.termMonths, annualRateBp: a.annualRateBp, repaymentMethod: a.repaymentMethod, reportsToBureau: a.reportsToBureau },
    }),
  );
  if (a.query) addQuery(ctx, day, a.lender, a.institutionType, '02');
};

/** Marks an account to be paid off and ended on `day`; false (reported) when it cannot be. */
function end(ctx: Ctx, field: string, record: AccountRecord, day: number, reason: 'close' | 'consolidate'): boolean {
  const kind = record.values.kind;
  if (kind === 'line') return report(ctx, field, reason === 'close' ? 'not_closable' : 'not_consolidable', named(record)), false;
  directivesOf(ctx.state, record.id).ends = { day, actionIndex: ctx.index, reason };
  ctx.state.ended.set(record.id, { day, actionIndex: ctx.index });
  // A card is closed (销户) on the day; a loan settles by being paid (its history says when).
  if (kind === 'revolving') changeRecord(ctx.state, record, { closedOn: formatDay(day) });
  return true;
}

const closeAccount: Apply<'close_account'> = (ctx, a) => {
  const day = dayOf(ctx, 'on', a.on);
  const record = accountOf(ctx, 'accountId', a.accountId, day);
  if (record && day !== null) end(ctx, 'accountId', record, day, 'close');
};

const consolidate: Apply<'consolidate'> = (ctx, a) => {
  const day = dayOf(ctx, 'on', a.on);
  if (day === null) return;
  const sources = a.accountIds.map((id) => accountOf(ctx, 'accountIds', id, day));
  if (sources.some((s) => s === null)) return;
  if (!sources.every((s) => end(ctx, 'accountIds', s!, day, 'consolidate'))) return;
  application(ctx, day);
  const loanId = createdId(ctx.index);
  create(
    ctx,
    newRecord(loanId, {
      product: 'bank_loan',
      kind: 'loan',
      name: a.name ?? `${a.lender}整合贷款（方案）`,
      // What the sources owe on the day, found when the timeline is computed (projection.ts).
      principalFen: null,
      openedDay: formatDay(day),
      parentId: null,
      values: { lender: a.lender, institutionType: a.institutionType, termMonths: a.termMonths, annualRateBp: a.annualRateBp, repaymentMethod: a.repaymentMethod, reportsToBureau: 'yes' },
    }),
  );
  ctx.state.consolidations.push({ actionIndex: ctx.index, day, loanId, sources: a.accountIds });
  addQuery(ctx, day, a.lender, a.institutionType, '02');
};

const startReporting: Apply<'start_reporting'> = (ctx, a) => {
  const month = monthOf(ctx, 'fromMonth', a.fromMonth);
  const record = accountOf(ctx, 'accountId', a.accountId, month === null ? null : firstDay(month));
  if (!record || month === null) return;
  ctx.state.overlays.push({ from: firstDay(month), accountId: record.id, values: { reportsToBureau: 'yes', bureauSinceMonth: formatMonth(month) }, actionIndex: ctx.index });
};

const changeLimit: Apply<'change_limit'> = (ctx, a) => {
  const day = dayOf(ctx, 'on', a.on);
  const record = accountOf(ctx, 'accountId', a.accountId, day);
  if (!record || day === null) return;
  if (record.values.kind === 'loan' || record.values.kind === 'draw') return report(ctx, 'accountId', 'limit_needs_line', named(record));
  ctx.state.overlays.push({ from: day, accountId: record.id, values: { limitFen: a.limitFen }, actionIndex: ctx.index });
};

const changeIncome: Apply<'change_income'> = (ctx, a) => {
  const day = dayOf(ctx, 'on', a.on);
  if (day !== null) ctx.state.facts.push({ from: day, values: { monthlyIncomeFen: a.monthlyIncomeFen }, actionIndex: ctx.index });
};

const stopApplications: Apply<'stop_applications'> = (ctx, a) => {
  const from = dayOf(ctx, 'from', a.from);
  if (from === null) return;
  const pause = { from, to: addMonthsToDay(from, a.months) - 1, actionIndex: ctx.index };
  ctx.state.pauses.push(pause);
  for (const app of ctx.state.applications) {
    if (app.day >= pause.from && app.day <= pause.to) {
      ctx.problems.push({ ...actionProblem(app.actionIndex, ctx.state.actions[app.actionIndex]?.type, 'on', pauseText(pause)) });
    }
  }
};

function pauseText(pause: { from: number; to: number; actionIndex: number }) {
  const values = { pause: pause.actionIndex + 1, from: formatDay(pause.from), to: formatDay(pause.to) };
  return { 'zh-CN': fill(ACTION_PROBLEMS.during_pause['zh-CN'], values), en: fill(ACTION_PROBLEMS.during_pause.en, values) };
}

const letTimePass: Apply<'let_time_pass'> = (ctx, a) => {
  ctx.state.focusMonths = Math.min(a.months, ctx.state.months);
};

const APPLY: { [T in WhatIfAction['type']]: Apply<T> } = {
  pay,
  clear_overdue: clearOverdue,
  miss_payment: missPayment,
  pay_late: payLate,
  hard_query: hardQuery,
  new_card: newCard,
  new_draw: newDraw,
  new_loan: newLoan,
  close_account: closeAccount,
  consolidate,
  start_reporting: startReporting,
  change_limit: changeLimit,
  change_income: changeIncome,
  stop_applications: stopApplications,
  let_time_pass: letTimePass,
};

/**
 * Applies `actions` to the state, after those it holds (positions continue: an account the n-th
 * action of the whole list creates is −n). Throws whatif.invalid_scenario naming every problem.
 */
export function applyActions(state: ScenarioState, actions: readonly WhatIfAction[], name = ''): ScenarioState {
  const problems: ActionProblemDetail[] = [];
  for (const action of actions) {
    const index = state.actions.length;
    state.actions.push(action);
    (APPLY[action.type] as Apply<typeof action.type>)({ state, index, action, problems }, action);
  }
  if (problems.length > 0) throw invalidScenario(name, problems);
  return state;
}
