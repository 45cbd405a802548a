// Step 1 of "Quên mật khẩu?": the phone or e-mail the account was registered with. The server
// answers the same whether or not an account exists, so this form never says which.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { type PasswordReset, requestPasswordReset } from '../api/citizens.api.ts';
import {
  ContactChoiceFields,
  contactBody,
  contactErrors,
  contactValue,
  useContactChoice,
} from './ContactChoice.tsx';

const prefix = 'reset';

/** The contact form; `onStarted` gets the reset and the contact the code went to (if any). */
export function PasswordResetRequestForm({
  onStarted,
}: {
  onStarted: (r: PasswordReset, contact: string) => void;
}) {
  const t = useT();
  const contactChoice = useContactChoice();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local = contactErrors(contactChoice, t);
    setErrors(local);
    setSummary(summaryItems(local, prefix));
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const contact = contactValue(contactChoice);
      const r = await requestPasswordReset(contactBody(contactChoice, contact));
      onStarted(r, contact);
    } catch (error) {
      const result = serverErrors(error, prefix, t);
      setErrors(result.fields);
      setSummary(result.summary);
      setBusy(false);
    }
  };

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      <ContactChoiceFields prefix={prefix} choice={contactChoice} errors={errors} />
      <button type="submit" className="button" disabled={busy}>
        {t('citizens.reset.submit')}
      </button>
    </form>
  );
}
