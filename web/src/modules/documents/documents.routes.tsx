// Routes of the documents pages (văn bản, issue 13), placed inside the app shell by app/App.tsx;
// lazy pages. The signature check (/kiem-tra-chu-ky) is public: citizens and other agencies
// check a document we issued without an account.
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/RequireAuth.tsx';

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const DocumentsPage = lazyPage(() => import('../../pages/DocumentsPage.tsx'), 'DocumentsPage');
const DocumentRegisterPage = lazyPage(
  () => import('../../pages/DocumentRegisterPage.tsx'),
  'DocumentRegisterPage',
);
const DocumentDraftPage = lazyPage(
  () => import('../../pages/DocumentDraftPage.tsx'),
  'DocumentDraftPage',
);
const DocumentPage = lazyPage(() => import('../../pages/DocumentPage.tsx'), 'DocumentPage');
const WorkFilesPage = lazyPage(() => import('../../pages/WorkFilesPage.tsx'), 'WorkFilesPage');
const WorkFilePage = lazyPage(() => import('../../pages/WorkFilePage.tsx'), 'WorkFilePage');
const ReviewFlowsPage = lazyPage(
  () => import('../../pages/ReviewFlowsPage.tsx'),
  'ReviewFlowsPage',
);
const SignatureVerifyPage = lazyPage(
  () => import('../../pages/SignatureVerifyPage.tsx'),
  'SignatureVerifyPage',
);

/**
 * /van-ban (?box=&q=&from=&to=&status=), /van-ban/vao-so, /van-ban/soan-thao (?replyTo=),
 * /van-ban/ho-so-cong-viec and /van-ban/ho-so-cong-viec/:id (work files),
 * /van-ban/quy-trinh-trinh-duyet (approval flows), /van-ban/:id,
 * /kiem-tra-chu-ky.
 */
export const documentsRoutes = (
  <>
    <Route
      path="/van-ban"
      element={
        <RequireAuth>
          <DocumentsPage />
        </RequireAuth>
      }
    />
    <Route
      path="/van-ban/vao-so"
      element={
        <RequireAuth>
          <DocumentRegisterPage />
        </RequireAuth>
      }
    />
    <Route
      path="/van-ban/soan-thao"
      element={
        <RequireAuth>
          <DocumentDraftPage />
        </RequireAuth>
      }
    />
    <Route
      path="/van-ban/ho-so-cong-viec"
      element={
        <RequireAuth>
          <WorkFilesPage />
        </RequireAuth>
      }
    />
    <Route
      path="/van-ban/ho-so-cong-viec/:id"
      element={
        <RequireAuth>
          <WorkFilePage />
        </RequireAuth>
      }
    />
    <Route
      path="/van-ban/quy-trinh-trinh-duyet"
      element={
        <RequireAuth>
          <ReviewFlowsPage />
        </RequireAuth>
      }
    />
    <Route
      path="/van-ban/:id"
      element={
        <RequireAuth>
          <DocumentPage />
        </RequireAuth>
      }
    />
    <Route path="/kiem-tra-chu-ky" element={<SignatureVerifyPage />} />
  </>
);
