// Sign-in (staff by username, citizens by phone or e-mail) and password; failures (wrong password, locked account) show the
// server's Vietnamese detail in an error summary.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextField } from '../../../ui/Field.tsx';
import type { User } from '../api/identity.types.ts';
import { useAuth } from '../hooks/auth-context.tsx';

/** The login form; calls `onSuccess` once signed in. */
export function LoginForm({ onSuccess }: { onSuccess: (user: User) => void }) {
  const t = useT();
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      username: username.trim() ? undefined : t('login.usernameRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setFieldErrors(errors);
    const items: SummaryItem[] = [];
    if (errors.username) items.push({ message: errors.username, targetId: 'login-username' });
    if (errors.password) items.push({ message: errors.password, targetId: 'login-password' });
    if (items.length) {
      setSummary(items);
      return;
    }
    setBusy(true);
    try {
      onSuccess(await login(username.trim(), password));
    } catch (error) {
      setPassword('');
      setSummary([{ message: errorText(error, t), targetId: 'login-username' }]);
      setBusy(false);
    }
  };

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      <TextField
        id="login-username"
        label={t('login.username')}
        hint={t('citizens.login.usernameHint')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        error={fieldErrors.username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <TextField
        id="login-password"
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={fieldErrors.password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
