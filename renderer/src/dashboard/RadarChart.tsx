import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ModelResult } from './useScores.ts';

// An SVG radar of the estimate's five dimensions, each as a share of its most; geometry by
// attributes only (no chart library, no inline style).
const SIZE = 320;
const CENTRE = SIZE / 2;
const RADIUS = 100;
/** Room beside the square for the labels of the side axes. */
const MARGIN = 80;
const RINGS = [0.25, 0.5, 0.75, 1];

function at(i: number, n: number, r: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return [CENTRE + r * Math.cos(angle), CENTRE + r * Math.sin(angle)];
}

function polygon(values: readonly number[]): string {
  return values.map((v, i) => at(i, values.length, RADIUS * v).map((c) => c.toFixed(1)).join(',')).join(' ');
}

export function RadarChart({ model }: { model: ModelResult }) {
  const { t, locale } = useI18n();
  const dims = model.dimensions;
  const n = dims.length;
  const share = (points: number, most: number) => (most > 0 ? Math.max(0, Math.min(1, points / most)) : 0);
  return (
    <svg className="radar" viewBox={`${-MARGIN} 0 ${SIZE + 2 * MARGIN} ${SIZE}`} width={SIZE + 2 * MARGIN} height={SIZE} role="img" aria-label={t('score.radar.aria')} data-testid="radar">
      {RINGS.map((r) => (
        <polygon key={r} className="radar-ring" points={polygon(dims.map(() => r))} />
      ))}
      {dims.map((d, i) => {
        const [x, y] = at(i, n, RADIUS);
        return <line key={d.id} className="radar-axis" x1={CENTRE} y1={CENTRE} x2={x} y2={y} />;
      })}
      <polygon className="radar-range" points={polygon(dims.map((d) => share(d.pointsRange.high, d.maxPoints)))} />
      <polygon className="radar-value" points={polygon(dims.map((d) => share(d.points, d.maxPoints)))} />
      {dims.map((d, i) => {
        const [x, y] = at(i, n, RADIUS * share(d.points, d.maxPoints));
        const [lx, ly] = at(i, n, RADIUS + 30);
        const anchor = Math.abs(lx - CENTRE) < 8 ? 'middle' : lx < CENTRE ? 'end' : 'start';
        return (
          <g key={d.id}>
            <circle className="radar-dot" cx={x} cy={y} r={4} data-testid="radar-point" data-dimension={d.id} data-percent={d.percent} />
            <text className="radar-label" x={lx} y={ly} textAnchor={anchor}>
              {d.label[locale]}
            </text>
            <text className="radar-sub" x={lx} y={ly + 15} textAnchor={anchor}>
              {t('score.radar.points', { points: d.points, max: d.maxPoints, weight: Math.round(d.weight * 100) })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
