import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { LOGIN_PATH } from '../app/RequireAuth.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  type DeletionResult,
  EXPORT_URL,
  fetchConsents,
  fetchProfile,
} from '../modules/citizens/api/citizens.api.ts';
import { AccessLogPanel } from '../modules/citizens/components/AccessLogPanel.tsx';
import { ConsentsPanel } from '../modules/citizens/components/ConsentsPanel.tsx';
import {
  DeleteAccountPanel,
  DeletionReport,
} from '../modules/citizens/components/DeleteAccountPanel.tsx';
import { ProfileForm } from '../modules/citizens/components/ProfileForm.tsx';
import { useAuth } from '../modules/identity/index.ts';
import { LoadError, Loading, Notice } from '../ui/Notice.tsx';

/** /tai-khoan-cua-toi: the signed-in citizen's details, consents, access log, export, deletion. */
export function CitizenAccountPage() {
  const t = useT();
  const { user, forget } = useAuth();
  const location = useLocation();
  const [deleted, setDeleted] = useState<DeletionResult | null>(null);
  useDocumentTitle(t('citizens.account.title'));
  const isCitizen = user?.kind === 'citizen';
  const profile = useAsync(
    (signal) => (isCitizen ? fetchProfile(signal) : Promise.resolve(undefined)),
    [isCitizen],
  );
  const consents = useAsync(
    (signal) => (isCitizen ? fetchConsents(signal) : Promise.resolve(undefined)),
    [isCitizen],
  );

  if (deleted)
    return (
      <div className="page page--narrow">
        <h1 className="page__title">{t('citizens.account.title')}</h1>
        <DeletionReport result={deleted} />
      </div>
    );
  if (user === undefined) return <Loading />;
  if (user === null)
    return <Navigate to={LOGIN_PATH} replace state={{ from: location.pathname }} />;
  if (!isCitizen)
    return (
      <div className="page page--narrow">
        <h1 className="page__title">{t('citizens.account.title')}</h1>
        <Notice kind="info">{t('citizens.account.staffOnly')}</Notice>
      </div>
    );
  return (
    <div className="page page--narrow">
      <h1 className="page__title">{t('citizens.account.title')}</h1>
      <p className="lead">{t('citizens.account.intro')}</p>
      <p className="muted">{t('citizens.account.signedInAs', { username: user.username })}</p>

      <section className="section" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('citizens.profile.title')}</h2>
        {profile.error ? (
          <LoadError error={profile.error} onRetry={profile.reload} />
        ) : profile.data ? (
          <ProfileForm profile={profile.data} onSaved={profile.setData} />
        ) : (
          <Loading />
        )}
      </section>

      <section className="section" aria-labelledby="consents-title">
        <h2 id="consents-title">{t('citizens.consents.title')}</h2>
        {consents.error ? (
          <LoadError error={consents.error} onRetry={consents.reload} />
        ) : consents.data ? (
          <ConsentsPanel consents={consents.data} onChanged={consents.reload} />
        ) : (
          <Loading />
        )}
      </section>

      <section className="section" aria-labelledby="access-title">
        <h2 id="access-title">{t('citizens.access.title')}</h2>
        <AccessLogPanel />
      </section>

      <section className="section" aria-labelledby="export-title">
        <h2 id="export-title">{t('citizens.export.title')}</h2>
        <p>{t('citizens.export.intro')}</p>
        <a className="button button--secondary" href={EXPORT_URL} download>
          {t('citizens.export.download')}
        </a>
      </section>

      <section className="section" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('citizens.delete.title')}</h2>
        <DeleteAccountPanel
          onDeleted={(r) => {
            setDeleted(r);
            forget();
          }}
        />
      </section>
    </div>
  );
}
