// Routes of citizen accounts (issue 4), placed inside the app shell by app/App.tsx. Pages load
// lazily so the public pages stay small.
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { CITIZEN_PATHS } from './citizens.paths.ts';
import { PasswordResetNotice } from './components/PasswordResetNotice.tsx';

const RegisterPage = lazy(async () => ({
  default: (await import('../../pages/RegisterPage.tsx')).RegisterPage,
}));
const PasswordResetPage = lazy(async () => ({
  default: (await import('../../pages/PasswordResetPage.tsx')).PasswordResetPage,
}));
const CitizenAccountPage = lazy(async () => ({
  default: (await import('../../pages/CitizenAccountPage.tsx')).CitizenAccountPage,
}));

/** The routes, as one fragment of <Route> elements. */
export const citizensRoutes = (
  <>
    <Route path={CITIZEN_PATHS.register} element={<RegisterPage />} />
    {/* Not behind RequireAuth: after deleting the account the page still shows its report. */}
    <Route
      path={CITIZEN_PATHS.account}
      element={
        <>
          {/* Placed here, above the page, so the account page itself needs no change. */}
          <PasswordResetNotice />
          <CitizenAccountPage />
        </>
      }
    />
    <Route path={CITIZEN_PATHS.passwordReset} element={<PasswordResetPage />} />
  </>
);
