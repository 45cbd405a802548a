// Step 1 of "Quên mật khẩu?": the phone or e-mail the account was registered with. The server
// answers the same whether or not an account exists, so this form never says which.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { type PasswordReset, requestPasswordReset } from '../api/citizens.api.ts';
import { canonicalPhoneInput } from './RegisterForm.tsx';

const PHONE_RE = /^0[35789]\d{8}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const prefix = 'reset';

/** The contact form; `onStarted` gets the reset and the contact the code went to (if any). */
export function PasswordResetRequestForm({
  onStarted,
}: {
  onStarted: (r: PasswordReset, contact: string) => void;
}) {
  const t = useT();
  const [channel, setChannel] = useState<'sms' | 'email'>('sms');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (channel === 'sms' && !PHONE_RE.test(canonicalPhoneInput(phone)))
      local.phone = t('citizens.register.err.phone');
    if (channel === 'email' && !EMAIL_RE.test(email.trim()))
      local.email = t('citizens.register.err.email');
    setErrors(local);
    setSummary(summaryItems(local, prefix));
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const contact = channel === 'sms' ? canonicalPhoneInput(phone) : email.trim().toLowerCase();
      const r = await requestPasswordReset(
        channel === 'sms' ? { phone: contact } : { email: contact },
      );
      onStarted(r, contact);
    } catch (error) {
      const result = serverErrors(error, prefix, t);
      setErrors(result.fields);
      setSummary(result.summary);
      setBusy(false);
    }
  };

  const channels = [
    { value: 'sms', label: t('citizens.register.channelSms') },
    { value: 'email', label: t('citizens.register.channelEmail') },
  ] as const;

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('citizens.register.channel')}</legend>
        {channels.map((c) => (
          <div key={c.value} className="checkbox">
            <input
              type="radio"
              id={`${prefix}-channel-${c.value}`}
              name={`${prefix}-channel`}
              checked={channel === c.value}
              onChange={() => setChannel(c.value)}
            />
            <label htmlFor={`${prefix}-channel-${c.value}`}>{c.label}</label>
          </div>
        ))}
      </fieldset>
      {channel === 'sms' ? (
        <TextField
          id={`${prefix}-phone`}
          label={t('citizens.register.phone')}
          hint={t('citizens.register.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={errors.phone}
        />
      ) : (
        <TextField
          id={`${prefix}-email`}
          label={t('citizens.register.email')}
          hint={t('citizens.register.emailHint')}
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
      )}
      <button type="submit" className="button" disabled={busy}>
        {t('citizens.reset.submit')}
      </button>
    </form>
  );
}
