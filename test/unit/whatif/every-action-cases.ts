// The what-if cases the golden comparison pins (golden-compare.test.ts), the day-cut invariant is
// checked on (day-cut.test.ts), and every part kept beside a like month is compared with a whole
// computation on (replaced-folds, replaced-lists, kept-bureau-months): a hand-built ledger and the
// benches' synthetic profile at a small size, each with scenarios that between them use every
// kind of action.
// Made up here; no real person's data.

import { join } from 'node:path';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { formatDay, formatMonth, monthOfDay } from '../../../core/shared/calendar.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import type { LedgerSnapshot } from '../../../core/ledger/snapshot.ts';
import type { ScenarioRequest } from '../../../core/whatif/compare.ts';
import type { WhatIfAction } from '../../../core/whatif/schema.ts';
import { parseScenario } from '../../../core/whatif/validate.ts';
import { writeScoringProfile } from '../../../bench/scoring-profile.ts';
import { AS_OF as BENCH_AS_OF } from '../../../bench/synthetic-ledger.ts';
import { tempDir } from '../../helpers/temp.ts';
import { AS_OF_DAY, handProfile } from './hand-profile.ts';

export interface WhatIfCase {
  db: Db;
  asOfDay: number;
  /** Up to three scenarios each (a comparison's). */
  groups: ScenarioRequest[][];
}

export function handCase(): WhatIfCase {
  // Two cards on one line of use (80% and 1% used), Huabei not reported, two online loans (a
  // consumer-finance company, 24, and a micro-lender, 51), a Weilidai line with no draw, two
  // queries and an income: every action has an account to act on.
  const { db, ids } = handProfile({
    cards: [
      { last4: '1111', from: '2025-06', chargeDay: 5, chargeYuan: 8000, statementDay: 25, dueDay: 15, limitYuan: 10000, missed: ['2026-03'] },
      { last4: '2222', from: '2026-01', chargeDay: 5, chargeYuan: 100, statementDay: 10, dueDay: 28, limitYuan: 10000 },
    ],
    huabei: { from: '2026-01', chargeDay: 3, chargeYuan: 500, statementDay: 1, dueDay: 9, limitYuan: 5000, reports: 'no' },
    loans: [
      { name: '某消金', institutionType: '24', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 },
      { name: '某小贷', institutionType: '51', principalYuan: 6000, openedOn: '2026-03-15', termMonths: 12 },
    ],
    queries: [
      ['2026-10-02', '02'],
      ['2026-11-10', '03'],
    ],
    monthlyIncomeYuan: 20000,
  });
  const opts = { asOfDay: AS_OF_DAY, actor: 'test' };
  const line = createAccount(db, { product: 'weilidai', kind: 'line', openedOn: '2026-01-05', limitFen: 2_000_000, reportsToBureau: 'yes' }, opts).account.id;
  for (const month of ['2026-08', '2026-09', '2026-10']) setMonthFact(db, line, month, { status: 'N', amountDueFen: 0, balanceFen: 0 }, opts);
  refreshLedger(db, AS_OF_DAY);
  const card = ids.get('card:1111')!;
  const small = ids.get('card:2222')!;
  const consumer = ids.get('loan:某消金')!;
  const micro = ids.get('loan:某小贷')!;
  const huabei = ids.get('huabei')!;
  const requests = (list: { name: string; actions: WhatIfAction[] }[]) => list.map((s) => parseScenario(s));
  const groups: ScenarioRequest[][] = [
    requests([
      {
        name: '账单日前还卡、半年不申请',
        actions: [
          { type: 'pay', accountId: card, amountFen: 600_000, month: '2026-12', timing: 'before_statement' },
          { type: 'pay', accountId: card, amountFen: 100_000, month: '2027-01', timing: 'before_due' },
          { type: 'stop_applications', from: '2026-12-01', months: 6 },
        ],
      },
      {
        name: 'missed, late, cleared',
        actions: [
          { type: 'miss_payment', accountId: card, month: '2027-02' },
          { type: 'clear_overdue', accountId: card, on: '2027-03-20' },
          { type: 'pay_late', accountId: consumer, month: '2026-12', daysLate: 10 },
          { type: 'hard_query', on: '2026-12-01', institution: '某银行', institutionType: '11', reasonCode: '02' },
        ],
      },
      {
        name: 'new accounts',
        actions: [
          { type: 'new_card', on: '2026-12-02', lender: '工商银行', institutionType: '11', limitFen: 2_000_000, statementDay: 8, dueDay: 26, spendFen: 50_000, reportsToBureau: 'yes', query: true },
          { type: 'new_draw', on: '2027-01-06', lineId: line, amountFen: 500_000, termMonths: 6, repaymentMethod: 'equal_installment', annualRateBp: 1800, query: true },
          { type: 'new_loan', on: '2026-12-03', product: 'bank_loan', lender: '建设银行', institutionType: '11', amountFen: 3_000_000, termMonths: 12, repaymentMethod: 'equal_installment', annualRateBp: 400, reportsToBureau: 'yes', query: true },
          { type: 'pay', accountId: -1, amountFen: 20_000, month: '2027-02', timing: 'before_statement' },
        ],
      },
    ]),
    requests([
      {
        name: 'consolidate and report',
        actions: [
          { type: 'consolidate', on: '2027-01-10', accountIds: [consumer, micro], lender: '招商银行', institutionType: '11', termMonths: 24, repaymentMethod: 'equal_installment', annualRateBp: 500 },
          { type: 'start_reporting', accountId: huabei, fromMonth: '2027-01' },
        ],
      },
      {
        name: 'close, limit, income',
        actions: [
          { type: 'close_account', accountId: small, on: '2026-12-05' },
          { type: 'close_account', accountId: micro, on: '2027-02-15' },
          { type: 'change_limit', accountId: card, on: '2027-02-01', limitFen: 2_000_000 },
          { type: 'change_income', on: '2027-02-01', monthlyIncomeFen: 3_000_000 },
        ],
      },
      { name: 'wait', actions: [{ type: 'let_time_pass', months: 30 }] },
    ]),
  ];
  return { db, asOfDay: AS_OF_DAY, groups };
}

export function syntheticCase(): WhatIfCase {
  // bench/scoring-profile.ts with 12 accounts (10 cards, 2 bank loans) over 3 years, 3,000 transactions.
  const db = openDatabase(join(tempDir('credence-whatif-golden-'), 'bench.sqlite'));
  writeScoringProfile(db, { accounts: 12, years: 3, transactions: 3000 });
  refreshLedger(db, BENCH_AS_OF);
  const cards = db.prepare("SELECT id FROM credit_accounts WHERE kind = 'revolving' ORDER BY id").pluck().all() as number[];
  const loans = db.prepare("SELECT id FROM credit_accounts WHERE kind = 'loan' ORDER BY id").pluck().all() as number[];
  const asOf = formatDay(BENCH_AS_OF);
  const next = formatMonth(monthOfDay(BENCH_AS_OF) + 1);
  const later = formatMonth(monthOfDay(BENCH_AS_OF) + 3);
  const groups: ScenarioRequest[][] = [
    [
      // The bench's three scenarios.
      {
        name: '账单日前还卡、半年不申请',
        actions: [
          { type: 'pay', accountId: cards[0]!, amountFen: 2_000_000, month: next, timing: 'before_statement' },
          { type: 'stop_applications', from: asOf, months: 6 },
        ],
      },
      { name: '新办一张卡', actions: [{ type: 'new_card', on: formatDay(BENCH_AS_OF + 10), lender: '工商银行', limitFen: 3_000_000, statementDay: 8, dueDay: 26, spendFen: 200_000 }] },
      {
        name: '销户一张、收入调整',
        actions: [
          { type: 'close_account', accountId: cards[1]!, on: formatDay(BENCH_AS_OF + 5) },
          { type: 'change_income', on: formatDay(BENCH_AS_OF + 5), monthlyIncomeFen: 8_000_000 },
        ],
      },
    ].map((s) => parseScenario(s)),
    [
      {
        name: 'loans and limits',
        actions: [
          { type: 'miss_payment', accountId: cards[2]!, month: later },
          { type: 'pay_late', accountId: loans[0]!, month: next, daysLate: 35 },
          { type: 'change_limit', accountId: cards[3]!, on: formatDay(BENCH_AS_OF + 40), limitFen: 5_000_000 },
          { type: 'consolidate', on: formatDay(BENCH_AS_OF + 60), accountIds: [loans[1]!], lender: '招商银行', termMonths: 36, annualRateBp: 450 },
        ],
      },
      {
        name: 'queries and a loan',
        actions: [
          { type: 'hard_query', on: formatDay(BENCH_AS_OF + 3), institution: '某银行', reasonCode: '03' },
          { type: 'new_loan', on: formatDay(BENCH_AS_OF + 20), lender: '建设银行', amountFen: 10_000_000, termMonths: 60, annualRateBp: 380 },
          { type: 'pay', accountId: cards[4]!, amountFen: 300_000, month: later, timing: 'before_due' },
        ],
      },
    ].map((s) => parseScenario(s)),
  ];
  return { db, asOfDay: BENCH_AS_OF, groups };
}

/** Both cases, named, for `describe.each`. */
export const EVERY_ACTION_CASES = [
  ['a hand-built ledger', handCase],
  ['the benches’ synthetic profile at a small size', syntheticCase],
] as const;

/** The snapshot with every account (and its months) a new object: what a kept part keyed on the objects cannot be served for. */
export function copied(snapshot: LedgerSnapshot): LedgerSnapshot {
  return { ...snapshot, accounts: snapshot.accounts.map((a) => ({ ...a, months: [...a.months] })) };
}
