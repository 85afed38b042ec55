import { useState, type FormEvent } from 'react';
import { QUERY_REASONS } from '../../../core/ledger/reference-data.ts';
import { INSTITUTION_TYPES } from '../../../core/ledger/types.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { INSTITUTION_KEYS } from './labels.ts';
import { fieldErrors, useLoaded } from './useLedger.ts';
import { FormField } from './FormField.tsx';

const EMPTY = { queriedOn: '', institution: '', institutionType: '', reasonCode: '02', note: '' };

/** 查询记录: what the user reads off their report, with the reason code that makes a query hard. */
export function QueriesPanel({ profileId }: { profileId: string }) {
  const { t, locale } = useI18n();
  const list = useLoaded(() => invoke('ledger.queries.list', { profileId }), profileId);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const set = (name: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await invoke('ledger.query.save', {
        profileId,
        queryId: null,
        input: { queriedOn: form.queriedOn, institution: form.institution, reasonCode: form.reasonCode, institutionType: form.institutionType || null, note: form.note || null },
      });
      setForm(EMPTY);
      await list.reload();
    } catch (failure) {
      setError(asIpcError(failure));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (queryId: number) => {
    try {
      await invoke('ledger.query.delete', { profileId, queryId });
      await list.reload();
    } catch (failure) {
      setError(asIpcError(failure));
    }
  };

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
