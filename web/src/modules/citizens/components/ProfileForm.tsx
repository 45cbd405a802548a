// The citizen's own profile: name, citizen ID, date of birth (dd/mm/yyyy), phone, e-mail, address.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, parseDisplayDate } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { type Profile, saveProfile } from '../api/citizens.api.ts';
import { canonicalPhoneInput, EMAIL_RE, PHONE_RE } from './ContactChoice.tsx';

const prefix = 'profile';
const CITIZEN_ID_RE = /^(0[0-9][1-9]|0[1-9]0|0[1-8]\d|09[0-6])\d{9}$/;

/** The profile form; `onSaved` gets the stored profile. */
export function ProfileForm({
  profile,
  onSaved,
}: {
  profile: Profile;
  onSaved: (p: Profile) => void;
}) {
  const t = useT();
  const [fullName, setFullName] = useState(profile.fullName);
  const [citizenId, setCitizenId] = useState(profile.citizenId ?? '');
  const [dateOfBirth, setDateOfBirth] = useState(formatDate(profile.dateOfBirth));
  const [phone, setPhone] = useState(profile.phone ?? '');
  const [email, setEmail] = useState(profile.email ?? '');
  const [addressLine, setAddressLine] = useState(profile.address?.line ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!fullName.trim()) e.fullName = t('citizens.register.err.fullName');
    if (citizenId.trim() && !CITIZEN_ID_RE.test(citizenId.trim()))
      e.citizenId = t('citizens.profile.err.citizenId');
    if (dateOfBirth.trim() && !parseDisplayDate(dateOfBirth))
      e.dateOfBirth = t('citizens.profile.err.dateOfBirth');
    if (phone.trim() && !PHONE_RE.test(canonicalPhoneInput(phone)))
      e.phone = t('citizens.register.err.phone');
    if (email.trim() && !EMAIL_RE.test(email.trim())) e.email = t('citizens.register.err.email');
    return e;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const local = validate();
    setErrors(local);
    setSummary(summaryItems(local, prefix));
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const p = await saveProfile({
        fullName: fullName.trim(),
        citizenId: citizenId.trim() || null,
        dateOfBirth: dateOfBirth.trim() ? parseDisplayDate(dateOfBirth) : null,
        phone: phone.trim() || null,
        email: email.trim() || null,
        address: addressLine.trim()
          ? { line: addressLine.trim(), unitCode: profile.address?.unitCode ?? null }
          : null,
      });
      setPhone(p.phone ?? '');
      setEmail(p.email ?? '');
      setSaved(true);
      onSaved(p);
    } catch (error) {
      const result = serverErrors(error, prefix, t);
      setErrors(result.fields);
      setSummary(result.summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      {saved ? <Notice>{t('citizens.profile.saved')}</Notice> : null}
      <TextField
        id={`${prefix}-fullName`}
        label={t('citizens.profile.fullName')}
        hint={t('citizens.register.fullNameHint')}
        autoComplete="name"
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        error={errors.fullName}
      />
      <TextField
        id={`${prefix}-citizenId`}
        label={t('citizens.profile.citizenId')}
        hint={t('citizens.profile.citizenIdHint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={citizenId}
        onChange={(e) => setCitizenId(e.target.value)}
        error={errors.citizenId}
      />
      <TextField
        id={`${prefix}-dateOfBirth`}
        label={t('citizens.profile.dateOfBirth')}
        hint={t('citizens.profile.dateOfBirthHint')}
        inputMode="numeric"
        autoComplete="bday"
        value={dateOfBirth}
        onChange={(e) => setDateOfBirth(e.target.value)}
        error={errors.dateOfBirth}
      />
      <TextField
        id={`${prefix}-phone`}
        label={t('citizens.profile.phone')}
        hint={t('citizens.register.phoneHint')}
        type="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={errors.phone}
      />
      <TextField
        id={`${prefix}-email`}
        label={t('citizens.profile.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
      />
      <TextField
        id={`${prefix}-address`}
        label={t('citizens.profile.addressLine')}
        hint={t('citizens.profile.addressLineHint')}
        autoComplete="street-address"
        value={addressLine}
        onChange={(e) => setAddressLine(e.target.value)}
        error={errors['address.line'] ?? errors['address.unitCode']}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('citizens.profile.save')}
      </button>
    </form>
  );
}
