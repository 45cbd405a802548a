// A table of tasks: content (link), lead agency, deadline (or "Thường xuyên"), status, percent.
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { TaskSummary } from '../api/task.types.ts';
import { deadlineText, taskStatusLabel } from '../lib/task-status.ts';

export function TaskTable({
  tasks,
  caption,
  nameOf = (code) => code,
}: {
  tasks: readonly TaskSummary[];
  caption: string;
  /** A unit's name by its code (the pages pass the unit tree's names). */
  nameOf?: (code: string) => string;
}) {
  const t = useT();
  if (tasks.length === 0) return <p className="muted">{t('tasks.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tasks.col.content')}</th>
            <th scope="col">{t('tasks.col.lead')}</th>
            <th scope="col">{t('tasks.col.deadline')}</th>
            <th scope="col">{t('tasks.col.status')}</th>
            <th scope="col">{t('tasks.col.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <td>
                <Link to={`/nhiem-vu/${encodeURIComponent(task.id)}`}>{task.content}</Link>
                {task.kind === 'carried_over' ? (
                  <span className="muted"> ({t('tasks.carriedOver')})</span>
                ) : null}
              </td>
              <td>{nameOf(task.leadUnitCode)}</td>
              <td>
                {deadlineText(task.deadlineOn)}
                {task.overdue ? (
                  <strong className="tasks-overdue"> — {t('tasks.overdue')}</strong>
                ) : null}
                {!task.overdue && task.dueSoon ? <span> — {t('tasks.dueSoon')}</span> : null}
              </td>
              <td>{taskStatusLabel(task)}</td>
              <td>{task.percent}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
