// The pieces of the "enter the code" step shared by registration and password reset: where the
// code went and until when, the code field, the send/resend buttons, and the new-password rule.

import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { TextField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';

/** The typed code without spaces, or null unless it is 6 digits. */
export function readCode(typed: string): string | null {
  const value = typed.replace(/\s/g, '');
  return /^\d{6}$/.test(value) ? value : null;
}

/** The server's password rule: at least 8 characters with a letter and a digit. */
export const passwordAcceptable = (p: string) => p.length >= 8 && /\p{L}/u.test(p) && /\d/.test(p);

/** "A code was sent to …, valid until …", with the notice of a resend above it. */
export function CodeSentNote({
  request,
  contact,
  resent,
  sentKeys,
}: {
  request: { channel: 'sms' | 'email'; expiresAt: string };
  contact: string;
  resent: boolean;
  sentKeys: { sms: MessageKey; email: MessageKey };
}) {
  const t = useT();
  return (
    <>
      {resent ? <Notice kind="info">{t('citizens.verify.resent')}</Notice> : null}
      <p>
        {t(sentKeys[request.channel], { contact })}{' '}
        {t('citizens.verify.expires', { time: formatDateTime(request.expiresAt) })}
      </p>
    </>
  );
}

/** The 6-digit code field (`${prefix}-code`); spaces are allowed, hence 7 characters. */
export function CodeField({
  prefix,
  value,
  onChange,
  error,
}: {
  prefix: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <TextField
      id={`${prefix}-code`}
      label={t('citizens.verify.code')}
      hint={t('citizens.verify.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** A new password field with the rule as its hint. */
export function NewPasswordField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <TextField
      id={id}
      label={label}
      hint={t('citizens.register.passwordHint')}
      type="password"
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** Submit and "send the code again", then the way back to change the contact. */
export function CodeActions({
  busy,
  submitLabel,
  onResend,
  changeLabel,
  onChangeContact,
}: {
  busy: boolean;
  submitLabel: string;
  onResend: () => void;
  changeLabel: string;
  onChangeContact: () => void;
}) {
  const t = useT();
  return (
    <>
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
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
          {changeLabel}
        </button>
      </p>
    </>
  );
}
