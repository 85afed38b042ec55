import { formatFen } from '../presentation/format.ts';

/** Money or a dash: null means "the data cannot tell", never zero. */
export function money(fen: number | null | undefined, dash: string): string {
  return fen === null || fen === undefined ? dash : formatFen(fen);
}

/** An overdue amount: exact, or the range of a card whose minimum payment is unknown, labelled by `rangeLabel`. */
export function overdueMoney(fen: number | null, range: readonly [number, number] | null, dash: string, rangeLabel: (low: string, high: string) => string): string {
  return range ? rangeLabel(formatFen(range[0]), formatFen(range[1])) : money(fen, dash);
}
