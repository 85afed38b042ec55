import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isUsable, useProfiles } from '../profiles/ProfilesProvider.tsx';
import { personName } from '../presentation/format.ts';

export function ProfileSwitcher() {
  const { t, locale } = useI18n();
  const { profiles, selected, select } = useProfiles();
  const id = useId();
  const list = profiles ?? [];
  return (
    <div className="field-inline">
      <label htmlFor={id}>{t('profiles.switcherLabel')}</label>
      <select
        id={id}
        data-testid="profile-switcher"
        value={selected?.id ?? ''}
        disabled={list.length === 0}
        onChange={(event) => select(event.target.value)}
      >
        {selected === null && (
          <option value="" disabled>
            {list.length > 0 ? t('profiles.choose') : t('profiles.none')}
          </option>
        )}
        {list.map((profile) => (
          <option key={profile.id} value={profile.id} disabled={!isUsable(profile)} title={profile.problem?.message[locale]}>
            {profile.problem ? t('profiles.unavailableOption', { name: personName(profile.name) }) : personName(profile.name)}
          </option>
        ))}
      </select>
    </div>
  );
}
