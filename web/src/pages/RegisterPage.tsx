import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import type { Registration } from '../modules/citizens/api/citizens.api.ts';
import { CITIZEN_PATHS } from '../modules/citizens/citizens.paths.ts';
import { RegisterForm } from '../modules/citizens/components/RegisterForm.tsx';
import { signedOutOnly } from '../modules/citizens/components/SignedOutOnly.tsx';
import { VerifyCodeForm } from '../modules/citizens/components/VerifyCodeForm.tsx';
import { useAuth } from '../modules/identity/index.ts';

/** /dang-ky: register (step 1), then enter the code (step 2), then my account. */
export function RegisterPage() {
  const t = useT();
  const { user, adopt } = useAuth();
  const navigate = useNavigate();
  const [started, setStarted] = useState<{ registration: Registration; contact: string } | null>(
    null,
  );
  useDocumentTitle(t(started ? 'citizens.verify.title' : 'citizens.register.title'));

  const instead = signedOutOnly(user, started !== null);
  if (instead) return instead;
  return (
    <div className="page page--narrow">
      {started ? (
        <>
          <h1 className="page__title">{t('citizens.verify.title')}</h1>
          <VerifyCodeForm
            registration={started.registration}
            contact={started.contact}
            onVerified={(session) => {
              adopt(session);
              navigate(CITIZEN_PATHS.account, { replace: true });
            }}
            onChangeContact={() => setStarted(null)}
          />
        </>
      ) : (
        <>
          <h1 className="page__title">{t('citizens.register.title')}</h1>
          <p className="lead">{t('citizens.register.intro')}</p>
          <RegisterForm
            onStarted={(registration, contact) => setStarted({ registration, contact })}
          />
          <p>
            {t('citizens.register.haveAccount')}{' '}
            <Link to={PATHS.login}>{t('citizens.register.login')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
