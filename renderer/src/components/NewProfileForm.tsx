import { useId, useState, type FormEvent } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ProtectProfileDialog } from '../lock/ProtectProfileDialog.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import './NewProfileForm.css';

// A blank name is caught here because main would only report it as a generic invalid request;
// every other rule (length, duplicates) is main's, and its envelope error is shown as sent.
// A name main accepts goes on to the passphrase step (lock/ProtectProfileDialog.tsx).
type FormError = IpcError | 'blank';

export function NewProfileForm({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const [protecting, setProtecting] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setError('blank');
      return;
    }
    setBusy(true);
    try {
      const checked = await invoke('profiles.checkName', { name });
      setError(null);
      setProtecting(checked.name);
    } catch (caught) {
      setError(asIpcError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
    <form className={compact ? 'new-profile new-profile-compact' : 'new-profile'} onSubmit={submit} noValidate>
      <label htmlFor={inputId}>{t('profiles.newLabel')}</label>
      <div className="new-profile-row">
        <input
          id={inputId}
          data-testid="new-profile-name"
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={80}
          placeholder={t('profiles.namePlaceholder')}
          value={name}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button-primary" data-testid="new-profile-submit" disabled={busy}>
          {busy ? t('profiles.creating') : t('profiles.create')}
        </button>
      </div>
      {error === 'blank' && (
        <p className="error-text" role="alert" id={errorId} data-testid="profile-error">
          {t('profiles.nameRequired')}
        </p>
      )}
      {error !== null && error !== 'blank' && <ErrorMessage error={error} id={errorId} testId="profile-error" />}
    </form>
      {/* Outside the form: the dialog has a form of its own. */}
      {protecting !== null && (
        <ProtectProfileDialog
          name={protecting}
          onClose={(created) => {
            setProtecting(null);
            if (created) setName('');
          }}
        />
      )}
    </>
  );
}
