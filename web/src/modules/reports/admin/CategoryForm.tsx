// Add or edit a field report category: names, the level that answers, and the time limit of
// each stage in working days (defaults from regulations.md §5: 2 / 5 / 15 / 2).
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldId } from '../../../lib/problem-paths.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { QuestionsEditor } from './QuestionsEditor.tsx';
import {
  type CategorySettings,
  createCategory,
  RESPONSIBLE_KINDS,
  updateCategory,
} from './reports-admin.api.ts';
import { SaveButtons } from './SaveButtons.tsx';
import { useSave } from './use-save.ts';

export const NEW_CATEGORY: CategorySettings = {
  code: '',
  nameVi: '',
  nameEn: '',
  description: '',
  responsibleKind: 'commune',
  slaAcceptDays: 2,
  slaInfoDays: 5,
  slaResolveDays: 15,
  slaPublishDays: 2,
  active: true,
  sortOrder: 0,
  attributes: [],
};

const SLA_FIELDS = ['slaAcceptDays', 'slaInfoDays', 'slaResolveDays', 'slaPublishDays'] as const;

interface Props {
  /** The category to edit, or undefined to add one. */
  initial?: CategorySettings;
  onSaved: (saved: CategorySettings) => void;
  onCancel?: () => void;
}

export function CategoryForm({ initial, onSaved, onCancel }: Props) {
  const t = useT();
  const editing = initial !== undefined;
  const prefix = editing ? `category-${initial.code}` : 'category-new';
  const [draft, setDraft] = useState<CategorySettings>(initial ?? NEW_CATEGORY);
  const save = useSave(prefix);
  const set = (patch: Partial<CategorySettings>) => setDraft((d) => ({ ...d, ...patch }));
  const id = (path: string) => fieldId(prefix, path);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { code, ...rest } = draft;
    const saved = await save.run(() =>
      editing ? updateCategory(code, rest) : createCategory(draft),
    );
    if (saved) onSaved(saved);
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={save.summary} />
      {editing ? null : (
        <TextField
          id={id('code')}
          label={t('reportsAdmin.category.code')}
          hint={t('reportsAdmin.category.codeHint')}
          className="field--code"
          value={draft.code}
          error={save.errors.code}
          required
          autoComplete="off"
          onChange={(e) => set({ code: e.target.value.trim() })}
        />
      )}
      <TextField
        id={id('nameVi')}
        label={t('reportsAdmin.category.nameVi')}
        value={draft.nameVi}
        error={save.errors.nameVi}
        required
        onChange={(e) => set({ nameVi: e.target.value })}
      />
      <TextField
        id={id('nameEn')}
        label={t('reportsAdmin.category.nameEn')}
        value={draft.nameEn}
        error={save.errors.nameEn}
        required
        onChange={(e) => set({ nameEn: e.target.value })}
      />
      <TextAreaField
        id={id('description')}
        label={t('reportsAdmin.category.description')}
        value={draft.description}
        error={save.errors.description}
        rows={2}
        onChange={(e) => set({ description: e.target.value })}
      />
      <SelectField
        id={id('responsibleKind')}
        label={t('reportsAdmin.category.responsibleKind')}
        hint={t('reportsAdmin.category.responsibleKindHint')}
        value={draft.responsibleKind}
        error={save.errors.responsibleKind}
        options={RESPONSIBLE_KINDS.map((k) => ({
          value: k,
          label: t(`reportsAdmin.kind.${k}`),
        }))}
        onChange={(e) =>
          set({ responsibleKind: e.target.value as CategorySettings['responsibleKind'] })
        }
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('reportsAdmin.category.slaLegend')}</legend>
        <p className="field__hint">{t('reportsAdmin.category.slaHint')}</p>
        <div className="field-row">
          {SLA_FIELDS.map((k) => (
            <TextField
              key={k}
              id={id(k)}
              label={t(`reportsAdmin.category.${k}`)}
              className="field--short"
              type="number"
              inputMode="numeric"
              min={1}
              value={String(draft[k])}
              error={save.errors[k]}
              onChange={(e) => set({ [k]: e.target.valueAsNumber })}
            />
          ))}
        </div>
      </fieldset>
      <TextField
        id={id('sortOrder')}
        label={t('reportsAdmin.category.sortOrder')}
        className="field--short"
        type="number"
        inputMode="numeric"
        min={0}
        value={String(draft.sortOrder)}
        error={save.errors.sortOrder}
        onChange={(e) => set({ sortOrder: e.target.valueAsNumber })}
      />
      <QuestionsEditor
        prefix={prefix}
        questions={draft.attributes}
        errors={save.errors}
        onChange={(attributes) => set({ attributes })}
      />
      <CheckboxField
        id={id('active')}
        label={t('reportsAdmin.category.active')}
        hint={t('reportsAdmin.category.activeHint')}
        checked={draft.active}
        onChange={(e) => set({ active: e.target.checked })}
      />
      <SaveButtons busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
