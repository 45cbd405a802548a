// The applicant block of the desk receipt: a person or an organisation.
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldId } from '../../../lib/problem-paths.ts';
import { TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import type { ApplicantDraft } from '../lib/applicant.ts';

interface ApplicantFieldsProps {
  prefix: string;
  draft: ApplicantDraft;
  onChange: (patch: Partial<ApplicantDraft>) => void;
  errors: FieldErrors;
}

/** Applicant type switch and its fields; ids follow the API paths ('applicant.phone'). */
export function ApplicantFields({ prefix, draft, onChange, errors }: ApplicantFieldsProps) {
  const t = useT();
  const field = (key: keyof ApplicantDraft) => {
    const path = `applicant.${key}`;
    return {
      id: fieldId(prefix, path),
      error: errors[path],
      value: String(draft[key]),
      onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value }),
    };
  };
  const types = [
    { value: 'individual', label: t('dossiers.receipt.individual') },
    { value: 'organization', label: t('dossiers.receipt.organization') },
  ] as const;

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('dossiers.receipt.applicantTitle')}</legend>
      <fieldset className="fieldset">
        <legend className="field__label">{t('dossiers.receipt.applicantType')}</legend>
        <div className="button-group">
          {types.map((type) => (
            <div key={type.value} className="checkbox">
              <input
                type="radio"
                id={`${prefix}-type-${type.value}`}
                name={`${prefix}-applicant-type`}
                checked={draft.type === type.value}
                onChange={() => onChange({ type: type.value })}
              />
              <label htmlFor={`${prefix}-type-${type.value}`}>{type.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {draft.type === 'individual' ? (
        <div className="grid grid--2">
          <TextField
            label={t('dossiers.receipt.fullName')}
            autoComplete="off"
            {...field('fullName')}
          />
          <TextField
            label={t('dossiers.receipt.citizenId')}
            hint={t('dossiers.receipt.citizenIdHint')}
            inputMode="numeric"
            autoComplete="off"
            {...field('citizenId')}
          />
          <TextField
            label={t('dossiers.receipt.dateOfBirth')}
            hint={t('hint.dateFormat')}
            inputMode="numeric"
            autoComplete="off"
            {...field('dateOfBirth')}
          />
        </div>
      ) : (
        <div className="grid grid--2">
          <TextField label={t('dossiers.receipt.orgName')} {...field('name')} />
          <TextField
            label={t('dossiers.receipt.taxCode')}
            hint={t('dossiers.receipt.taxCodeHint')}
            inputMode="numeric"
            {...field('taxCode')}
          />
          <TextField label={t('dossiers.receipt.representative')} {...field('representative')} />
        </div>
      )}
      <div className="grid grid--2">
        <TextField
          label={t('dossiers.receipt.phone')}
          hint={t('dossiers.receipt.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...field('phone')}
        />
        <TextField
          label={`${t('dossiers.receipt.email')} ${t('form.optional')}`}
          type="email"
          autoComplete="off"
          {...field('email')}
        />
      </div>
      <TextField
        label={t('dossiers.receipt.address')}
        hint={t('dossiers.receipt.addressHint')}
        autoComplete="off"
        {...field('address')}
      />
    </fieldset>
  );
}
