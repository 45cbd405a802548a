// Step 2 of "Quên mật khẩu?": the 6-digit code and the new password (twice); right → the
// password is set, every other session ends and the citizen is signed in.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { Notice } from '../../../ui/Notice.tsx';
import type { Session } from '../../identity/index.ts';
import { type PasswordReset, resendResetCode, resetPassword } from '../api/citizens.api.ts';

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
    const value = code.replace(/\s/g, '');
    const local: FieldErrors = {};
    if (!/^\d{6}$/.test(value)) local.code = t('citizens.verify.err.code');
    if (newPassword.length < 8 || !/\p{L}/u.test(newPassword) || !/\d/.test(newPassword))
      local.newPassword = t('citizens.register.err.password');
    else if (confirm !== newPassword) local.confirm = t('citizens.reset.err.confirm');
    show(local);
    if (Object.keys(local).length) return;
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
      {resent ? <Notice kind="info">{t('citizens.verify.resent')}</Notice> : null}
      <p>
        {t(current.channel === 'sms' ? 'citizens.reset.sentSms' : 'citizens.reset.sentEmail', {
          contact,
        })}{' '}
        {t('citizens.verify.expires', { time: formatDateTime(current.expiresAt) })}
      </p>
      <TextField
        id={`${prefix}-code`}
        label={t('citizens.verify.code')}
        hint={t('citizens.verify.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.code}
      />
      <TextField
        id={`${prefix}-newPassword`}
        label={t('citizens.reset.newPassword')}
        hint={t('citizens.register.passwordHint')}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
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
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {t('citizens.reset.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={onResend}
        >
          {t('citizens.verify.resend')}
        </button>
      </div>
      <p>
        <button type="button" className="button button--link" onClick={onChangeContact}>
          {t('citizens.reset.change')}
        </button>
      </p>
    </form>
  );
}
