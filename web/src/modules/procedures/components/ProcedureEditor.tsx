// The procedure editor: all fields of a procedure; saves with POST (new) or PUT (existing)
// and shows problem+json field errors beside the inputs and in the summary.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import type { Procedure } from '../api/procedure.types.ts';
import { createProcedure, updateProcedure } from '../api/procedures.api.ts';
import { ComponentsEditor } from './ComponentsEditor.tsx';
import { FeesEditor } from './FeesEditor.tsx';
import { ProcedureBasicFields } from './ProcedureBasicFields.tsx';
import { fromDraft, type ProcedureDraft, toDraft } from './procedure-draft.ts';
import { validateDraft } from './procedure-validate.ts';
import { StepsEditor } from './StepsEditor.tsx';

interface ProcedureEditorProps {
  procedure?: Procedure;
  listHref: string;
  onSaved: (procedure: Procedure, created: boolean) => void;
}

/** Edits `procedure`, or a new one when absent. */
export function ProcedureEditor({ procedure, listHref, onSaved }: ProcedureEditorProps) {
  const t = useT();
  const [draft, setDraft] = useState<ProcedureDraft>(() => toDraft(procedure));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<ProcedureDraft>) => setDraft((d) => ({ ...d, ...p }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local = validateDraft(draft, t);
    setErrors(local);
    setSummary(summaryItems(local, 'proc'));
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const input = fromDraft(draft);
      const saved = procedure
        ? await updateProcedure(procedure.id, input)
        : await createProcedure(input);
      onSaved(saved, !procedure);
    } catch (error) {
      const result = serverErrors(error, 'proc', t);
      setErrors(result.fields);
      setSummary(result.summary);
      setBusy(false);
    }
  };

  return (
    <form
      className="form form--wide"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('procedure.formLabel')}
    >
      <ErrorSummary items={summary} />
      <ProcedureBasicFields draft={draft} onChange={patch} errors={errors} />
      <FeesEditor fees={draft.fees} onChange={(fees) => patch({ fees })} errors={errors} />
      <StepsEditor steps={draft.steps} onChange={(steps) => patch({ steps })} errors={errors} />
      <ComponentsEditor
        components={draft.components}
        onChange={(components) => patch({ components })}
        errors={errors}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('procedure.save')}
        </button>
        <Link to={listHref} className="button button--secondary">
          {t('action.cancel')}
        </Link>
        {busy ? (
          <span role="status" className="muted">
            {t('status.saving')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
