// Both scores as the Dashboard shows them (core/score/engine.ts): the number, its range and band,
// and the top reasons, in the consent's language.

import { scoreDatabase } from '../../score/engine.ts';
import type { ModelResult } from '../../score/report-schema.ts';
import { column, type CategorySource, type Row } from './types.ts';
import { NOT_SCORABLE } from '../../rules/scorability.ts';

export const scoresCategory: CategorySource = {
  code: 'scores',
  label: { 'zh-CN': '信用评分', en: 'Scores' },
  purpose: {
    'zh-CN': 'Credence 计算的征信风格评分和芝麻分风格估算，含区间、等级和主要原因（解释性估算，不是任何机构的官方评分）。',
    en: 'Credence’s bureau-style score and Sesame-style estimate with range, band and main reasons (explanatory estimates, not any institution’s official score).',
  },
  sensitive: true,
  restricted: [],
  columns: [
    column('model', 'text', '模型', 'Model'),
    column('modelVersion', 'text', '模型版本', 'Model version'),
    column('asOf', 'date', '评分日期', 'Scored on'),
    column('score', 'integer', '分数', 'Score'),
    column('low', 'integer', '区间下限', 'Range low'),
    column('high', 'integer', '区间上限', 'Range high'),
    column('band', 'text', '等级', 'Band'),
    column('reasons', 'text', '主要原因', 'Main reasons'),
  ],
  collect(db, { asOfDay, locale }) {
    const report = scoreDatabase(db, asOfDay, { nextActions: false });
    const row = (model: string, result: ModelResult): Row => ({
      model,
      modelVersion: `${result.modelId}@${result.modelVersion}`,
      asOf: report.asOf,
      // A file not scorable yet has no number and no band: the reasons say why.
      score: result.score === null ? null : Math.round(result.score),
      low: result.range === null ? null : Math.round(result.range.low),
      high: result.range === null ? null : Math.round(result.range.high),
      band: result.band === null ? NOT_SCORABLE[locale] : result.band.label[locale],
      reasons: (result.score === null
        ? (result.scorability?.checks ?? []).filter((c) => !c.met).map((c) => c.finding[locale])
        : result.reasons.map((r) => r.text[locale])
      ).join(locale === 'zh-CN' ? '；' : '; '),
    });
    return [row('bureau', report.bureau), row('sesame', report.sesame)];
  },
};
