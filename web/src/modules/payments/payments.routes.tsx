// Routes of fees and payments (issue 4), placed inside the app shell by app/App.tsx. Pages load
// lazily (lazyPage) so the public pages stay small.
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/RequireAuth.tsx';

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const PaymentsPage = lazyPage(() => import('../../pages/PaymentsPage.tsx'), 'PaymentsPage');

/** The routes, as one fragment of <Route> elements. */
export const paymentsRoutes = (
  <Route
    path="/ho-so/thu-phi"
    element={
      <RequireAuth>
        <PaymentsPage />
      </RequireAuth>
    }
  />
);
