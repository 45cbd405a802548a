// Desk receipt (tiếp nhận hồ sơ): procedure, receiving unit, channel, applicant and the
// procedure's forms → POST /dossiers. One Idempotency-Key per distinct submission, so a double
// click or a retry after a lost answer never creates two dossiers.
import { type FormEvent, useRef, useState } from 'react';
import type { TFunction } from '../../../i18n/i18n-context.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney, todayVn } from '../../../lib/format.ts';
import { type KeyedSubmission, submissionKey } from '../../../lib/idempotency.ts';
import { fieldId } from '../../../lib/problem-paths.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors } from '../../../ui/form-errors.ts';
import type { Procedure } from '../../procedures/index.ts';
import { CHANNELS, type Channel, type CreatedDossier } from '../api/dossier.types.ts';
import { createDossier } from '../api/dossiers.api.ts';
import { type ApplicantDraft, buildApplicant, emptyApplicantDraft } from '../lib/applicant.ts';
import { buildFormData, type FormValues } from '../lib/form-fields.ts';
import type { Problem } from '../lib/problem.ts';
import { ApplicantFields } from './ApplicantFields.tsx';
import { ComponentForms } from './ComponentForms.tsx';
import { ProcedurePicker } from './ProcedurePicker.tsx';

const PREFIX = 'receipt';

/** Where the receipt was made, kept for the next one. */
export interface ReceiptPlace {
  unitCode: string;
  channel: Channel;
}

interface ReceiptFormProps {
  units: { value: string; label: string }[];
  initial: ReceiptPlace;
  onReceived: (created: CreatedDossier, procedure: Procedure, place: ReceiptPlace) => void;
}

const translate = (problems: Record<string, Problem>, t: TFunction): FieldErrors =>
  Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, t(p.key, p.params)]));

/** Summary lines; a form field's generic message is prefixed with the field's name. */
const summaryOf = (problems: Record<string, Problem>, t: TFunction): SummaryItem[] =>
  Object.entries(problems).map(([path, p]) => ({
    message: p.label ? `${p.label}: ${t(p.key, p.params)}` : t(p.key, p.params),
    targetId: fieldId(PREFIX, path),
  }));

// Server paths deeper than a field ('applicant.address.line') belong to that field.
const keyOf = (segments: string[]) =>
  segments[0] === 'applicant' && segments[1] === 'address'
    ? 'applicant.address'
    : segments.join('.');

/** The receipt form. */
export function ReceiptForm({ units, initial, onReceived }: ReceiptFormProps) {
  const t = useT();
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [unitCode, setUnitCode] = useState(initial.unitCode);
  const [channel, setChannel] = useState<Channel>(initial.channel);
  const [applicant, setApplicant] = useState<ApplicantDraft>(emptyApplicantDraft);
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const submission = useRef<KeyedSubmission | null>(null);
  const inFlight = useRef(false);

  const fail = (fields: FieldErrors, items: SummaryItem[]) => {
    setErrors(fields);
    setSummary(items);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    const problems: Record<string, Problem> = {};
    if (!procedure) problems.procedureId = { key: 'dossiers.validation.procedure' };
    if (!unitCode) problems.unitCode = { key: 'dossiers.validation.unit' };
    const built = buildApplicant(applicant, todayVn());
    const forms = buildFormData(procedure?.components ?? [], values);
    Object.assign(problems, built.errors, forms.errors);
    if (!procedure || !built.applicant || Object.keys(problems).length) {
      fail(translate(problems, t), summaryOf(problems, t));
      return;
    }
    const body = {
      procedureId: procedure.id,
      unitCode,
      channel,
      applicant: built.applicant,
      formData: forms.formData,
    };
    submission.current = submissionKey(submission.current, JSON.stringify(body));
    inFlight.current = true;
    setBusy(true);
    fail({}, []);
    try {
      const created = await createDossier(body, submission.current.key);
      submission.current = null;
      onReceived(created, procedure, { unitCode, channel });
    } catch (error) {
      const { fields, summary: items } = serverErrors(error, PREFIX, t, keyOf);
      fail(fields, items);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <form
      className="form form--wide"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('dossiers.receipt.formLabel')}
    >
      <ErrorSummary items={summary} />
      <ProcedurePicker
        id={fieldId(PREFIX, 'procedureId')}
        label={t('dossiers.receipt.procedure')}
        hint={t('dossiers.receipt.procedureHint')}
        value={procedure}
        onChange={(p) => {
          setProcedure(p);
          setValues({});
        }}
        error={errors.procedureId}
      />
      {procedure ? <ProcedureFacts procedure={procedure} /> : null}
      <div className="grid grid--2">
        <SelectField
          id={fieldId(PREFIX, 'unitCode')}
          label={t('dossiers.receipt.unit')}
          value={unitCode}
          error={errors.unitCode}
          options={[{ value: '', label: t('form.choose') }, ...units]}
          onChange={(e) => setUnitCode(e.target.value)}
        />
        <SelectField
          id={fieldId(PREFIX, 'channel')}
          label={t('dossiers.receipt.channel')}
          value={channel}
          error={errors.channel}
          options={CHANNELS.map((c) => ({ value: c, label: t(`dossiers.channel.${c}`) }))}
          onChange={(e) => setChannel(e.target.value as Channel)}
        />
      </div>
      <ApplicantFields
        prefix={PREFIX}
        draft={applicant}
        onChange={(patch) => setApplicant((a) => ({ ...a, ...patch }))}
        errors={errors}
      />
      {procedure ? (
        <ComponentForms
          prefix={PREFIX}
          procedure={procedure}
          values={values}
          errors={errors}
          onChange={(component, field, value) =>
            setValues((v) => ({ ...v, [component]: { ...v[component], [field]: value } }))
          }
        />
      ) : (
        <p className="muted">{t('dossiers.receipt.chooseProcedureFirst')}</p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('dossiers.receipt.submit')}
        </button>
        {busy ? (
          <span role="status" className="muted">
            {t('dossiers.receipt.submitting')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function ProcedureFacts({ procedure }: { procedure: Procedure }) {
  const t = useT();
  const fees = procedure.fees.length
    ? procedure.fees.map((f) => `${f.name} ${formatMoney(f.amount)}`).join('; ')
    : t('dossiers.receipt.free');
  return (
    <p className="muted">
      {t('dossiers.receipt.procedureFacts', {
        code: procedure.code,
        time: t(`duration.${procedure.processingTime.unit}`, { n: procedure.processingTime.value }),
        fees,
      })}
    </p>
  );
}
