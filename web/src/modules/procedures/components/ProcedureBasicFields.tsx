// The general information of a procedure. Labels here are the ones the e2e test uses.
import { useT } from '../../../i18n/i18n-context.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { ONLINE_LEVELS, PROCEDURE_LEVELS, TIME_UNITS } from '../api/procedure.types.ts';
import type { ProcedureDraft } from './procedure-draft.ts';

type Basic = Omit<ProcedureDraft, 'fees' | 'steps' | 'components'>;

/** Code, name, field, agency, level, processing time, online level, result, legal basis. */
export function ProcedureBasicFields({
  draft,
  onChange,
  errors,
}: {
  draft: ProcedureDraft;
  onChange: (patch: Partial<Basic>) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const text = (key: keyof Basic) => ({
    id: `proc-${key}`,
    value: draft[key],
    error: errors[key],
    onChange: (e: { target: { value: string } }) =>
      onChange({ [key]: e.target.value } as Partial<Basic>),
  });
  return (
    <section className="section" aria-labelledby="proc-basic-title">
      <h2 id="proc-basic-title" className="section__title">
        {t('procedure.generalInfo')}
      </h2>
      <div className="grid grid--3">
        <TextField
          {...text('code')}
          label={t('procedure.code')}
          hint={t('procedure.codeHint')}
          spellCheck={false}
        />
        <TextField {...text('field')} label={t('procedure.field')} />
        <SelectField
          {...text('level')}
          label={t('procedure.level')}
          options={PROCEDURE_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
        />
      </div>
      <TextField {...text('name')} label={t('procedure.name')} />
      <TextField {...text('implementingAgency')} label={t('procedure.agency')} />
      <div className="grid grid--3">
        <TextField
          id="proc-processingTime-value"
          label={t('procedure.processingTime')}
          inputMode="decimal"
          value={draft.processingValue}
          error={errors['processingTime.value']}
          onChange={(e) => onChange({ processingValue: e.target.value })}
        />
        <SelectField
          id="proc-processingTime-unit"
          label={t('procedure.processingUnit')}
          value={draft.processingUnit}
          error={errors['processingTime.unit']}
          options={TIME_UNITS.map((u) => ({ value: u, label: t(`timeUnit.${u}`) }))}
          onChange={(e) => onChange({ processingUnit: e.target.value as Basic['processingUnit'] })}
        />
        <SelectField
          {...text('onlineLevel')}
          label={t('procedure.onlineLevel')}
          options={ONLINE_LEVELS.map((l) => ({ value: l, label: t(`onlineLevel.${l}`) }))}
        />
      </div>
      <TextAreaField {...text('result')} label={t('procedure.result')} rows={2} />
      <TextAreaField
        {...text('legalBasis')}
        label={t('procedure.legalBasis')}
        hint={t('procedure.legalBasisHint')}
        rows={3}
      />
    </section>
  );
}
