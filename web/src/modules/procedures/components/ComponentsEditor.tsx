import { useT } from '../../../i18n/i18n-context.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { ComponentEditor } from './ComponentEditor.tsx';
import { refocus } from './move.ts';
import { type ComponentDraft, newComponent } from './procedure-draft.ts';

/** The dossier components of a procedure. */
export function ComponentsEditor({
  components,
  onChange,
  errors,
}: {
  components: ComponentDraft[];
  onChange: (components: ComponentDraft[]) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  return (
    <section
      className="section"
      id="proc-components"
      tabIndex={-1}
      aria-labelledby="proc-components-title"
    >
      <h2 id="proc-components-title" className="section__title">
        {t('components.title')}
      </h2>
      {errors.components ? <p className="field__error">{errors.components}</p> : null}
      {components.length === 0 ? <p className="muted">{t('components.none')}</p> : null}
      {components.map((component, i) => (
        <ComponentEditor
          key={component.uid}
          index={i}
          component={component}
          errors={errors}
          onChange={(patch) =>
            onChange(components.map((c, j) => (j === i ? { ...c, ...patch } : c)))
          }
          onRemove={() => onChange(components.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          onChange([...components, newComponent(components)]);
          refocus(`proc-components-${components.length}-name`);
        }}
      >
        {t('components.add')}
      </button>
    </section>
  );
}
