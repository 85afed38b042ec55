import { QUERY_REASONS } from '../../../core/shared/reference-data.ts';
import { INSTITUTION_TYPES } from '../../../core/shared/ledger-vocabulary.ts';
import { invoke } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { INSTITUTION_KEYS } from './labels.ts';
import { FormField } from './FormField.tsx';
import { useLoaded } from './useLedger.ts';
import { useRecordActions } from './useRecordActions.ts';

const EMPTY = { queriedOn: '', institution: '', institutionType: '', reasonCode: '02', note: '' };

/** 查询记录: what the user reads off their report, with the reason code that makes a query hard. */
export function QueriesPanel({ profileId }: { profileId: string }) {
  const { t, locale } = useI18n();
  const list = useLoaded(() => invoke('ledger.queries.list', { profileId }), profileId);
  const { form, set, error, errors, busy, submit, remove } = useRecordActions(EMPTY, {
    save: (values) =>
      invoke('ledger.query.save', {
        profileId,
        queryId: null,
        input: { queriedOn: values.queriedOn, institution: values.institution, reasonCode: values.reasonCode, institutionType: values.institutionType || null, note: values.note || null },
      }),
    remove: (queryId) => invoke('ledger.query.delete', { profileId, queryId }),
    reload: list.reload,
  });

  const queries = list.data?.queries ?? [];
  return (
    <section className="panel" data-testid="queries" aria-labelledby="queries-title">
      <h2 className="section-title" id="queries-title">
        {t('ledger.queries.title')}
      </h2>
      <p className="muted">{t('ledger.queries.why')}</p>
      {list.error && <ErrorMessage error={list.error} />}
      {queries.length === 0 ? (
        <p className="muted">{t('ledger.queries.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="ledger-table">
            <tbody>
              {queries.map((q) => (
                <tr key={q.id} data-testid="query-row">
                  <td>{q.queriedOn}</td>
                  <td>{q.institution}</td>
                  <td>
                    {q.reasonCode} {QUERY_REASONS.find((r) => r.code === q.reasonCode)?.name[locale] ?? ''}
                  </td>
                  <td>{q.hard ? <span className="badge badge-warning">{t('ledger.queries.hard')}</span> : <span className="muted">{t('ledger.queries.soft')}</span>}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => void remove(q.id)}>
                      {t('ledger.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="ledger-form ledger-form-inline" onSubmit={(event) => void submit(event)} noValidate>
        <FormField name="queriedOn" label={t('ledger.queries.date')} error={errors.queriedOn} type="date" value={form.queriedOn} onChange={set('queriedOn')} />
        <FormField name="institution" label={t('ledger.queries.institution')} error={errors.institution} value={form.institution} onChange={set('institution')} />
        <FormField
          name="institutionType"
          label={t('ledger.field.institutionType')}
          error={errors.institutionType}
          value={form.institutionType}
          onChange={set('institutionType')}
          options={[{ value: '', label: t('ledger.unknown') }, ...INSTITUTION_TYPES.map((code) => ({ value: code, label: `${code} ${t(INSTITUTION_KEYS[code])}` }))]}
        />
        <FormField
          name="reasonCode"
          label={t('ledger.queries.reason')}
          error={errors.reasonCode}
          value={form.reasonCode}
          onChange={set('reasonCode')}
          options={QUERY_REASONS.map((r) => ({ value: r.code, label: `${r.code === 'self' ? '' : `${r.code} `}${r.name[locale]}` }))}
        />
        <FormField name="note" label={t('ledger.field.note')} error={errors.note} value={form.note} onChange={set('note')} />
        <button type="submit" className="button button-primary" disabled={busy} data-testid="query-add">
          {t('ledger.queries.add')}
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
