// The procedure editor: all fields of a procedure; validates with the shared schema, saves
// with POST (new) or PUT (existing) and shows field errors beside the inputs and in the summary.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import type { Procedure } from '../api/procedure.types.ts';
import { ComponentsEditor } from './ComponentsEditor.tsx';
import { FeesEditor } from './FeesEditor.tsx';
import { ProcedureBasicFields } from './ProcedureBasicFields.tsx';
import { type ProcedureDraft, toDraft } from './procedure-draft.ts';
import { saveDraft } from './procedure-save.ts';
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
    const outcome = await saveDraft(draft, procedure, t, {
      onSend: () => {
        setBusy(true);
        setErrors({});
        setSummary([]);
      },
    });
    if (outcome.saved) {
      onSaved(outcome.saved, !procedure);
      return;
    }
    setErrors(outcome.fields);
    setSummary(outcome.summary);
    setBusy(false);
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
      <FeesEditor
        fees={draft.fees}
        onChange={(fees) => patch({ fees })}
        unpaidReturn={draft.unpaidReturn}
        onUnpaidReturn={(unpaidReturn) => patch({ unpaidReturn })}
        errors={errors}
      />
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
