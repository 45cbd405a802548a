// Assigning a task (giao nhiệm vụ; leader, secretariat or unit administrator): content, the
// lead agency (chủ trì) and supporting agencies (phối hợp) picked from the caller's unit tree,
// the responsible person picked by name among the lead unit's staff (StaffSelect, no login
// names), and a deadline date or "thường xuyên" (ongoing).
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { StaffSelect } from '../../identity/index.ts';
import type { Unit } from '../../org/index.ts';
import type { TaskSummary } from '../api/task.types.ts';
import { createTask } from '../api/tasks.api.ts';
import {
  EMPTY_TASK_DRAFT,
  type TaskDraft,
  type TaskDraftErrors,
  validateTaskDraft,
} from '../lib/task-form.ts';

const WORKER_ROLES = ['leader', 'secretariat', 'specialist', 'desk_officer'] as const;

export function CreateTaskForm({
  units,
  onCreated,
}: {
  /** The units of the caller's subtrees, in tree order. */
  units: readonly Unit[];
  onCreated: (task: TaskSummary) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<TaskDraft>(EMPTY_TASK_DRAFT);
  const [errors, setErrors] = useState<TaskDraftErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const unitLabel = (u: Unit) => `${u.name} (${u.code})`;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    const checked = validateTaskDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const task = await createTask(checked.value);
      setDraft(EMPTY_TASK_DRAFT);
      onCreated(task);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        const fieldErrors: TaskDraftErrors = {};
        for (const p of err.errors) {
          if (p.path.includes('content')) fieldErrors.content = p.message;
          else if (p.path.includes('leadUnitCode')) fieldErrors.leadUnitCode = p.message;
          else if (p.path.includes('deadline')) fieldErrors.deadlineOn = p.message;
        }
        setErrors(fieldErrors);
      }
      setFailure(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const toggleSupport = (code: string, on: boolean) =>
    setDraft({
      ...draft,
      supportUnitCodes: on
        ? [...draft.supportUnitCodes, code]
        : draft.supportUnitCodes.filter((c) => c !== code),
    });
  return (
    <form
      className="tasks-create-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="task-create-title"
    >
      <h2 id="task-create-title">{t('tasks.create.title')}</h2>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <TextAreaField
        id="task-content"
        label={t('tasks.col.content')}
        rows={3}
        value={draft.content}
        error={errors.content}
        onChange={(e) => setDraft({ ...draft, content: e.target.value })}
      />
      <SelectField
        id="task-lead"
        label={t('tasks.col.lead')}
        value={draft.leadUnitCode}
        error={errors.leadUnitCode}
        onChange={(e) =>
          // Another lead unit has other staff: the person is picked again.
          setDraft({ ...draft, leadUnitCode: e.target.value, responsibleId: '' })
        }
        options={[
          { value: '', label: t('form.choose') },
          ...units.map((u) => ({ value: u.code, label: unitLabel(u) })),
        ]}
      />
      <fieldset className="tasks-support">
        <legend>{t('tasks.support')}</legend>
        {units
          .filter((u) => u.code !== draft.leadUnitCode)
          .map((u) => (
            <CheckboxField
              key={u.code}
              id={`task-support-${u.code}`}
              label={unitLabel(u)}
              checked={draft.supportUnitCodes.includes(u.code)}
              onChange={(e) => toggleSupport(u.code, e.target.checked)}
            />
          ))}
      </fieldset>
      <StaffSelect
        id="task-responsible"
        label={t('tasks.create.responsible')}
        unitCode={draft.leadUnitCode}
        roles={WORKER_ROLES}
        valueKey="id"
        value={draft.responsibleId}
        emptyLabel={t('tasks.create.noResponsible')}
        onChange={(id) => setDraft({ ...draft, responsibleId: id })}
      />
      <CheckboxField
        id="task-ongoing"
        label={t('tasks.create.ongoing')}
        checked={draft.ongoing}
        onChange={(e) => setDraft({ ...draft, ongoing: e.target.checked })}
      />
      {draft.ongoing ? null : (
        <TextField
          id="task-deadline"
          type="date"
          label={t('tasks.col.deadline')}
          value={draft.deadlineOn}
          error={errors.deadlineOn}
          onChange={(e) => setDraft({ ...draft, deadlineOn: e.target.value })}
        />
      )}
      <CheckboxField
        id="task-carried-over"
        label={t('tasks.create.carriedOver')}
        checked={draft.carriedOver}
        onChange={(e) => setDraft({ ...draft, carriedOver: e.target.checked })}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('tasks.create.submit')}
      </button>
    </form>
  );
}
