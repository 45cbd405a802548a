// Page frame: skip link, header, main landmark, footer. After each navigation focus moves to
// the new page's heading so screen-reader and keyboard users start at the content.
import { Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { PUBLIC_LINKS } from './nav-items.ts';
import { SiteHeader } from './SiteHeader.tsx';

/** The layout of every page. */
export function AppShell() {
  const t = useT();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation (pathname).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    const target = heading ?? mainRef.current;
    if (!target) return;
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <>
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main-content" ref={mainRef} tabIndex={-1} className="main container">
        <Suspense fallback={<p role="status">{t('status.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <nav aria-label={t('nav.public')}>
            <ul className="site-footer__links">
              {PUBLIC_LINKS.map((link) => (
                <li key={link.to}>
                  <Link to={link.to}>{t(link.label)}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </>
  );
}
