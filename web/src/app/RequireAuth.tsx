import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../modules/identity/hooks/auth-context.tsx';
import { Loading } from '../ui/Notice.tsx';

/** Login path of the staff area. */
export const LOGIN_PATH = '/dang-nhap';

/** Renders `children` only when signed in; otherwise sends the user to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) {
    return (
      <Navigate
        to={LOGIN_PATH}
        replace
        state={{ from: `${location.pathname}${location.search}` }}
      />
    );
  }
  return <>{children}</>;
}
