import '../modules/portal/portal.css';
import { type ChangeEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { CITIZEN_PATHS } from '../modules/citizens/citizens.paths.ts';
import {
  deleteDocument,
  documentUrl,
  listDocuments,
  uploadDocument,
} from '../modules/portal/api/portal.api.ts';
import { PORTAL_PATHS } from '../modules/portal/portal.paths.ts';
import { errorText } from '../ui/error-text.ts';
import { LoadError, Loading, Notice } from '../ui/Notice.tsx';

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString('vi-VN')} KB`;

/**
 * /dich-vu-cong/kho-du-lieu — the personal data store (kho dữ liệu cá nhân): papers the citizen
 * stored and the electronic results issued to them, reusable in any new submission. Without
 * the "save for reuse" consent nothing new is stored: the page says so and links to it.
 */
export function DataStorePage() {
  const t = useT();
  useDocumentTitle(t('portal.store.title'));
  const docs = useAsync((signal) => listDocuments(signal), []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const doc = await uploadDocument(file);
      setMessage({ kind: 'ok', text: t('portal.store.uploaded', { title: doc.title }) });
      docs.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string, title: string) => {
    if (!window.confirm(t('portal.store.removeConfirm', { title }))) return;
    try {
      await deleteDocument(id);
      setMessage({ kind: 'ok', text: t('portal.store.removed', { title }) });
      docs.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t) });
    }
  };

  return (
    <div className="page page--narrow">
      <p>
        <Link to={PORTAL_PATHS.myDossiers}>{t('portal.nav.myDossiers')}</Link>
      </p>
      <h1 className="page__title">{t('portal.store.title')}</h1>
      <p className="lead">{t('portal.store.intro')}</p>
      {docs.data && !docs.data.dataStoreConsent ? (
        <p className="notice notice--info" data-testid="no-store-consent">
          {t('portal.store.noConsent')}{' '}
          <Link to={CITIZEN_PATHS.account}>{t('portal.store.noConsentLink')}</Link>
        </p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="store-file">
          {t('portal.store.add')}
        </label>
        <p className="field__hint" id="store-file-hint">
          {t('portal.store.addHint')}
        </p>
        <input
          id="store-file"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={onFile}
          disabled={busy || !docs.data?.dataStoreConsent}
          aria-describedby="store-file-hint"
        />
      </div>
      {message?.kind === 'ok' ? <Notice>{message.text}</Notice> : null}
      {message?.kind === 'error' ? (
        <p className="notice notice--error" role="alert">
          {message.text}
        </p>
      ) : null}
      {docs.error ? (
        <LoadError error={docs.error} onRetry={docs.reload} />
      ) : !docs.data ? (
        <Loading />
      ) : docs.data.items.length === 0 ? (
        <p className="muted">{t('portal.store.empty')}</p>
      ) : (
        <ul className="portal-cards">
          {docs.data.items.map((d) => (
            <li key={d.id} className="panel">
              <h2 className="panel__title">{d.title}</h2>
              <p className="muted">
                {d.kind === 'result' ? t('portal.store.result') : t('portal.store.upload')} ·{' '}
                {d.filename} · {kb(d.size)} · {formatDateTime(d.createdAt)}
              </p>
              <div className="button-group">
                <a className="button button--secondary button--small" href={documentUrl(d.id)}>
                  {t('portal.store.download', { title: d.title })}
                </a>
                {d.kind === 'upload' ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => remove(d.id, d.title)}
                  >
                    {t('portal.store.remove', { title: d.title })}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
