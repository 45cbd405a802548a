// The reply templates tab: the texts staff pick from when they resolve or reject a report
// or ask for more information; general ones or per category.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldId } from '../../../lib/problem-paths.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { isForbidden, NoPermission } from '../../../ui/NoPermission.tsx';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import {
  type CategorySettings,
  createReplyTemplate,
  deleteReplyTemplate,
  listAllCategories,
  listReplyTemplates,
  REPLY_KINDS,
  type ReplyTemplate,
  type ReplyTemplateInput,
  updateReplyTemplate,
} from './reports-admin.api.ts';
import { SaveButtons } from './SaveButtons.tsx';
import { useSave } from './use-save.ts';

const NEW_TEMPLATE: ReplyTemplateInput = {
  categoryCode: null,
  kind: 'resolve',
  title: '',
  body: '',
  active: true,
};

function TemplateForm({
  initial,
  categories,
  onSaved,
  onCancel,
}: {
  initial?: ReplyTemplate;
  categories: CategorySettings[];
  onSaved: (saved: ReplyTemplate) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const prefix = initial ? `template-${initial.id}` : 'template-new';
  const [draft, setDraft] = useState<ReplyTemplateInput>(initial ?? NEW_TEMPLATE);
  const save = useSave(prefix);
  const set = (patch: Partial<ReplyTemplateInput>) => setDraft((d) => ({ ...d, ...patch }));
  const id = (path: string) => fieldId(prefix, path);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input: ReplyTemplateInput = {
      categoryCode: draft.categoryCode,
      kind: draft.kind,
      title: draft.title,
      body: draft.body,
      active: draft.active,
    };
    const saved = await save.run(() =>
      initial ? updateReplyTemplate(initial.id, input) : createReplyTemplate(input),
    );
    if (saved) onSaved(saved);
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={save.summary} />
      <SelectField
        id={id('kind')}
        label={t('reportsAdmin.template.kind')}
        value={draft.kind}
        error={save.errors.kind}
        options={REPLY_KINDS.map((k) => ({ value: k, label: t(`reportsAdmin.replyKind.${k}`) }))}
        onChange={(e) => set({ kind: e.target.value as ReplyTemplateInput['kind'] })}
      />
      <SelectField
        id={id('categoryCode')}
        label={t('reportsAdmin.template.category')}
        value={draft.categoryCode ?? ''}
        error={save.errors.categoryCode}
        options={[
          { value: '', label: t('reportsAdmin.template.allCategories') },
          ...categories.map((c) => ({ value: c.code, label: c.nameVi })),
        ]}
        onChange={(e) => set({ categoryCode: e.target.value || null })}
      />
      <TextField
        id={id('title')}
        label={t('reportsAdmin.template.title')}
        value={draft.title}
        error={save.errors.title}
        required
        onChange={(e) => set({ title: e.target.value })}
      />
      <TextAreaField
        id={id('body')}
        label={t('reportsAdmin.template.body')}
        hint={t('reportsAdmin.template.bodyHint')}
        value={draft.body}
        error={save.errors.body}
        rows={4}
        required
        onChange={(e) => set({ body: e.target.value })}
      />
      <CheckboxField
        id={id('active')}
        label={t('reportsAdmin.template.active')}
        checked={draft.active}
        onChange={(e) => set({ active: e.target.checked })}
      />
      <SaveButtons busy={save.busy} onCancel={onCancel} />
    </form>
  );
}

export function ReplyTemplatesAdmin() {
  const t = useT();
  const list = useAsync((signal) => listReplyTemplates({ all: true }, signal), []);
  const categories = useAsync((signal) => listAllCategories(signal), []);
  const [editing, setEditing] = useState<ReplyTemplate | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const cats = categories.data ?? [];
  const categoryName = (code: string | null) =>
    code === null
      ? t('reportsAdmin.template.allCategories')
      : (cats.find((c) => c.code === code)?.nameVi ?? code);

  const remove = async (tpl: ReplyTemplate) => {
    if (!window.confirm(t('reportsAdmin.template.confirmRemove', { title: tpl.title }))) return;
    setFailure(null);
    try {
      await deleteReplyTemplate(tpl.id);
      setFlash(t('reportsAdmin.template.removed', { title: tpl.title }));
      list.reload();
    } catch (err) {
      setFailure(errorText(err, t));
    }
  };

  if (isForbidden(list.error)) return <NoPermission error={list.error} />;
  return (
    <>
      <p className="muted">{t('reportsAdmin.template.intro')}</p>
      {flash ? <Notice>{flash}</Notice> : null}
      {failure ? (
        <div className="notice notice--error" role="alert">
          {failure}
        </div>
      ) : null}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.length === 0 ? <p>{t('reportsAdmin.template.none')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="visually-hidden">{t('reportsAdmin.template.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reportsAdmin.template.title')}</th>
                <th scope="col">{t('reportsAdmin.template.kind')}</th>
                <th scope="col">{t('reportsAdmin.template.category')}</th>
                <th scope="col">{t('reportsAdmin.category.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('reportsAdmin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((tpl) => (
                <tr key={tpl.id}>
                  <th scope="row">{tpl.title}</th>
                  <td>{t(`reportsAdmin.replyKind.${tpl.kind}`)}</td>
                  <td>{categoryName(tpl.categoryCode)}</td>
                  <td>
                    <span className={tpl.active ? 'tag tag--green' : 'tag tag--grey'}>
                      {tpl.active ? t('reportsAdmin.active') : t('reportsAdmin.inactive')}
                    </span>
                  </td>
                  <td className="nowrap">
                    <div className="button-group button-group--tight">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('reportsAdmin.template.editNamed', { title: tpl.title })}
                        onClick={() => setEditing(tpl)}
                      >
                        {t('action.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--warning button--small"
                        aria-label={t('reportsAdmin.template.removeNamed', { title: tpl.title })}
                        onClick={() => remove(tpl)}
                      >
                        {t('action.remove')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <details className="details">
        <summary className="details__summary">{t('reportsAdmin.template.add')}</summary>
        <div className="details__body">
          <TemplateForm
            key={formKey}
            categories={cats}
            onSaved={(saved) => {
              setFlash(t('reportsAdmin.template.added', { title: saved.title }));
              setFormKey((k) => k + 1);
              list.reload();
            }}
          />
        </div>
      </details>
      <Dialog
        id="template-edit"
        open={editing !== null}
        title={t('reportsAdmin.template.editTitle')}
        onClose={() => setEditing(null)}
      >
        {editing ? (
          <TemplateForm
            key={editing.id}
            initial={editing}
            categories={cats}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              setFlash(t('reportsAdmin.template.saved', { title: saved.title }));
              list.reload();
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
