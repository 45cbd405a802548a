import { useMemo, useState } from 'react';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePersistedSearchParams } from '../lib/use-persisted-search-params.ts';
import { adminRoots, can, useAuth } from '../modules/identity/index.ts';
import {
  inSubtrees,
  type Unit,
  UnitCloseDialog,
  UnitCreateForm,
  UnitDetail,
  UnitFilters,
  UnitTree,
  useUnits,
} from '../modules/org/index.ts';
import { LoadError, Loading, Notice } from '../ui/Notice.tsx';

/** /quan-tri/don-vi — the unit tree, its detail panel, create and close. */
export function UnitsPage() {
  const t = useT();
  const { user } = useAuth();
  const isAdmin = can(user, 'units.manage');
  useDocumentTitle(t('units.title'));
  const [params, setParams] = usePersistedSearchParams('cqs.units.filters');
  const asOf = params.get('asOf') ?? '';
  const includeClosed = params.get('closed') === '1';
  const units = useUnits(asOf, includeClosed);
  const [selected, setSelected] = useState<string | null>(null);
  const [closing, setClosing] = useState<Unit | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const byCode = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u])), [units.data]);
  const unit = selected ? byCode.get(selected) : undefined;
  // A unit administrator changes only units in their subtree (the server says 403 elsewhere).
  const roots = useMemo(() => adminRoots(user), [user]);
  const administers = useMemo(() => inSubtrees(units.data ?? [], roots), [units.data, roots]);

  return (
    <div className="page">
      <h1 className="page__title">{t('units.title')}</h1>
      <UnitFilters
        asOf={asOf}
        includeClosed={includeClosed}
        onChange={(f) => setParams({ asOf: f.asOf, closed: f.includeClosed ? '1' : '' })}
      />
      {flash ? <Notice>{flash}</Notice> : null}
      {units.error ? <LoadError error={units.error} onRetry={units.reload} /> : null}
      <div className="split">
        <div className="split__main">
          {units.loading && !units.data ? (
            <Loading />
          ) : (
            <UnitTree
              key={`${asOf}|${includeClosed}`}
              units={units.data ?? []}
              selectedCode={selected}
              onSelect={setSelected}
            />
          )}
        </div>
        <div className="split__side">
          {unit ? (
            <UnitDetail
              unit={unit}
              parent={unit.parentCode ? byCode.get(unit.parentCode) : undefined}
              successor={unit.successorCode ? byCode.get(unit.successorCode) : undefined}
              canClose={isAdmin && administers(unit.code)}
              onClose={() => setClosing(unit)}
            />
          ) : (
            <p className="muted">{t('units.selectHint')}</p>
          )}
        </div>
      </div>
      {isAdmin ? (
        <details className="details">
          <summary className="details__summary">{t('units.create')}</summary>
          <div className="details__body">
            <UnitCreateForm
              units={units.data ?? []}
              defaultParent={selected}
              mayParent={roots === null ? undefined : administers}
              onCreated={(created) => {
                setFlash(t('units.created', { name: created.name }));
                setSelected(created.code);
                units.reload();
              }}
            />
          </div>
        </details>
      ) : null}
      <UnitCloseDialog
        unit={closing}
        units={units.data ?? []}
        onCancel={() => setClosing(null)}
        onDone={(closed) => {
          setClosing(null);
          setFlash(t('units.closed', { name: closed.name }));
          units.reload();
        }}
      />
    </div>
  );
}
