import { useState } from 'react';
import { parseDay, formatDay } from '../../../core/shared/calendar.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { FormField } from '../accounts/FormField.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Catalogue, ConsentView, Notice, TermsDraft } from './types.ts';

type FieldErrors = Record<string, { 'zh-CN': string; en: string }>;

const plusDays = (day: string, days: number) => formatDay(parseDay(day)! + days);

/** A new consent's first draft (30 days, one export, nothing ticked), or the terms of the consent being amended. */
export function initialDraft(catalogue: Catalogue, locale: TermsDraft['language'], amending: ConsentView | null): TermsDraft {
  if (amending) {
    const r = amending.record;
    return {
      recipient: { ...r.recipient },
      purpose: { code: r.purpose.code, ...(r.purpose.code === 'other' ? { text: r.purpose.text } : {}) },
      categories: r.categories.map(({ code, fields }) => ({ code, fields: [...fields] })),
      expiresOn: plusDays(catalogue.today, 30),
      maxExports: r.maxExports,
      recipientDeleteBy: plusDays(catalogue.today, 30),
      language: r.language,
    };
  }
  return {
    recipient: { name: '', kind: 'individual', contact: '', location: 'CN' },
    purpose: { code: catalogue.purposes[0]!.code },
    categories: [],
    expiresOn: plusDays(catalogue.today, 30),
    maxExports: 1,
    recipientDeleteBy: plusDays(catalogue.today, 30),
    language: locale,
  };
}

function toggle(draft: TermsDraft, code: string, fields: readonly string[], on: boolean): TermsDraft['categories'] {
  const current = new Map(draft.categories.map((c) => [c.code, new Set(c.fields)]));
  const set = current.get(code) ?? new Set<string>();
  for (const field of fields) {
    if (on) set.add(field);
    else set.delete(field);
  }
  current.set(code, set);
  return [...current].filter(([, s]) => s.size > 0).map(([c, s]) => ({ code: c, fields: [...s] }));
}

function DataPicker({ catalogue, draft, onChange }: { catalogue: Catalogue; draft: TermsDraft; onChange: (categories: TermsDraft['categories']) => void }) {
  const { t, locale } = useI18n();
  const chosen = (code: string) => new Set(draft.categories.find((c) => c.code === code)?.fields ?? []);
  return (
    <div className="consent-data-picker">
      {catalogue.categories.map((category) => {
        const picked = chosen(category.code);
        const all = category.columns.map((c) => c.key);
        return (
          <fieldset key={category.code} className="consent-category" data-testid={`consent-category-${category.code}`}>
            <legend>
              <label>
                <input
                  type="checkbox"
                  data-testid={`consent-category-all-${category.code}`}
                  checked={picked.size === all.length}
                  ref={(box) => {
                    if (box) box.indeterminate = picked.size > 0 && picked.size < all.length;
                  }}
                  onChange={(event) => onChange(toggle(draft, category.code, all, event.currentTarget.checked))}
                />{' '}
                {category.label[locale]}
              </label>{' '}
              {category.sensitive && <span className="badge badge-warning">{t('consent.form.sensitive')}</span>}
            </legend>
            <p className="muted">{category.purpose[locale]}</p>
            <ul className="consent-fields">
              {category.columns.map((column) => (
                <li key={column.key}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid={`consent-field-${category.code}-${column.key}`}
                      checked={picked.has(column.key)}
                      onChange={(event) => onChange(toggle(draft, category.code, [column.key], event.currentTarget.checked))}
                    />{' '}
                    {column.label[locale]}
                  </label>
                  {category.restricted.includes(column.key) && <span className="consent-restricted">{t('consent.form.restricted')}</span>}
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}

/** Step 1: who, why, which fields, how long. Core renders the notice of these terms for step 2. */
export function GrantForm(props: {
  profileId: string;
  catalogue: Catalogue;
  draft: TermsDraft;
  amending: ConsentView | null;
  onDraft: (draft: TermsDraft) => void;
  onNext: (notice: Notice) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const { draft, onDraft, catalogue } = props;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [needData, setNeedData] = useState(false);
  const set = (patch: Partial<TermsDraft>) => onDraft({ ...draft, ...patch });
  const recipient = (patch: Partial<TermsDraft['recipient']>) => set({ recipient: { ...draft.recipient, ...patch } });

  async function next() {
    if (draft.categories.length === 0) {
      setNeedData(true);
      return;
    }
    setBusy(true);
    try {
      const notice = await invoke('consent.notice', { profileId: props.profileId, terms: draft });
      props.onNext(notice);
    } catch (caught) {
      const failure = asIpcError(caught);
      const fields = failure.code === 'consent.invalid_terms' ? (failure.details.fields as { field: string; message: FieldErrors[string] }[]) : [];
      setErrors(Object.fromEntries(fields.map((f) => [f.field, f.message])));
      setError(fields.length > 0 ? null : failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel consent-form" data-testid="consent-form" aria-labelledby="consent-form-title">
      <h2 id="consent-form-title">{t(props.amending ? 'consent.form.amendTitle' : 'consent.form.title')}</h2>
      <h3 className="section-title">{t('consent.form.recipient')}</h3>
      <div className="form-grid">
        <FormField name="recipientName" label={t('consent.form.recipientName')} value={draft.recipient.name} onChange={(name) => recipient({ name })} error={errors['recipient.name'] ?? errors.recipient} />
        <FormField
          name="recipientKind"
          label={t('consent.form.recipientKind')}
          value={draft.recipient.kind}
          options={[
            { value: 'individual', label: t('consent.form.kind.individual') },
            { value: 'firm', label: t('consent.form.kind.firm') },
          ]}
          onChange={(kind) => recipient({ kind: kind as TermsDraft['recipient']['kind'] })}
        />
        <FormField name="contact" label={t('consent.form.contact')} value={draft.recipient.contact} onChange={(contact) => recipient({ contact })} error={errors['recipient.contact']} />
        <FormField
          name="location"
          label={t('consent.form.location')}
          value={draft.recipient.location}
          options={[
            { value: 'CN', label: t('consent.form.location.CN') },
            { value: 'overseas', label: t('consent.form.location.overseas') },
          ]}
          onChange={(location) => recipient({ location: location as TermsDraft['recipient']['location'] })}
          hint={draft.recipient.location === 'overseas' ? t('consent.form.overseasWarning') : undefined}
        />
        <FormField
          name="purpose"
          label={t('consent.form.purpose')}
          value={draft.purpose.code}
          options={catalogue.purposes.map((p) => ({ value: p.code, label: p.label[locale] }))}
          onChange={(code) => set({ purpose: { code, ...(code === 'other' ? { text: draft.purpose.text ?? '' } : {}) } })}
        />
        {draft.purpose.code === 'other' && (
          <FormField name="purposeText" label={t('consent.form.purposeText')} value={draft.purpose.text ?? ''} onChange={(text) => set({ purpose: { code: 'other', text } })} error={errors['purpose.text']} />
        )}
      </div>
      <h3 className="section-title">{t('consent.form.data')}</h3>
      <p className="muted">{t('consent.form.dataHint')}</p>
      <DataPicker
        catalogue={catalogue}
        draft={draft}
        onChange={(categories) => {
          setNeedData(false);
          set({ categories });
        }}
      />
      {(needData || errors.categories) && <p className="error-text" role="alert">{needData ? t('consent.form.needData') : errors.categories![locale]}</p>}
      <h3 className="section-title">{t('consent.form.terms')}</h3>
      <div className="form-grid">
        <FormField name="expiresOn" type="date" label={t('consent.form.expiresOn')} value={draft.expiresOn} onChange={(expiresOn) => set({ expiresOn })} error={errors.expiresOn} />
        <FormField
          name="maxExports"
          label={t('consent.form.maxExports')}
          value={String(draft.maxExports)}
          onChange={(text) => set({ maxExports: /^\d+$/.test(text) ? Number(text) : 0 })}
          error={errors.maxExports}
        />
        <FormField name="deleteBy" type="date" label={t('consent.form.deleteBy')} value={draft.recipientDeleteBy} onChange={(recipientDeleteBy) => set({ recipientDeleteBy })} error={errors.recipientDeleteBy} />
        <FormField
          name="language"
          label={t('consent.form.language')}
          value={draft.language}
          options={[
            { value: 'zh-CN', label: t('consent.language.zh-CN') },
            { value: 'en', label: t('consent.language.en') },
          ]}
          onChange={(language) => set({ language: language as TermsDraft['language'] })}
        />
      </div>
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={props.onCancel} disabled={busy}>
          {t('consent.form.cancel')}
        </button>
        <button type="button" className="button button-primary" data-testid="consent-next" onClick={() => void next()} disabled={busy}>
          {t('consent.form.next')}
        </button>
      </div>
    </section>
  );
}
