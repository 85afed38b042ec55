// Credit-card statements share a shape: no transaction ids, dates without times, one card per
// file, and the card itself is the funding account of every row.

import { RowRejected } from '../messages.ts';
import type { MappedRow } from '../platform.ts';
import type { WallTime } from '../time.ts';
import type { Cell, Direction } from '../types.ts';

/** Written the way Alipay/WeChat name cards, so one credit-card rule reads every platform. */
export function cardAccount(bank: string, lastFour: string | null): string {
  return lastFour ? `${bank}信用卡(${lastFour})` : `${bank}信用卡`;
}

/** `6688` (a number cell), `1234`, `1234****5678` → the last four digits. */
export function lastFourOf(cell: Cell | undefined): string | null {
  if (typeof cell === 'number') return String(cell).padStart(4, '0');
  if (typeof cell !== 'string') return null;
  const match = /(\d{4})\s*$/.exec(cell);
  return match ? match[1] : null;
}

export function requireRmb(currency: string): void {
  if (currency !== '' && currency !== '人民币' && currency !== 'CNY' && currency !== 'RMB') {
    throw new RowRejected('import.reject.currency', { currency });
  }
}

/** On a card statement a charge is positive and a credit (repayment, refund, cashback) negative. */
export function directionOfSigned(fen: number): { direction: Direction; amountFen: number } {
  return fen < 0 ? { direction: 'income', amountFen: -fen } : { direction: 'expense', amountFen: fen };
}

export interface StatementRow {
  when: WallTime;
  amountFen: number;
  direction: Direction;
  item: string | null;
  counterparty: string | null;
  account: string;
}

export function statementRow(row: StatementRow): MappedRow {
  return {
    orderId: null,
    merchantOrderId: null,
    occurredAt: row.when.iso,
    occurredEpoch: row.when.epoch,
    amountFen: row.amountFen,
    direction: row.direction,
    // A statement lists posted transactions only; it has no status column to quote.
    status: '',
    statusClass: 'completed',
    category: null,
    counterparty: row.counterparty,
    item: row.item,
    paymentMethod: null,
    fundingAccount: row.account,
    refundLink: null,
    pairKey: null,
  };
}
