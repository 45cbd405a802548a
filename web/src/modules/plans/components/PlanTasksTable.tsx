// A plan's tasks and projects as written (nhiệm vụ, dự án): number, name and content, the lead
// (chủ trì) and supporting (phối hợp) agencies, Mới/Chuyển tiếp (seed 003) and the deadline.
// Not the tasks module's assigned tasks: this is the plan's own list.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { PlanTask } from '../api/plan.types.ts';

const agencies = (list: readonly string[] | null) => (list?.length ? list.join('; ') : '—');

export function PlanTasksTable({
  tasks,
  caption,
}: {
  tasks: readonly PlanTask[];
  caption: string;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table plans-tasks">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.col.no')}</th>
            <th scope="col">{t('plans.col.task')}</th>
            <th scope="col">{t('plans.col.lead')}</th>
            <th scope="col">{t('plans.col.support')}</th>
            <th scope="col">{t('plans.col.kind')}</th>
            <th scope="col">{t('plans.col.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((k) => (
            <tr key={k.id} data-task={k.id}>
              <td>{k.no ?? ''}</td>
              <td>
                {k.name}
                {k.content ? <p className="muted plans-tasks__content">{k.content}</p> : null}
              </td>
              <td>{agencies(k.lead)}</td>
              <td>{agencies(k.support)}</td>
              <td>{k.kind ?? '—'}</td>
              <td>{k.deadline ? formatDate(k.deadline) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
