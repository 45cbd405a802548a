// One dossier component (thành phần hồ sơ): identity, attachment rules and its form.
import { useT } from '../../../i18n/i18n-context.tsx';
import { CheckboxField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { FormSchemaEditor } from './FormSchemaEditor.tsx';
import type { ComponentDraft } from './procedure-draft.ts';

/** Edits component number `index`. */
export function ComponentEditor({
  index,
  component,
  onChange,
  onRemove,
  errors,
}: {
  index: number;
  component: ComponentDraft;
  onChange: (patch: Partial<ComponentDraft>) => void;
  onRemove: () => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const path = `components.${index}`;
  const id = (name: string) => `proc-components-${index}-${name}`;
  const err = (name: string) => errors[`${path}.${name}`];
  const legend = t('components.rowLegend', { n: index + 1 });

  return (
    <fieldset className="component">
      <legend className="component__legend">
        {legend}
        {component.name ? `: ${component.name}` : ''}
      </legend>
      <div className="grid grid--3">
        <TextField
          id={id('key')}
          label={t('components.key')}
          hint={t('components.keyHint')}
          spellCheck={false}
          value={component.key}
          error={err('key')}
          onChange={(e) => onChange({ key: e.target.value })}
        />
        <TextField
          id={id('name')}
          label={t('components.name')}
          className="grid__span-2"
          value={component.name}
          error={err('name')}
          onChange={(e) => onChange({ name: e.target.value })}
        />
      </div>
      <CheckboxField
        id={id('required')}
        label={t('components.required')}
        checked={component.required}
        error={err('required')}
        onChange={(e) => onChange({ required: e.target.checked })}
      />
      <fieldset className="fieldset fieldset--inner">
        <legend className="fieldset__legend">{t('components.attachment')}</legend>
        <CheckboxField
          id={id('attachment-required')}
          label={t('components.attachmentRequired')}
          checked={component.attachmentRequired}
          error={err('attachment.required')}
          onChange={(e) => onChange({ attachmentRequired: e.target.checked })}
        />
        <div className="grid grid--3">
          <TextField
            id={id('attachment-maxFiles')}
            label={t('components.maxFiles')}
            inputMode="numeric"
            value={component.maxFiles}
            error={err('attachment.maxFiles')}
            onChange={(e) => onChange({ maxFiles: e.target.value })}
          />
          <TextField
            id={id('attachment-maxSizeMb')}
            label={t('components.maxSizeMb')}
            inputMode="decimal"
            value={component.maxSizeMb}
            error={err('attachment.maxSizeMb')}
            onChange={(e) => onChange({ maxSizeMb: e.target.value })}
          />
          <TextField
            id={id('attachment-accept')}
            label={t('components.accept')}
            hint={t('components.acceptHint')}
            value={component.accept}
            error={err('attachment.accept')}
            onChange={(e) => onChange({ accept: e.target.value })}
          />
        </div>
      </fieldset>
      {component.schemaError !== undefined ? (
        <p className="notice notice--error">{t('schema.unreadableStored')}</p>
      ) : null}
      <FormSchemaEditor
        path={path}
        model={component.form}
        errors={errors}
        onChange={(form) => onChange({ form, schemaError: undefined })}
      />
      <button type="button" className="button button--warning button--small" onClick={onRemove}>
        {t('components.remove')}
        <span className="visually-hidden"> ({legend})</span>
      </button>
    </fieldset>
  );
}
