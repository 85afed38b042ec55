import { pointX, pointsAttr, valueY, type Frame } from '../components/chart/geometry.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Snapshot } from './useScores.ts';
import { scoresHidden } from '../presentation/format.ts';

// One small SVG chart per model: each snapshot's range as a bar and its score as a dot, joined
// in time order. Geometry by attributes only.
const FRAME: Frame = { width: 420, height: 130, left: 40, right: 12, top: 12, bottom: 28 };
const { width: WIDTH, height: HEIGHT, left: LEFT, right: RIGHT, bottom: BOTTOM } = FRAME;

type Series = 'bureau' | 'sesame';

function Chart({ snapshots: taken, series, title }: { snapshots: readonly Snapshot[]; series: Series; title: string }) {
  const { t } = useI18n();
  // A bureau-style point taken while the file was not scorable has no number: it is left out.
  const points = taken.flatMap((s) => {
    const v = s[series];
    return v.score !== null && v.low !== null && v.high !== null ? [{ snapshot: s, score: v.score, low: v.low, high: v.high }] : [];
  });
  // With scores hidden (presentation mode) a dot's height would tell the score: no chart at all.
  if (scoresHidden()) {
    return (
      <figure className="history-chart" data-testid="history-chart" data-model={series} data-hidden>
        <figcaption>{title}</figcaption>
        <p className="muted">{t('presentation.hidden')}</p>
      </figure>
    );
  }
  if (points.length === 0) {
    return (
      <figure className="history-chart" data-testid="history-chart" data-model={series} data-count={0}>
        <figcaption>{title}</figcaption>
        <p className="muted">{t('score.history.unscored')}</p>
      </figure>
    );
  }
  const values = points.map((p) => ({ score: p.score, low: p.low, high: p.high }));
  const snapshots = points.map((p) => p.snapshot);
  const low = Math.min(...values.map((v) => v.low)) - 5;
  const high = Math.max(...values.map((v) => v.high)) + 5;
  const x = pointX(FRAME, snapshots.length);
  const y = valueY(FRAME, low, high);
  const line = pointsAttr(values.map((v, i) => [x(i), y(v.score)] as const));
  return (
    <figure className="history-chart" data-testid="history-chart" data-model={series} data-count={snapshots.length}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={t('score.history.aria', { model: title, count: snapshots.length })}>
        <line className="history-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
        <text className="history-tick" x={LEFT - 6} y={y(high - 5) + 4} textAnchor="end">
          {high - 5}
        </text>
        <text className="history-tick" x={LEFT - 6} y={y(low + 5) + 4} textAnchor="end">
          {low + 5}
        </text>
        {values.map((v, i) => (
          <line key={snapshots[i]!.id} className="history-range" x1={x(i)} x2={x(i)} y1={y(v.high)} y2={y(v.low)} />
        ))}
        {values.length > 1 && <polyline className="history-line" points={line} />}
        {values.map((v, i) => (
          <circle key={snapshots[i]!.id} className="history-dot" cx={x(i)} cy={y(v.score)} r={4} data-testid="history-point" data-score={v.score} data-as-of={snapshots[i]!.asOf} />
        ))}
        <text className="history-tick" x={x(0)} y={HEIGHT - 8} textAnchor={snapshots.length === 1 ? 'middle' : 'start'}>
          {snapshots[0]!.asOf}
        </text>
        {snapshots.length > 1 && (
          <text className="history-tick" x={x(snapshots.length - 1)} y={HEIGHT - 8} textAnchor="end">
            {snapshots.at(-1)!.asOf}
          </text>
        )}
      </svg>
    </figure>
  );
}

export function HistoryCharts({ snapshots, bureauName, sesameName }: { snapshots: readonly Snapshot[]; bureauName: string; sesameName: string }) {
  const { t } = useI18n();
  if (snapshots.length === 0) return <p className="muted">{t('score.history.none')}</p>;
  return (
    <div className="history-charts">
      <Chart snapshots={snapshots} series="bureau" title={bureauName} />
      <Chart snapshots={snapshots} series="sesame" title={sesameName} />
    </div>
  );
}
