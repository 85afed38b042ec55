import { useId, useState, type FormEvent } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { FormField } from '../accounts/FormField.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { personName } from '../presentation/format.ts';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';

type Details = NonNullable<ProfileSummary['client']>['details'];

/** The error's sentence for one field, from core's `profile.invalid_client` details. */
function fieldError(error: IpcError | null, field: string): { 'zh-CN': string; en: string } | undefined {
  const fields = error?.details.fields as { field: string; message: { 'zh-CN': string; en: string } }[] | undefined;
  return fields?.find((f) => f.field === field)?.message;
}

/** Phone, tags and notes of one client; core checks every field and names the one it refuses. */
export function ClientEditor({ profile, details, onDone }: { profile: ProfileSummary; details: Details; onDone: (saved: boolean) => void }) {
  const { t, locale } = useI18n();
  const [phone, setPhone] = useState(details.phone ?? '');
  const [tags, setTags] = useState(details.tags.join(locale === 'zh-CN' ? '，' : ', '));
  const [notes, setNotes] = useState(details.notes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const notesId = useId();
  const titleId = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const list = tags.split(/[,，]/).map((tag) => tag.trim()).filter((tag) => tag !== '');
      await invoke('profiles.editClient', { id: profile.id, phone: phone.trim() === '' ? null : phone, tags: list, notes });
      onDone(true);
    } catch (caught) {
      setError(asIpcError(caught));
    } finally {
      setBusy(false);
    }
  }

  const notesError = fieldError(error, 'notes');
  return (
    <form className="roster-editor" data-testid="client-editor" aria-labelledby={titleId} onSubmit={(event) => void save(event)}>
      <h3 id={titleId} className="section-title">
        {t('roster.editTitle', { name: personName(profile.name) })}
      </h3>
      <div className="form-grid">
        <FormField name="phone" label={t('roster.field.phone')} value={phone} onChange={setPhone} hint={t('roster.field.phoneHint')} error={fieldError(error, 'phone')} />
        <FormField name="tags" label={t('roster.field.tags')} value={tags} onChange={setTags} hint={t('roster.field.tagsHint')} error={fieldError(error, 'tags')} />
      </div>
      <div className="form-field" data-field="notes">
        <label htmlFor={notesId}>{t('roster.field.notes')}</label>
        <textarea id={notesId} className="input roster-notes-input" data-testid="field-notes" rows={3} maxLength={2000} value={notes} aria-invalid={notesError ? true : undefined} onChange={(event) => setNotes(event.currentTarget.value)} />
        {notesError && (
          <span className="error-text" role="alert">
            {notesError[locale]}
          </span>
        )}
      </div>
      {error && !fieldError(error, 'phone') && !fieldError(error, 'tags') && !notesError && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="client-save" disabled={busy}>
          {busy ? t('roster.saving') : t('roster.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('roster.cancel')}
        </button>
      </div>
    </form>
  );
}
