import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePresentation } from './PresentationProvider.tsx';
import './presentation.css';

/** The header's switch (and Ctrl/⌘+Shift+P), with the second toggle for scores while it is on. */
export function PresentationSwitch() {
  const { t } = useI18n();
  const { on, hideScores, toggle, setHideScores } = usePresentation();
  const scoresId = useId();
  return (
    <div className="presentation-switch">
      <button
        type="button"
        className={on ? 'button presentation-on' : 'button button-quiet'}
        data-testid="presentation-switch"
        aria-pressed={on}
        aria-keyshortcuts="Control+Shift+P Meta+Shift+P"
        title={t('presentation.switchTitle')}
        onClick={toggle}
      >
        <span className="presentation-eye" aria-hidden="true" />
        {t('presentation.switch')}
      </button>
      {on && (
        <label className="presentation-scores" htmlFor={scoresId}>
          <input id={scoresId} type="checkbox" data-testid="presentation-hide-scores" checked={hideScores} onChange={(event) => setHideScores(event.currentTarget.checked)} />
          {t('presentation.hideScores')}
        </label>
      )}
    </div>
  );
}

/** Under the header while the mode is on, so nobody forgets it (and a screen reader hears it once). */
export function PresentationBanner() {
  const { t } = useI18n();
  const { on } = usePresentation();
  if (!on) return null;
  return (
    <p className="presentation-banner" role="status" data-testid="presentation-banner">
      {t('presentation.on')}
    </p>
  );
}
