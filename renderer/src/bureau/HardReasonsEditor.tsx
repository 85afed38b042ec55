import { useState } from 'react';
import { QUERY_REASONS } from '../../../core/shared/reference-data.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { BureauReport } from './useBureau.ts';

/**
 * Which query-reason codes count as hard for this profile (core/rules/hard-queries.ts): one
 * checkbox per reason code, saved through core (which checks the codes), with a reset to the
 * default. The ledger's query marks, the hard-query rules and the score all follow the saved set.
 */
export function HardReasonsEditor({ report, profileId, onSaved }: { report: BureauReport; profileId: string; onSaved: (report: BureauReport) => void }) {
  const { t, locale } = useI18n();
  const saved = report.hardQueryReasons;
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(saved.codes));
  const [error, setError] = useState<IpcError | null>(null);
  const save = (codes: string[] | null) => {
    setError(null);
    invoke('bureau.hardReasons.save', { profileId, codes, asOf: report.asOf }).then(onSaved, (failure) => setError(asIpcError(failure)));
  };
  const toggle = (code: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(code);
    else next.delete(code);
    setChecked(next);
  };
  const nameOf = (code: string) => QUERY_REASONS.find((r) => r.code === code)?.name[locale] ?? code;
  const unchanged = checked.size === saved.codes.length && saved.codes.every((code) => checked.has(code));
  return (
    <form
      className="bureau-hard-reasons"
      data-testid="hard-reasons-form"
      data-codes={saved.codes.join(',')}
      data-edited={saved.edited}
      onSubmit={(event) => {
        event.preventDefault();
        save(QUERY_REASONS.map((r) => r.code).filter((code) => checked.has(code)));
      }}
    >
      <fieldset className="form-section">
        <legend>
          {t('bureau.hard.title')} {saved.edited && <span className="badge badge-warning">{t('bureau.rule.edited')}</span>}
        </legend>
        <p className="muted">{t('bureau.hard.intro', { defaults: saved.defaults.map(nameOf).join(t('bureau.reporting.listSeparator')) })}</p>
        <div className="form-grid">
          {QUERY_REASONS.map((reason) => (
            <label key={reason.code} className="field-inline">
              <input
                type="checkbox"
                data-testid="hard-reason"
                data-code={reason.code}
                checked={checked.has(reason.code)}
                onChange={(event) => toggle(reason.code, event.currentTarget.checked)}
              />{' '}
              {reason.code === 'self' ? '' : `${reason.code} `}
              {reason.name[locale]}
              {saved.defaults.includes(reason.code) && <span className="muted"> {t('bureau.hard.isDefault')}</span>}
            </label>
          ))}
        </div>
        {checked.size === 0 && <p className="muted" data-testid="hard-reasons-none">{t('bureau.hard.none')}</p>}
        <p>
          <button type="submit" className="button button-primary" data-testid="hard-reasons-save" disabled={unchanged}>
            {t('bureau.hard.save')}
          </button>{' '}
          {saved.edited && (
            <button type="button" className="button" data-testid="hard-reasons-reset" onClick={() => save(null)}>
              {t('bureau.rule.reset')}
            </button>
          )}
        </p>
        {error && <ErrorMessage error={error} />}
      </fieldset>
    </form>
  );
}
