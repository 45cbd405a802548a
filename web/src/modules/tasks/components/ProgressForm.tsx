// The progress report of a task (percent, text), checked with Vietnamese messages before
// sending; the server's field problems are shown on the same fields.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import type { Task } from '../api/task.types.ts';
import { postProgress } from '../api/tasks.api.ts';
import { type ProgressErrors, validateProgress } from '../lib/progress-form.ts';

export function ProgressForm({ task, onSaved }: { task: Task; onSaved: (task: Task) => void }) {
  const t = useT();
  const [draft, setDraft] = useState({ percent: String(task.percent), text: '' });
  const [errors, setErrors] = useState<ProgressErrors>({});
  const [failure, setFailure] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    setSaved('');
    const checked = validateProgress(draft, task.percent);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const next = await postProgress(task.id, checked.value);
      setDraft({ percent: String(checked.value.percent), text: '' });
      setSaved(t('tasks.progress.saved', { percent: checked.value.percent }));
      onSaved(next);
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
      <h2 id="progress-form-title">{t('tasks.progress.report')}</h2>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      {saved ? (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      ) : null}
      <TextField
        id="progress-percent"
        label={t('tasks.progress.percent')}
        inputMode="numeric"
        value={draft.percent}
        error={errors.percent}
        onChange={(e) => setDraft({ ...draft, percent: e.target.value })}
      />
      <TextAreaField
        id="progress-text"
        label={t('tasks.progress.text')}
        rows={4}
        value={draft.text}
        error={errors.text}
        onChange={(e) => setDraft({ ...draft, text: e.target.value })}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('tasks.progress.submit')}
      </button>
    </form>
  );
}
