import { memo, useId } from 'react';
import { ChartData } from '../components/chart/ChartData.tsx';
import { pointX, pointsAttr, runs, ticks, valueY, type Frame } from '../components/chart/geometry.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { scoreText } from './format.ts';
import type { Comparison, Model, ScenarioResult } from './types.ts';
import { scoresHidden } from '../presentation/format.ts';

// One hand-made SVG per model: each scenario's score month by month as a line, its range as a
// band of the same colour, the model's band thresholds as dashed lines named on the right, and
// the month the table shows as a vertical line. Geometry by attributes only; colours and dashes
// in whatif.css (each series differs by dash as well as colour). The data table under it is the
// chart's text alternative.
const FRAME: Frame = { width: 960, height: 300, left: 48, right: 120, top: 14, bottom: 34 };
const { width: WIDTH, height: HEIGHT, left: LEFT, right: RIGHT, top: TOP, bottom: BOTTOM } = FRAME;
const PAD = 15;

interface Point {
  i: number;
  score: number;
  low: number;
  high: number;
}

function pointsOf(s: ScenarioResult, model: Model): (Point | null)[] {
  return s.months.map((m, i) => {
    const v = m[model];
    return v.score !== null && v.low !== null && v.high !== null ? { i, score: v.score, low: v.low, high: v.high } : null;
  });
}

export const ScoreChart = memo(function ScoreChart({ comparison, model, names, selected, onPick }: { comparison: Comparison; model: Model; names: readonly string[]; selected: number; onPick: (month: number) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const info = comparison.models[model];
  const title = t('whatif.chart.title', { model: info.name[locale] });
  // With scores hidden (presentation mode) a line's height would tell the score: no chart at all.
  if (scoresHidden()) {
    return (
      <figure className="whatif-chart" data-testid="score-chart" data-model={model} data-hidden>
        <figcaption>{title}</figcaption>
        <p className="muted">{t('presentation.hidden')}</p>
      </figure>
    );
  }
  const series = [comparison.baseline, ...comparison.scenarios];
  const months = comparison.baseline.months;
  const all = series.map((s) => pointsOf(s, model));
  const known = all.flat().filter((p): p is Point => p !== null);
  const lo = known.length ? Math.max(info.scale.low, Math.min(...known.map((p) => p.low)) - PAD) : info.scale.low;
  const hi = known.length ? Math.min(info.scale.high, Math.max(...known.map((p) => p.high)) + PAD) : info.scale.high;
  const x = pointX(FRAME, months.length);
  const y = valueY(FRAME, lo, hi);
  const step = Math.max(1, Math.ceil(months.length / 9));
  const columnWidth = (WIDTH - LEFT - RIGHT) / Math.max(1, months.length - 1);
  const summary = series
    .map((s, k) => {
      const first = s.months[0]![model];
      const last = s.months.at(-1)![model];
      return t('whatif.chart.seriesSummary', { name: names[k]!, first: scoreText(first, t, locale), last: scoreText(last, t, locale) });
    })
    .join(locale === 'zh-CN' ? '；' : '; ');
  const zones = info.bands
    .map((b) => ({ band: b, top: Math.min(b.upper ?? info.scale.high, hi), bottom: Math.max(b.lower, lo) }))
    .filter((z) => z.top > z.bottom);
  return (
    <figure className="whatif-chart" data-testid="score-chart" data-model={model}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <desc id={`${id}-desc`}>{t('whatif.chart.aria', { model: info.name[locale], series: summary })}</desc>
        {zones.map((z, k) => (
          <g key={z.band.id} data-testid="chart-band" data-band={z.band.id} data-lower={z.band.lower}>
            <rect className={`whatif-zone whatif-zone-${k % 2}`} x={LEFT} width={WIDTH - LEFT - RIGHT} y={y(z.top)} height={y(z.bottom) - y(z.top)} />
            {z.band.lower > lo && <line className="whatif-threshold" x1={LEFT} x2={WIDTH - RIGHT} y1={y(z.band.lower)} y2={y(z.band.lower)} />}
            {y(z.bottom) - y(z.top) >= 12 && (
              <text className="whatif-band-label" x={WIDTH - RIGHT + 6} y={(y(z.top) + y(z.bottom)) / 2 + 4}>
                {z.band.label[locale]}
                {z.band.lower > lo ? ` ≥${z.band.lower}` : ''}
              </text>
            )}
          </g>
        ))}
        <line className="whatif-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
        {ticks(lo, hi).map((v) => (
          <text key={v} className="whatif-tick" x={LEFT - 6} y={y(v) + 4} textAnchor="end">
            {v}
          </text>
        ))}
        {months.map((m, i) =>
          i % step === 0 || i === months.length - 1 ? (
            <text key={m.month} className="whatif-tick" x={x(i)} y={HEIGHT - 12} textAnchor="middle">
              {m.month}
            </text>
          ) : null,
        )}
        <line className="whatif-selected" x1={x(selected)} x2={x(selected)} y1={TOP} y2={HEIGHT - BOTTOM} data-testid="chart-selected" data-month={months[selected]?.month} />
        {/* The baseline drawn last, thin and dashed, so a scenario that matches it still shows both. */}
        {all.map((points, k) => ({ points, k })).reverse().map(({ points, k }) => (
          <g key={k} className={`whatif-series whatif-series-s${k}`} data-testid="chart-series" data-scenario={k}>
            {runs(points).map((run) => (
              <g key={run[0]!.i}>
                <polygon className="whatif-range" points={pointsAttr([...run.map((p) => [x(p.i), y(p.high)] as const), ...[...run].reverse().map((p) => [x(p.i), y(p.low)] as const)])} />
                {run.length > 1 && <polyline className="whatif-line" points={pointsAttr(run.map((p) => [x(p.i), y(p.score)] as const))} />}
              </g>
            ))}
            {points.map((p, i) =>
              p ? (
                <circle key={i} className="whatif-dot" cx={x(p.i)} cy={y(p.score)} r={3} data-testid="chart-point" data-month={months[i]!.month} data-score={p.score} data-low={p.low} data-high={p.high} />
              ) : null,
            )}
          </g>
        ))}
        {months.map((m, i) => (
          <rect key={m.month} className="whatif-hit" x={x(i) - columnWidth / 2} width={columnWidth} y={TOP} height={HEIGHT - TOP - BOTTOM} onClick={() => onPick(i)} />
        ))}
      </svg>
      {/* Built only while open: an edit's answer then redraws the chart and the table below it, not a second hidden table. */}
      <ChartData label={t('whatif.chart.table')} testId="chart-data">
        {() => (
          <table className="ledger-table" data-testid="chart-table" data-model={model}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('whatif.chart.month')}</th>
                {names.map((name, k) => (
                  <th key={k} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m, i) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  {series.map((s, k) => (
                    <td key={k} data-testid="chart-table-cell" data-scenario={k} data-month={m.month} data-score={s.months[i]![model].score ?? ''}>
                      {scoreText(s.months[i]![model], t, locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartData>
    </figure>
  );
});
