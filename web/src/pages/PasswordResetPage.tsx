import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import type { PasswordReset } from '../modules/citizens/api/citizens.api.ts';
import { CITIZEN_PATHS } from '../modules/citizens/citizens.paths.ts';
import { PasswordResetForm } from '../modules/citizens/components/PasswordResetForm.tsx';
import { PASSWORD_RESET_STATE } from '../modules/citizens/components/PasswordResetNotice.tsx';
import { PasswordResetRequestForm } from '../modules/citizens/components/PasswordResetRequestForm.tsx';
import { signedOutOnly } from '../modules/citizens/components/SignedOutOnly.tsx';
import { useAuth } from '../modules/identity/index.ts';

/** /quen-mat-khau: phone or e-mail (step 1), then the code and a new password (step 2), then my account. */
export function PasswordResetPage() {
  const t = useT();
  const { user, adopt } = useAuth();
  const navigate = useNavigate();
  const [started, setStarted] = useState<{ reset: PasswordReset; contact: string } | null>(null);
  useDocumentTitle(t(started ? 'citizens.reset.codeTitle' : 'citizens.reset.title'));

  const instead = signedOutOnly(user, started !== null);
  if (instead) return instead;
  return (
    <div className="page page--narrow">
      {started ? (
        <>
          <h1 className="page__title">{t('citizens.reset.codeTitle')}</h1>
          <PasswordResetForm
            reset={started.reset}
            contact={started.contact}
            onDone={(session) => {
              adopt(session);
              navigate(CITIZEN_PATHS.account, { replace: true, state: PASSWORD_RESET_STATE });
            }}
            onChangeContact={() => setStarted(null)}
          />
        </>
      ) : (
        <>
          <h1 className="page__title">{t('citizens.reset.title')}</h1>
          <p className="lead">{t('citizens.reset.intro')}</p>
          <PasswordResetRequestForm
            onStarted={(reset, contact) => setStarted({ reset, contact })}
          />
          <p className="muted">{t('citizens.reset.staffNote')}</p>
          <p>
            <Link to={PATHS.login}>{t('citizens.reset.backToLogin')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
