import { useI18n } from '../i18n/I18nProvider.tsx';
import { RangeBar } from './RangeBar.tsx';
import { scored, type ModelResult, type ScoredModel } from './useScores.ts';
import { bandLabel, prose, scoreValue, scoresHidden } from '../presentation/format.ts';

function NextActionBox({ model }: { model: ModelResult }) {
  const { t, locale } = useI18n();
  const next = model.nextAction;
  if (!next) return <p className="next-action next-action-none muted">{t('score.next.top')}</p>;
  return (
    <div className={`next-action${next.reaches ? '' : ' next-action-partial'}`} data-testid="next-action" data-kind={next.kind} data-target={next.target.score} data-after={next.scoreAfter}>
      <p className="next-action-title">{next.reaches ? t('score.next.title') : t('score.next.closest')}</p>
      <p>{prose(next.text[locale])}</p>
    </div>
  );
}

/** A thin file: no number, band or percentile; each check of the rules, what the ledger shows and what would meet it. */
function NotScorable({ model }: { model: ModelResult }) {
  const { t, locale } = useI18n();
  const scorability = model.scorability;
  return (
    <div className="score-unscorable" data-testid="score-unscorable">
      <p className="score-value score-value-none">{t('score.unscorable.title')}</p>
      {scorability?.onlyIfUnknownReported && <p className="muted">{t('score.unscorable.ifReported')}</p>}
      <ul className="plain-list" data-testid="scorability-checks">
        {scorability?.checks.map((c) => (
          <li key={c.id} data-testid="scorability-check" data-id={c.id} data-met={c.met}>
            <strong>{c.met ? t('score.unscorable.met') : t('score.unscorable.unmet')}</strong> {c.label[locale]}: {c.finding[locale]}
            {c.action && <span className="muted"> {c.action[locale]}</span>}
          </li>
        ))}
      </ul>
      {scorability?.scorableFrom && <p data-testid="scorable-from">{t('score.unscorable.from', { date: scorability.scorableFrom })}</p>}
    </div>
  );
}

/** The lender rules the simulated report fails, on the score card itself, so band and lender view never disagree silently. */
function FailingRules({ model }: { model: ModelResult }) {
  const { t, locale } = useI18n();
  if (model.failingRules.length === 0) return null;
  return (
    <div className="score-vetoes" data-testid="score-vetoes" role="note">
      <p className="next-action-title">{t('score.vetoes.title')}</p>
      <ul className="plain-list">
        {model.failingRules.map((r) => (
          <li key={r.ruleId} data-testid="score-veto" data-rule={r.ruleId} data-certain={r.certain}>
            {r.label[locale]}: {r.explanation[locale]}
            {!r.certain && <span className="muted"> {t('score.vetoes.ifReported')}</span>}
          </li>
        ))}
      </ul>
      {model.bandCap && (
        <p className="muted" data-testid="score-band-cap" data-uncapped={model.bandCap.uncapped.id}>
          {t('score.vetoes.cap', { uncapped: model.bandCap.uncapped.label[locale] })} {model.bandCap.convention[locale]}
        </p>
      )}
    </div>
  );
}

/** One model: the score, its band and range on the scale, what it is, the top reasons and the next step. */
export function ScoreCard({ model, kind }: { model: ModelResult; kind: 'bureau' | 'sesame' }) {
  const { t, locale } = useI18n();
  const result = scored(model);
  return (
    <section className="panel score-card" data-testid={`score-${kind}`} data-model={model.modelId} data-scorable={result !== null} aria-labelledby={`score-${kind}-title`}>
      {result ? (
        <ScoredHead model={result} kind={kind} />
      ) : (
        <>
          <div className="score-card-head">
            <h2 id={`score-${kind}-title`}>{model.name[locale]}</h2>
          </div>
          <NotScorable model={model} />
        </>
      )}
      <FailingRules model={model} />
      <p className="score-disclaimer" data-testid="score-disclaimer">
        {model.disclaimer[locale]}
      </p>
      {/* Without a number there is nothing to explain or improve on: the checks above say what to do. */}
      {result && (
        <>
        <h3 className="score-subtitle">{t('score.reasons.title')}</h3>
        {model.reasons.length === 0 ? (
          <p className="muted">{t('score.reasons.none')}</p>
        ) : (
          <ol className="score-reasons" data-testid="score-reasons">
            {model.reasons.map((r) => (
              <li key={r.key} data-testid="score-reason" data-key={r.key}>
                {prose(r.text[locale])} <span className="muted">{t('score.reasons.lost', { points: scoreValue(r.pointsBelowBest) })}</span>
                {r.origin === 'adjustment' && <span className="badge badge-quiet"> {t('score.reasons.heuristic')}</span>}
              </li>
            ))}
          </ol>
        )}
        <NextActionBox model={model} />
        </>
      )}
      {model.uncertainty.length > 0 && (
        <details className="score-uncertainty" data-testid="score-uncertainty">
          <summary>{t('score.uncertainty.title')}</summary>
          <ul className="plain-list">
            {model.uncertainty.map((n) => (
              <li key={n.key} data-key={n.key}>
                {prose(n.text[locale])}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The number, its band and range on the scale, and the percentile. */
function ScoredHead({ model, kind }: { model: ScoredModel; kind: 'bureau' | 'sesame' }) {
  const { t, locale } = useI18n();
  const ranged = model.range.low !== model.range.high;
  const bandsDiffer = model.bandRange.low.id !== model.bandRange.high.id;
  return (
    <>
      <div className="score-card-head">
        <h2 id={`score-${kind}-title`}>{model.name[locale]}</h2>
        <span className={`score-band score-band-${model.band.id}`} data-testid="score-band" data-band={model.band.id}>
          {bandLabel(model.band.label[locale])}
        </span>
      </div>
      <p className="score-main">
        <span className="score-value" data-testid="score-value">
          {scoreValue(model.score)}
        </span>
        <span className="score-range" data-testid="score-range" data-low={model.range.low} data-high={model.range.high}>
          {ranged ? t('score.range', { low: scoreValue(model.range.low), high: scoreValue(model.range.high) }) : t('score.rangeExact')}
        </span>
      </p>
      {bandsDiffer && (
        <p className="muted" data-testid="score-band-range">
          {t('score.bandRange', { low: bandLabel(model.bandRange.low.label[locale]), high: bandLabel(model.bandRange.high.label[locale]) })}
        </p>
      )}
      {!scoresHidden() && <RangeBar model={model} />}
      {model.percentile !== null && !scoresHidden() && <p className="muted">{t('score.percentile', { percent: model.percentile })}</p>}
    </>
  );
}
