import { useId, useState, type FormEvent } from 'react';
import type { Request } from '../../../core/ipc/contract.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProfiles, type ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { useLock } from './LockProvider.tsx';
import { PassphraseField } from './PassphraseField.tsx';
import { personName } from '../presentation/format.ts';

type Method = 'passphrase' | 'recovery' | 'keychain';
type Secret = NonNullable<Request<'lock.unlock'>['secret']>;

/**
 * In place of every page while the app is locked, or while the chosen profile is encrypted and
 * its key is not in memory. Unlocking is main's: the secret goes to `lock.unlock` and nowhere else.
 */
export function UnlockScreen({ profile, appLocked }: { profile: ProfileSummary; appLocked: boolean }) {
  const { t } = useI18n();
  const { profiles, select, reload } = useProfiles();
  const { status, refresh } = useLock();
  const [method, setMethod] = useState<Method>('passphrase');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const titleId = useId();
  const encrypted = profile.encryption !== undefined;
  const keychain = status?.quickUnlockAvailable === true && profile.encryption?.quickUnlock === true;
  const methods: Method[] = keychain ? ['passphrase', 'recovery', 'keychain'] : ['passphrase', 'recovery'];

  async function unlock(secret: Secret | undefined) {
    setBusy(true);
    setError(null);
    try {
      await invoke('lock.unlock', { profileId: profile.id, secret });
      setValue('');
      await refresh();
      await reload();
    } catch (caught) {
      setError(asIpcError(caught));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!encrypted) return void unlock(undefined);
    if (method === 'keychain') return void unlock({ kind: 'keychain' });
    if (value === '') return;
    void unlock(method === 'passphrase' ? { kind: 'passphrase', passphrase: value } : { kind: 'recovery', code: value });
  }

  return (
    <section className="panel unlock-screen" data-testid="unlock-screen" aria-labelledby={titleId}>
      <div className="unlock-emblem" aria-hidden="true" />
      <h1 id={titleId}>{appLocked ? t('lock.lockedTitle') : t('lock.profileTitle', { name: personName(profile.name) })}</h1>
      <p className="lead">{appLocked ? t('lock.lockedBody') : t('lock.profileBody')}</p>
      <form className="unlock-form" onSubmit={submit} noValidate>
        {(profiles?.length ?? 0) > 1 && (
          <div className="field lock-field">
            <label htmlFor={`${titleId}-profile`}>{t('lock.profileLabel')}</label>
            <select id={`${titleId}-profile`} data-testid="unlock-profile" value={profile.id} onChange={(event) => select(event.target.value)}>
              {profiles?.map((p) => (
                <option key={p.id} value={p.id}>
                  {personName(p.name)}
                </option>
              ))}
            </select>
          </div>
        )}
        {encrypted ? (
          <>
            <fieldset className="unlock-methods">
              <legend>{t('lock.methodLabel')}</legend>
              {methods.map((m) => (
                <label key={m} className={m === method ? 'unlock-method unlock-method-active' : 'unlock-method'}>
                  <input type="radio" name="method" value={m} checked={m === method} onChange={() => setMethod(m)} data-testid={`unlock-method-${m}`} />
                  {t(`lock.method.${m}`)}
                </label>
              ))}
            </fieldset>
            {method === 'passphrase' && <PassphraseField label={t('lock.passphraseLabel')} value={value} onChange={setValue} testId="unlock-passphrase" autoFocus />}
            {method === 'recovery' && <PassphraseField label={t('lock.recoveryLabel')} value={value} onChange={setValue} testId="unlock-recovery" autoFocus />}
            <button type="submit" className="button button-primary" data-testid="unlock-submit" disabled={busy}>
              {busy ? t('lock.unlocking') : method === 'keychain' ? t('lock.keychainUnlock') : t('lock.unlock')}
            </button>
          </>
        ) : (
          <>
            <p className="notice-plain">{t('lock.plaintextNote')}</p>
            <button type="submit" className="button button-primary" data-testid="unlock-submit" disabled={busy}>
              {t('lock.open')}
            </button>
          </>
        )}
        {error && <ErrorMessage error={error} testId="unlock-error" />}
      </form>
    </section>
  );
}
