// A transactions filter's count and totals by direction, as the import report states them. Pure
// (no storage), so that the page, which adds up the parts the list returns one stretch at a time
// (core/ledger/transaction-list.ts), and the CLI add them up alike.

export type Direction = 'income' | 'expense' | 'neutral';

export interface DirectionTotal {
  count: number;
  fen: number;
}

export interface TransactionSummary {
  count: number;
  byDirection: Record<Direction, DirectionTotal>;
}

export function emptySummary(): TransactionSummary {
  return { count: 0, byDirection: { income: { count: 0, fen: 0 }, expense: { count: 0, fen: 0 }, neutral: { count: 0, fen: 0 } } };
}

export function addSummaries(a: TransactionSummary, b: TransactionSummary): TransactionSummary {
  const add = (x: DirectionTotal, y: DirectionTotal) => ({ count: x.count + y.count, fen: x.fen + y.fen });
  return {
    count: a.count + b.count,
    byDirection: {
      income: add(a.byDirection.income, b.byDirection.income),
      expense: add(a.byDirection.expense, b.byDirection.expense),
      neutral: add(a.byDirection.neutral, b.byDirection.neutral),
    },
  };
}
