// The plan's checklist on a hand-built ledger (core/plan/plan-ledger.ts PlanLedger, written here
// by hand, not read from a database): each step's date, its sentence in both languages, and its
// state as of a day, with the reasoning beside each expected value.

import { describe, expect, it } from 'vitest';
import { buildChecklist, type MarkedPlan } from '../../../core/plan/checklist.ts';
import type { PlanAccount, PlanLedger } from '../../../core/plan/plan-ledger.ts';
import { TRACKING_RULES } from '../../../core/plan/tracking-rules.ts';
import { parseDay } from '../../../core/shared/calendar.ts';
import { fillSentence } from '../../../core/shared/plan-sentence.ts';
import { ACTION_TYPES } from '../../../core/shared/whatif-actions.ts';
import type { WhatIfAction } from '../../../core/whatif/schema.ts';

const d = (text: string) => parseDay(text)!;

function account(overrides: Partial<PlanAccount> & { id: number; name: string }): PlanAccount {
  return {
    last4: null,
    product: 'credit_card',
    kind: 'revolving',
    parentId: null,
    statementDay: null,
    dueDay: null,
    openedOn: '2022-01-01',
    closedOn: null,
    settledOn: null,
    limitFen: null,
    reportsToBureau: 'yes',
    overdue: {},
    ...overrides,
  };
}

const CARD = account({ id: 7, name: '招商银行信用卡', last4: '1234', statementDay: 5, dueDay: 23, limitFen: 2_000_000 });
const OLD_CARD = account({ id: 8, name: '中信银行信用卡', last4: '5678', statementDay: 10, dueDay: 28 });

function ledger(changes: Partial<PlanLedger> = {}): PlanLedger {
  return { accounts: [CARD, OLD_CARD], payments: {}, paidByHand: {}, queries: [], monthlyIncomeFen: 1_500_000, ...changes };
}

const ACTIONS: WhatIfAction[] = [
  // Deadline: the day before March's statement day (the 5th): 2027-03-04; it counts payments from
  // 30 days before, 2027-02-02 (February 2027 has 28 days), to that day.
  { type: 'pay', accountId: 7, amountFen: 300_000, month: '2027-03', timing: 'before_statement' },
  // A pause of 4 months from 2027-01-15: applying again from 2027-05-15, so its last day is 2027-05-14.
  { type: 'stop_applications', from: '2027-01-15', months: 4 },
  // An application on 2027-06-01: a hard query from 15 days before (05-17) to 15 after (06-16) shows it.
  { type: 'hard_query', on: '2027-06-01', institution: '招商银行', institutionType: '11', reasonCode: '02' },
  // Close the old card on 2027-02-01: closed or settled by 30 days after (2027-03-03).
  { type: 'close_account', accountId: 8, on: '2027-02-01' },
  // A modelled mishap: nothing for the client to do.
  { type: 'miss_payment', accountId: 7, month: '2027-04' },
  // Six months from the plan's start (2027-01-10): 2027-07-10.
  { type: 'let_time_pass', months: 6 },
];

const PLAN: MarkedPlan = { scenarioId: 3, name: '还卡与暂停申请', markedAt: '2027-01-10T09:00:00+08:00', startsOn: d('2027-01-10'), actions: ACTIONS };

const states = (view: ReturnType<typeof buildChecklist>) => view.items.map((i) => i.state);

describe('the plan as a dated checklist', () => {
  it('writes each step as a sentence with its date and account, in both languages, from typed values', () => {
    const view = buildChecklist(PLAN, ledger(), d('2027-01-12'));
    expect(view.items.map((i) => [i.on, i.until])).toEqual([
      ['2027-03-04', '2027-03-04'],
      ['2027-01-15', '2027-05-14'],
      ['2027-06-01', '2027-06-16'],
      ['2027-02-01', '2027-03-03'],
      ['2027-04-23', '2027-04-23'],
      ['2027-07-10', '2027-07-10'],
    ]);
    const zh = view.items.map((i) => fillSentence(i.sentence, 'zh-CN'));
    const en = view.items.map((i) => fillSentence(i.sentence, 'en'));
    expect(zh[0]).toBe('在账单日前（2027年3月4日）向招商银行信用卡(1234)还款 ¥3,000');
    expect(en[0]).toBe('Pay ¥3,000 to 招商银行信用卡(1234) before its statement day, 4 March 2027');
    expect(zh[1]).toBe('自 2027年1月15日 起暂停一切申请，直到 2027年5月15日');
    expect(en[1]).toBe('No applications from 15 January 2027 until 15 May 2027');
    // The query's reason is named in each language (reference-data.ts: 02 贷款审批 / loan approval).
    expect(zh[2]).toContain('贷款审批');
    expect(en[2]).toMatch(/^1 June 2027: apply to 招商银行 \(leaves a “loan approval” query\)$/i);
    expect(en[3]).toBe('1 February 2027: close or settle 中信银行信用卡(5678)');
    expect(en[5]).toBe('Wait 6 months, until 10 July 2027, before reading the result');
    // The amount and the card digits are values, not text: a masking formatter reaches them.
    expect(view.items[0]!.sentence.values).toMatchObject({ amount: { fen: 300_000 }, account: { account: { id: 7, last4: '1234' } } });
    const masked = fillSentence(view.items[0]!.sentence, 'en', { fen: () => '¥•••', account: () => '••••', day: (day) => day });
    expect(masked).toBe('Pay ¥••• to •••• before its statement day, 2027-03-04');
  });

  it('marks steps done once the ledger shows them, pending before their window ends', () => {
    // As of 2027-03-01: ¥1,000 on 02-10 and ¥2,500 on 02-25 are in the payment's window (¥3,500 ≥
    // ¥3,000: done); ¥5,000 on 01-20 is before it. The only hard query (2026-12-20) is before the
    // pause: pending, as are the application (06-01), the close (not closed yet, 03-03 to go) and
    // the wait (07-10). The missed payment is a modelled case: not tracked.
    const view = buildChecklist(
      PLAN,
      ledger({ payments: { 7: [{ day: d('2027-01-20'), fen: 500_000 }, { day: d('2027-02-10'), fen: 100_000 }, { day: d('2027-02-25'), fen: 250_000 }] }, queries: [{ day: d('2026-12-20'), hard: true, reasonCode: '03' }] }),
      d('2027-03-01'),
    );
    expect(states(view)).toEqual(['done', 'pending', 'pending', 'pending', 'untracked', 'pending']);
    expect(fillSentence(view.items[0]!.evidence, 'en')).toBe('¥3,500 paid to 招商银行信用卡(1234) from 2 February 2027 to 4 March 2027');
    expect(view.counts).toEqual({ done: 1, missed: 0, pending: 4, untracked: 1 });
    // The earliest pending step by date: the pause (01-15), before the close (02-01).
    expect(view.next).toBe(1);
  });

  it('marks a step missed once its window ended without it, and a pause missed as soon as an application falls in it', () => {
    // As of 2027-06-20: only ¥1,000 reached the card in the window and its deadline (03-04) has
    // passed: missed. A hard query on 2027-04-02 falls inside the pause (to 05-14): missed. The
    // planned application shows as a hard query on 06-03 (within 06-01 ± 15): done. The old card
    // closed on 02-20 (by 03-03): done. The wait ends 07-10: pending.
    const oldCardClosed = { ...OLD_CARD, closedOn: '2027-02-20' };
    const view = buildChecklist(
      PLAN,
      ledger({
        accounts: [CARD, oldCardClosed],
        payments: { 7: [{ day: d('2027-02-10'), fen: 100_000 }] },
        queries: [
          { day: d('2027-04-02'), hard: true, reasonCode: '02' },
          { day: d('2027-06-03'), hard: true, reasonCode: '02' },
        ],
      }),
      d('2027-06-20'),
    );
    expect(states(view)).toEqual(['missed', 'missed', 'done', 'done', 'untracked', 'pending']);
    expect(fillSentence(view.items[1]!.evidence, 'en')).toBe('an application on 2 April 2027 (a query or a new account)');
    expect(fillSentence(view.items[0]!.evidence, 'zh-CN')).toBe('2027年2月2日 至 2027年3月4日 向招商银行信用卡(1234)仅还款 ¥1,000，少于 ¥3,000');
  });

  it('counts the amount paid the user entered by hand for the month, and a pause kept to its end', () => {
    // No imported payment, but March's 本月实还款 entered by hand is ¥3,000: done. As of 2027-05-20
    // the pause (to 05-14) ended without an application (a soft query, 2027-03-01, is no application): done.
    const view = buildChecklist(PLAN, ledger({ paidByHand: { 7: { '2027-03': 300_000 } }, queries: [{ day: d('2027-03-01'), hard: false, reasonCode: '21' }] }), d('2027-05-20'));
    expect(view.items[0]!.state).toBe('done');
    expect(view.items[1]!.state).toBe('done');
    // The old card was never closed and 03-03 has passed: missed.
    expect(view.items[3]!.state).toBe('missed');
  });

  it('tracks as of a day with what the ledger showed by then: a later payment or query does not count yet', () => {
    // The ¥3,500 paid on 02-10 and 02-25 seen as of 2027-02-20: only ¥1,000 so far, and the
    // deadline (03-04) is ahead: pending. The hard query of 2027-04-02 (inside the pause) is not
    // there yet on 02-20: the pause is pending, not missed.
    const later = ledger({ payments: { 7: [{ day: d('2027-02-10'), fen: 100_000 }, { day: d('2027-02-25'), fen: 250_000 }] }, queries: [{ day: d('2027-04-02'), hard: true, reasonCode: '02' }] });
    const view = buildChecklist(PLAN, later, d('2027-02-20'));
    expect(view.items[0]!.state).toBe('pending');
    expect(fillSentence(view.items[0]!.evidence, 'en')).toBe('¥1,000 of ¥3,000 paid so far; due by 4 March 2027');
    expect(view.items[1]!.state).toBe('pending');
    // The same ledger as of 2027-04-10: paid (done) and the pause broken (missed).
    expect(states(buildChecklist(PLAN, later, d('2027-04-10'))).slice(0, 2)).toEqual(['done', 'missed']);
  });

  it('has a tracking rule, with what counts as done in both languages, for every kind of action', () => {
    expect(Object.keys(TRACKING_RULES).sort()).toEqual([...ACTION_TYPES].sort());
    for (const rule of Object.values(TRACKING_RULES)) expect(rule.done['zh-CN'].length > 0 && rule.done.en.length > 0).toBe(true);
  });
});
