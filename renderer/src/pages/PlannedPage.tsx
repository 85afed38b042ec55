import { EmptyState } from '../components/EmptyState.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import type { Route } from '../router.ts';

/** Routes without a page of their own yet (App.tsx sends the others to their pages). */
export type PlannedRoute = Exclude<Route, 'dashboard' | 'settings' | 'import' | 'accounts' | 'transactions' | 'bureau' | 'consent'>;

/** Pages whose features are not built yet: say plainly what each will do for this profile. */
export function PlannedPage({ route, profile }: { route: PlannedRoute; profile: ProfileSummary }) {
  const { t } = useI18n();
  return (
    <>
      <header className="page-header page-header-row">
        <h1>{t(`planned.${route}.title`)}</h1>
        <span className="badge">{t('planned.badge')}</span>
      </header>
      <EmptyState body={t(`planned.${route}.body`, { profile: profile.name })} />
    </>
  );
}
