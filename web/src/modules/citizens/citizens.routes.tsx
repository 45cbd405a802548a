// Routes of citizen accounts (issue 4), placed inside the app shell by app/App.tsx. Pages load
// lazily so the public pages stay small.
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { CITIZEN_PATHS } from './citizens.paths.ts';

const RegisterPage = lazy(async () => ({
  default: (await import('../../pages/RegisterPage.tsx')).RegisterPage,
}));
const CitizenAccountPage = lazy(async () => ({
  default: (await import('../../pages/CitizenAccountPage.tsx')).CitizenAccountPage,
}));

/** The routes, as one fragment of <Route> elements. */
export const citizensRoutes = (
  <>
    <Route path={CITIZEN_PATHS.register} element={<RegisterPage />} />
    {/* Not behind RequireAuth: after deleting the account the page still shows its report. */}
    <Route path={CITIZEN_PATHS.account} element={<CitizenAccountPage />} />
  </>
);
