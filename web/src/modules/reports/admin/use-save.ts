// The save state every admin form of this module shares: busy flag, field errors and the
// error summary from the server's problem+json.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { type FieldErrors, serverErrors } from '../../../ui/form-errors.ts';

export function useSave(prefix: string) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);

  /** Runs `save`; on failure shows the server's problems and returns undefined. */
  async function run<T>(save: () => Promise<T>): Promise<T | undefined> {
    if (busy) return undefined;
    setBusy(true);
    setErrors({});
    setSummary([]);
    try {
      return await save();
    } catch (err) {
      const shown = serverErrors(err, prefix, t);
      setErrors(shown.fields);
      setSummary(shown.summary);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, errors, summary, run };
}
