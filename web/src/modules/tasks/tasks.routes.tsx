// Routes of the tasks pages (issue 12), placed inside the app shell by app/App.tsx; lazy pages.
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/RequireAuth.tsx';

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const TasksPage = lazyPage(() => import('../../pages/TasksPage.tsx'), 'TasksPage');
const TaskPage = lazyPage(() => import('../../pages/TaskPage.tsx'), 'TaskPage');

/** /nhiem-vu (?tab=mine) and /nhiem-vu/:id. */
export const tasksRoutes = (
  <>
    <Route
      path="/nhiem-vu"
      element={
        <RequireAuth>
          <TasksPage />
        </RequireAuth>
      }
    />
    <Route
      path="/nhiem-vu/:id"
      element={
        <RequireAuth>
          <TaskPage />
        </RequireAuth>
      }
    />
  </>
);
