// The routing tab: "in this area, this category's reports go to that unit" — overrides of
// the category's default level (a ward's rule beats its district's). Area administrators
// see and change the rules of their area. Only system administrators read every category
// (inactive ones too); an area administrator picks among the active ones, as citizens do.
import { type FormEvent, useMemo, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldId } from '../../../lib/problem-paths.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { SelectField } from '../../../ui/Field.tsx';
import { isForbidden, NoPermission } from '../../../ui/NoPermission.tsx';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import { inSubtrees, useUnitOptions } from '../../org/index.ts';
import { listCategories } from '../api/reports.api.ts';
import {
  deleteRoutingRule,
  listAllCategories,
  listRoutingRules,
  putRoutingRule,
} from './reports-admin.api.ts';
import { useSave } from './use-save.ts';

const PREFIX = 'routing';
const EMPTY = { categoryCode: '', areaUnitCode: '', handlingUnitCode: '' };

/**
 * The routing tab; `allCategories` when the user may read inactive categories too; `areaRoots`
 * the units the user administers (null: everywhere), whose subtrees the unit pickers offer.
 */
export function RoutingRulesAdmin({
  allCategories,
  areaRoots,
}: {
  allCategories: boolean;
  areaRoots: readonly string[] | null;
}) {
  const t = useT();
  const rules = useAsync((signal) => listRoutingRules(signal), []);
  const categories = useAsync(
    (signal) => (allCategories ? listAllCategories(signal) : listCategories(signal)),
    [allCategories],
  );
  const units = useUnitOptions();
  const unitOptions = useMemo(() => {
    const within = inSubtrees(units.units ?? [], areaRoots);
    return units.options.filter((o) => within(o.value));
  }, [units.units, units.options, areaRoots]);
  const [draft, setDraft] = useState(EMPTY);
  const [flash, setFlash] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const save = useSave(PREFIX);
  const categoryName = (code: string) =>
    categories.data?.find((c) => c.code === code)?.nameVi ?? code;
  const choose = (label: string) => [{ value: '', label }];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() => putRoutingRule(draft));
    if (!saved) return;
    setFlash(
      t('reportsAdmin.routing.saved', {
        category: categoryName(saved.categoryCode),
        area: saved.areaUnitName ?? saved.areaUnitCode,
        unit: saved.handlingUnitName ?? saved.handlingUnitCode,
      }),
    );
    setDraft(EMPTY);
    rules.reload();
  };

  const remove = async (categoryCode: string, areaUnitCode: string, areaName: string) => {
    if (
      !window.confirm(
        t('reportsAdmin.routing.confirmRemove', {
          category: categoryName(categoryCode),
          area: areaName,
        }),
      )
    )
      return;
    setRemoveError(null);
    try {
      await deleteRoutingRule(categoryCode, areaUnitCode);
      setFlash(t('reportsAdmin.routing.removed'));
      rules.reload();
    } catch (err) {
      setRemoveError(errorText(err, t));
    }
  };

  if (isForbidden(rules.error)) return <NoPermission scope="unit" error={rules.error} />;
  return (
    <>
      <p className="muted">{t('reportsAdmin.routing.intro')}</p>
      {flash ? <Notice>{flash}</Notice> : null}
      {removeError ? (
        <div className="notice notice--error" role="alert">
          {removeError}
        </div>
      ) : null}
      {rules.error ? <LoadError error={rules.error} onRetry={rules.reload} /> : null}
      {rules.loading && !rules.data ? <Loading /> : null}
      {rules.data && rules.data.length === 0 ? (
        <p>{t('reportsAdmin.routing.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="visually-hidden">{t('reportsAdmin.routing.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reportsAdmin.routing.category')}</th>
                <th scope="col">{t('reportsAdmin.routing.area')}</th>
                <th scope="col">{t('reportsAdmin.routing.handling')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('reportsAdmin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(rules.data ?? []).map((r) => {
                const area = r.areaUnitName ?? r.areaUnitCode;
                return (
                  <tr key={`${r.categoryCode}:${r.areaUnitCode}`}>
                    <td>{categoryName(r.categoryCode)}</td>
                    <td>{area}</td>
                    <td>{r.handlingUnitName ?? r.handlingUnitCode}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--warning button--small"
                        aria-label={t('reportsAdmin.routing.removeNamed', {
                          category: categoryName(r.categoryCode),
                          area,
                        })}
                        onClick={() => remove(r.categoryCode, r.areaUnitCode, area)}
                      >
                        {t('action.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2 className="section__title">{t('reportsAdmin.routing.add')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary items={save.summary} />
        <SelectField
          id={fieldId(PREFIX, 'categoryCode')}
          label={t('reportsAdmin.routing.category')}
          value={draft.categoryCode}
          error={save.errors.categoryCode}
          options={[
            ...choose(t('reportsAdmin.choose')),
            ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.nameVi })),
          ]}
          onChange={(e) => setDraft({ ...draft, categoryCode: e.target.value })}
        />
        <SelectField
          id={fieldId(PREFIX, 'areaUnitCode')}
          label={t('reportsAdmin.routing.area')}
          hint={t('reportsAdmin.routing.areaHint')}
          value={draft.areaUnitCode}
          error={save.errors.areaUnitCode}
          options={[...choose(t('reportsAdmin.choose')), ...unitOptions]}
          onChange={(e) => setDraft({ ...draft, areaUnitCode: e.target.value })}
        />
        <SelectField
          id={fieldId(PREFIX, 'handlingUnitCode')}
          label={t('reportsAdmin.routing.handling')}
          value={draft.handlingUnitCode}
          error={save.errors.handlingUnitCode}
          options={[...choose(t('reportsAdmin.choose')), ...unitOptions]}
          onChange={(e) => setDraft({ ...draft, handlingUnitCode: e.target.value })}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.busy}>
            {save.busy ? t('status.saving') : t('reportsAdmin.routing.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
