// Registering and resetting a forgotten password are for someone not signed in.
import type { ReactElement } from 'react';
import { Navigate } from 'react-router-dom';
import { PATHS } from '../../../app/nav-items.ts';
import { Loading } from '../../../ui/Notice.tsx';
import type { User } from '../../identity/index.ts';
import { CITIZEN_PATHS } from '../citizens.paths.ts';

/**
 * What such a page shows instead of its steps: nothing to decide while the session is checked,
 * and someone already signed in goes to their account (a citizen) or home. Once the code step
 * has started, the session it creates must not bounce the page before it navigates itself.
 */
export function signedOutOnly(
  user: User | null | undefined,
  started: boolean,
): ReactElement | null {
  if (user === undefined) return <Loading />;
  if (user && !started)
    return <Navigate to={user.kind === 'citizen' ? CITIZEN_PATHS.account : PATHS.home} replace />;
  return null;
}
