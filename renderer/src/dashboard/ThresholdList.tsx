import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ModelResult } from './useScores.ts';

/** What the estimate would unlock at merchants' published thresholds, each with its source. */
export function ThresholdList({ model }: { model: ModelResult }) {
  const { t, locale } = useI18n();
  return (
    <ul className="threshold-list" data-testid="thresholds">
      {model.thresholds.map((th) => {
        const state = th.reached ? (th.certain ? 'reached' : 'maybe') : 'not';
        const mark = { reached: t('score.threshold.reached'), maybe: t('score.threshold.maybe'), not: t('score.threshold.not') }[state];
        return (
          <li key={th.id} className={`threshold threshold-${state}`} data-testid="threshold" data-id={th.id} data-state={state}>
            <span className="threshold-score">{th.score}</span>
            <span className="threshold-label">{th.label[locale]}</span>
            <span className="threshold-state">{mark}</span>
            <details className="threshold-sources">
              <summary>{t('score.threshold.source')}</summary>
              {th.note && <p>{th.note[locale]}</p>}
              <ul>
                {th.sources.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
