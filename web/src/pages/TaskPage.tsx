import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { PanelProblem, useScopeUnits } from '../modules/ioc/index.ts';
import {
  deadlineText,
  getTask,
  ProgressForm,
  taskFileUrl,
  taskStatusLabel,
} from '../modules/tasks/index.ts';
import { Loading } from '../ui/Notice.tsx';

/** /nhiem-vu/:id — a task, its progress history with evidence and (lead or supporting unit) the progress form. */
export function TaskPage() {
  const t = useT();
  const { id = '' } = useParams();
  const state = useAsync((signal) => getTask(id, signal), [id]);
  const { nameOf } = useScopeUnits();
  const [saved, setSaved] = useState('');
  const task = state.data;
  useDocumentTitle(t('tasks.taskTitle'));
  if (state.error)
    return (
      <div className="page">
        <h1 className="page__title">{t('tasks.taskTitle')}</h1>
        <PanelProblem error={state.error} onRetry={state.reload} />
      </div>
    );
  if (!task) return <Loading />;
  const history = [...task.progress].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  const fileName = new Map(task.files.map((f) => [f.id, f.filename]));
  return (
    <div className="page">
      <h1 className="page__title">{task.content}</h1>
      <dl className="tasks-facts">
        <dt>{t('tasks.assignedBy')}</dt>
        <dd>{nameOf(task.assignedByUnitCode)}</dd>
        <dt>{t('tasks.col.lead')}</dt>
        <dd>{nameOf(task.leadUnitCode)}</dd>
        {task.supportUnitCodes.length ? (
          <>
            <dt>{t('tasks.support')}</dt>
            <dd>{task.supportUnitCodes.map(nameOf).join(', ')}</dd>
          </>
        ) : null}
        {task.responsible ? (
          <>
            <dt>{t('tasks.responsible')}</dt>
            <dd>{task.responsible.fullName}</dd>
          </>
        ) : null}
        {task.source.type !== 'manual' || task.source.label ? (
          <>
            <dt>{t('tasks.source')}</dt>
            <dd>{task.source.label ?? task.source.id ?? task.source.type}</dd>
          </>
        ) : null}
        <dt>{t('tasks.col.deadline')}</dt>
        <dd>
          {deadlineText(task.deadlineOn)}
          {task.deadlineNote ? ` (${task.deadlineNote})` : ''}
          {task.overdue ? <strong className="tasks-overdue"> — {t('tasks.overdue')}</strong> : null}
          {!task.overdue && task.dueSoon ? <span> — {t('tasks.dueSoon')}</span> : null}
        </dd>
        <dt>{t('tasks.col.status')}</dt>
        <dd>
          {taskStatusLabel(task)}
          {task.kind === 'carried_over' ? ` (${t('tasks.carriedOver')})` : ''}
        </dd>
        <dt>{t('tasks.col.percent')}</dt>
        <dd>
          <progress max={100} value={task.percent} aria-label={t('tasks.col.percent')} />{' '}
          {task.percent}%
        </dd>
      </dl>

      {(task.allowed.report || task.allowed.note) &&
      task.status !== 'done' &&
      task.status !== 'cancelled' ? (
        <ProgressForm
          key={task.version}
          task={task}
          onSaved={(message) => {
            setSaved(message);
            state.reload();
          }}
        />
      ) : null}

      <p className="notice notice--success" role="status" hidden={!saved}>
        {saved}
      </p>

      <section aria-labelledby="progress-history">
        <h2 id="progress-history">{t('tasks.progress.history')}</h2>
        {history.length === 0 ? (
          <p className="muted">{t('tasks.progress.none')}</p>
        ) : (
          <ol className="tasks-history">
            {history.map((p) => (
              <li key={p.id}>
                <p>
                  <strong>{formatDateTime(p.reportedAt)}</strong>
                  {p.percent === null ? '' : ` — ${p.percent}%`} — {p.authorName}
                  {p.authorUnitCode ? ` (${nameOf(p.authorUnitCode)})` : ''}
                </p>
                <p>{p.text}</p>
                {p.fileIds.length ? (
                  <ul aria-label={t('tasks.progress.evidence')}>
                    {p.fileIds.map((f) => (
                      <li key={f}>
                        <a href={taskFileUrl(task.id, f)}>{fileName.get(f) ?? f}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
