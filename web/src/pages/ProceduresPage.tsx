import { useLocation } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePersistedSearchParams } from '../lib/use-persisted-search-params.ts';
import { can, useAuth } from '../modules/identity/index.ts';
import {
  type ProcedureFilter,
  ProcedureFilters,
  ProcedureImportExport,
  ProceduresTable,
  procedurePath,
  useProcedures,
} from '../modules/procedures/index.ts';
import { ButtonLink } from '../ui/ButtonLink.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { LoadError, Notice } from '../ui/Notice.tsx';

function flashOf(state: unknown): string | null {
  return state && typeof state === 'object' && 'flash' in state ? String(state.flash) : null;
}

/** /quan-tri/thu-tuc — the procedure catalogue. */
export function ProceduresPage() {
  const t = useT();
  const { user } = useAuth();
  const location = useLocation();
  const canManage = can(user, 'procedures.manage');
  useDocumentTitle(t('procedures.title'));
  const [params, setParams] = usePersistedSearchParams('cqs.procedures.filters');
  const filter: ProcedureFilter = {
    q: params.get('q') ?? '',
    field: params.get('field') ?? '',
    level: params.get('level') ?? '',
    onlineLevel: params.get('onlineLevel') ?? '',
  };
  const list = useProcedures(filter);
  const flash = flashOf(location.state);

  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('procedures.title')}</h1>
        {canManage ? <ButtonLink to={PATHS.procedureNew}>{t('procedures.add')}</ButtonLink> : null}
      </div>
      {flash ? <Notice>{flash}</Notice> : null}
      <ProcedureFilters filter={filter} onChange={(f) => setParams({ ...f })} />
      <ProcedureImportExport
        canImport={canManage}
        canEditSynonyms={can(user, 'procedures.synonyms')}
        onImported={list.reload}
      />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {/* Those who may not edit read the procedure's public page instead. */}
      <ProceduresTable
        items={list.items}
        href={(p) => (canManage ? PATHS.procedure(p.id) : procedurePath(p.code))}
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
      />
    </div>
  );
}
