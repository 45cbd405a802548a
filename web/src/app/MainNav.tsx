import { NavLink } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
// The shell imports single files, never a module's index.ts: a barrel re-exports staff
// components, and all it reaches lands in every page's entry chunk (docs/benchmarks.md).
import { isStaff } from '../modules/dossiers/lib/staff.ts';
import { hasRole, type User } from '../modules/identity/api/identity.types.ts';
import { useAuth } from '../modules/identity/hooks/auth-context.tsx';
import {
  adminAreasFor,
  CITIZEN_AREAS,
  DOSSIER_AREAS,
  PATHS,
  REPORT_AREAS,
  type RoleNavItem,
} from './nav-items.ts';

const visible = (item: RoleNavItem, user: User | null | undefined) =>
  item.roles === 'staff' ? isStaff(user) : item.roles.some((role) => hasRole(user, role));

/** The main navigation; `open` matters only on small screens, where it collapses. */
export function MainNav({ open }: { open: boolean }) {
  const t = useT();
  const { user } = useAuth();
  // A signed-in citizen sees the portal; staff see their work areas.
  const items = isStaff(user)
    ? [
        { to: PATHS.home, label: 'nav.home' as const, end: true },
        ...DOSSIER_AREAS.filter((item) => visible(item, user)),
        ...REPORT_AREAS.filter((item) => visible(item, user)),
        { to: PATHS.reports, label: 'reports.nav.public' as const, end: true },
        ...adminAreasFor(user),
      ]
    : [...CITIZEN_AREAS, { to: PATHS.reports, label: 'reports.nav.public' as const, end: true }];
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
