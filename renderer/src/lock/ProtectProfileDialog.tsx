import { useId, useState, type FormEvent } from 'react';
import { asIpcError, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProfiles } from '../profiles/ProfilesProvider.tsx';
import { useLock } from './LockProvider.tsx';
import { PassphraseField } from './PassphraseField.tsx';
import { useModalDialog } from '../components/useModalDialog.ts';

const MIN_LENGTH = 8;

/**
 * The second step of "new profile": a new profile is encrypted unless the user ticks the opt-out.
 * Then the recovery code, once, shown by the lock provider until the user says it is saved.
 */
export function ProtectProfileDialog({ name, onClose }: { name: string; onClose: (created: boolean) => void }) {
  const { t } = useI18n();
  const { create } = useProfiles();
  const { status, showRecoveryCode } = useLock();
  const ref = useModalDialog();
  const titleId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [optOut, setOptOut] = useState(false);
  const [quickUnlock, setQuickUnlock] = useState(false);
  const [problem, setProblem] = useState<'tooShort' | 'mismatch' | IpcError | null>(null);
  const [busy, setBusy] = useState(false);


  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!optOut && [...passphrase].length < MIN_LENGTH) return setProblem('tooShort');
    if (!optOut && passphrase !== again) return setProblem('mismatch');
    setBusy(true);
    setProblem(null);
    try {
      const created = await create(name, optOut ? undefined : { passphrase, quickUnlock });
      setPassphrase('');
      setAgain('');
      // Shown by the lock provider: creating selects the profile, which unmounts this form.
      if (created.recoveryCode) showRecoveryCode(created.recoveryCode, name);
      onClose(true);
    } catch (caught) {
      setProblem(asIpcError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog protect-dialog"
      data-testid="protect-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose(false);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('protect.title', { name })}</h2>
        <p>{t('protect.body')}</p>
        {!optOut && (
          <>
            <PassphraseField label={t('protect.passphrase')} value={passphrase} onChange={setPassphrase} testId="protect-passphrase" autoFocus />
            <PassphraseField label={t('protect.confirm')} value={again} onChange={setAgain} testId="protect-confirm" />
            {status?.quickUnlockAvailable && (
              <label className="check">
                <input type="checkbox" checked={quickUnlock} onChange={(event) => setQuickUnlock(event.target.checked)} />
                {t('protect.quickUnlock')}
              </label>
            )}
          </>
        )}
        <label className="check check-warning">
          <input type="checkbox" data-testid="protect-opt-out" checked={optOut} onChange={(event) => setOptOut(event.target.checked)} />
          {t('protect.optOut')}
        </label>
        {problem === 'tooShort' && (
          <p className="error-text" role="alert" data-testid="protect-error">
            {t('protect.tooShort')}
          </p>
        )}
        {problem === 'mismatch' && (
          <p className="error-text" role="alert" data-testid="protect-error">
            {t('protect.mismatch')}
          </p>
        )}
        {problem !== null && typeof problem !== 'string' && <ErrorMessage error={problem} testId="protect-error" />}
        <div className="dialog-actions">
          <button type="button" className="button" disabled={busy} onClick={() => onClose(false)}>
            {t('protect.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="protect-submit" disabled={busy}>
            {busy ? t('protect.creating') : t('protect.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
