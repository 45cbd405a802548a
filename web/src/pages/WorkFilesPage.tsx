import { RETENTION_CHOICES, retentionLabel, WORK_FILE_STATUSES } from '@cqs/shared/documents/index';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDate } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  createWorkFile,
  documentsErrorText,
  listWorkFiles,
  workFilePath,
} from '../modules/documents/index.ts';
import { CheckboxField, SelectField, TextField } from '../ui/Field.tsx';
import { LoadError, Loading } from '../ui/Notice.tsx';

type StatusFilter = '' | (typeof WORK_FILE_STATUSES)[number];

/**
 * /van-ban/ho-so-cong-viec — the work files (hồ sơ công việc) of the user's units and their own,
 * this year by default: number and symbol, title, retention, owner, documents, status; search
 * without diacritics; and opening a new file (mở hồ sơ, ND30 Điều 28).
 */
export function WorkFilesPage() {
  const t = useT();
  useDocumentTitle(t('documents.workFiles.pageTitle'));
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const [status, setStatus] = useState<StatusFilter>('');
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const list = useAsync(
    (signal) =>
      listWorkFiles(
        { year: year ? Number(year) : undefined, status: status || undefined, mine, q: query },
        signal,
      ),
    [year, status, mine, query],
  );
  const [title, setTitle] = useState('');
  const [retention, setRetention] = useState('10');
  const [titleError, setTitleError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!title.trim()) {
      setTitleError(t('documents.workFiles.titleRequired'));
      document.getElementById('wf-new-title')?.focus();
      return;
    }
    setBusy(true);
    setTitleError('');
    setError('');
    try {
      const f = await createWorkFile({ title: title.trim(), retention });
      navigate(workFilePath(f.id));
    } catch (e) {
      setError(documentsErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <p className="back-link">
        <Link to="/van-ban">{t('documents.doc.back')}</Link>
      </p>
      <h1 className="page__title">{t('documents.workFiles.pageTitle')}</h1>
      <p className="muted">{t('documents.workFiles.lead')}</p>

      <section className="panel" aria-labelledby="wf-new-title-heading">
        <h2 id="wf-new-title-heading" className="panel__title">
          {t('documents.workFiles.openNew')}
        </h2>
        <form className="doc-inline-form" onSubmit={onCreate} noValidate>
          <TextField
            id="wf-new-title"
            label={t('documents.workFiles.newTitle')}
            value={title}
            maxLength={500}
            error={titleError}
            onChange={(e) => setTitle(e.target.value)}
          />
          <SelectField
            id="wf-new-retention"
            label={t('documents.workFiles.retention')}
            value={retention}
            onChange={(e) => setRetention(e.target.value)}
            options={RETENTION_CHOICES.map((r) => ({ value: r, label: retentionLabel(r) }))}
          />
          <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined}>
            {t('documents.workFiles.openNew')}
          </button>
        </form>
        {error ? (
          <p className="notice notice--warning" role="alert">
            {error}
          </p>
        ) : null}
      </section>

      <form
        className="doc-inline-form"
        aria-label={t('documents.workFiles.search')}
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q);
        }}
      >
        <TextField
          id="wf-q"
          label={t('documents.workFiles.search')}
          hint={t('documents.workFiles.searchHint')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          id="wf-year"
          label={t('documents.workFiles.year')}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          options={[
            { value: '', label: t('documents.workFiles.allYears') },
            ...[0, 1, 2, 3].map((n) => ({
              value: String(thisYear - n),
              label: String(thisYear - n),
            })),
          ]}
        />
        <SelectField
          id="wf-status"
          label={t('documents.workFiles.statusLabel')}
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
          options={[
            { value: '', label: t('documents.workFiles.allStatuses') },
            ...WORK_FILE_STATUSES.map((s) => ({
              value: s,
              label: t(`documents.workFiles.status.${s}`),
            })),
          ]}
        />
        <CheckboxField
          id="wf-mine"
          label={t('documents.workFiles.mine')}
          checked={mine}
          onChange={(e) => setMine(e.target.checked)}
        />
        <button type="submit" className="button button--secondary">
          {t('documents.workFiles.searchButton')}
        </button>
      </form>

      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="muted">{t('documents.workFiles.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="visually-hidden">{t('documents.workFiles.pageTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.workFiles.col.code')}</th>
                <th scope="col">{t('documents.workFiles.col.title')}</th>
                <th scope="col">{t('documents.workFiles.retention')}</th>
                <th scope="col">{t('documents.workFiles.col.owner')}</th>
                <th scope="col">{t('documents.workFiles.col.documents')}</th>
                <th scope="col">{t('documents.workFiles.statusLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((f) => (
                <tr key={f.id}>
                  <td className="nowrap">
                    {f.code}/{f.year}
                  </td>
                  <td>
                    <Link to={workFilePath(f.id)}>{f.title}</Link>
                    {f.unitName ? <div className="muted">{f.unitName}</div> : null}
                  </td>
                  <td className="nowrap">{f.retentionLabel}</td>
                  <td>{f.ownerName}</td>
                  <td>{f.documentCount}</td>
                  <td className="nowrap">
                    {f.statusLabel}
                    {f.closedOn ? <div className="muted">{formatDate(f.closedOn)}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
