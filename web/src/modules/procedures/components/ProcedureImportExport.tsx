// Export links (JSON, XLSX) and import of a catalogue file.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { type ExportFormat, exportUrl, importProcedures } from '../api/procedures.api.ts';
import { SYNONYMS_PATH } from '../catalogue/synonyms.ts';

function formatOf(file: File): ExportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

const COUNT_KEYS = ['created', 'updated', 'skipped'] as const;

/** Numbers {created, updated, skipped} of the import answer, when the server sends them. */
function counts(result: unknown): Partial<Record<(typeof COUNT_KEYS)[number], number>> {
  if (!result || typeof result !== 'object') return {};
  const r = result as Record<string, unknown>;
  return Object.fromEntries(
    COUNT_KEYS.filter((k) => typeof r[k] === 'number').map((k) => [k, r[k] as number]),
  );
}

/**
 * Export and import panel; `canImport` and `canEditSynonyms` show the import form and the link
 * to the synonym list; `onImported` reloads the list.
 */
export function ProcedureImportExport({
  canImport,
  canEditSynonyms,
  onImported,
}: {
  canImport: boolean;
  canEditSynonyms: boolean;
  onImported: () => void;
}) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const format = file ? formatOf(file) : null;
    if (!file || !format) {
      setError(t('import.fileRequired'));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const result = await importProcedures(file, format);
      const n = counts(result);
      const parts = COUNT_KEYS.filter((k) => n[k] !== undefined).map((k) =>
        t(`import.${k}`, { n: n[k] ?? 0 }),
      );
      setDone(parts.length ? `${t('import.done')} ${parts.join(', ')}.` : t('import.done'));
      onImported();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-export">
      <p className="button-group">
        <a className="button button--secondary button--small" href={exportUrl('json')} download>
          {t('export.json')}
        </a>
        <a className="button button--secondary button--small" href={exportUrl('xlsx')} download>
          {t('export.xlsx')}
        </a>
        {canEditSynonyms ? (
          <Link className="button button--secondary button--small" to={SYNONYMS_PATH}>
            {t('catalogue.synonyms.title')}
          </Link>
        ) : null}
      </p>
      {canImport ? (
        <details className="details">
          <summary className="details__summary">{t('import.title')}</summary>
          <form className="form details__body" onSubmit={onSubmit} noValidate>
            <TextField
              id="procedures-import-file"
              type="file"
              label={t('import.file')}
              hint={t('import.fileHint')}
              accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              error={error}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {busy ? t('status.loading') : t('import.submit')}
            </button>
            {done ? <Notice>{done}</Notice> : null}
          </form>
        </details>
      ) : null}
    </div>
  );
}
