// Electronic documents waiting to be registered (status received: from other units on the
// platform, or edXML packages from outside), each with its "Vào sổ" button; and the upload of
// an edXML package (POST /edxml/inbox), after which it waits in the same list.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, todayVn } from '../../../lib/format.ts';
import { useCursorList } from '../../../lib/use-cursor-list.ts';
import { LoadMore } from '../../../ui/LoadMore.tsx';
import { LoadError, Notice } from '../../../ui/Notice.tsx';
import type { DocumentSummary } from '../api/document.types.ts';
import { listDocuments, postDocumentAction, uploadEdxml } from '../api/documents.api.ts';
import { documentsErrorText, typeName } from '../lib/labels.ts';
import { DeadlineText, UrgencyBadges } from './DocumentBadges.tsx';
import { documentPath } from './DocumentTable.tsx';
import { RegisteredPanel } from './RegisteredPanel.tsx';

export function WaitingInbox() {
  const t = useT();
  const today = todayVn();
  const list = useCursorList(
    (cursor, signal) => listDocuments({ box: 'todo', status: 'received' }, cursor, signal),
    [],
  );
  const [registered, setRegistered] = useState<{
    id: string;
    arrivalNumber: number | null;
    summary: string;
  } | null>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const [flash, setFlash] = useState('');
  const [busyId, setBusyId] = useState('');

  const register = async (doc: DocumentSummary) => {
    setRowError(null);
    setFlash('');
    setBusyId(doc.id);
    try {
      const after = await postDocumentAction(doc.id, { action: 'register', version: doc.version });
      setRegistered({ id: after.id, arrivalNumber: after.arrivalNumber, summary: after.summary });
      list.reload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setFlash(t('documents.actions.conflict'));
        list.reload();
      } else setRowError({ id: doc.id, text: documentsErrorText(err, t) });
    } finally {
      setBusyId('');
    }
  };

  return (
    <section className="section doc-waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title" className="section__title">
        {t('documents.waiting.title')}
      </h2>
      {registered ? (
        <RegisteredPanel
          key={registered.id}
          id={registered.id}
          arrivalNumber={registered.arrivalNumber}
          summary={registered.summary}
        />
      ) : null}
      {flash ? <Notice kind="info">{flash}</Notice> : null}
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.loading && list.items.length === 0 ? (
        <p className="muted">{t('documents.waiting.none')}</p>
      ) : list.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="visually-hidden">{t('documents.waiting.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.col.summary')}</th>
                <th scope="col">{t('documents.col.issuer')}</th>
                <th scope="col">{t('documents.doc.number')}</th>
                <th scope="col">{t('documents.col.date')}</th>
                <th scope="col">{t('documents.col.urgency')}</th>
                <th scope="col">{t('documents.col.deadline')}</th>
                <th scope="col">{t('table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((doc) => (
                <tr key={doc.id}>
                  <td>
                    <Link to={documentPath(doc.id)}>{doc.summary}</Link>
                    <span className="doc-type muted">{typeName(doc.typeCode)}</span>
                  </td>
                  <td>{doc.issuerName ?? ''}</td>
                  <td className="nowrap">{doc.numberSymbol ?? ''}</td>
                  <td className="nowrap">{formatDate(doc.issuedOn)}</td>
                  <td>
                    <UrgencyBadges doc={doc} />
                  </td>
                  <td className="nowrap">
                    <DeadlineText doc={doc} today={today} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busyId === doc.id}
                      aria-label={t('documents.waiting.registerNamed', { summary: doc.summary })}
                      onClick={() => register(doc)}
                    >
                      {t('documents.waiting.register')}
                    </button>
                    {rowError?.id === doc.id ? (
                      <p className="field__error" role="alert">
                        {rowError.text}
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
      />
      <EdxmlUpload onReceived={list.reload} />
    </section>
  );
}

/** The upload of one edXML package (.xml). */
function EdxmlUpload({ onReceived }: { onReceived: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    setDone('');
    if (!file) return setError(t('documents.edxml.pick'));
    if (!/\.(xml|edxml)$/i.test(file.name) && !/xml/.test(file.type))
      return setError(t('documents.edxml.kind'));
    setBusy(true);
    try {
      await uploadEdxml(file);
      setDone(t('documents.edxml.received'));
      setFile(null);
      setInputKey((k) => k + 1);
      onReceived();
    } catch (err) {
      setError(documentsErrorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="doc-edxml" onSubmit={onSubmit} noValidate aria-labelledby="edxml-title">
      <h3 id="edxml-title">{t('documents.edxml.title')}</h3>
      <p className="muted" id="edxml-hint">
        {t('documents.edxml.hint')}
      </p>
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor="edxml-file">
          {t('documents.edxml.file')}
        </label>
        {error ? (
          <p className="field__error" id="edxml-file-error" role="alert">
            {error}
          </p>
        ) : null}
        <input
          key={inputKey}
          id="edxml-file"
          type="file"
          accept=".xml,.edxml,application/xml,text/xml"
          aria-describedby={error ? 'edxml-hint edxml-file-error' : 'edxml-hint'}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={busy}>
        {t('documents.edxml.submit')}
      </button>
      <div aria-live="polite">{done ? <p className="notice notice--success">{done}</p> : null}</div>
    </form>
  );
}
