import { useI18n } from '../i18n/I18nProvider.tsx';
import { isUsable, useProfiles } from '../profiles/ProfilesProvider.tsx';
import { SampleBadge } from '../sample/SampleAction.tsx';
import './ProfileList.css';
import { personName } from '../presentation/format.ts';

/** Every profile on disk, including ones this build cannot open, so nothing silently disappears. */
export function ProfileList() {
  const { t, locale } = useI18n();
  const { profiles, selected, select } = useProfiles();
  if (!profiles || profiles.length === 0) return null;
  return (
    <ul className="item-list">
      {profiles.map((profile) => (
        <li key={profile.id} className={profile.problem ? 'profile-item profile-item-problem' : 'profile-item'}>
          <div className="profile-item-main">
            {isUsable(profile) && profile.id !== selected?.id ? (
              <button
                type="button"
                className="link-button"
                aria-label={t('profiles.use', { name: personName(profile.name) })}
                onClick={() => select(profile.id)}
              >
                {personName(profile.name)}
              </button>
            ) : (
              <span className="profile-name">{personName(profile.name)}</span>
            )}
            {profile.id === selected?.id && <span className="badge">{t('profiles.current')}</span>}
            {profile.sample && <SampleBadge />}
            {profile.problem && <span className="badge badge-warning">{t('profiles.unavailableBadge')}</span>}
          </div>
          {profile.createdAt !== '' && (
            <p className="muted">{t('profiles.createdAt', { date: profile.createdAt.slice(0, 10) })}</p>
          )}
          {profile.problem && <p className="problem-text">{profile.problem.message[locale]}</p>}
        </li>
      ))}
    </ul>
  );
}
