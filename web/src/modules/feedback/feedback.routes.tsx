// Routes of ratings and petitions (issue 4), placed inside the app shell by app/App.tsx. Pages load
// lazily (lazyPage) so the public pages stay small.
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/RequireAuth.tsx';

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const PetitionsPage = lazyPage(() => import('../../pages/PetitionsPage.tsx'), 'PetitionsPage');
const PetitionPage = lazyPage(() => import('../../pages/PetitionPage.tsx'), 'PetitionPage');

/** The routes, as one fragment of <Route> elements. */
export const feedbackRoutes = (
  <>
    <Route
      path="/ho-so/kien-nghi"
      element={
        <RequireAuth>
          <PetitionsPage />
        </RequireAuth>
      }
    />
    <Route
      path="/ho-so/kien-nghi/:id"
      element={
        <RequireAuth>
          <PetitionPage />
        </RequireAuth>
      }
    />
  </>
);
