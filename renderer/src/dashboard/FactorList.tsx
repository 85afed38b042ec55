import { useI18n } from '../i18n/I18nProvider.tsx';
import { prose, scoreValue } from '../presentation/format.ts';
import { factorValue, signed } from './format.ts';
import type { FactorResult, ModelResult } from './useScores.ts';

function Points({ f }: { f: FactorResult }) {
  const { t } = useI18n();
  const uncertain = f.pointsRange.low !== f.pointsRange.high;
  return (
    <p className="factor-points">
      {f.origin === 'adjustment' ? (
        <strong>{t('score.factor.adjustmentPoints', { points: scoreValue(signed(f.points)) })}</strong>
      ) : (
        <strong>{t('score.factor.points', { points: scoreValue(f.points), max: f.maxPoints })}</strong>
      )}
      {uncertain && <span className="muted"> {t('score.factor.pointsRange', { low: scoreValue(f.pointsRange.low), high: scoreValue(f.pointsRange.high) })}</span>}
    </p>
  );
}

function Origin({ f }: { f: FactorResult }) {
  const { t } = useI18n();
  if (f.origin === 'adjustment') return <span className="factor-origin factor-origin-adjustment">{t('score.origin.adjustment', { rule: f.ruleId ?? '' })}</span>;
  if (f.origin === 'fitted') return <span className="factor-origin">{t('score.origin.fitted')}</span>;
  return <span className="factor-origin">{t('score.origin.estimate')}</span>;
}

function FactorCard({ f }: { f: FactorResult }) {
  const { t, locale } = useI18n();
  const impact = { high: t('score.impact.high'), medium: t('score.impact.medium'), low: t('score.impact.low') }[f.impact];
  return (
    <li className={`factor-card${f.pointsBelowBest > 0 ? ' factor-card-lost' : ''}`} data-testid="factor" data-key={f.key} data-points={f.points} data-max={f.maxPoints} data-origin={f.origin} data-impact={f.impact}>
      <div className="factor-head">
        <span className="factor-label">{f.label[locale]}</span>
        <span className={`impact impact-${f.impact}`}>{impact}</span>
      </div>
      <Points f={f} />
      <p className="factor-value">
        {t('score.factor.value', { value: factorValue(f, t) })} · <Origin f={f} />
      </p>
      {f.pointsBelowBest > 0 && <p className="factor-reason">{prose(f.reason[locale])}</p>}
      <details className="factor-more">
        <summary>{t('score.factor.more')}</summary>
        <p>{f.effect[locale]}</p>
        <ul className="factor-sources">
          {f.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}

/** Every factor of a model as a card; the estimate's grouped by dimension, the bureau's fitted features then adjustments. */
export function FactorList({ model, kind }: { model: ModelResult; kind: 'bureau' | 'sesame' }) {
  const { t, locale } = useI18n();
  const groups: { id: string; title: string; note?: string; factors: FactorResult[] }[] =
    kind === 'sesame'
      ? model.dimensions.map((d) => ({
          id: d.id,
          title: t('score.dimension.title', { name: d.label[locale], points: scoreValue(d.points), max: d.maxPoints, weight: Math.round(d.weight * 100) }),
          factors: model.factors.filter((f) => f.dimension === d.id),
        }))
      : [
          { id: 'fitted', title: t('score.factors.fitted'), note: t('score.factors.fittedNote'), factors: model.factors.filter((f) => f.origin === 'fitted') },
          { id: 'adjustment', title: t('score.factors.adjustments'), note: t('score.factors.adjustmentsNote'), factors: model.factors.filter((f) => f.origin === 'adjustment') },
        ];
  return (
    <div className="factor-groups" data-testid={`factors-${kind}`}>
      {groups.map((g) => (
        <section key={g.id} className="factor-group" data-group={g.id}>
          <h3 className="factor-group-title">{g.title}</h3>
          {g.note && <p className="muted">{g.note}</p>}
          <ul className="factor-grid">
            {g.factors.map((f) => (
              <FactorCard key={f.key} f={f} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
