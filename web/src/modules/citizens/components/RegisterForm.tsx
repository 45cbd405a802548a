// Step 1 of registration: phone or e-mail, full name, password, terms. Checked here with the
// same rules the server applies, so most mistakes are caught before a code is sent.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { CheckboxField, TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { type Registration, register } from '../api/citizens.api.ts';
import { NewPasswordField, passwordAcceptable } from './CodeStep.tsx';
import {
  ContactChoiceFields,
  contactBody,
  contactErrors,
  contactValue,
  useContactChoice,
} from './ContactChoice.tsx';

const prefix = 'reg';

/** The registration form; `onStarted` gets the registration and the contact the code went to. */
export function RegisterForm({
  onStarted,
}: {
  onStarted: (r: Registration, contact: string) => void;
}) {
  const t = useT();
  const contactChoice = useContactChoice();
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const validate = (): FieldErrors => {
    const e = contactErrors(contactChoice, t);
    if (!fullName.trim()) e.fullName = t('citizens.register.err.fullName');
    if (!passwordAcceptable(password)) e.password = t('citizens.register.err.password');
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
      const contact = contactValue(contactChoice);
      const r = await register({
        ...contactBody(contactChoice, contact),
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

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      <ContactChoiceFields prefix={prefix} choice={contactChoice} errors={errors} />
      <TextField
        id={`${prefix}-fullName`}
        label={t('citizens.register.fullName')}
        hint={t('citizens.register.fullNameHint')}
        autoComplete="name"
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        error={errors.fullName}
      />
      <NewPasswordField
        id={`${prefix}-password`}
        label={t('citizens.register.password')}
        value={password}
        onChange={setPassword}
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
