// How the Plan page and the printed plan write amounts, accounts and dates: every sentence,
// figure and table cell of both through the renderer's one formatter (presentation/format.ts),
// so that presentation mode masks them as it masks every other page, and the printed plan with it.

import type { Locale } from '../../../core/shared/localized-text.ts';
import { fillSentence, formatAccountLabel, formatLongDay, type Sentence, type SentenceFormat } from '../../../core/shared/plan-sentence.ts';
import { formatValue } from '../bureau/useBureau.ts';
import { formatFen, identifier } from '../presentation/format.ts';
import type { Comparison } from '../whatif/types.ts';

/** A sentence's values as the screen writes them: amounts like `¥3,000`, cards like `招商银行信用卡(1234)`, masked while presenting. */
export const PLAN_FORMAT: SentenceFormat = {
  fen: (fen) => formatFen(fen, { dropZeroCents: true }),
  account: (account) => identifier(formatAccountLabel(account)),
  day: formatLongDay,
};

export function planSentence(sentence: Sentence, locale: Locale): string {
  return fillSentence(sentence, locale, PLAN_FORMAT);
}

export function planFen(fen: number): string {
  return PLAN_FORMAT.fen(fen);
}

export function planFigure(unit: Comparison['figures'][number]['unit'], value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : unit === 'fen' ? planFen(Math.round(value)) : formatValue(unit, value);
}
