import { Link } from 'react-router-dom';
import { ADMIN_AREAS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useAuth } from '../modules/identity/index.ts';

/** / — the dashboard after login. */
export function HomePage() {
  const t = useT();
  const { user } = useAuth();
  useDocumentTitle(t('home.title'));
  return (
    <div className="page">
      <h1 className="page__title">
        {t('home.greeting', { name: user?.fullName || user?.username || '' })}
      </h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="card-grid">
        {ADMIN_AREAS.map((area) => (
          <li key={area.to} className="card">
            <h2 className="card__title">
              <Link to={area.to} className="card__link">
                {t(area.label)}
              </Link>
            </h2>
            <p className="card__text">{t(area.description)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
