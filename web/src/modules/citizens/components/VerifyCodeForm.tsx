// Step 2 of registration: the 6-digit code; right → the account exists and is signed in.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import type { Session } from '../../identity/index.ts';
import { type Registration, resendCode, verifyCode } from '../api/citizens.api.ts';
import { CodeActions, CodeField, CodeSentNote, readCode } from './CodeStep.tsx';

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
    const value = readCode(code);
    if (!value) {
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
      <CodeSentNote
        request={current}
        contact={contact}
        resent={resent}
        sentKeys={{ sms: 'citizens.verify.sentSms', email: 'citizens.verify.sentEmail' }}
      />
      <CodeField prefix={prefix} value={code} onChange={setCode} error={error} />
      <CodeActions
        busy={busy}
        submitLabel={t('citizens.verify.submit')}
        onResend={onResend}
        changeLabel={t('citizens.verify.change')}
        onChangeContact={onChangeContact}
      />
    </form>
  );
}
