// The signed-in user's menu: a disclosure button with the name, roles and "log out".
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { CITIZEN_PATHS } from '../../citizens/citizens.paths.ts';
import { useAuth } from '../hooks/auth-context.tsx';

/** Renders nothing when signed out. */
export function UserMenu({ onLoggedOut }: { onLoggedOut: () => void }) {
  const t = useT();
  const { user, logout } = useAuth();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!user) return null;
  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen((v) => !v)}
      >
        <span className="visually-hidden">{t('userMenu.label')}: </span>
        {user.fullName || user.username}
      </button>
      <div id="user-menu-panel" className="user-menu__panel" hidden={!open}>
        <p className="user-menu__name">
          {user.fullName}
          <br />
          <span className="muted">{user.username}</span>
        </p>
        {user.roles.length ? (
          <ul className="user-menu__roles">
            {user.roles.map((r) => (
              <li key={`${r.role}@${r.unitCode}`}>
                {t(`role.${r.role}`)} — {r.unitName ?? r.unitCode}
              </li>
            ))}
          </ul>
        ) : null}
        {user.kind === 'citizen' ? (
          <p>
            <Link to={CITIZEN_PATHS.account} onClick={() => setOpen(false)}>
              {t('citizens.nav.myAccount')}
            </Link>
          </p>
        ) : null}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={async () => {
            setOpen(false);
            await logout().catch(() => undefined);
            onLoggedOut();
          }}
        >
          {t('userMenu.logout')}
        </button>
      </div>
    </div>
  );
}
