import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { LoginForm, useAuth } from '../modules/identity/index.ts';
import { Loading } from '../ui/Notice.tsx';

function returnPath(state: unknown): string {
  const from = state && typeof state === 'object' && 'from' in state ? String(state.from) : '';
  return from.startsWith('/') && !from.startsWith('//') && from !== PATHS.login ? from : PATHS.home;
}

/** /dang-nhap */
export function LoginPage() {
  const t = useT();
  const { user } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  useDocumentTitle(t('login.title'));
  const target = returnPath(location.state);

  if (user === undefined) return <Loading />;
  if (user) return <Navigate to={target} replace />;
  return (
    <div className="page page--narrow">
      <h1 className="page__title">{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <LoginForm onSuccess={() => navigate(target, { replace: true })} />
    </div>
  );
}
