// Routes of the citizen portal (issue 4): online submission, my dossiers, the data store.
// Pages load lazily so the public catalogue stays small; all need a signed-in citizen.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/RequireAuth.tsx';
import { PORTAL_PATHS } from './portal.paths.ts';

const OnlineSubmissionPage = lazy(async () => ({
  default: (await import('../../pages/OnlineSubmissionPage.tsx')).OnlineSubmissionPage,
}));
const MyDossiersPage = lazy(async () => ({
  default: (await import('../../pages/MyDossiersPage.tsx')).MyDossiersPage,
}));
const MyDossierPage = lazy(async () => ({
  default: (await import('../../pages/MyDossierPage.tsx')).MyDossierPage,
}));
const DataStorePage = lazy(async () => ({
  default: (await import('../../pages/DataStorePage.tsx')).DataStorePage,
}));

const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

/** The routes, as one fragment of <Route> elements. */
export const portalRoutes = (
  <>
    <Route path={PORTAL_PATHS.submitPattern} element={signedIn(<OnlineSubmissionPage />)} />
    <Route path={PORTAL_PATHS.myDossiers} element={signedIn(<MyDossiersPage />)} />
    <Route path={PORTAL_PATHS.myDossierPattern} element={signedIn(<MyDossierPage />)} />
    <Route path={PORTAL_PATHS.dataStore} element={signedIn(<DataStorePage />)} />
  </>
);
