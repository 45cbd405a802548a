// The progress report of a task (tiến độ): percent, text, "finished" and evidence files for
// the lead unit; a note with evidence (no percent) for a supporting unit. Checked with
// Vietnamese messages before sending; the server's field problems are shown on the same fields.
// Evidence goes first, each file as the raw body of POST /tasks/{id}/files?filename= (like a
// dossier's files); the report then names the stored files by id.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { CheckboxField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import type { Task } from '../api/task.types.ts';
import { postProgress, uploadTaskFile } from '../api/tasks.api.ts';
import { type ProgressErrors, validateProgress } from '../lib/progress-form.ts';

/** `onSaved` gets the confirmation: the page shows it, since it reloads the task (and this form). */
export function ProgressForm({
  task,
  onSaved,
}: {
  task: Task;
  onSaved: (message: string) => void;
}) {
  const t = useT();
  const withPercent = task.allowed.report;
  const [draft, setDraft] = useState({ percent: String(task.percent), text: '', done: false });
  const [files, setFiles] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<ProgressErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    const checked = validateProgress(
      withPercent ? draft : { ...draft, percent: String(task.percent), done: false },
      task.percent,
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const fileIds: string[] = [];
      for (const file of files) fileIds.push((await uploadTaskFile(task.id, file)).id);
      const body = withPercent
        ? {
            percent: checked.value.percent,
            text: checked.value.text,
            done: checked.value.done,
            fileIds,
          }
        : { text: checked.value.text, fileIds };
      await postProgress(task.id, body);
      setDraft({ percent: String(checked.value.percent), text: '', done: false });
      setFiles([]);
      setFileKey((k) => k + 1);
      onSaved(
        withPercent
          ? t('tasks.progress.saved', { percent: checked.value.percent })
          : t('tasks.progress.noteSaved'),
      );
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        const fieldErrors: ProgressErrors = {};
        for (const p of err.errors) {
          if (p.path.includes('percent')) fieldErrors.percent = p.message;
          else if (p.path.includes('text')) fieldErrors.text = p.message;
        }
        setErrors(fieldErrors);
      }
      setFailure(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="tasks-progress-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="progress-form-title"
    >
      <h2 id="progress-form-title">
        {withPercent ? t('tasks.progress.report') : t('tasks.progress.note')}
      </h2>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      {withPercent ? (
        <TextField
          id="progress-percent"
          label={t('tasks.progress.percent')}
          inputMode="numeric"
          value={draft.percent}
          error={errors.percent}
          onChange={(e) => setDraft({ ...draft, percent: e.target.value })}
        />
      ) : null}
      <TextAreaField
        id="progress-text"
        label={t('tasks.progress.text')}
        rows={4}
        value={draft.text}
        error={errors.text}
        onChange={(e) => setDraft({ ...draft, text: e.target.value })}
      />
      <div className="field">
        <label className="field__label" htmlFor="progress-files">
          {t('tasks.progress.files')}
        </label>
        <input
          key={fileKey}
          id="progress-files"
          type="file"
          multiple
          // The types the server keeps as evidence (tasks.progress.ts); others are refused there.
          accept="application/pdf,image/jpeg,image/png,.docx,.xlsx"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </div>
      {withPercent ? (
        <CheckboxField
          id="progress-done"
          label={t('tasks.progress.done')}
          checked={draft.done}
          error={errors.done}
          onChange={(e) =>
            setDraft({
              ...draft,
              done: e.target.checked,
              percent: e.target.checked ? '100' : draft.percent,
            })
          }
        />
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {t('tasks.progress.submit')}
      </button>
    </form>
  );
}
