import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DeleteProfileDialog } from '../profiles/DeleteProfileDialog.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { personName } from '../presentation/format.ts';

export function DeleteProfileSection({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);

  return (
    <section className="panel panel-danger">
      <h2 className="section-title">{t('settings.deleteTitle')}</h2>
      <p>{t('settings.deleteBody', { name: personName(profile.name) })}</p>
      <button type="button" className="button button-danger" data-testid="delete-profile" onClick={() => setOpen(true)}>
        {t('settings.deleteButton')}
      </button>
      {open && <DeleteProfileDialog profile={profile} onClose={() => setOpen(false)} />}
    </section>
  );
}
