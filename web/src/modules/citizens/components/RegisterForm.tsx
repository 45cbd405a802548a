// Step 1 of registration: phone or e-mail, full name, password, terms. Checked here with the
// same rules the server applies, so most mistakes are caught before a code is sent.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { CheckboxField, TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { type Registration, register } from '../api/citizens.api.ts';

const PHONE_RE = /^0[35789]\d{8}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const prefix = 'reg';

/** Canonical 10-digit form of a typed phone number (accepts spaces and +84). */
export function canonicalPhoneInput(value: string): string {
  const digits = value.replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) return `0${digits.slice(3)}`;
  if (/^84\d{9}$/.test(digits)) return `0${digits.slice(2)}`;
  return digits;
}

/** The registration form; `onStarted` gets the registration and the contact the code went to. */
export function RegisterForm({
  onStarted,
}: {
  onStarted: (r: Registration, contact: string) => void;
}) {
  const t = useT();
  const [channel, setChannel] = useState<'sms' | 'email'>('sms');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (channel === 'sms' && !PHONE_RE.test(canonicalPhoneInput(phone)))
      e.phone = t('citizens.register.err.phone');
    if (channel === 'email' && !EMAIL_RE.test(email.trim()))
      e.email = t('citizens.register.err.email');
    if (!fullName.trim()) e.fullName = t('citizens.register.err.fullName');
    if (password.length < 8 || !/\p{L}/u.test(password) || !/\d/.test(password))
      e.password = t('citizens.register.err.password');
    if (!acceptTerms) e.acceptTerms = t('citizens.register.err.terms');
    return e;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local = validate();
    setErrors(local);
    setSummary(summaryItems(local, prefix));
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const contact = channel === 'sms' ? canonicalPhoneInput(phone) : email.trim().toLowerCase();
      const r = await register({
        ...(channel === 'sms' ? { phone: contact } : { email: contact }),
        fullName: fullName.trim(),
        password,
        acceptTerms,
      });
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
      <TextField
        id={`${prefix}-fullName`}
        label={t('citizens.register.fullName')}
        hint={t('citizens.register.fullNameHint')}
        autoComplete="name"
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        error={errors.fullName}
      />
      <TextField
        id={`${prefix}-password`}
        label={t('citizens.register.password')}
        hint={t('citizens.register.passwordHint')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <CheckboxField
        id={`${prefix}-acceptTerms`}
        label={t('citizens.register.acceptTerms')}
        checked={acceptTerms}
        onChange={(e) => setAcceptTerms(e.target.checked)}
        error={errors.acceptTerms}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('citizens.register.submit')}
      </button>
    </form>
  );
}
