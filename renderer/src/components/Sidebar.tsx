import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAdviserMode } from '../roster/adviser-mode.ts';
import { hrefFor, routes, type Route } from '../router.ts';
import './Sidebar.css';

export function Sidebar({ route }: { route: Route }) {
  const { t } = useI18n();
  const [adviser] = useAdviserMode();
  // Individuals keep the simple view: the roster is in the sidebar only in adviser mode.
  const shown = routes.filter((item) => item !== 'clients' || adviser || route === 'clients');
  return (
    <aside className="sidebar">
      <div className="brand">
        <div className="brand-mark" aria-hidden="true" />
        <div>
          <p className="brand-name">{t('app.name')}</p>
          <p className="brand-tagline">{t('app.tagline')}</p>
        </div>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {shown.map((item) => (
            <li key={item}>
              <a
                href={hrefFor(item)}
                className="nav-link"
                data-testid={`nav-${item}`}
                aria-current={item === route ? 'page' : undefined}
              >
                {t(`nav.${item}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
