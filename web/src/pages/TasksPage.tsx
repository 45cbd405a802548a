import { TASK_STATUSES } from '@cqs/shared/tasks/index';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { useCursorList } from '../lib/use-cursor-list.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useAuth } from '../modules/identity/index.ts';
import { PanelProblem, useScopeUnits } from '../modules/ioc/index.ts';
import { CreateTaskForm, listMyTasks, listTasks, TaskTable } from '../modules/tasks/index.ts';
import { CheckboxField, SelectField } from '../ui/Field.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { Tabs } from '../ui/Tabs.tsx';

/** Who assigns tasks (tasks.access.ts MANAGERS): the leader, the secretariat, the unit admin. */
const ASSIGNERS = new Set(['leader', 'secretariat', 'admin']);
type Tab = 'all' | 'mine';

/** /nhiem-vu — tasks the user's units assigned (filters) and "our unit's tasks" (?tab=mine). */
export function TasksPage() {
  const t = useT();
  useDocumentTitle(t('tasks.title'));
  const scope = useScopeUnits();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const mayAssign = (user?.roles ?? []).some((r) => ASSIGNERS.has(r.role) && r.unitCode);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'mine' ? 'mine' : 'all';
  const filter = {
    unit: params.get('unit') ?? '',
    status: params.get('status') ?? '',
    overdue: params.get('overdue') === '1',
  };
  const [draft, setDraft] = useState(filter);
  const list = useCursorList(
    (cursor, signal) =>
      tab === 'mine'
        ? listMyTasks(cursor, signal)
        : listTasks(
            {
              unit: filter.unit || undefined,
              status: filter.status || undefined,
              overdue: filter.overdue,
            },
            cursor,
            signal,
          ),
    [tab, filter.unit, filter.status, filter.overdue],
  );
  const setTab = (next: Tab) => {
    const p = new URLSearchParams(params);
    if (next === 'mine') p.set('tab', 'mine');
    else p.delete('tab');
    setParams(p);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (draft.unit) p.set('unit', draft.unit);
    if (draft.status) p.set('status', draft.status);
    if (draft.overdue) p.set('overdue', '1');
    setParams(p);
  };
  const body = (
    <>
      {list.error ? <PanelProblem error={list.error} onRetry={list.reload} /> : null}
      {!list.error && !(list.loading && list.items.length === 0) ? (
        <TaskTable
          tasks={list.items}
          nameOf={scope.nameOf}
          caption={tab === 'mine' ? t('tasks.tab.mine') : t('tasks.tab.all')}
        />
      ) : null}
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
      />
    </>
  );
  return (
    <div className="page page--wide">
      <h1 className="page__title">{t('tasks.title')}</h1>
      {mayAssign ? (
        creating ? (
          <CreateTaskForm
            units={scope.units}
            onCreated={(task) => navigate(`/nhiem-vu/${encodeURIComponent(task.id)}`)}
          />
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('tasks.create.open')}
            </button>
          </p>
        )
      ) : null}
      <Tabs
        id="tasks-tabs"
        label={t('tasks.title')}
        tabs={[
          { key: 'all', label: t('tasks.tab.all') },
          { key: 'mine', label: t('tasks.tab.mine') },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'all' ? (
          <search>
            <form className="filters" onSubmit={onSubmit}>
              <SelectField
                id="tasks-unit"
                label={t('tasks.filter.unit')}
                value={draft.unit}
                onChange={(e) => setDraft({ ...draft, unit: e.target.value })}
                options={[
                  { value: '', label: t('tasks.filter.allUnits') },
                  ...scope.units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
                ]}
              />
              <SelectField
                id="tasks-status"
                label={t('tasks.filter.status')}
                value={draft.status}
                onChange={(e) => setDraft({ ...draft, status: e.target.value })}
                options={[
                  { value: '', label: t('tasks.filter.allStatuses') },
                  ...TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) })),
                ]}
              />
              <CheckboxField
                id="tasks-overdue"
                label={t('tasks.filter.overdue')}
                checked={draft.overdue}
                onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })}
              />
              <button type="submit" className="button">
                {t('action.apply')}
              </button>
            </form>
          </search>
        ) : null}
        {body}
      </Tabs>
    </div>
  );
}
