// Route of the signature-image page, placed inside the app shell by app/App.tsx; lazy page.
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/RequireAuth.tsx';

const SignatureImagesPage = lazy(async () => ({
  default: (await import('../../pages/SignatureImagesPage.tsx')).SignatureImagesPage,
}));

/** /van-ban/chu-ky-con-dau — my signature image and the seals of the units I keep. */
export const signaturesRoutes = (
  <Route
    path="/van-ban/chu-ky-con-dau"
    element={
      <RequireAuth>
        <SignatureImagesPage />
      </RequireAuth>
    }
  />
);
