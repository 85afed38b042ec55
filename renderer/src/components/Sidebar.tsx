import { useI18n } from '../i18n/I18nProvider.tsx';
import { hrefFor, routes, type Route } from '../router.ts';
import './Sidebar.css';

export function Sidebar({ route }: { route: Route }) {
  const { t } = useI18n();
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
          {routes.map((item) => (
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
