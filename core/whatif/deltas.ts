// Why a score moved, factor by factor: a scenario against the baseline in the same month (the
// baseline against its own first month), with the values on both sides and the month from which
// the factor differs: "+12: utilisation 82% → 28% from the 2027-01 statement".

import type { FactorResult, ModelResult, ScoreReport } from '../score/report-schema.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { formatFen } from '../shared/money.ts';
import type { FactorDelta } from './schema.ts';

const MODELS = ['bureau', 'sesame'] as const;

function valueText(f: FactorResult, value: number | null): LocalizedText {
  if (value === null) return { 'zh-CN': '—', en: '—' };
  const same = (text: string): LocalizedText => ({ 'zh-CN': text, en: text });
  switch (f.unit) {
    case 'ratio':
      return same(`${Math.round(value * 100)}%`);
    case 'fen':
      return same(formatFen(Math.round(value)));
    case 'flag':
      return value > 0 ? { 'zh-CN': '有', en: 'yes' } : { 'zh-CN': '无', en: 'no' };
    case 'years':
      return { 'zh-CN': `${Math.round(value * 10) / 10} 年`, en: `${Math.round(value * 10) / 10} years` };
    case 'months':
      return { 'zh-CN': `${Math.round(value * 100) / 100} 个月`, en: `${Math.round(value * 100) / 100} months` };
    default:
      return same(String(Math.round(value * 100) / 100));
  }
}

/** A card's used share changes with a statement; the other factors with the month. */
function sinceText(f: FactorResult, month: string): LocalizedText {
  if (f.unit === 'ratio' && f.key.includes('utilisation')) return { 'zh-CN': `自 ${month} 账单起`, en: `from the ${month} statement` };
  return { 'zh-CN': `自 ${month} 起`, en: `from ${month}` };
}

function deltaText(points: number, f: FactorResult, before: number | null, month: string): LocalizedText {
  const rounded = Math.round(points);
  const sign = rounded > 0 ? '+' : '';
  const from = valueText(f, before);
  const to = valueText(f, f.value);
  const since = sinceText(f, month);
  return {
    'zh-CN': `${sign}${rounded}：${f.label['zh-CN']} ${from['zh-CN']} → ${to['zh-CN']}（${since['zh-CN']}）`,
    en: `${sign}${rounded}: ${f.label.en} ${from.en} → ${to.en} ${since.en}`,
  };
}

/**
 * Each factor whose points differ from the reference, most points first. `since` keeps, per
 * model and factor, the month its difference began; it is carried from month to month and a
 * factor that agrees again leaves it.
 */
export function factorDeltas(now: ScoreReport, reference: ScoreReport, month: string, since: Map<string, string>): FactorDelta[] {
  const out: FactorDelta[] = [];
  for (const model of MODELS) {
    const ref = new Map((reference[model] as ModelResult).factors.map((f) => [f.key, f]));
    for (const f of (now[model] as ModelResult).factors) {
      const r = ref.get(f.key);
      if (!r) continue;
      const id = `${model}:${f.key}`;
      const points = f.points - r.points;
      if (points === 0 && f.value === r.value) {
        since.delete(id);
        continue;
      }
      if (!since.has(id)) since.set(id, month);
      if (Math.abs(points) < 0.5) continue;
      const from = since.get(id)!;
      out.push({
        model,
        key: f.key,
        label: f.label,
        unit: f.unit,
        points,
        pointsBefore: r.points,
        pointsAfter: f.points,
        valueBefore: r.value,
        valueAfter: f.value,
        since: from,
        text: deltaText(points, f, r.value, from),
      });
    }
  }
  return out.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}
