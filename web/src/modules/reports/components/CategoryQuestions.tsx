// The category's extra questions on the citizen's form (the same questions Open311 clients
// get as service attributes): a select, checkboxes, a number, a date and time, or text.
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldId } from '../../../lib/problem-paths.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import type { CategoryQuestion } from '../api/report.types.ts';

interface Props {
  prefix: string;
  questions: readonly CategoryQuestion[];
  answers: Record<string, string | string[]>;
  errors: Record<string, string>;
  onChange: (answers: Record<string, string | string[]>) => void;
}

export function CategoryQuestions({ prefix, questions, answers, errors, onChange }: Props) {
  const t = useT();
  if (questions.length === 0) return null;
  const set = (code: string, value: string | string[]) => onChange({ ...answers, [code]: value });
  const label = (q: CategoryQuestion) =>
    q.required ? q.description : `${q.description} ${t('form.optional')}`;
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('reports.form.questions')}</legend>
      {questions.map((q) => {
        const id = fieldId(prefix, `attributes.${q.code}`);
        const error = errors[`attributes.${q.code}`];
        const hint = q.datatypeDescription ?? undefined;
        const value = answers[q.code];
        const text = typeof value === 'string' ? value : '';
        if (!q.variable)
          return (
            <p key={q.code} className="field__hint">
              {q.description}
            </p>
          );
        switch (q.datatype) {
          case 'singlevaluelist':
            return (
              <SelectField
                key={q.code}
                id={id}
                label={label(q)}
                hint={hint}
                error={error}
                value={text}
                options={[
                  { value: '', label: t('form.choose') },
                  ...q.values.map((v) => ({ value: v.key, label: v.name })),
                ]}
                onChange={(e) => set(q.code, e.target.value)}
              />
            );
          case 'multivaluelist': {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <fieldset
                key={q.code}
                className={`fieldset fieldset--inner${error ? ' field--error' : ''}`}
                id={id}
                aria-describedby={error ? `${id}-error` : undefined}
              >
                <legend className="fieldset__legend">{label(q)}</legend>
                {hint ? <p className="field__hint">{hint}</p> : null}
                {error ? (
                  <p className="field__error" id={`${id}-error`}>
                    {error}
                  </p>
                ) : null}
                {q.values.map((v) => (
                  <CheckboxField
                    key={v.key}
                    id={`${id}-${v.key}`}
                    label={v.name}
                    checked={chosen.includes(v.key)}
                    onChange={(e) =>
                      set(
                        q.code,
                        e.target.checked ? [...chosen, v.key] : chosen.filter((k) => k !== v.key),
                      )
                    }
                  />
                ))}
              </fieldset>
            );
          }
          case 'text':
            return (
              <TextAreaField
                key={q.code}
                id={id}
                label={label(q)}
                hint={hint}
                error={error}
                value={text}
                rows={3}
                maxLength={4000}
                onChange={(e) => set(q.code, e.target.value)}
              />
            );
          default:
            return (
              <TextField
                key={q.code}
                id={id}
                label={label(q)}
                hint={hint}
                error={error}
                value={text}
                type={q.datatype === 'datetime' ? 'datetime-local' : 'text'}
                inputMode={q.datatype === 'number' ? 'decimal' : undefined}
                maxLength={q.datatype === 'string' ? 500 : undefined}
                className={q.datatype === 'number' ? 'field--short' : undefined}
                onChange={(e) => set(q.code, e.target.value)}
              />
            );
        }
      })}
    </fieldset>
  );
}
