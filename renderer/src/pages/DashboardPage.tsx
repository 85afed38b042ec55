import { EmptyState } from '../components/EmptyState.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { hrefFor } from '../router.ts';

export function DashboardPage({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">{t('dashboard.eyebrow')}</p>
        <h1 data-testid="dashboard-profile-name">{profile.name}</h1>
      </header>
      <EmptyState
        title={t('dashboard.emptyTitle')}
        body={t('dashboard.emptyBody', { profile: profile.name })}
        action={
          <a className="button button-primary" href={hrefFor('import')}>
            {t('dashboard.emptyAction')}
          </a>
        }
      />
    </>
  );
}
