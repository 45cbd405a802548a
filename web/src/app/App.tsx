import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import { AuthProvider } from '../modules/identity/index.ts';
import { AccountsPage } from '../pages/AccountsPage.tsx';
import { CalendarPage } from '../pages/CalendarPage.tsx';
import { DossierPage } from '../pages/DossierPage.tsx';
import { DossierQueuePage } from '../pages/DossierQueuePage.tsx';
import { DossierReceiptPage } from '../pages/DossierReceiptPage.tsx';
import { DossierUnitPage } from '../pages/DossierUnitPage.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { Open311ClientsPage } from '../pages/Open311ClientsPage.tsx';
import { ProcedureEditPage } from '../pages/ProcedureEditPage.tsx';
import { ProceduresPage } from '../pages/ProceduresPage.tsx';
import { PublicReportPage } from '../pages/PublicReportPage.tsx';
import { PublicReportsPage } from '../pages/PublicReportsPage.tsx';
import { ReportAdminPage } from '../pages/ReportAdminPage.tsx';
import { ReportPage } from '../pages/ReportPage.tsx';
import { ReportQueuePage } from '../pages/ReportQueuePage.tsx';
import { ReportStatsPage } from '../pages/ReportStatsPage.tsx';
import { ReportSubmitPage } from '../pages/ReportSubmitPage.tsx';
import { TrackDossierPage } from '../pages/TrackDossierPage.tsx';
import { UnitsPage } from '../pages/UnitsPage.tsx';
import { AppShell } from './AppShell.tsx';
import { PATHS } from './nav-items.ts';
import { RequireAuth } from './RequireAuth.tsx';
import { RequireRole } from './RequireRole.tsx';

const guard = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

/** Providers and routes. */
export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<AppShell />}>
              <Route path={PATHS.login} element={<LoginPage />} />
              <Route path="/tra-cuu" element={<TrackDossierPage />} />
              <Route path={PATHS.reports} element={<PublicReportsPage />} />
              <Route path={PATHS.reportSubmit} element={<ReportSubmitPage />} />
              <Route path={PATHS.reportStats} element={guard(<ReportStatsPage />)} />
              <Route path="/phan-anh/:code" element={<PublicReportPage />} />
              <Route path={PATHS.reportQueue} element={guard(<ReportQueuePage />)} />
              <Route path="/phan-anh/xu-ly/:id" element={guard(<ReportPage />)} />
              <Route path={PATHS.home} element={guard(<HomePage />)} />
              <Route path={PATHS.units} element={guard(<UnitsPage />)} />
              <Route path={PATHS.accounts} element={guard(<AccountsPage />)} />
              <Route path={PATHS.procedures} element={guard(<ProceduresPage />)} />
              <Route path={PATHS.procedureNew} element={guard(<ProcedureEditPage />)} />
              <Route path="/quan-tri/thu-tuc/:id" element={guard(<ProcedureEditPage />)} />
              <Route path={PATHS.calendar} element={guard(<CalendarPage />)} />
              <Route path={PATHS.reportAdmin} element={guard(<ReportAdminPage />)} />
              <Route path={PATHS.open311} element={guard(<Open311ClientsPage />)} />
              <Route path={PATHS.dossiers} element={guard(<DossierQueuePage />)} />
              <Route
                path={PATHS.dossierReceipt}
                element={guard(
                  <RequireRole roleName="desk_officer">
                    <DossierReceiptPage />
                  </RequireRole>,
                )}
              />
              <Route
                path={PATHS.dossierUnit}
                element={guard(
                  <RequireRole roleName="leader">
                    <DossierUnitPage />
                  </RequireRole>,
                )}
              />
              <Route path="/ho-so/:id" element={guard(<DossierPage />)} />
              <Route path="*" element={guard(<NotFoundPage />)} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
