import { type ComponentType, lazy, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import { citizensRoutes } from '../modules/citizens/citizens.routes.tsx';
import { documentsRoutes } from '../modules/documents/documents.routes.tsx';
import { feedbackRoutes } from '../modules/feedback/feedback.routes.tsx';
import { AuthProvider } from '../modules/identity/hooks/auth-context.tsx';
import { iocRoutes } from '../modules/ioc/ioc.routes.tsx';
import { paymentsRoutes } from '../modules/payments/payments.routes.tsx';
import { plansRoutes } from '../modules/plans/plans.routes.tsx';
import { portalRoutes } from '../modules/portal/portal.routes.tsx';
import { catalogueRoutes } from '../modules/procedures/catalogue.routes.tsx';
import { signaturesRoutes } from '../modules/signatures/signatures.routes.tsx';
import { tasksRoutes } from '../modules/tasks/tasks.routes.tsx';
import { AppShell } from './AppShell.tsx';
import { PATHS } from './nav-items.ts';
import { RequireAuth } from './RequireAuth.tsx';
import { RequireRole } from './RequireRole.tsx';

/**
 * Each page is its own chunk, loaded when first visited: a citizen opening the public
 * catalogue on a phone downloads the shell and that page, not the staff screens (issue 4's
 * 200 KB budget, docs/benchmarks.md). AppShell shows a loading line while a chunk arrives.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AccountsPage = lazyPage(() => import('../pages/AccountsPage.tsx'), 'AccountsPage');
const CalendarPage = lazyPage(() => import('../pages/CalendarPage.tsx'), 'CalendarPage');
const DossierPage = lazyPage(() => import('../pages/DossierPage.tsx'), 'DossierPage');
const DossierQueuePage = lazyPage(
  () => import('../pages/DossierQueuePage.tsx'),
  'DossierQueuePage',
);
const DossierReceiptPage = lazyPage(
  () => import('../pages/DossierReceiptPage.tsx'),
  'DossierReceiptPage',
);
const DossierUnitPage = lazyPage(() => import('../pages/DossierUnitPage.tsx'), 'DossierUnitPage');
const HomePage = lazyPage(() => import('../pages/HomePage.tsx'), 'HomePage');
const LoginPage = lazyPage(() => import('../pages/LoginPage.tsx'), 'LoginPage');
const MyWorkPage = lazyPage(() => import('../pages/MyWorkPage.tsx'), 'MyWorkPage');
const NotFoundPage = lazyPage(() => import('../pages/NotFoundPage.tsx'), 'NotFoundPage');
const Open311ClientsPage = lazyPage(
  () => import('../pages/Open311ClientsPage.tsx'),
  'Open311ClientsPage',
);
const ProcedureEditPage = lazyPage(
  () => import('../pages/ProcedureEditPage.tsx'),
  'ProcedureEditPage',
);
const ProceduresPage = lazyPage(() => import('../pages/ProceduresPage.tsx'), 'ProceduresPage');
const PublicReportPage = lazyPage(
  () => import('../pages/PublicReportPage.tsx'),
  'PublicReportPage',
);
const PublicReportsPage = lazyPage(
  () => import('../pages/PublicReportsPage.tsx'),
  'PublicReportsPage',
);
const ReportAdminPage = lazyPage(() => import('../pages/ReportAdminPage.tsx'), 'ReportAdminPage');
const ReportPage = lazyPage(() => import('../pages/ReportPage.tsx'), 'ReportPage');
const ReportQueuePage = lazyPage(() => import('../pages/ReportQueuePage.tsx'), 'ReportQueuePage');
const ReportStatsPage = lazyPage(() => import('../pages/ReportStatsPage.tsx'), 'ReportStatsPage');
const ReportSubmitPage = lazyPage(
  () => import('../pages/ReportSubmitPage.tsx'),
  'ReportSubmitPage',
);
const TrackDossierPage = lazyPage(
  () => import('../pages/TrackDossierPage.tsx'),
  'TrackDossierPage',
);
const UnitsPage = lazyPage(() => import('../pages/UnitsPage.tsx'), 'UnitsPage');

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
              <Route path={PATHS.myWork} element={guard(<MyWorkPage />)} />
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
              {catalogueRoutes}
              {citizensRoutes}
              {paymentsRoutes}
              {feedbackRoutes}
              {portalRoutes}
              {iocRoutes}
              {plansRoutes}
              {tasksRoutes}
              {documentsRoutes}
              {signaturesRoutes}
              <Route path="*" element={guard(<NotFoundPage />)} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
