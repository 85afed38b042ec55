import { useEffect, useRef } from 'react';
import { ErrorMessage } from './components/ErrorMessage.tsx';
import { FirstProfilePanel } from './components/FirstProfilePanel.tsx';
import { Header } from './components/Header.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { useI18n } from './i18n/I18nProvider.tsx';
import { useLock } from './lock/LockProvider.tsx';
import { UnlockScreen } from './lock/UnlockScreen.tsx';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { BureauPage } from './pages/BureauPage.tsx';
import { ConsentPage } from './pages/ConsentPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { personName } from './presentation/format.ts';
import { PresentationBanner } from './presentation/PresentationSwitch.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { useProfiles, type ProfileSummary } from './profiles/ProfilesProvider.tsx';
import { RosterPage } from './roster/RosterPage.tsx';
import { WhatIfPreparation } from './whatif/WhatIfPreparation.tsx';
import { PROFILELESS_ROUTES, useHash, useRoute, type Route } from './router.ts';
import { TransactionsPage } from './transactions/TransactionsPage.tsx';
import { WhatIfPage } from './whatif/WhatIfPage.tsx';
import { PlanPage } from './plan/PlanPage.tsx';
import { PrintPlan } from './plan/PrintPlan.tsx';
import { isPrintHash } from '../../core/shared/plan-print-route.ts';

function RoutePage({ route, profile }: { route: Route; profile: ProfileSummary }) {
  if (route === 'dashboard') return <DashboardPage profile={profile} />;
  if (route === 'settings') return <SettingsPage profile={profile} />;
  if (route === 'import') return null;
  if (route === 'accounts') return <AccountsPage profile={profile} />;
  if (route === 'transactions') return <TransactionsPage profile={profile} />;
  if (route === 'bureau') return <BureauPage profile={profile} />;
  if (route === 'consent') return <ConsentPage profile={profile} />;
  if (route === 'plan') return <PlanPage profile={profile} />;
  if (route === 'clients') return <RosterPage />;
  return <WhatIfPage profile={profile} />;
}

function LoadFailed() {
  const { t } = useI18n();
  const { loadError, reload } = useProfiles();
  return (
    <section className="panel">
      <h1>{t('app.loadFailed')}</h1>
      {loadError && <ErrorMessage error={loadError} />}
      <button type="button" className="button" onClick={() => void reload()}>
        {t('app.retry')}
      </button>
    </section>
  );
}

function PageBody({ route }: { route: Route }) {
  const { t } = useI18n();
  const { profiles, loadError, selected } = useProfiles();
  const { status } = useLock();
  if (profiles === null) return loadError ? <LoadFailed /> : <p className="muted">{t('app.loading')}</p>;
  // A failed refresh keeps the last good list on screen, but says so.
  const stale = loadError && <ErrorMessage error={loadError} />;
  // Locked (the app, or the chosen profile's key is not in memory): nothing of the profile is mounted.
  const appLocked = status?.locked === true;
  const toUnlock = appLocked ? (selected ?? profiles[0]) : selected?.encryption?.locked ? selected : undefined;
  if (toUnlock) {
    return (
      <>
        {stale}
        <UnlockScreen key={toUnlock.id} profile={toUnlock} appLocked={appLocked} />
      </>
    );
  }
  if (selected === null && PROFILELESS_ROUTES.includes(route)) {
    return (
      <>
        {stale}
        <RosterPage />
      </>
    );
  }
  if (selected === null) {
    return (
      <>
        {stale}
        <FirstProfilePanel />
      </>
    );
  }
  return (
    <>
      {stale}
      {/* Keyed by profile so per-page state never leaks from one person's data into another's. */}
      <RoutePage key={selected.id} route={route} profile={selected} />
      <WhatIfPreparation key={`prepare-${selected.id}`} profileId={selected.id} />
      {/* Always mounted: an import keeps its progress and report while the user looks elsewhere. */}
      <div hidden={route !== 'import'}>
        <ImportPage key={selected.id} profile={selected} />
      </div>
    </>
  );
}

/**
 * Where the keyboard's focus goes as the user moves around: a page opened from the sidebar
 * starts at its content; a link that took its own element away with it (an account opened from
 * the list) leaves the focus on the content rather than on the document.
 */
function useFocusOnNavigation(route: Route) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [route]);
  useEffect(() => {
    const lost = () =>
      requestAnimationFrame(() => {
        if (document.activeElement === null || document.activeElement === document.body) main.current?.focus({ preventScroll: true });
      });
    window.addEventListener('hashchange', lost);
    return () => window.removeEventListener('hashchange', lost);
  }, []);
  return main;
}

/** The window's title (Electron's follows the page's): the client's name first, as presentation mode writes it. */
function useWindowTitle() {
  const { t } = useI18n();
  const { selected } = useProfiles();
  const title = selected ? `${personName(selected.name)} · ${t('app.title')}` : t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const main = useFocusOnNavigation(route);
  useWindowTitle();
  const { status } = useLock();
  // The printed plan takes the whole window: no sidebar, no header (print.css lays it out on A4).
  if (isPrintHash(useHash())) return <PrintPlan locked={status?.locked === true} toolbar />;
  return (
    <div className="shell">
      {/* A link, not a hash: the hash is the router's. */}
      <a
        className="skip-link"
        href="#main-content"
        data-testid="skip-link"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <Sidebar route={route} />
      <div className="main-column">
        <Header />
        <PresentationBanner />
        <NoticeBar />
        <main className="content" id="main-content" tabIndex={-1} ref={main} data-testid="main-content">
          {/* The page root exists before a profile is chosen too: every route stays reachable and shows the first-profile panel in place. */}
          <div className="page" data-testid={`page-${route}`}>
            <PageBody route={route} />
          </div>
        </main>
      </div>
    </div>
  );
}
