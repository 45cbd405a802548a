// The "Hồ sơ công việc" box of a document page: the work files holding the document, and — for
// a member of staff — putting it into one of their open files or opening a new file with it
// (ND30 Điều 28: the handler files the documents of their work as they go).
import { RETENTION_CHOICES, retentionLabel } from '@cqs/shared/documents/index';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import type { DocumentDetail } from '../api/document.types.ts';
import { createWorkFile, listWorkFiles, postWorkFileAction } from '../api/work-files.api.ts';
import { documentsErrorText } from '../lib/labels.ts';

export const workFilePath = (id: string) => `/van-ban/ho-so-cong-viec/${encodeURIComponent(id)}`;

export function WorkFilesSection({
  doc,
  onChanged,
}: {
  doc: DocumentDetail;
  /** Reload the document (its `workFiles` changed). */
  onChanged: () => void;
}) {
  const t = useT();
  const mine = useAsync(
    (signal) => listWorkFiles({ mine: true, status: 'open' }, signal),
    [doc.id, doc.workFiles.length],
  );
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const [retention, setRetention] = useState('10');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const holding = new Set(doc.workFiles.map((f) => f.id));
  const open = (mine.data ?? []).filter((f) => !holding.has(f.id));

  const run = async (work: () => Promise<{ code: string }>) => {
    if (busy) return;
    setBusy(true);
    setError('');
    setDone('');
    try {
      const f = await work();
      setDone(t('documents.workFiles.filed', { code: f.code }));
      setChoice('');
      setTitle('');
      onChanged();
    } catch (e) {
      setError(documentsErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const addToExisting = (event: FormEvent) => {
    event.preventDefault();
    const target = open.find((f) => f.id === choice);
    if (!target) {
      setError(t('documents.workFiles.chooseFirst'));
      return;
    }
    void run(() =>
      postWorkFileAction(target.id, { action: 'add', version: target.version, documentId: doc.id }),
    );
  };
  const openNew = (event: FormEvent) => {
    event.preventDefault();
    const name = title.trim() || doc.summary;
    void run(() => createWorkFile({ title: name.slice(0, 500), retention, documentIds: [doc.id] }));
  };

  return (
    <section className="section" aria-labelledby="doc-workfiles-title">
      <h2 id="doc-workfiles-title" className="section__title">
        {t('documents.workFiles.title')}
      </h2>
      {doc.workFiles.length === 0 ? (
        <p className="muted">{t('documents.workFiles.none')}</p>
      ) : (
        <ul className="doc-plain-list">
          {doc.workFiles.map((f) => (
            <li key={f.id}>
              <Link to={workFilePath(f.id)}>
                {f.code} — {f.title}
              </Link>{' '}
              <span className="muted">
                ({t(`documents.workFiles.status.${f.status as 'open' | 'closed'}`)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {done ? <Notice kind="success">{done}</Notice> : null}
      {error ? (
        <p className="notice notice--warning" role="alert">
          {error}
        </p>
      ) : null}
      <details className="doc-workfiles__add">
        <summary>{t('documents.workFiles.addSummary')}</summary>
        {open.length > 0 ? (
          <form className="doc-inline-form" onSubmit={addToExisting} noValidate>
            <SelectField
              id="doc-workfile-choice"
              label={t('documents.workFiles.choose')}
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              options={[
                { value: '', label: t('documents.workFiles.choosePlaceholder') },
                ...open.map((f) => ({ value: f.id, label: `${f.code} — ${f.title}` })),
              ]}
            />
            <button type="submit" className="button button--small" disabled={busy}>
              {t('documents.workFiles.add')}
            </button>
          </form>
        ) : null}
        <form className="doc-inline-form" onSubmit={openNew} noValidate>
          <TextField
            id="doc-workfile-title"
            label={t('documents.workFiles.newTitle')}
            hint={t('documents.workFiles.newTitleHint')}
            value={title}
            maxLength={500}
            onChange={(e) => setTitle(e.target.value)}
          />
          <SelectField
            id="doc-workfile-retention"
            label={t('documents.workFiles.retention')}
            value={retention}
            onChange={(e) => setRetention(e.target.value)}
            options={RETENTION_CHOICES.map((r) => ({ value: r, label: retentionLabel(r) }))}
          />
          <button type="submit" className="button button--small button--secondary" disabled={busy}>
            {t('documents.workFiles.openNew')}
          </button>
        </form>
      </details>
    </section>
  );
}
