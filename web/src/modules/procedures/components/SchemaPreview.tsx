// Live preview of a component's form, rendered from the field model the way a citizen sees
// it; "check" validates the sample values against the schema's constraints.
import { type KeyboardEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { checkValue, type PreviewProblem } from './form-preview.ts';
import type { FormModel } from './form-schema.ts';

/** Renders `model` as a form; `id` prefixes the preview inputs. */
export function SchemaPreview({ id, model }: { id: string; model: FormModel }) {
  const t = useT();
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, PreviewProblem> | null>(null);
  const fields = model.fields.filter((f) => f.key.trim());

  const check = () => {
    const found: Record<string, PreviewProblem> = {};
    for (const field of fields) {
      const problem = checkValue(field, values[field.key] ?? '');
      if (problem) found[field.key] = problem;
    }
    setProblems(found);
  };
  // The preview sits inside the procedure form: Enter here must not save the procedure.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
  };

  return (
    <section className="preview" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <h4 id={`${id}-title`} className="preview__title">
        {t('schema.preview')}
      </h4>
      {fields.length === 0 ? <p className="muted">{t('schema.previewEmpty')}</p> : null}
      {fields.map((field) => {
        const fid = `${id}-${field.key}`;
        const label = `${field.title || field.key}${field.required ? '' : ` ${t('form.optional')}`}`;
        const problem = problems?.[field.key];
        const common = {
          id: fid,
          label,
          value: values[field.key] ?? '',
          error: problem ? t(`preview.${problem}`, { max: field.maxLength ?? 0 }) : undefined,
        };
        const set = (value: string) => setValues((v) => ({ ...v, [field.key]: value }));
        if (field.type === 'select') {
          return (
            <SelectField
              key={field.uid}
              {...common}
              onChange={(e) => set(e.target.value)}
              options={[
                { value: '', label: t('form.choose') },
                ...field.options.filter((o) => o.trim()).map((o) => ({ value: o, label: o })),
              ]}
            />
          );
        }
        return (
          <TextField
            key={field.uid}
            {...common}
            type={field.type === 'email' ? 'email' : 'text'}
            inputMode={
              field.type === 'number' ? 'decimal' : field.type === 'date' ? 'numeric' : undefined
            }
            hint={field.type === 'date' ? t('hint.dateFormat') : undefined}
            maxLength={field.maxLength}
            onChange={(e) => set(e.target.value)}
          />
        );
      })}
      {fields.length ? (
        <div className="button-group">
          <button type="button" className="button button--secondary button--small" onClick={check}>
            {t('schema.checkPreview')}
          </button>
          {problems && Object.keys(problems).length === 0 ? (
            <span role="status" className="muted">
              {t('schema.previewValid')}
            </span>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
