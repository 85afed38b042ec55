// Reads the UCI "default of credit card clients" file (Yeh & Lien 2009; 30,000 Taiwanese card
// holders, April–September 2005) and restates each row as six months of a card account in the
// ledger's own terms (statement balance, credit line, amount paid, months late, month state), so
// the bureau features are computed by the same code the ledger will run.
//
// Columns used: LIMIT_BAL, AGE, PAY_0, PAY_2..PAY_6, BILL_AMT1..6, PAY_AMT1..6 and the target
// `default payment next month`. Month 1 (PAY_0, BILL_AMT1, PAY_AMT1) is September 2005, the latest.
// SEX, EDUCATION and MARRIAGE are read past and never used.
//
// Repayment status (PAY_x), as documented by the publisher:
//   −2 no consumption (card not used)      → state 'no-use',        months late 0
//   −1 paid in full                         → state 'paid-in-full',  months late 0
//    0 use of revolving credit (minimum or more paid, balance carried)
//                                            → state 'revolving',     months late 0
//  1..9 payment delay of k months            → state 'late',          months late k
// So −2, −1 and 0 are all "not late" (PBOC N / * / C); k ≥ 1 maps to PBOC status digit k (1 = 1–30
// days overdue, 2 = 31–60, …). The state comes from the code, not from the amounts; the ledger
// derives it from amounts (see bureau-features.ts).
//
// Payment alignment: PAY_AMTm is the amount paid in month m, which settles the statement of the
// month before (BILL_AMT(m+1)): 51–61% of "paid in full" months have PAY_AMTm equal to BILL_AMT(m+1)
// to the dollar, against 9–13% for BILL_AMTm. A month's `paid` below is therefore "paid during the
// month towards the previous statement", the ledger's definition.

import { readFileSync } from 'node:fs';
import type { CardMonth, MonthState } from '../score/bureau-features.ts';

export interface TaiwanRow {
  id: number;
  limitBal: number;
  age: number;
  /** PAY_0, PAY_2, ..., PAY_6: index 0 = latest month. */
  status: number[];
  /** BILL_AMT1..6: index 0 = latest month. */
  bill: number[];
  /** PAY_AMT1..6: index 0 = latest month. */
  payment: number[];
  /** 1 = defaulted next month. */
  defaulted: 0 | 1;
}

const STATUS_COLUMNS = ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'] as const;
const BILL_COLUMNS = ['BILL_AMT1', 'BILL_AMT2', 'BILL_AMT3', 'BILL_AMT4', 'BILL_AMT5', 'BILL_AMT6'] as const;
const PAYMENT_COLUMNS = ['PAY_AMT1', 'PAY_AMT2', 'PAY_AMT3', 'PAY_AMT4', 'PAY_AMT5', 'PAY_AMT6'] as const;
const TARGET = 'default payment next month';

export function parseTaiwanTsv(text: string): TaiwanRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length < 2) throw new Error('the file has no data rows');
  const header = lines[0]!.split('\t').map((h) => h.trim());
  const col = (name: string): number => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`column "${name}" is missing`);
    return k;
  };
  const idCol = col('ID');
  const limitCol = col('LIMIT_BAL');
  const ageCol = col('AGE');
  const statusCols = STATUS_COLUMNS.map(col);
  const billCols = BILL_COLUMNS.map(col);
  const paymentCols = PAYMENT_COLUMNS.map(col);
  const targetCol = col(TARGET);

  const rows: TaiwanRow[] = [];
  for (let ln = 1; ln < lines.length; ln++) {
    const cells = lines[ln]!.split('\t');
    const num = (k: number, name: string): number => {
      const v = Number(cells[k]);
      if (cells[k] === undefined || cells[k]!.trim() === '' || !Number.isFinite(v)) {
        throw new Error(`line ${ln + 1}: ${name} is not a number: ${JSON.stringify(cells[k])}`);
      }
      return v;
    };
    const status = statusCols.map((k, m) => num(k, STATUS_COLUMNS[m]!));
    for (const [m, s] of status.entries()) {
      if (!Number.isInteger(s) || s < -2 || s > 9) throw new Error(`line ${ln + 1}: ${STATUS_COLUMNS[m]} = ${s} is not a status −2..9`);
    }
    const target = num(targetCol, TARGET);
    if (target !== 0 && target !== 1) throw new Error(`line ${ln + 1}: target ${target} is not 0 or 1`);
    const limitBal = num(limitCol, 'LIMIT_BAL');
    if (!(limitBal > 0)) throw new Error(`line ${ln + 1}: LIMIT_BAL ${limitBal} is not positive`);
    rows.push({
      id: num(idCol, 'ID'),
      limitBal,
      age: num(ageCol, 'AGE'),
      status,
      bill: billCols.map((k, m) => num(k, BILL_COLUMNS[m]!)),
      payment: paymentCols.map((k, m) => num(k, PAYMENT_COLUMNS[m]!)),
      defaulted: target as 0 | 1,
    });
  }
  return rows;
}

export function readTaiwanDataset(path: string): TaiwanRow[] {
  return parseTaiwanTsv(readFileSync(path, 'utf8'));
}

/** The month state and months late a PAY_x code stands for. */
export function statusToMonth(code: number): { state: MonthState; monthsLate: number } {
  if (code === -2) return { state: 'no-use', monthsLate: 0 };
  if (code === -1) return { state: 'paid-in-full', monthsLate: 0 };
  if (code === 0) return { state: 'revolving', monthsLate: 0 };
  if (code >= 1) return { state: 'late', monthsLate: code };
  throw new Error(`repayment status ${code} is not −2..9`);
}

/** Six months of the card in ledger terms, index 0 = the latest month. */
export function toCardMonths(row: TaiwanRow): CardMonth[] {
  return row.status.map((code, m) => ({
    ...statusToMonth(code),
    balance: row.bill[m]!,
    limit: row.limitBal,
    paid: row.payment[m]!,
  }));
}
