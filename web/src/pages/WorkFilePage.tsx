import type { WorkFileAction } from '@cqs/shared/documents/index';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  documentPath,
  documentsErrorText,
  getWorkFile,
  postWorkFileAction,
  type WorkFileDetail,
} from '../modules/documents/index.ts';
import { TextAreaField } from '../ui/Field.tsx';
import { LoadError, Loading, Notice } from '../ui/Notice.tsx';

/**
 * /van-ban/ho-so-cong-viec/:id — one work file (hồ sơ công việc): its number and symbol, title,
 * retention, owner, dates; the documents in it (mục lục văn bản) with a way to take one out;
 * closing it (kết thúc hồ sơ) with what came of the work, reopening it with a reason; history.
 */
export function WorkFilePage() {
  const t = useT();
  const { id = '' } = useParams();
  const state = useAsync((signal) => getWorkFile(id, signal), [id]);
  const f = state.data?.id === id ? state.data : undefined;
  useDocumentTitle(f ? `${f.code} ${f.title}` : t('documents.workFiles.pageTitle'));
  const [open, setOpen] = useState<'close' | 'reopen' | null>(null);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [flash, setFlash] = useState<{ kind: 'success' | 'info'; text: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const back = (
    <p className="back-link">
      <Link to="/van-ban/ho-so-cong-viec">{t('documents.workFiles.back')}</Link>
    </p>
  );
  if (state.error && !f)
    return (
      <div className="page">
        {back}
        <h1 className="page__title">{t('documents.workFiles.pageTitle')}</h1>
        <LoadError error={state.error} onRetry={state.reload} />
      </div>
    );
  if (!f) return <Loading />;

  const send = async (
    action: WorkFileAction,
    extra: Record<string, string>,
    doneText: string,
  ): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError('');
    setFlash(null);
    try {
      const updated: WorkFileDetail = await postWorkFileAction(f.id, {
        action,
        version: f.version,
        ...extra,
      } as never);
      state.setData(updated);
      setFlash({ kind: 'success', text: doneText });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        setFlash({ kind: 'info', text: t('documents.actions.conflict') });
        state.reload();
      } else setError(documentsErrorText(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    if (open === 'reopen' && !text.trim()) {
      setFieldError(t('documents.workFiles.reasonRequired'));
      document.getElementById('wf-text')?.focus();
      return;
    }
    setFieldError('');
    const ok = await send(
      open,
      open === 'close' ? (text.trim() ? { note: text.trim() } : {}) : { reason: text.trim() },
      open === 'close' ? t('documents.workFiles.closed') : t('documents.workFiles.reopened'),
    );
    if (ok) {
      setOpen(null);
      setText('');
    }
  };

  const canChange = f.allowedActions.includes('remove');
  return (
    <div className="page">
      {back}
      <p className="muted doc-kind">{t('documents.workFiles.kind')}</p>
      <h1 className="page__title">
        {f.code} — {f.title}
      </h1>
      {flash ? <Notice kind={flash.kind}>{flash.text}</Notice> : null}
      {error ? (
        <p className="notice notice--warning" role="alert">
          {error}
        </p>
      ) : null}
      <dl className="doc-facts">
        <dt>{t('documents.workFiles.statusLabel')}</dt>
        <dd>{f.statusLabel}</dd>
        <dt>{t('documents.workFiles.unit')}</dt>
        <dd>{f.unitName ?? f.unitCode}</dd>
        <dt>{t('documents.workFiles.year')}</dt>
        <dd>{f.year}</dd>
        <dt>{t('documents.workFiles.retention')}</dt>
        <dd>{f.retentionLabel}</dd>
        <dt>{t('documents.workFiles.col.owner')}</dt>
        <dd>{f.ownerName}</dd>
        <dt>{t('documents.workFiles.openedOn')}</dt>
        <dd>{formatDate(f.openedOn)}</dd>
        {f.closedOn ? (
          <>
            <dt>{t('documents.workFiles.closedOn')}</dt>
            <dd>{formatDate(f.closedOn)}</dd>
          </>
        ) : null}
        {f.note ? (
          <>
            <dt>{t('documents.workFiles.note')}</dt>
            <dd>{f.note}</dd>
          </>
        ) : null}
      </dl>

      {f.allowedActions.includes('close') || f.allowedActions.includes('reopen') ? (
        <section className="panel doc-actions" aria-labelledby="wf-actions-title">
          <h2 id="wf-actions-title" className="panel__title">
            {t('documents.actions.title')}
          </h2>
          <div className="doc-actions__buttons">
            {(['close', 'reopen'] as const)
              .filter((a) => f.allowedActions.includes(a))
              .map((a) => (
                <button
                  key={a}
                  type="button"
                  className={`button button--small${a === 'reopen' ? ' button--secondary' : ''}`}
                  aria-expanded={open === a}
                  onClick={() => {
                    setOpen(open === a ? null : a);
                    setText('');
                    setFieldError('');
                  }}
                >
                  {t(`documents.workFiles.action.${a}`)}
                </button>
              ))}
          </div>
          {open ? (
            <form className="doc-action-form" onSubmit={onSubmit} noValidate>
              <TextAreaField
                id="wf-text"
                label={
                  open === 'close'
                    ? `${t('documents.workFiles.closeNote')} ${t('form.optional')}`
                    : t('documents.workFiles.reopenReason')
                }
                rows={3}
                value={text}
                error={fieldError}
                onChange={(e) => setText(e.target.value)}
              />
              <div className="button-group">
                <button
                  type="submit"
                  className="button"
                  disabled={busy}
                  aria-busy={busy || undefined}
                >
                  {t(`documents.workFiles.action.${open}`)}
                </button>
                <button type="button" className="button button--link" onClick={() => setOpen(null)}>
                  {t('action.cancel')}
                </button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}

      <section className="section" aria-labelledby="wf-docs-title">
        <h2 id="wf-docs-title" className="section__title">
          {t('documents.workFiles.documents', { count: f.documents.length })}
        </h2>
        {f.documents.length === 0 ? (
          <p className="muted">{t('documents.workFiles.noDocuments')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--dense">
              <caption className="visually-hidden">{t('documents.workFiles.index')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('documents.workFiles.col.no')}</th>
                  <th scope="col">{t('documents.col.number')}</th>
                  <th scope="col">{t('documents.col.summary')}</th>
                  <th scope="col">{t('documents.workFiles.col.added')}</th>
                  {canChange ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('documents.workFiles.remove')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {f.documents.map((d, i) => (
                  <tr key={d.id}>
                    <td>{i + 1}</td>
                    <td className="nowrap">
                      {d.numberSymbol ?? t('documents.workFiles.unnumbered')}
                      {d.issuedOn ? <div className="muted">{formatDate(d.issuedOn)}</div> : null}
                    </td>
                    <td>
                      <Link to={documentPath(d.id)}>{d.summary}</Link>
                      {d.issuerName ? <div className="muted">{d.issuerName}</div> : null}
                    </td>
                    <td>
                      {formatDateTime(d.addedAt)}
                      <div className="muted">{d.addedByName}</div>
                    </td>
                    {canChange ? (
                      <td>
                        <button
                          type="button"
                          className="button button--small button--link"
                          disabled={busy}
                          onClick={() =>
                            void send(
                              'remove',
                              { documentId: d.id },
                              t('documents.workFiles.removed'),
                            )
                          }
                        >
                          {t('documents.workFiles.remove')}
                          <span className="visually-hidden">: {d.summary}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {f.status === 'open' ? <p className="muted">{t('documents.workFiles.addHint')}</p> : null}
      </section>

      <section className="section" aria-labelledby="wf-history-title">
        <h2 id="wf-history-title" className="section__title">
          {t('documents.doc.history')}
        </h2>
        <ol className="doc-plain-list">
          {f.events.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.occurredAt)} —{' '}
              {t(`documents.workFiles.event.${e.action as 'open'}`)} · {e.actorName}
              {e.note ? <span className="muted"> — {e.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
