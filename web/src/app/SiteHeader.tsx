// Header: product name, language switch, user menu, and the navigation (collapsible on phones).
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { CITIZEN_PATHS } from '../modules/citizens/citizens.paths.ts';
// The shell imports single files, never a module's index.ts: a barrel re-exports staff
// components, and all it reaches lands in every page's entry chunk (docs/benchmarks.md).
import { UserMenu } from '../modules/identity/components/UserMenu.tsx';
import { useAuth } from '../modules/identity/hooks/auth-context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MainNav } from './MainNav.tsx';
import { PATHS } from './nav-items.ts';

/** The site header. */
export function SiteHeader() {
  const t = useT();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu after navigating.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <header className="site-header">
      <div className="site-header__bar container">
        <Link
          to={user?.kind === 'citizen' ? CITIZEN_PATHS.account : PATHS.home}
          className="site-header__brand"
        >
          <span className="site-header__emblem" aria-hidden="true">
            ★
          </span>
          {t('app.name')}
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
          <UserMenu onLoggedOut={() => navigate(PATHS.login)} />
          {/* Signed out (a citizen on a public page): the way in, and from there to register. */}
          {user === null && pathname !== PATHS.login ? (
            <Link to={PATHS.login} className="nav-toggle site-header__login">
              {t('login.title')}
            </Link>
          ) : null}
          {user ? (
            <button
              type="button"
              className="nav-toggle"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpen((v) => !v)}
            >
              {t('nav.menu')}
            </button>
          ) : null}
        </div>
      </div>
      {user ? <MainNav open={menuOpen} /> : null}
    </header>
  );
}
