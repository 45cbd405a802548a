// The raw JSON Schema of a form: view it, edit it, apply it back to the field list.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { TextAreaField } from '../../../ui/Field.tsx';
import { type FormModel, modelToSchema, schemaToModel } from './form-schema.ts';

/** Shows the schema of `model`; "apply" replaces the model with the edited JSON. */
export function SchemaJsonEditor({
  id,
  model,
  onApply,
}: {
  id: string;
  model: FormModel;
  onApply: (model: FormModel) => void;
}) {
  const t = useT();
  const [text, setText] = useState(() => JSON.stringify(modelToSchema(model), null, 2));
  const [error, setError] = useState<string | undefined>();
  const [applied, setApplied] = useState(false);

  const apply = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setError(t('schema.jsonInvalid', { reason: e instanceof Error ? e.message : '' }));
      return;
    }
    try {
      const next = schemaToModel(parsed);
      setError(undefined);
      setApplied(true);
      onApply(next);
      setText(JSON.stringify(modelToSchema(next), null, 2));
    } catch {
      setError(t('schema.notObject'));
    }
  };

  return (
    <div className="schema-json">
      <TextAreaField
        id={id}
        label={t('schema.jsonLabel')}
        hint={t('schema.jsonHint')}
        className="field--code"
        rows={14}
        spellCheck={false}
        value={text}
        error={error}
        onChange={(e) => {
          setText(e.target.value);
          setApplied(false);
        }}
      />
      <div className="button-group">
        <button type="button" className="button button--secondary button--small" onClick={apply}>
          {t('schema.applyJson')}
        </button>
        {applied ? (
          <span role="status" className="muted">
            {t('schema.jsonApplied')}
          </span>
        ) : null}
      </div>
    </div>
  );
}
