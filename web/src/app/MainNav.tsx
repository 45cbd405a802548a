import { NavLink } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { ADMIN_AREAS, PATHS } from './nav-items.ts';

/** The main navigation; `open` matters only on small screens, where it collapses. */
export function MainNav({ open }: { open: boolean }) {
  const t = useT();
  const items = [{ to: PATHS.home, label: 'nav.home' as const, end: true }, ...ADMIN_AREAS];
  return (
    <nav
      id="main-nav"
      className={`main-nav${open ? ' main-nav--open' : ''}`}
      aria-label={t('nav.label')}
    >
      <ul className="main-nav__list container">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="main-nav__link">
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
