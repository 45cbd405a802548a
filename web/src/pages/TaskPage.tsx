import { useParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { PanelProblem } from '../modules/ioc/index.ts';
import { deadlineText, getTask, ProgressForm, taskStatusLabel } from '../modules/tasks/index.ts';
import { Loading } from '../ui/Notice.tsx';

/** /nhiem-vu/:id — a task, its progress history and (for the lead agency) the progress form. */
export function TaskPage() {
  const t = useT();
  const { id = '' } = useParams();
  const state = useAsync((signal) => getTask(id, signal), [id]);
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
  const history = [...task.progress].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <div className="page">
      <h1 className="page__title">{task.content}</h1>
      <dl className="tasks-facts">
        <dt>{t('tasks.col.lead')}</dt>
        <dd>{task.lead.name ?? task.lead.code}</dd>
        {task.support?.length ? (
          <>
            <dt>{t('tasks.support')}</dt>
            <dd>{task.support.map((u) => u.name ?? u.code).join(', ')}</dd>
          </>
        ) : null}
        {task.source ? (
          <>
            <dt>{t('tasks.source')}</dt>
            <dd>{task.source.label ?? `${task.source.kind} ${task.source.id}`}</dd>
          </>
        ) : null}
        <dt>{t('tasks.col.deadline')}</dt>
        <dd>
          {deadlineText(task.deadline)}
          {task.overdue ? <strong className="tasks-overdue"> — {t('tasks.overdue')}</strong> : null}
        </dd>
        <dt>{t('tasks.col.status')}</dt>
        <dd>
          {taskStatusLabel(task)}
          {task.carriedOver ? ` (${t('tasks.carriedOver')})` : ''}
        </dd>
        <dt>{t('tasks.col.percent')}</dt>
        <dd>
          <progress max={100} value={task.percent} aria-label={t('tasks.col.percent')} />{' '}
          {task.percent}%
        </dd>
      </dl>

      {task.canReport !== false ? <ProgressForm task={task} onSaved={state.setData} /> : null}

      <section aria-labelledby="progress-history">
        <h2 id="progress-history">{t('tasks.progress.history')}</h2>
        {history.length === 0 ? (
          <p className="muted">{t('tasks.progress.none')}</p>
        ) : (
          <ol className="tasks-history">
            {history.map((p, i) => (
              <li key={p.id ?? i}>
                <p>
                  <strong>{formatDateTime(p.at)}</strong> — {p.percent}%{p.by ? ` — ${p.by}` : ''}
                </p>
                <p>{p.text}</p>
                {p.files?.length ? (
                  <ul>
                    {p.files.map((f) => (
                      <li key={f.id}>{f.url ? <a href={f.url}>{f.name}</a> : f.name}</li>
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
