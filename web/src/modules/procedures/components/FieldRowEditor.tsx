// One field of a component's form: key, label, type, required, and the type's constraints.
import { useT } from '../../../i18n/i18n-context.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { FIELD_TYPES, type FieldType, type FormFieldDef } from './form-schema.ts';

interface FieldRowEditorProps {
  /** Id prefix and error path prefix, e.g. 'components.0.fields.2'. */
  path: string;
  field: FormFieldDef;
  onChange: (patch: Partial<FormFieldDef>) => void;
  errors: FieldErrors;
}

/** Edits one field; constraints shown depend on its type. */
export function FieldRowEditor({ path, field, onChange, errors }: FieldRowEditorProps) {
  const t = useT();
  const id = (name: string) => `proc-${path.replace(/\./g, '-')}-${name}`;
  const err = (name: string) => errors[`${path}.${name}`];
  const hasLength = field.type === 'text' || field.type === 'email';

  return (
    <div className="field-row">
      <div className="grid grid--3">
        <TextField
          id={id('key')}
          label={t('schema.key')}
          hint={t('schema.keyHint')}
          spellCheck={false}
          value={field.key}
          error={err('key')}
          onChange={(e) => onChange({ key: e.target.value })}
        />
        <TextField
          id={id('title')}
          label={t('schema.title')}
          value={field.title}
          error={err('title')}
          onChange={(e) => onChange({ title: e.target.value })}
        />
        <SelectField
          id={id('type')}
          label={t('schema.type')}
          value={field.type}
          options={FIELD_TYPES.map((ft) => ({ value: ft, label: t(`fieldType.${ft}`) }))}
          error={err('type')}
          onChange={(e) => onChange({ type: e.target.value as FieldType })}
        />
      </div>
      <CheckboxField
        id={id('required')}
        label={t('schema.required')}
        checked={field.required}
        onChange={(e) => onChange({ required: e.target.checked })}
      />
      {hasLength ? (
        <div className="grid grid--3">
          <TextField
            id={id('maxLength')}
            label={t('schema.maxLength')}
            inputMode="numeric"
            className="field--short"
            value={field.maxLength === undefined ? '' : String(field.maxLength)}
            error={err('maxLength')}
            onChange={(e) => {
              const n = Number.parseInt(e.target.value, 10);
              onChange({ maxLength: Number.isFinite(n) && n > 0 ? n : undefined });
            }}
          />
          {field.type === 'text' ? (
            <TextField
              id={id('pattern')}
              label={t('schema.pattern')}
              hint={t('schema.patternHint')}
              spellCheck={false}
              value={field.pattern ?? ''}
              error={err('pattern')}
              onChange={(e) => onChange({ pattern: e.target.value || undefined })}
            />
          ) : null}
        </div>
      ) : null}
      {field.type === 'select' ? (
        <TextAreaField
          id={id('options')}
          label={t('schema.options')}
          hint={t('schema.optionsHint')}
          rows={3}
          value={field.options.join('\n')}
          error={err('options')}
          onChange={(e) => onChange({ options: e.target.value.split('\n') })}
        />
      ) : null}
    </div>
  );
}
