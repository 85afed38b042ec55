import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAdviserMode } from './adviser-mode.ts';
import './adviser-mode.css';

/** The one setting between the simple view and the adviser's roster. */
export function AdviserModeSection() {
  const { t } = useI18n();
  const [on, setOn] = useAdviserMode();
  const id = useId();
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('adviser.title')}
      </h2>
      <p className="muted">{t('adviser.body')}</p>
      <label className="adviser-toggle" htmlFor={id}>
        <input id={id} type="checkbox" data-testid="adviser-mode" checked={on} onChange={(event) => setOn(event.currentTarget.checked)} />
        {t('adviser.toggle')}
      </label>
    </section>
  );
}
