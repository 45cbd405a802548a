// Create a client: its name only; the key comes back once, in the answer.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { type CreatedOpen311Client, createOpen311Client } from '../api/open311.api.ts';
import { clientNameProblem } from '../lib/open311-clients.ts';

const PREFIX = 'open311-new';

export function Open311ClientForm({
  onCreated,
}: {
  onCreated: (created: CreatedOpen311Client) => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = clientNameProblem(name);
    const local: FieldErrors = problem ? { name: t(problem) } : {};
    setErrors(local);
    setSummary(summaryItems(local, PREFIX));
    if (problem) return;
    setBusy(true);
    try {
      const created = await createOpen311Client(name.trim());
      setName('');
      onCreated(created);
    } catch (error) {
      const shown = serverErrors(error, PREFIX, t);
      setErrors(shown.fields);
      setSummary(shown.summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      <TextField
        id={`${PREFIX}-name`}
        label={t('open311.name')}
        hint={t('open311.nameHint')}
        autoComplete="off"
        value={name}
        maxLength={250}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('open311.creating') : t('open311.createSubmit')}
        </button>
      </div>
    </form>
  );
}
