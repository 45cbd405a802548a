// Import a plan from a JSON or XLSX file (deliver 1's format); on success, open it.
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { importPlanJson, importPlanXlsx } from '../api/plans.api.ts';
import { importKind, parsePlanJson } from '../lib/budget.ts';

export function PlanImport() {
  const t = useT();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    if (!file) return setError(t('plans.import.pick'));
    const kind = importKind(file.name);
    if (!kind) return setError(t('plans.import.kind'));
    setBusy(true);
    try {
      let created: { id: string };
      if (kind === 'json') {
        const parsed = parsePlanJson(await file.text());
        if (!parsed.ok) {
          setError(parsed.error);
          return;
        }
        created = await importPlanJson(parsed.value);
      } else created = await importPlanXlsx(file);
      navigate(`/ke-hoach/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(errorText(err, t));
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
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor="plan-file">
          {t('plans.import.file')}
        </label>
        {error ? (
          <p className="field__error" id="plan-file-error" role="alert">
            {error}
          </p>
        ) : null}
        <input
          id="plan-file"
          type="file"
          accept=".json,.xlsx,application/json"
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
