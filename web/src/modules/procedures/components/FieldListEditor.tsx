// The list of fields of one component's form: add, edit, move, remove.
import { useT } from '../../../i18n/i18n-context.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { FieldRowEditor } from './FieldRowEditor.tsx';
import { type FormFieldDef, newField } from './form-schema.ts';
import { moveItem, refocus } from './move.ts';

/** Edits `fields`; `path` is like 'components.0'. */
export function FieldListEditor({
  path,
  fields,
  onChange,
  errors,
}: {
  path: string;
  fields: FormFieldDef[];
  onChange: (fields: FormFieldDef[]) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const idBase = `proc-${path.replace(/\./g, '-')}-fields`;
  const add = () => {
    onChange([...fields, newField(fields)]);
    refocus(`${idBase}-${fields.length}-title`);
  };

  return (
    <div className="field-list">
      {fields.length === 0 ? <p className="muted">{t('schema.noFields')}</p> : null}
      <ol className="field-list__items">
        {fields.map((field, j) => {
          const label = t('schema.fieldLegend', { n: j + 1 });
          return (
            <li key={field.uid}>
              <fieldset className="repeat-row repeat-row--field">
                <legend className="repeat-row__legend">
                  {label}
                  {field.title ? `: ${field.title}` : ''}
                </legend>
                <FieldRowEditor
                  path={`${path}.fields.${j}`}
                  field={field}
                  errors={errors}
                  onChange={(patch) =>
                    onChange(fields.map((f, k) => (k === j ? { ...f, ...patch } : f)))
                  }
                />
                <div className="button-group button-group--tight">
                  <button
                    type="button"
                    id={`${idBase}-${j}-up`}
                    className="button button--secondary button--small"
                    disabled={j === 0}
                    onClick={() => {
                      onChange(moveItem(fields, j, j - 1));
                      refocus(`${idBase}-${j - 1}-up`);
                    }}
                  >
                    {t('action.moveUp')}
                    <span className="visually-hidden"> ({label})</span>
                  </button>
                  <button
                    type="button"
                    id={`${idBase}-${j}-down`}
                    className="button button--secondary button--small"
                    disabled={j === fields.length - 1}
                    onClick={() => {
                      onChange(moveItem(fields, j, j + 1));
                      refocus(`${idBase}-${j + 1}-down`);
                    }}
                  >
                    {t('action.moveDown')}
                    <span className="visually-hidden"> ({label})</span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onChange(fields.filter((_, k) => k !== j))}
                  >
                    {t('schema.removeField')}
                    <span className="visually-hidden"> ({label})</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--secondary button--small" onClick={add}>
        {t('schema.addField')}
      </button>
    </div>
  );
}
