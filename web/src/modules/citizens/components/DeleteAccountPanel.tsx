// Delete my account: the password confirms it; the answer lists what was deleted and kept.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextField } from '../../../ui/Field.tsx';
import { type DeletionResult, deleteAccount } from '../api/citizens.api.ts';

/** The deletion form; `onDeleted` gets the server's account of what happened. */
export function DeleteAccountPanel({ onDeleted }: { onDeleted: (r: DeletionResult) => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      const message = t('citizens.delete.err.password');
      setError(message);
      setSummary([{ message, targetId: 'delete-password' }]);
      return;
    }
    setBusy(true);
    try {
      onDeleted(await deleteAccount(password));
    } catch (e) {
      const message = errorText(e, t);
      setError(message);
      setSummary([{ message, targetId: 'delete-password' }]);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      <p>{t('citizens.delete.intro')}</p>
      <ErrorSummary items={summary} />
      <TextField
        id="delete-password"
        label={t('citizens.delete.password')}
        hint={t('citizens.delete.passwordHint')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error}
      />
      <button type="submit" className="button button--warning" disabled={busy}>
        {t('citizens.delete.submit')}
      </button>
    </form>
  );
}

/** What the deletion removed and kept, and why. */
export function DeletionReport({ result }: { result: DeletionResult }) {
  const t = useT();
  return (
    <div className="notice notice--success" role="status">
      <h2>{t('citizens.delete.doneTitle')}</h2>
      <h3>{t('citizens.delete.deleted')}</h3>
      <ul>
        {result.deleted.map((d) => (
          <li key={d.what}>{d.description}</li>
        ))}
      </ul>
      <h3>{t('citizens.delete.kept')}</h3>
      <ul>
        {result.kept.map((k) => (
          // `what` is a code for the account's own parts, a description for other modules' parts.
          <li key={k.what}>{/^[a-z_]+$/.test(k.what) ? k.reason : `${k.what}: ${k.reason}`}</li>
        ))}
      </ul>
    </div>
  );
}
