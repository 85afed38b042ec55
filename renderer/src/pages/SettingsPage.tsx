import { BackupsSection } from '../backups/BackupsSection.tsx';
import { ConventionsSection } from '../conventions/ConventionsSection.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ProfileList } from '../components/ProfileList.tsx';
import { SampleAction } from '../sample/SampleAction.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { SecuritySection } from '../lock/SecuritySection.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { AdviserModeSection } from '../roster/AdviserModeSection.tsx';
import { DeleteProfileSection } from './DeleteProfileSection.tsx';
import { useAppInfo } from './useAppInfo.ts';
import './settings.css';

function AboutSection() {
  const { t } = useI18n();
  const { info, error } = useAppInfo();
  return (
    <section className="panel">
      <h2 className="section-title">{t('settings.about')}</h2>
      {error && <ErrorMessage error={error} />}
      {!error && !info && <p className="muted">{t('app.loading')}</p>}
      {info && (
        <dl className="facts">
          <dt>{t('settings.version')}</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>{t('settings.dataDir')}</dt>
          <dd>
            <code className="path" data-testid="app-data-dir">
              {info.dataDir}
            </code>
            <p className="muted">{t('settings.dataDirHint')}</p>
          </dd>
        </dl>
      )}
    </section>
  );
}

export function SettingsPage({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  return (
    <>
      <header className="page-header">
        <h1>{t('nav.settings')}</h1>
      </header>
      <AboutSection />
      <AdviserModeSection />
      <ConventionsSection key={profile.id} profile={profile} />
      <SecuritySection profile={profile} />
      <BackupsSection profile={profile} />
      <section className="panel">
        <h2 className="section-title">{t('settings.profiles')}</h2>
        <ProfileList />
        <SampleAction />
      </section>
      <DeleteProfileSection profile={profile} />
    </>
  );
}
