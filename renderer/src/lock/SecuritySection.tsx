import { useState, type FormEvent, type ReactNode } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProfiles, type ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { useLock } from './LockProvider.tsx';
import { PassphraseField } from './PassphraseField.tsx';
import { personName } from '../presentation/format.ts';

/** Runs one main-process action at a time, keeping its error for display. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(asIpcError(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function ActionForm(props: { title?: string; body?: string; children: ReactNode; submit: string; busyLabel: string; busy: boolean; error: IpcError | null; onSubmit: () => void; testId: string }) {
  return (
    <form
      className="security-form"
      data-testid={props.testId}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        if (!props.busy) props.onSubmit();
      }}
      noValidate
    >
      {props.title && <h3>{props.title}</h3>}
      {props.body && <p className="muted">{props.body}</p>}
      {props.children}
      <button type="submit" className="button" disabled={props.busy}>
        {props.busy ? props.busyLabel : props.submit}
      </button>
      {props.error && <ErrorMessage error={props.error} />}
    </form>
  );
}

function IdleLockSettings() {
  const { t } = useI18n();
  const { status, refresh, lockNow } = useLock();
  if (!status) return null;
  return (
    <div className="security-row">
      <label className="field-inline">
        {t('security.idleLabel')}
        <select
          data-testid="idle-minutes"
          value={status.idleMinutes === null ? 'never' : String(status.idleMinutes)}
          onChange={(event) => {
            const idleMinutes = event.target.value === 'never' ? null : (Number(event.target.value) as 1);
            void invoke('lock.settings.save', { idleMinutes }).then(refresh);
          }}
        >
          {status.idleChoices.map((n) => (
            <option key={n} value={String(n)}>
              {t('security.idleMinutes', { n })}
            </option>
          ))}
          <option value="never">{t('security.idleNever')}</option>
        </select>
      </label>
      <button type="button" className="button" data-testid="settings-lock-now" onClick={() => void lockNow()}>
        {t('security.lockNow')}
      </button>
    </div>
  );
}

function EncryptProfile({ profile, onCode }: { profile: ProfileSummary; onCode: (code: string) => void }) {
  const { t } = useI18n();
  const { reload } = useProfiles();
  const { busy, error, run } = useAction();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return (
    <ActionForm
      body={t('security.encryptBody')}
      submit={t('security.encrypt')}
      busyLabel={t('security.encrypting')}
      busy={busy}
      error={error}
      testId="encrypt-form"
      onSubmit={() => {
        setMismatch(passphrase !== again);
        if (passphrase !== again) return;
        void run(async () => {
          const outcome = await invoke('profile.encrypt', { profileId: profile.id, passphrase });
          setPassphrase('');
          setAgain('');
          await reload();
          onCode(outcome.recoveryCode);
        });
      }}
    >
      <PassphraseField label={t('protect.passphrase')} value={passphrase} onChange={setPassphrase} testId="encrypt-passphrase" />
      <PassphraseField label={t('protect.confirm')} value={again} onChange={setAgain} testId="encrypt-confirm" />
      {mismatch && (
        <p className="error-text" role="alert">
          {t('protect.mismatch')}
        </p>
      )}
    </ActionForm>
  );
}

function ChangePassphrase({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  return (
    <ActionForm
      title={t('security.changeTitle')}
      submit={t('security.change')}
      busyLabel={t('security.change')}
      busy={busy}
      error={error}
      testId="passphrase-form"
      onSubmit={() =>
        void run(async () => {
          setDone(false);
          await invoke('profile.passphrase', { profileId: profile.id, current: { kind: 'passphrase', passphrase: current }, next });
          setCurrent('');
          setNext('');
          setDone(true);
        })
      }
    >
      <PassphraseField label={t('security.currentPassphrase')} value={current} onChange={setCurrent} testId="current-passphrase" />
      <PassphraseField label={t('security.newPassphrase')} value={next} onChange={setNext} testId="new-passphrase" />
      {done && <p className="notice-ok">{t('security.changed')}</p>}
    </ActionForm>
  );
}

function RotateKey({ profile, onCode }: { profile: ProfileSummary; onCode: (code: string) => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const [passphrase, setPassphrase] = useState('');
  return (
    <ActionForm
      title={t('security.rekeyTitle')}
      body={t('security.rekeyBody')}
      submit={t('security.rekey')}
      busyLabel={t('security.rekeying')}
      busy={busy}
      error={error}
      testId="rekey-form"
      onSubmit={() =>
        void run(async () => {
          const outcome = await invoke('profile.rekey', { profileId: profile.id, passphrase });
          setPassphrase('');
          onCode(outcome.recoveryCode);
        })
      }
    >
      <PassphraseField label={t('security.currentPassphrase')} value={passphrase} onChange={setPassphrase} testId="rekey-passphrase" />
    </ActionForm>
  );
}

function QuickUnlock({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const { reload } = useProfiles();
  const { busy, error, run } = useAction();
  const enabled = profile.encryption?.quickUnlock === true;
  return (
    <div className="security-row">
      <span>{t('security.quickUnlock')}</span>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await invoke('profile.quickUnlock', { profileId: profile.id, enabled: !enabled });
            await reload();
          })
        }
      >
        {enabled ? t('security.quickUnlockOff') : t('security.quickUnlockOn')}
      </button>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}

/** Settings → encryption and lock: the idle lock, and encrypting the profile or changing what unlocks it. */
export function SecuritySection({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const { status, showRecoveryCode } = useLock();
  const setCode = (code: string) => showRecoveryCode(code, profile.name);
  return (
    <section className="panel security" data-testid="security-section">
      <h2 className="section-title">{t('security.title')}</h2>
      <IdleLockSettings />
      {profile.encryption ? (
        <>
          <p className="notice-ok" data-testid="encryption-state">
            {t('security.encrypted', { name: personName(profile.name) })}
          </p>
          {status?.quickUnlockAvailable && <QuickUnlock profile={profile} />}
          <div className="security-grid">
            <ChangePassphrase profile={profile} />
            <RotateKey profile={profile} onCode={setCode} />
          </div>
        </>
      ) : (
        <>
          <p className="notice-plain" data-testid="encryption-state">
            {t('security.plaintext', { name: personName(profile.name) })}
          </p>
          <EncryptProfile profile={profile} onCode={setCode} />
        </>
      )}
    </section>
  );
}
