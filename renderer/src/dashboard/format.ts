// Display helpers for the Dashboard: a factor's value in its unit, points with their sign.

import { formatCount } from '../../../core/shared/money.ts';
import { formatFen } from '../presentation/format.ts';
import type { MessageKey, Params } from '../i18n/translate.ts';
import type { FactorResult } from './useScores.ts';

type T = (key: MessageKey, params?: Params) => string;

function one(value: number, unit: FactorResult['unit'], t: T): string {
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
    case 'fen':
      return formatFen(Math.round(value));
    case 'flag':
      return value > 0 ? t('score.value.yes') : t('score.value.no');
    case 'months':
      return t('score.value.months', { n: formatCount(value) });
    case 'years':
      return t('score.value.years', { n: String(Math.round(value * 10) / 10) });
    default:
      return formatCount(value);
  }
}

/** Why a value is missing: the user gave nothing, an adjustment lacks what it needs, or the data cannot tell. */
function missingKey(f: FactorResult): MessageKey {
  if (f.origin === 'adjustment') return 'score.value.notApplied';
  if (f.origin === 'estimate' && f.pointsRange.low === f.pointsRange.high) return 'score.value.notGiven';
  return 'score.value.unknown';
}

/** The value, or why it is missing; with the span its uncertain inputs allow. */
export function factorValue(f: FactorResult, t: T): string {
  const { low, high } = f.valueRange;
  const point = f.value === null ? t(missingKey(f)) : one(f.value, f.unit, t);
  if (low === high && (low === null || low === f.value)) return point;
  const end = (v: number | null, open: string) => (v === null ? open : one(v, f.unit, t));
  return t('score.value.withRange', { value: point, low: end(low, '…'), high: end(high, '…') });
}

export function signed(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0';
}
