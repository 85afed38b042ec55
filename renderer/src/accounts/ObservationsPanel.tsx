import { SCORE_RANGES } from '../../../core/shared/reference-data.ts';
import { OBSERVATION_KINDS } from '../../../core/shared/ledger-vocabulary.ts';
import { invoke } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FormField } from './FormField.tsx';
import { parseWhole } from './money.ts';
import { useLoaded } from './useLedger.ts';
import { useRecordActions } from './useRecordActions.ts';

const EMPTY = { kind: 'sesame', label: '', value: '', observedOn: '', note: '' };

/** Scores the user saw in an app (Sesame, WeChat Pay Score, …): recorded, never estimated here. */
export function ObservationsPanel({ profileId }: { profileId: string }) {
  const { t, locale } = useI18n();
  const list = useLoaded(() => invoke('ledger.observations.list', { profileId }), profileId);
  const { form, set, error, errors, busy, submit, remove } = useRecordActions(EMPTY, {
    save: (values) =>
      invoke('ledger.observation.save', {
        profileId,
        observationId: null,
        input: { kind: values.kind, label: values.kind === 'other' ? values.label || null : null, value: parseWhole(values.value) ?? values.value, observedOn: values.observedOn, note: values.note || null },
      }),
    remove: (observationId) => invoke('ledger.observation.delete', { profileId, observationId }),
    reload: list.reload,
  });

  const observations = list.data?.observations ?? [];
  return (
    <section className="panel" data-testid="observations" aria-labelledby="observations-title">
      <h2 className="section-title" id="observations-title">
        {t('ledger.observations.title')}
      </h2>
      <p className="muted">{t('ledger.observations.why')}</p>
      {list.error && <ErrorMessage error={list.error} />}
      {observations.length === 0 ? (
        <p className="muted">{t('ledger.observations.none')}</p>
      ) : (
        <ul className="plain-list">
          {observations.map((o) => (
            <li key={o.id} data-testid="observation-row">
              <span>{o.observedOn}</span> <strong>{o.kind === 'other' ? o.label : SCORE_RANGES[o.kind].name[locale]}</strong> <span>{o.value}</span>
              {o.note && <span className="muted"> {o.note}</span>}{' '}
              <button type="button" className="link-button" onClick={() => void remove(o.id)}>
                {t('ledger.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="ledger-form ledger-form-inline" onSubmit={(event) => void submit(event)} noValidate>
        <FormField
          name="kind"
          label={t('ledger.observations.kind')}
          error={errors.kind}
          value={form.kind}
          onChange={set('kind')}
          options={OBSERVATION_KINDS.map((kind) => ({ value: kind, label: SCORE_RANGES[kind].name[locale] }))}
        />
        {form.kind === 'other' && <FormField name="label" label={t('ledger.observations.label')} error={errors.label} value={form.label} onChange={set('label')} />}
        <FormField
          name="value"
          label={t('ledger.observations.value')}
          hint={form.kind === 'other' ? undefined : t('ledger.observations.range', { min: SCORE_RANGES[form.kind as 'sesame'].min, max: SCORE_RANGES[form.kind as 'sesame'].max })}
          error={errors.value}
          value={form.value}
          onChange={set('value')}
        />
        <FormField name="observedOn" label={t('ledger.observations.date')} error={errors.observedOn} type="date" value={form.observedOn} onChange={set('observedOn')} />
        <FormField name="note" label={t('ledger.field.note')} error={errors.note} value={form.note} onChange={set('note')} />
        <button type="submit" className="button button-primary" disabled={busy} data-testid="observation-add">
          {t('ledger.observations.add')}
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
