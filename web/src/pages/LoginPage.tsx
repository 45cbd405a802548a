import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { CITIZEN_PATHS } from '../modules/citizens/citizens.paths.ts';
import { LoginForm, type User, useAuth } from '../modules/identity/index.ts';
import { Loading } from '../ui/Notice.tsx';

function requestedPath(state: unknown): string | null {
  const from = state && typeof state === 'object' && 'from' in state ? String(state.from) : '';
  return from.startsWith('/') && !from.startsWith('//') && from !== PATHS.login ? from : null;
}

/** Where a user goes after signing in: the page they asked for, else their own start page. */
function landing(user: User, state: unknown): string {
  return requestedPath(state) ?? (user.kind === 'citizen' ? CITIZEN_PATHS.account : PATHS.home);
}

/** /dang-nhap */
export function LoginPage() {
  const t = useT();
  const { user } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  useDocumentTitle(t('login.title'));

  if (user === undefined) return <Loading />;
  if (user) return <Navigate to={landing(user, location.state)} replace />;
  return (
    <div className="page page--narrow">
      <h1 className="page__title">{t('login.title')}</h1>
      <p className="lead">{t('citizens.login.intro')}</p>
      <LoginForm onSuccess={(u) => navigate(landing(u, location.state), { replace: true })} />
      <p>
        <Link to={CITIZEN_PATHS.passwordReset}>{t('citizens.login.forgot')}</Link>
      </p>
      <p>
        {t('citizens.login.noAccount')}{' '}
        <Link to={CITIZEN_PATHS.register}>{t('citizens.login.register')}</Link>
      </p>
    </div>
  );
}
