// The form-schema editor of one dossier component: a field list tab, a JSON tab, and a live
// preview beside them.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { Tabs } from '../../../ui/Tabs.tsx';
import { FieldListEditor } from './FieldListEditor.tsx';
import type { FormModel } from './form-schema.ts';
import { SchemaJsonEditor } from './SchemaJsonEditor.tsx';
import { SchemaPreview } from './SchemaPreview.tsx';

type Tab = 'fields' | 'json';

/** Edits `model`; `path` is the component's error path, e.g. 'components.0'. */
export function FormSchemaEditor({
  path,
  model,
  onChange,
  errors,
}: {
  path: string;
  model: FormModel;
  onChange: (model: FormModel) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('fields');
  const base = `proc-${path.replace(/\./g, '-')}`;
  const opaque = Object.keys(model.opaque);
  const schemaKey = Object.keys(errors).find(
    (key) => key === `${path}.formSchema` || key.startsWith(`${path}.formSchema.`),
  );
  const schemaError = schemaKey ? errors[schemaKey] : undefined;

  return (
    <div className="schema-editor" id={`${base}-formSchema`} tabIndex={-1}>
      <h4 className="schema-editor__title">{t('schema.sectionTitle')}</h4>
      {schemaError ? <p className="field__error">{schemaError}</p> : null}
      {opaque.length ? (
        <p className="notice notice--info">{t('schema.opaqueNote', { keys: opaque.join(', ') })}</p>
      ) : null}
      <div className="schema-editor__layout">
        <Tabs
          id={`${base}-schema-tabs`}
          label={t('schema.tabsLabel')}
          tabs={[
            { key: 'fields', label: t('schema.tabFields') },
            { key: 'json', label: t('schema.tabJson') },
          ]}
          selected={tab}
          onSelect={setTab}
        >
          {tab === 'fields' ? (
            <FieldListEditor
              path={path}
              fields={model.fields}
              errors={errors}
              onChange={(fields) => onChange({ ...model, fields })}
            />
          ) : (
            <SchemaJsonEditor id={`${base}-schema-json`} model={model} onApply={onChange} />
          )}
        </Tabs>
        <SchemaPreview id={`${base}-preview`} model={model} />
      </div>
    </div>
  );
}
