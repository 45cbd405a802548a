// Routes of the public procedure catalogue (issue 4), placed inside the app shell by app/App.tsx. Pages load
// lazily (lazyPage) so the public pages stay small.
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/RequireAuth.tsx';
import { RequireCapability } from '../../app/RequireCapability.tsx';
import { SYNONYMS_PATH } from './catalogue/synonyms.ts';

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const CataloguePage = lazyPage(() => import('../../pages/CataloguePage.tsx'), 'CataloguePage');
const CatalogueSynonymsPage = lazyPage(
  () => import('../../pages/CatalogueSynonymsPage.tsx'),
  'CatalogueSynonymsPage',
);
const PublicProcedurePage = lazyPage(
  () => import('../../pages/PublicProcedurePage.tsx'),
  'PublicProcedurePage',
);

/** The routes, as one fragment of <Route> elements. */
export const catalogueRoutes = (
  <>
    <Route path="/dich-vu-cong" element={<CataloguePage />} />
    <Route path="/dich-vu-cong/thu-tuc/:code" element={<PublicProcedurePage />} />
    <Route
      path={SYNONYMS_PATH}
      element={
        <RequireAuth>
          <RequireCapability capabilities={['procedures.synonyms']}>
            <CatalogueSynonymsPage />
          </RequireCapability>
        </RequireAuth>
      }
    />
  </>
);
