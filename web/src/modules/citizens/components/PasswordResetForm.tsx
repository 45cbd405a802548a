// Step 2 of "Quên mật khẩu?": the 6-digit code and the new password (twice); right → the
// password is set, every other session ends and the citizen is signed in.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import type { Session } from '../../identity/index.ts';
import { type PasswordReset, resendResetCode, resetPassword } from '../api/citizens.api.ts';
import {
  CodeActions,
  CodeField,
  CodeSentNote,
  NewPasswordField,
  passwordAcceptable,
  readCode,
} from './CodeStep.tsx';

const prefix = 'newpw';

/** The code and new-password form; `onDone` gets the new session. */
export function PasswordResetForm({
  reset,
  contact,
  onDone,
  onChangeContact,
}: {
  reset: PasswordReset;
  contact: string;
  onDone: (s: Session) => void;
  onChangeContact: () => void;
}) {
  const t = useT();
  const [current, setCurrent] = useState(reset);
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = (e: FieldErrors) => {
    setErrors(e);
    setSummary(summaryItems(e, prefix));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setResent(false);
    const value = readCode(code);
    const local: FieldErrors = {};
    if (!value) local.code = t('citizens.verify.err.code');
    if (!passwordAcceptable(newPassword)) local.newPassword = t('citizens.register.err.password');
    else if (confirm !== newPassword) local.confirm = t('citizens.reset.err.confirm');
    show(local);
    if (!value || Object.keys(local).length) return;
    setBusy(true);
    try {
      onDone(await resetPassword(current.id, value, newPassword));
    } catch (error) {
      const result = serverErrors(error, prefix, t);
      // A refused code (wrong, expired, too many tries) belongs beside the code field.
      if (!Object.keys(result.fields).length && result.summary[0]) {
        show({ code: result.summary[0].message });
      } else {
        setErrors(result.fields);
        setSummary(result.summary);
      }
      setBusy(false);
    }
  };

  const onResend = async () => {
    setBusy(true);
    setResent(false);
    try {
      setCurrent(await resendResetCode(current.id));
      show({});
      setResent(true);
    } catch (error) {
      setSummary(serverErrors(error, prefix, t).summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      <CodeSentNote
        request={current}
        contact={contact}
        resent={resent}
        sentKeys={{ sms: 'citizens.reset.sentSms', email: 'citizens.reset.sentEmail' }}
      />
      <CodeField prefix={prefix} value={code} onChange={setCode} error={errors.code} />
      <NewPasswordField
        id={`${prefix}-newPassword`}
        label={t('citizens.reset.newPassword')}
        value={newPassword}
        onChange={setNewPassword}
        error={errors.newPassword}
      />
      <TextField
        id={`${prefix}-confirm`}
        label={t('citizens.reset.confirmPassword')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={errors.confirm}
      />
      <p className="muted">{t('citizens.reset.signOutNote')}</p>
      <CodeActions
        busy={busy}
        submitLabel={t('citizens.reset.save')}
        onResend={onResend}
        changeLabel={t('citizens.reset.change')}
        onChangeContact={onChangeContact}
      />
    </form>
  );
}
