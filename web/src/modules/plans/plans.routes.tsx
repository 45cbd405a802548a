// Routes of the plans pages (issue 12), placed inside the app shell by app/App.tsx; lazy pages.
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/RequireAuth.tsx';

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const PlansPage = lazyPage(() => import('../../pages/PlansPage.tsx'), 'PlansPage');
const PlanPage = lazyPage(() => import('../../pages/PlanPage.tsx'), 'PlanPage');

/** /ke-hoach and /ke-hoach/:id. */
export const plansRoutes = (
  <>
    <Route
      path="/ke-hoach"
      element={
        <RequireAuth>
          <PlansPage />
        </RequireAuth>
      }
    />
    <Route
      path="/ke-hoach/:id"
      element={
        <RequireAuth>
          <PlanPage />
        </RequireAuth>
      }
    />
  </>
);
