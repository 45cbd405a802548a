// Create an account, or edit one (name, email, roles, disabled, new password).
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { CheckboxField, TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import type { User } from '../api/identity.types.ts';
import { createUser, updateUser } from '../api/users.api.ts';
import { type RoleRow, RoleRowsEditor } from './RoleRowsEditor.tsx';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface AccountFormProps {
  /** The account to edit; a new account when absent. */
  user?: User;
  unitOptions: { value: string; label: string }[];
  onSaved: (user: User) => void;
  onCancel?: () => void;
}

/** The account form; `prefix` of field ids depends on the mode. */
export function AccountForm({ user, unitOptions, onSaved, onCancel }: AccountFormProps) {
  const t = useT();
  const prefix = user ? 'acc-edit' : 'acc-create';
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const [roles, setRoles] = useState<RoleRow[]>(
    user?.roles.map(({ role, unitCode }) => ({ role, unitCode })) ?? [],
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const validate = (): FieldErrors => {
    const local: FieldErrors = {};
    if (!user && !username.trim()) local.username = t('accounts.usernameRequired');
    if (!fullName.trim()) local.fullName = t('accounts.fullNameRequired');
    if (email.trim() && !EMAIL_RE.test(email.trim())) local.email = t('validation.email');
    if (!user && password.length < 8) local.password = t('accounts.passwordTooShort');
    if (user && password && password.length < 8) local.password = t('accounts.passwordTooShort');
    roles.forEach((row, i) => {
      if (!row.unitCode) local[`roles.${i}.unitCode`] = t('accounts.unitRequired');
    });
    return local;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local = validate();
    setErrors(local);
    setSummary(summaryItems(local, prefix));
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const saved = user
        ? await updateUser(user.id, {
            fullName: fullName.trim(),
            email: email.trim() || null,
            roles,
            disabled,
            ...(password ? { password } : {}),
          })
        : await createUser({
            username: username.trim(),
            password,
            fullName: fullName.trim(),
            ...(email.trim() ? { email: email.trim() } : {}),
            roles,
          });
      onSaved(saved);
    } catch (error) {
      const result = serverErrors(error, prefix, t);
      setErrors(result.fields);
      setSummary(result.summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      {user ? (
        <p>
          {t('login.username')}: <strong>{user.username}</strong>
        </p>
      ) : (
        <TextField
          id={`${prefix}-username`}
          label={t('login.username')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.username}
        />
      )}
      <TextField
        id={`${prefix}-fullName`}
        label={t('accounts.fullName')}
        hint={t('accounts.fullNameHint')}
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        error={errors.fullName}
      />
      <TextField
        id={`${prefix}-email`}
        label={t('accounts.email')}
        type="email"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
      />
      <TextField
        id={`${prefix}-password`}
        label={user ? t('accounts.newPassword') : t('login.password')}
        hint={user ? t('accounts.newPasswordHint') : t('accounts.passwordHint')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <RoleRowsEditor
        prefix={prefix}
        rows={roles}
        onChange={setRoles}
        unitOptions={unitOptions}
        errors={errors}
      />
      {user ? (
        <CheckboxField
          id={`${prefix}-disabled`}
          label={t('accounts.disable')}
          hint={t('accounts.disableHint')}
          checked={disabled}
          onChange={(e) => setDisabled(e.target.checked)}
          error={errors.disabled}
        />
      ) : null}
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {user ? t('accounts.saveChanges') : t('accounts.createSubmit')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
