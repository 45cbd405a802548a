// "Phone or e-mail": the contact a citizen account is registered with, chosen the same way
// when registering and when asking for a password reset (same labels, ids and messages).
import { useState } from 'react';
import type { TFunction } from '../../../i18n/i18n-context.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';

/** The checks the server applies too: a Vietnamese mobile number, a plausible e-mail address. */
export const PHONE_RE = /^0[35789]\d{8}$/;
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Canonical 10-digit form of a typed phone number (accepts spaces and +84). */
export function canonicalPhoneInput(value: string): string {
  const digits = value.replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) return `0${digits.slice(3)}`;
  if (/^84\d{9}$/.test(digits)) return `0${digits.slice(2)}`;
  return digits;
}

export type ContactChannel = 'sms' | 'email';

/** The typed contact; both values are kept so switching back and forth loses nothing. */
export function useContactChoice() {
  const [channel, setChannel] = useState<ContactChannel>('sms');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  return { channel, setChannel, phone, setPhone, email, setEmail };
}

export type ContactChoice = ReturnType<typeof useContactChoice>;

/** The chosen contact's error, if any, keyed by its field (`phone` or `email`). */
export function contactErrors(c: ContactChoice, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  if (c.channel === 'sms' && !PHONE_RE.test(canonicalPhoneInput(c.phone)))
    e.phone = t('citizens.register.err.phone');
  if (c.channel === 'email' && !EMAIL_RE.test(c.email.trim()))
    e.email = t('citizens.register.err.email');
  return e;
}

/** The contact as the server stores it (and as the code message names it). */
export const contactValue = (c: ContactChoice): string =>
  c.channel === 'sms' ? canonicalPhoneInput(c.phone) : c.email.trim().toLowerCase();

/** The request's contact part: `{ phone }` or `{ email }`. */
export const contactBody = (c: ContactChoice, contact: string) =>
  c.channel === 'sms' ? { phone: contact } : { email: contact };

/** The channel radios and the one field of the chosen channel; ids are `${prefix}-phone` etc. */
export function ContactChoiceFields({
  prefix,
  choice,
  errors,
}: {
  prefix: string;
  choice: ContactChoice;
  errors: FieldErrors;
}) {
  const t = useT();
  const channels = [
    { value: 'sms', label: t('citizens.register.channelSms') },
    { value: 'email', label: t('citizens.register.channelEmail') },
  ] as const;
  return (
    <>
      <fieldset className="fieldset">
        <legend className="field__label">{t('citizens.register.channel')}</legend>
        {channels.map((c) => (
          <div key={c.value} className="checkbox">
            <input
              type="radio"
              id={`${prefix}-channel-${c.value}`}
              name={`${prefix}-channel`}
              checked={choice.channel === c.value}
              onChange={() => choice.setChannel(c.value)}
            />
            <label htmlFor={`${prefix}-channel-${c.value}`}>{c.label}</label>
          </div>
        ))}
      </fieldset>
      {choice.channel === 'sms' ? (
        <TextField
          id={`${prefix}-phone`}
          label={t('citizens.register.phone')}
          hint={t('citizens.register.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={choice.phone}
          onChange={(e) => choice.setPhone(e.target.value)}
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
          value={choice.email}
          onChange={(e) => choice.setEmail(e.target.value)}
          error={errors.email}
        />
      )}
    </>
  );
}
