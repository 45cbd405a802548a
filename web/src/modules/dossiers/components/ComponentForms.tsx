// The procedure's dossier components, each with its form rendered from its JSON Schema
// (the field model of the procedure editor's preview) — controlled, so the desk can submit it.
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldId } from '../../../lib/problem-paths.ts';
import { CheckboxField, SelectField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import type { Procedure } from '../../procedures/index.ts';
import { componentFields, type FieldValue, type FormValues } from '../lib/form-fields.ts';

interface ComponentFormsProps {
  prefix: string;
  procedure: Procedure;
  values: FormValues;
  onChange: (component: string, field: string, value: FieldValue) => void;
  errors: FieldErrors;
  /**
   * Only the components that have a form (online: papers are attached in their own section;
   * the desk's note "receive the paper, scan it after receipt" would mislead a citizen).
   */
  onlyWithForms?: boolean;
}

/** One fieldset per component; ids follow the API paths ('formData.<component>.<field>'). */
export function ComponentForms({
  prefix,
  procedure,
  values,
  onChange,
  errors,
  onlyWithForms = false,
}: ComponentFormsProps) {
  const t = useT();
  return (
    <section className="section" aria-labelledby={`${prefix}-components-title`}>
      <h2 id={`${prefix}-components-title`} className="section__title">
        {t('dossiers.receipt.componentsTitle')}
      </h2>
      {procedure.components.map((component) => {
        const fields = componentFields(component.formSchema);
        if (onlyWithForms && fields.length === 0) return null;
        return (
          <fieldset key={component.key} className="fieldset fieldset--inner">
            <legend className="fieldset__legend">
              {component.name}{' '}
              <span className="muted">
                (
                {component.required
                  ? t('dossiers.receipt.componentRequired')
                  : t('dossiers.receipt.componentOptional')}
                )
              </span>
            </legend>
            {fields.length === 0 ? (
              <p className="muted">{t('dossiers.receipt.componentNoForm')}</p>
            ) : null}
            <div className="grid grid--2">
              {fields.map((field) => {
                const path = `formData.${component.key}.${field.key}`;
                const value = values[component.key]?.[field.key];
                const common = {
                  id: fieldId(prefix, path),
                  error: errors[path],
                  hint: field.kind === 'date' ? t('hint.dateFormat') : field.description,
                };
                const set = (v: FieldValue) => onChange(component.key, field.key, v);
                const label = `${field.title}${field.required ? '' : ` ${t('form.optional')}`}`;
                if (field.kind === 'boolean')
                  return (
                    <CheckboxField
                      key={field.key}
                      {...common}
                      label={field.title}
                      checked={value === true}
                      onChange={(e) => set(e.target.checked)}
                    />
                  );
                if (field.kind === 'select')
                  return (
                    <SelectField
                      key={field.key}
                      {...common}
                      label={label}
                      value={typeof value === 'string' ? value : ''}
                      options={[
                        { value: '', label: t('form.choose') },
                        ...field.options.map((o) => ({ value: o, label: o })),
                      ]}
                      onChange={(e) => set(e.target.value)}
                    />
                  );
                return (
                  <TextField
                    key={field.key}
                    {...common}
                    label={label}
                    type={field.kind === 'email' ? 'email' : 'text'}
                    inputMode={
                      field.kind === 'number'
                        ? 'decimal'
                        : field.kind === 'integer' || field.kind === 'date'
                          ? 'numeric'
                          : undefined
                    }
                    maxLength={field.maxLength}
                    value={typeof value === 'string' ? value : ''}
                    onChange={(e) => set(e.target.value)}
                  />
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}
