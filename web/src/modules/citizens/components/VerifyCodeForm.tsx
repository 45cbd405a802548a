// Step 2 of registration: the 6-digit code; right → the account exists and is signed in.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import type { Session } from '../../identity/index.ts';
import { type Registration, resendCode, verifyCode } from '../api/citizens.api.ts';

const prefix = 'verify';

/** The code form; `onVerified` gets the new session. */
export function VerifyCodeForm({
  registration,
  contact,
  onVerified,
  onChangeContact,
}: {
  registration: Registration;
  contact: string;
  onVerified: (s: Session) => void;
  onChangeContact: () => void;
}) {
  const t = useT();
  const [current, setCurrent] = useState(registration);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setResent(false);
    const value = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(value)) {
      const message = t('citizens.verify.err.code');
      setError(message);
      setSummary([{ message, targetId: `${prefix}-code` }]);
      return;
    }
    setBusy(true);
    try {
      onVerified(await verifyCode(current.id, value));
    } catch (e) {
      const message = errorText(e, t);
      setError(message);
      setSummary([{ message, targetId: `${prefix}-code` }]);
      setBusy(false);
    }
  };

  const onResend = async () => {
    setBusy(true);
    setResent(false);
    try {
      setCurrent(await resendCode(current.id));
      setError(undefined);
      setSummary([]);
      setResent(true);
    } catch (e) {
      setSummary([{ message: errorText(e, t) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      {resent ? <Notice kind="info">{t('citizens.verify.resent')}</Notice> : null}
      <p>
        {t(current.channel === 'sms' ? 'citizens.verify.sentSms' : 'citizens.verify.sentEmail', {
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
        error={error}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {t('citizens.verify.submit')}
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
          {t('citizens.verify.change')}
        </button>
      </p>
    </form>
  );
}
