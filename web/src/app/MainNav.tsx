// The main navigation. Staff see a few links and the areas as disclosure groups (a button
// with aria-expanded opening its list: the WAI-ARIA disclosure navigation pattern, which works
// with keyboard, screen readers and touch); a signed-in citizen sees the portal's links.
import { useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
// The shell imports single files, never a module's index.ts: a barrel re-exports staff
// components, and all it reaches lands in every page's entry chunk (docs/benchmarks.md).
import { isStaff } from '../modules/dossiers/lib/staff.ts';
import { useAuth } from '../modules/identity/hooks/auth-context.tsx';
import { type MenuGroup, menuGroupsFor, topLinksFor } from './nav-groups.ts';
import { CITIZEN_AREAS, PATHS } from './nav-items.ts';

/** True when `pathname` is `to` or below it (the group holding the current page). */
const within = (pathname: string, to: string) =>
  pathname === to || (to !== '/' && pathname.startsWith(`${to}/`));

/** The main navigation; `open` matters only on small screens, where it collapses. */
export function MainNav({ open }: { open: boolean }) {
  const t = useT();
  const { user } = useAuth();
  const { pathname } = useLocation();
  const [expanded, setExpanded] = useState<MenuGroup['key'] | null>(null);
  const navRef = useRef<HTMLElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the group after navigating.
  useEffect(() => setExpanded(null), [pathname]);

  // A click outside the menu closes an open group (as a desktop dropdown is expected to).
  useEffect(() => {
    if (!expanded) return;
    const onClick = (e: MouseEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setExpanded(null);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [expanded]);

  const staff = isStaff(user);
  const links = staff
    ? topLinksFor(user)
    : [...CITIZEN_AREAS, { to: PATHS.reports, label: 'reports.nav.public' as const, end: true }];
  const groups = staff ? menuGroupsFor(user) : [];

  return (
    <nav
      id="main-nav"
      ref={navRef}
      className={`main-nav${open ? ' main-nav--open' : ''}`}
      aria-label={t('nav.label')}
      onKeyDown={(e) => {
        // Escape closes the open group and puts focus back on its button.
        if (e.key !== 'Escape' || !expanded) return;
        const button = navRef.current?.querySelector<HTMLButtonElement>(
          `[aria-controls="nav-group-${expanded}"]`,
        );
        setExpanded(null);
        button?.focus();
      }}
    >
      <ul className="main-nav__list container">
        {links.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="main-nav__link">
              {t(item.label)}
            </NavLink>
          </li>
        ))}
        {groups.map((group) => {
          const isOpen = expanded === group.key;
          const current = group.items.some((i) => within(pathname, i.to));
          return (
            <li key={group.key} className="main-nav__group">
              <button
                type="button"
                className={`main-nav__group-button${current ? ' main-nav__group-button--current' : ''}`}
                aria-expanded={isOpen}
                aria-controls={`nav-group-${group.key}`}
                onClick={() => setExpanded(isOpen ? null : group.key)}
              >
                {t(group.label)}
              </button>
              <ul id={`nav-group-${group.key}`} className="main-nav__sublist" hidden={!isOpen}>
                {group.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end} className="main-nav__sublink">
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
