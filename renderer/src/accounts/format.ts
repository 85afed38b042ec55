import { formatFen } from '../../../core/shared/money.ts';

/** Money or a dash: null means "the data cannot tell", never zero. */
export function money(fen: number | null | undefined, dash: string): string {
  return fen === null || fen === undefined ? dash : formatFen(fen);
}
