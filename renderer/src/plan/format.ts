// How the Plan page and the printed plan write amounts, accounts and dates: one formatter
// (core/shared/plan-sentence.ts) for every sentence, figure and table cell of both, so that
// presentation mode, which masks amounts and identifiers, has one place to apply.

import type { Locale } from '../../../core/shared/localized-text.ts';
import { formatFen } from '../../../core/shared/money.ts';
import { fillSentence, PLAIN_FORMAT, type Sentence, type SentenceFormat } from '../../../core/shared/plan-sentence.ts';
import { formatValue } from '../bureau/useBureau.ts';
import type { Comparison } from '../whatif/types.ts';

export interface PlanWriter {
  format: SentenceFormat;
  sentence(sentence: Sentence, locale: Locale): string;
  fen(fen: number): string;
  figure(unit: Comparison['figures'][number]['unit'], value: number | null | undefined): string;
}

export function planWriter(format: SentenceFormat = PLAIN_FORMAT): PlanWriter {
  return {
    format,
    sentence: (sentence, locale) => fillSentence(sentence, locale, format),
    fen: (fen) => format.fen(fen),
    figure: (unit, value) => (value === null || value === undefined ? '—' : unit === 'fen' ? format.fen(Math.round(value)) : formatValue(unit, value)),
  };
}

/** The plain writer: amounts as `¥3,000`, cards as `招商银行信用卡(1234)`. */
export const PLAIN_WRITER = planWriter({ ...PLAIN_FORMAT, fen: (fen) => formatFen(fen, { dropZeroCents: true }) });
