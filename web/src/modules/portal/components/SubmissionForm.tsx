// The online submission form (nộp hồ sơ trực tuyến): the receiving unit, the applicant
// (prefilled from the profile with consent), the procedure's forms, the papers (uploaded or
// reused from the data store) and how the result comes back. The draft is kept on the
// server: "Lưu nháp" saves it, and submitting saves it first, so nothing typed is lost.
import { type FormEvent, useRef, useState } from 'react';
import type { TFunction } from '../../../i18n/i18n-context.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney, todayVn } from '../../../lib/format.ts';
import { fieldId } from '../../../lib/problem-paths.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors } from '../../../ui/form-errors.ts';
import { Notice } from '../../../ui/Notice.tsx';
import {
  type ApplicantDraft,
  ApplicantFields,
  buildApplicant,
  buildFormData,
  ComponentForms,
  type FormValues,
  type Problem,
} from '../../dossiers/index.ts';
import type { Procedure } from '../../procedures/index.ts';
import { saveDraft, submitDraft } from '../api/portal.api.ts';
import type {
  AttachmentRef,
  CitizenDocument,
  Delivery,
  PortalDraft,
  Submitted,
} from '../api/portal.types.ts';
import {
  applicantDraftFrom,
  applicantForSave,
  formDataForSave,
  formValuesFrom,
} from '../lib/draft-form.ts';
import { AttachmentsSection } from './AttachmentsSection.tsx';
import { DeliveryFields } from './DeliveryFields.tsx';

const PREFIX = 'portal';

interface SubmissionFormProps {
  draft: PortalDraft;
  procedure: Procedure;
  units: { value: string; label: string }[];
  documents: CitizenDocument[];
  /** The citizen's "save for reuse" consent (data_store). */
  storeConsent: boolean;
  onSubmitted: (result: Submitted) => void;
}

const translate = (problems: Record<string, Problem>, t: TFunction): FieldErrors =>
  Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, t(p.key, p.params)]));

// Server paths deeper than a field ('applicant.address.line') belong to that field.
const keyOf = (segments: string[]) =>
  segments[0] === 'applicant' && segments[1] === 'address'
    ? 'applicant.address'
    : segments.join('.');

export function SubmissionForm({
  draft,
  procedure,
  units,
  documents: initialDocs,
  storeConsent,
  onSubmitted,
}: SubmissionFormProps) {
  const t = useT();
  const [version, setVersion] = useState(draft.version);
  const [unitCode, setUnitCode] = useState(draft.unitCode ?? '');
  const [applicant, setApplicant] = useState<ApplicantDraft>(() =>
    applicantDraftFrom(draft.applicant),
  );
  const addressUnit =
    (draft.applicant.address as { unitCode?: string } | undefined)?.unitCode ?? null;
  const [values, setValues] = useState<FormValues>(() => formValuesFrom(procedure, draft.formData));
  const [attachments, setAttachments] = useState<AttachmentRef[]>(draft.attachments);
  const [delivery, setDelivery] = useState<Delivery>(draft.delivery);
  const [documents, setDocuments] = useState<CitizenDocument[]>(initialDocs);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const fees = procedure.fees.reduce((sum, f) => sum + f.amount, 0);

  const patch = () => ({
    version,
    unitCode: unitCode || null,
    applicant: applicantForSave(applicant, addressUnit),
    formData: formDataForSave(procedure, values),
    attachments,
    delivery,
  });

  const fail = (err: unknown) => {
    const { fields, summary: items } = serverErrors(err, PREFIX, t, keyOf);
    setErrors(fields);
    setSummary(items);
  };

  const save = async (): Promise<boolean> => {
    try {
      const saved = await saveDraft(draft.id, patch());
      setVersion(saved.version);
      setSavedAt(saved.updatedAt);
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  };

  const onSave = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setSummary([]);
    setErrors({});
    await save();
    setBusy(false);
    inFlight.current = false;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    const problems: Record<string, Problem> = {};
    if (!unitCode) problems.unitCode = { key: 'portal.validation.unit' };
    const built = buildApplicant(applicant, todayVn());
    const forms = buildFormData(procedure.components, values);
    Object.assign(problems, built.errors, forms.errors);
    for (const c of procedure.components) {
      const needed = c.required && c.attachment.required && c.attachment.maxFiles > 0;
      if (needed && !attachments.some((a) => a.componentKey === c.key))
        problems[`attachments.${c.key}`] = {
          key: 'portal.validation.attachment',
          params: { name: c.name },
        };
    }
    if (delivery.method === 'postal' && !delivery.address.trim())
      problems['delivery.address'] = { key: 'portal.validation.postalAddress' };
    if (Object.keys(problems).length) {
      setErrors(translate(problems, t));
      setSummary(
        Object.entries(problems).map(([path, p]) => ({
          message: p.label ? `${p.label}: ${t(p.key, p.params)}` : t(p.key, p.params),
          targetId: fieldId(PREFIX, path),
        })),
      );
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setErrors({});
    setSummary([]);
    try {
      if (await save()) onSubmitted(await submitDraft(draft.id));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
      inFlight.current = false;
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      {draft.prefilled.length > 0 ? (
        <Notice kind="info">
          {t('portal.submit.prefilled', { count: draft.prefilled.length })}
        </Notice>
      ) : null}
      <section className="section" aria-labelledby={`${PREFIX}-place-title`}>
        <h2 id={`${PREFIX}-place-title`} className="section__title">
          {t('portal.submit.placeTitle')}
        </h2>
        <SelectField
          id={fieldId(PREFIX, 'unitCode')}
          label={t('portal.submit.unit')}
          hint={t('portal.submit.unitHint')}
          value={unitCode}
          onChange={(e) => setUnitCode(e.target.value)}
          error={errors.unitCode}
          options={[{ value: '', label: t('form.choose') }, ...units]}
        />
        <p>
          {t('portal.submit.time', {
            value: procedure.processingTime.value,
            unit: t(
              procedure.processingTime.unit === 'working_days'
                ? 'portal.unit.days'
                : 'portal.unit.hours',
            ),
          })}
          {' · '}
          {fees > 0
            ? t('portal.submit.fees', { amount: formatMoney(fees) })
            : t('portal.submit.noFees')}
        </p>
      </section>
      <ApplicantFields
        prefix={PREFIX}
        draft={applicant}
        onChange={(p) => setApplicant((a) => ({ ...a, ...p }))}
        errors={errors}
      />
      <ComponentForms
        prefix={PREFIX}
        onlyWithForms
        procedure={procedure}
        values={values}
        onChange={(component, field, value) =>
          setValues((v) => ({ ...v, [component]: { ...v[component], [field]: value } }))
        }
        errors={errors}
      />
      <AttachmentsSection
        prefix={PREFIX}
        draftId={draft.id}
        storeConsent={storeConsent}
        procedure={procedure}
        attachments={attachments}
        documents={documents}
        errors={errors}
        onChange={(next) => {
          setAttachments(next);
          // A paper just attached answers its "attach it" error.
          setErrors((e) =>
            Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('attachments.'))),
          );
        }}
        onUploaded={(doc) => setDocuments((d) => [doc, ...d])}
      />
      <DeliveryFields prefix={PREFIX} delivery={delivery} onChange={setDelivery} errors={errors} />
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('status.saving') : t('portal.submit.send')}
        </button>
        <button type="button" className="button button--secondary" onClick={onSave} disabled={busy}>
          {t('portal.submit.saveDraft')}
        </button>
      </div>
      {savedAt ? (
        <p role="status" className="muted">
          {t('portal.submit.savedAt', { at: formatDateTime(savedAt) })}
        </p>
      ) : null}
    </form>
  );
}
