// Import a plan from a file: a plan document (.json, what export.json gives) to POST /plans,
// a workbook (.xlsx, as export.xlsx writes it) to POST /plans/import.xlsx. On success the new
// plan opens; a refusal shows the server's Vietnamese problems, each bad cell or field listed.
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, type FieldProblem } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { importPlanJson, importPlanXlsx } from '../api/plans.api.ts';
import { importKind, parsePlanJson, problemPlace } from '../lib/import.ts';

/** Codes whose detail is the list of problems itself (plans.xlsx.ts, platform/http/problem.ts). */
const LISTED = new Set(['invalid_plan_file', 'validation_failed']);

interface ImportError {
  message: string;
  problems: FieldProblem[];
}

export function PlanImport() {
  const t = useT();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ImportError | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (message: string, problems: FieldProblem[] = []) => setError({ message, problems });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!file) return fail(t('plans.import.pick'));
    const kind = importKind(file.name);
    if (!kind) return fail(t('plans.import.kind'));
    setBusy(true);
    try {
      let created: { id: string };
      if (kind === 'json') {
        const parsed = parsePlanJson(await file.text());
        if (!parsed.ok) return fail(parsed.error);
        created = await importPlanJson(parsed.value);
      } else created = await importPlanXlsx(file);
      navigate(`/ke-hoach/${encodeURIComponent(created.id)}`);
    } catch (err) {
      // A bad workbook's or document's detail repeats its first problems in one long line;
      // the list below says each of them by place. Other refusals keep their own detail.
      if (err instanceof ApiError && LISTED.has(err.code) && err.errors.length > 0)
        fail(t('plans.import.problems', { count: err.errors.length }), err.errors);
      else fail(errorText(err, t), err instanceof ApiError ? err.errors : []);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="plans-import"
      onSubmit={onSubmit}
      aria-labelledby="plans-import-title"
      noValidate
    >
      <h2 id="plans-import-title">{t('plans.import.title')}</h2>
      <p className="muted">{t('plans.import.hint')}</p>
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor="plan-file">
          {t('plans.import.file')}
        </label>
        {error ? (
          <div className="field__error" id="plan-file-error" role="alert">
            <p>{error.message}</p>
            {error.problems.length > 0 ? (
              <ul className="plans-import__problems">
                {error.problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown once as is.
                  <li key={i}>
                    <strong>{problemPlace(p.path)}</strong>: {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <input
          id="plan-file"
          type="file"
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? 'plan-file-error' : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('plans.import.submit')}
      </button>
    </form>
  );
}
