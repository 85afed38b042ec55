import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProfiles } from '../profiles/ProfilesProvider.tsx';
import { useAdviserMode } from '../roster/adviser-mode.ts';
import { hrefFor } from '../router.ts';
import { SampleAction } from '../sample/SampleAction.tsx';
import { NewProfileForm } from './NewProfileForm.tsx';
import { ProfileList } from './ProfileList.tsx';
import './FirstProfilePanel.css';

/** Shown in place of every page until a profile is selected: all data belongs to one profile. */
export function FirstProfilePanel() {
  const { t } = useI18n();
  const { profiles } = useProfiles();
  const titleId = useId();
  const hasAny = (profiles?.length ?? 0) > 0;
  const [adviser] = useAdviserMode();
  return (
    <section className="panel first-profile" data-testid="first-profile-panel" aria-labelledby={titleId}>
      <h1 id={titleId}>{hasAny ? t('first.chooseTitle') : t('first.title')}</h1>
      <p className="lead">{hasAny ? t('first.chooseBody') : t('first.body')}</p>
      {hasAny && (
        <>
          <h2 className="section-title">{t('first.existing')}</h2>
          {adviser && (
            <a className="button first-profile-roster" href={hrefFor('clients')} data-testid="first-open-roster">
              {t('roster.openRoster')}
            </a>
          )}
          <ProfileList />
        </>
      )}
      <NewProfileForm />
      <SampleAction />
    </section>
  );
}
