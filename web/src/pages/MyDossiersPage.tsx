import '../modules/portal/portal.css';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { deleteDraft, listDrafts, listMyDossiers } from '../modules/portal/api/portal.api.ts';
import { PORTAL_PATHS } from '../modules/portal/portal.paths.ts';
import { errorText } from '../ui/error-text.ts';
import { LoadError, Loading } from '../ui/Notice.tsx';

/** /dich-vu-cong/ho-so-cua-toi — my drafts and the dossiers I submitted online. */
export function MyDossiersPage() {
  const t = useT();
  useDocumentTitle(t('portal.my.title'));
  const drafts = useAsync((signal) => listDrafts(signal), []);
  const dossiers = useAsync((signal) => listMyDossiers(signal), []);
  const [error, setError] = useState<string | null>(null);

  const discard = async (id: string, name: string) => {
    if (!window.confirm(t('portal.my.discardConfirm', { name }))) return;
    try {
      await deleteDraft(id);
      drafts.reload();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <div className="page">
      <h1 className="page__title">{t('portal.my.title')}</h1>
      <p className="button-group">
        <Link className="button" to="/dich-vu-cong">
          {t('portal.my.newSubmission')}
        </Link>
        <Link className="button button--secondary" to={PORTAL_PATHS.dataStore}>
          {t('portal.nav.dataStore')}
        </Link>
      </p>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <section className="section" aria-labelledby="my-dossiers-title">
        <h2 id="my-dossiers-title" className="section__title">
          {t('portal.my.submitted')}
        </h2>
        {dossiers.error ? (
          <LoadError error={dossiers.error} onRetry={dossiers.reload} />
        ) : !dossiers.data ? (
          <Loading />
        ) : dossiers.data.items.length === 0 ? (
          <p className="muted">{t('portal.my.none')}</p>
        ) : (
          <ul className="portal-cards">
            {dossiers.data.items.map((d) => (
              <li key={d.code} className="panel">
                <h3 className="panel__title">
                  <Link to={PORTAL_PATHS.myDossier(d.code)}>{d.procedureName}</Link>
                </h3>
                <dl className="portal-facts">
                  <dt>{t('track.code')}</dt>
                  <dd>{d.code}</dd>
                  <dt>{t('track.status')}</dt>
                  <dd>
                    <strong>{d.statusLabel}</strong>
                    {d.resultAvailable ? ` — ${t('portal.my.resultReady')}` : ''}
                  </dd>
                  <dt>{t('track.received')}</dt>
                  <dd>{formatDateTime(d.receivedAt)}</dd>
                  <dt>{t('track.due')}</dt>
                  <dd>{formatDateTime(d.dueAt)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="my-drafts-title">
        <h2 id="my-drafts-title" className="section__title">
          {t('portal.my.drafts')}
        </h2>
        {drafts.error ? (
          <LoadError error={drafts.error} onRetry={drafts.reload} />
        ) : !drafts.data ? (
          <Loading />
        ) : drafts.data.items.length === 0 ? (
          <p className="muted">{t('portal.my.noDrafts')}</p>
        ) : (
          <ul className="portal-cards">
            {drafts.data.items.map((d) => (
              <li key={d.id} className="panel">
                <h3 className="panel__title">{d.procedureName}</h3>
                <p className="muted">
                  {t('portal.my.savedAt', { at: formatDateTime(d.updatedAt) })}
                </p>
                <div className="button-group">
                  <Link
                    className="button button--small"
                    to={`${PORTAL_PATHS.submit(d.procedureCode)}?nhap=${encodeURIComponent(d.id)}`}
                  >
                    {t('portal.my.resume')}
                  </Link>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => discard(d.id, d.procedureName)}
                  >
                    {t('portal.my.discard')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
