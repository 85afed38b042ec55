import { useState } from 'react';
import { asIpcError, type IpcError } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { personName } from '../presentation/format.ts';
import { useProfiles, type ProfileSummary } from './ProfilesProvider.tsx';

/** Deleting a profile, confirmed: one dialog for Settings and the adviser's roster. It closes once the profile is gone and stays open with the error when deleting fails. */
export function DeleteProfileDialog({ profile, onClose }: { profile: ProfileSummary; onClose: () => void }) {
  const { t } = useI18n();
  const { remove } = useProfiles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await remove(profile.id);
      onClose();
    } catch (caught) {
      setError(asIpcError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={t('dialog.deleteTitle')}
      confirmLabel={busy ? t('dialog.deleting') : t('dialog.confirmDelete')}
      cancelLabel={t('dialog.cancel')}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      confirmTestId="confirm-delete"
      cancelTestId="cancel-delete"
    >
      <p>{t('dialog.deleteBody', { name: personName(profile.name) })}</p>
      {error && <ErrorMessage error={error} testId="delete-error" />}
    </ConfirmDialog>
  );
}
