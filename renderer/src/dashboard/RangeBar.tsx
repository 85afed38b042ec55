import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ScoredModel } from './useScores.ts';

// Geometry through SVG attributes only: the CSP forbids inline styles.
const WIDTH = 320;
const HEIGHT = 46;
const PAD = 10;

/** The score on its scale: band boundaries, the range the uncertain inputs allow, the point. */
export function RangeBar({ model }: { model: ScoredModel }) {
  const { t } = useI18n();
  const low = Math.min(model.scale.low, model.range.low, model.score);
  const high = Math.max(model.scale.high, model.range.high, model.score);
  const x = (v: number) => PAD + ((v - low) / Math.max(1, high - low)) * (WIDTH - 2 * PAD);
  const cuts = model.bands.map((b) => b.lower).filter((v) => v > low && v < high);
  return (
    <svg
      className="range-bar"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      height={HEIGHT}
      preserveAspectRatio="none"
      role="img"
      aria-label={t('score.rangeAria', { score: model.score, low: model.range.low, high: model.range.high })}
      data-testid="range-bar"
    >
      <rect className="range-track" x={PAD} y={18} width={WIDTH - 2 * PAD} height={6} rx={3} />
      {cuts.map((v) => (
        <g key={v}>
          <line className="range-cut" x1={x(v)} x2={x(v)} y1={13} y2={29} />
          <text className="range-cut-label" x={x(v)} y={42} textAnchor="middle">
            {v}
          </text>
        </g>
      ))}
      <text className="range-cut-label" x={PAD} y={42} textAnchor="start">
        {low}
      </text>
      <text className="range-cut-label" x={WIDTH - PAD} y={42} textAnchor="end">
        {high}
      </text>
      <rect className="range-span" x={x(model.range.low)} y={15} width={Math.max(3, x(model.range.high) - x(model.range.low))} height={12} rx={4} />
      <circle className="range-point" cx={x(model.score)} cy={21} r={6} />
    </svg>
  );
}
