// The categories tab of the field report admin page: every category with its level and
// time limits; edit in a dialog, add below.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { isForbidden, NoPermission } from '../../../ui/NoPermission.tsx';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import { CategoryForm } from './CategoryForm.tsx';
import { type CategorySettings, listAllCategories } from './reports-admin.api.ts';

export function CategoriesAdmin() {
  const t = useT();
  const list = useAsync((signal) => listAllCategories(signal), []);
  const [editing, setEditing] = useState<CategorySettings | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (isForbidden(list.error)) return <NoPermission error={list.error} />;
  return (
    <>
      {flash ? <Notice>{flash}</Notice> : null}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      <div className="table-wrap">
        <table className="table table--dense">
          <caption className="visually-hidden">{t('reportsAdmin.categories.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reportsAdmin.category.nameVi')}</th>
              <th scope="col">{t('reportsAdmin.category.responsibleKind')}</th>
              <th scope="col">{t('reportsAdmin.category.slaAcceptDays')}</th>
              <th scope="col">{t('reportsAdmin.category.slaInfoDays')}</th>
              <th scope="col">{t('reportsAdmin.category.slaResolveDays')}</th>
              <th scope="col">{t('reportsAdmin.category.slaPublishDays')}</th>
              <th scope="col">{t('reportsAdmin.category.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('reportsAdmin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  {c.nameVi} <span className="muted">({c.code})</span>
                </th>
                <td>{t(`reportsAdmin.kind.${c.responsibleKind}`)}</td>
                <td>{c.slaAcceptDays}</td>
                <td>{c.slaInfoDays}</td>
                <td>{c.slaResolveDays}</td>
                <td>{c.slaPublishDays}</td>
                <td>
                  <span className={c.active ? 'tag tag--green' : 'tag tag--grey'}>
                    {c.active ? t('reportsAdmin.active') : t('reportsAdmin.inactive')}
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('reportsAdmin.category.editNamed', { name: c.nameVi })}
                    onClick={() => setEditing(c)}
                  >
                    {t('action.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="details">
        <summary className="details__summary">{t('reportsAdmin.category.add')}</summary>
        <div className="details__body">
          <CategoryForm
            key={formKey}
            onSaved={(saved) => {
              setFlash(t('reportsAdmin.category.added', { name: saved.nameVi }));
              setFormKey((k) => k + 1);
              list.reload();
            }}
          />
        </div>
      </details>
      <Dialog
        id="category-edit"
        open={editing !== null}
        title={t('reportsAdmin.category.editTitle', { name: editing?.nameVi ?? '' })}
        onClose={() => setEditing(null)}
      >
        {editing ? (
          <CategoryForm
            key={editing.code}
            initial={editing}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              setFlash(t('reportsAdmin.category.saved', { name: saved.nameVi }));
              list.setData((list.data ?? []).map((c) => (c.code === saved.code ? saved : c)));
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
