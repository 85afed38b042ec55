import { useState } from 'react';
import { asIpcError, type IpcError } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProfiles, type ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { personName } from '../presentation/format.ts';

export function DeleteProfileSection({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const { remove } = useProfiles();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await remove(profile.id);
      setOpen(false);
    } catch (caught) {
      setError(asIpcError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel panel-danger">
      <h2 className="section-title">{t('settings.deleteTitle')}</h2>
      <p>{t('settings.deleteBody', { name: personName(profile.name) })}</p>
      <button
        type="button"
        className="button button-danger"
        data-testid="delete-profile"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('settings.deleteButton')}
      </button>
      {open && (
        <ConfirmDialog
          title={t('dialog.deleteTitle')}
          confirmLabel={busy ? t('dialog.deleting') : t('dialog.confirmDelete')}
          cancelLabel={t('dialog.cancel')}
          busy={busy}
          onConfirm={confirm}
          onCancel={() => setOpen(false)}
          confirmTestId="confirm-delete"
          cancelTestId="cancel-delete"
        >
          <p>{t('dialog.deleteBody', { name: personName(profile.name) })}</p>
          {error && <ErrorMessage error={error} testId="delete-error" />}
        </ConfirmDialog>
      )}
    </section>
  );
}
