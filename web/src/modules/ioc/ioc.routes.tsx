// Route of the leaders' dashboard (issue 12), placed inside the app shell by app/App.tsx. The
// page loads lazily, and ECharts only from inside it, so the public pages stay small.
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/RequireAuth.tsx';

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const DashboardPage = lazyPage(() => import('../../pages/DashboardPage.tsx'), 'DashboardPage');
const IndicatorEntryPage = lazyPage(
  () => import('../../pages/IndicatorEntryPage.tsx'),
  'IndicatorEntryPage',
);

/** /dieu-hanh (wall mode: /dieu-hanh?wall=1) and /chi-tieu/nhap-so-lieu (entering values). */
export const iocRoutes = (
  <>
    <Route
      path="/dieu-hanh"
      element={
        <RequireAuth>
          <DashboardPage />
        </RequireAuth>
      }
    />
    <Route
      path="/chi-tieu/nhap-so-lieu"
      element={
        <RequireAuth>
          <IndicatorEntryPage />
        </RequireAuth>
      }
    />
  </>
);
