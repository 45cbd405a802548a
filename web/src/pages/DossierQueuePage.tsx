import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePersistedSearchParams } from '../lib/use-persisted-search-params.ts';
import {
  CountChips,
  channelOf,
  DossierTable,
  isStaff,
  QUEUE_FIRST_FILTER,
  type QueueFilter,
  QueueFilters,
  queueNeedOf,
  useDossierList,
  useRoleUnits,
  useSlashFocus,
} from '../modules/dossiers/index.ts';
import { STAFF_ROLES, useAuth } from '../modules/identity/index.ts';
import { LoadMore } from '../ui/LoadMore.tsx';
import { LoadError } from '../ui/Notice.tsx';

/** True for someone who only processes (specialist) and neither receives nor leads. */
function onlyProcessesWork(roles: { role: string }[]): boolean {
  const held = new Set(roles.map((r) => r.role));
  return held.has('specialist') && !held.has('desk_officer') && !held.has('leader');
}

/** /ho-so — my work queue, by due date. */
export function DossierQueuePage() {
  const t = useT();
  const { user } = useAuth();
  useDocumentTitle(t('dossiers.queue.title'));
  const [params, setParams] = usePersistedSearchParams('cqs.dossiers.queue');
  const filter: QueueFilter = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    unit: params.get('unit') ?? '',
    overdue: params.get('overdue') === '1',
    // A specialist's queue is their own work; desk officers and leaders start from the
    // unit's dossiers (new ones are assigned to nobody yet). An explicit choice wins.
    mine: params.has('mine') ? params.get('mine') === '1' : onlyProcessesWork(user?.roles ?? []),
    need: queueNeedOf(params.get('need')),
    channel: channelOf(params.get('channel')),
  };
  const units = useRoleUnits(STAFF_ROLES);
  const list = useDossierList({
    q: filter.q,
    status: filter.status,
    unit: filter.unit,
    overdue: filter.overdue,
    assignedToMe: filter.mine,
    awaitingApproval: filter.need === 'approval',
    sentBack: filter.need === 'sentBack',
    dueSoon: filter.need === 'dueSoon',
    channel: filter.channel,
  });
  useSlashFocus(QUEUE_FIRST_FILTER);
  const update = (f: QueueFilter) =>
    setParams({
      q: f.q,
      status: f.status,
      unit: f.unit,
      overdue: f.overdue ? '1' : '',
      mine: f.mine ? '1' : '0',
      need: f.need,
      channel: f.channel,
    });

  if (!isStaff(user)) {
    return (
      <div className="notice notice--info" role="status">
        {t('error.forbidden')}
      </div>
    );
  }
  return (
    <div className="page">
      <h1 className="page__title">{t('dossiers.queue.title')}</h1>
      <p className="muted">{t('dossiers.queue.shortcuts')}</p>
      <QueueFilters filter={filter} onChange={update} units={units} />
      <CountChips
        counts={list.counts}
        status={filter.status}
        overdue={filter.overdue}
        onStatus={(status) => update({ ...filter, status })}
        onOverdue={(overdue) => update({ ...filter, overdue })}
      />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <DossierTable items={list.items} href={PATHS.dossier} caption={t('dossiers.queue.caption')} />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
      />
    </div>
  );
}
