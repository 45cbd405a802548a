import { Link, Navigate } from 'react-router-dom';
import { adminAreasFor } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { isStaff } from '../modules/dossiers/index.ts';
import { useAuth } from '../modules/identity/index.ts';
import { PORTAL_PATHS } from '../modules/portal/portal.paths.ts';
import { homePathFor } from '../modules/work/index.ts';

/** / — the dashboard after login. */
export function HomePage() {
  const t = useT();
  const { user } = useAuth();
  useDocumentTitle(t('home.title'));
  // A citizen has no staff dashboard: their home is their own dossiers.
  if (user && !isStaff(user)) return <Navigate to={PORTAL_PATHS.myDossiers} replace />;
  // Each role lands on its own work (issue 12): leaders on the dashboard, the secretariat on
  // the plan, desk officers and specialists on "my work"; administrators keep these cards.
  const home = homePathFor(user);
  if (home) return <Navigate to={home} replace />;
  return (
    <div className="page">
      <h1 className="page__title">
        {t('home.greeting', { name: user?.fullName || user?.username || '' })}
      </h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="card-grid">
        {adminAreasFor(user).map((area) => (
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
