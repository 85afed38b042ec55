// Loan repayment schedules from the contract terms. Interest is monthly at annualRate / 12,
// rounded to the fen per instalment; the last instalment takes the rounding so principal sums
// exactly. Lenders that charge daily interest (借呗, 微粒贷) differ by a few fen a month: the
// user can enter the real amount of any month, which then wins (history/obligations-loan.ts).

import { dayOfMonth } from '../shared/calendar.ts';
import type { RepaymentMethod } from '../shared/ledger-vocabulary.ts';

export interface LoanTerms {
  principalFen: number;
  /** Day the money was disbursed (day number). */
  openDay: number;
  /** Month index of openDay. */
  openMonth: number;
  termMonths: number;
  method: RepaymentMethod;
  /** Annual rate in basis points (10.95% = 1095). */
  annualRateBp: number;
  /** Day of month instalments fall due (defaults to the disbursement's day of month). */
  dueDay: number;
}

export interface Instalment {
  dueDay: number;
  dueMonth: number;
  amountFen: number;
  principalFen: number;
}

/** null when the method has no schedule (随借随还 / 不区分还款方式). */
export function buildSchedule(terms: LoanTerms): Instalment[] | null {
  const { principalFen: p, termMonths: n, method } = terms;
  if (n < 1 || p <= 0) return null;
  const i = terms.annualRateBp / 10000 / 12;
  const due = (k: number) => ({ dueMonth: terms.openMonth + k, dueDay: dayOfMonth(terms.openMonth + k, terms.dueDay) });
  const out: Instalment[] = [];
  switch (method) {
    case 'equal_installment': {
      const payment = i === 0 ? p / n : (p * i * (1 + i) ** n) / ((1 + i) ** n - 1);
      let remaining = p;
      for (let k = 1; k <= n; k++) {
        const interest = Math.round(remaining * i);
        const principal = k === n ? remaining : Math.min(remaining, Math.round(payment) - interest);
        remaining -= principal;
        out.push({ ...due(k), amountFen: principal + interest, principalFen: principal });
      }
      return out;
    }
    case 'equal_principal': {
      const part = Math.floor(p / n);
      let remaining = p;
      for (let k = 1; k <= n; k++) {
        const interest = Math.round(remaining * i);
        const principal = k === n ? remaining : part;
        remaining -= principal;
        out.push({ ...due(k), amountFen: principal + interest, principalFen: principal });
      }
      return out;
    }
    case 'interest_first': {
      const interest = Math.round(p * i);
      for (let k = 1; k <= n; k++) {
        const principal = k === n ? p : 0;
        out.push({ ...due(k), amountFen: principal + interest, principalFen: principal });
      }
      return out;
    }
    case 'bullet':
      return [{ ...due(n), amountFen: p + Math.round(p * i * n), principalFen: p }];
    case 'flexible':
      return null;
  }
}
