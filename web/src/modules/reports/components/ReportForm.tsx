// The citizen's field report (no sign-in): category, description, location, optional contact
// and anonymity → POST /reports. Client checks mirror the server's; the server's field
// problems (problem+json `errors[].path`) are shown beside the fields and in the summary.
import { type FormEvent, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context.tsx';
import { type KeyedSubmission, submissionKey } from '../../../lib/idempotency.ts';
import { fieldId } from '../../../lib/problem-paths.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import type { CreatedReport, ReportCategory } from '../api/report.types.ts';
import { createReport } from '../api/reports.api.ts';
import { isUploading, type PhotoItem, uploadedIds } from '../lib/photos.ts';
import {
  buildReport,
  DESCRIPTION_MAX,
  emptyReportDraft,
  type ReportDraft,
  reportFieldKey,
} from '../lib/report-form.ts';
import { CategoryQuestions } from './CategoryQuestions.tsx';
import { LocationFields } from './LocationFields.tsx';
import { NearbyReports } from './NearbyReports.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';

const PREFIX = 'report';

interface ReportFormProps {
  categories: ReportCategory[];
  units: { value: string; label: string }[];
  reportHref: (code: string) => string;
  onCreated: (created: CreatedReport) => void;
}

/** The report form. */
export function ReportForm({ categories, units, reportHref, onCreated }: ReportFormProps) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<ReportDraft>(emptyReportDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  // One key per distinct body: a double click or a retry after a lost answer is the same report.
  const submission = useRef<KeyedSubmission | null>(null);
  const change = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const category = categories.find((c) => c.code === draft.categoryCode);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const built = buildReport(draft, category?.attributes);
    const waiting = isUploading(photos);
    if (!built.body || waiting) {
      const fields = Object.fromEntries(
        Object.entries(built.errors ?? {}).map(([k, m]) => [k, t(m)]),
      );
      if (waiting) fields.photoIds = t('reports.photos.waitUpload');
      setErrors(fields);
      setSummary(summaryItems(fields, PREFIX));
      return;
    }
    const photoIds = uploadedIds(photos);
    const body = photoIds.length ? { ...built.body, photoIds } : built.body;
    const text = JSON.stringify(body);
    submission.current = submissionKey(submission.current, text);
    setBusy(true);
    setErrors({});
    setSummary([]);
    try {
      const created = await createReport(body, submission.current.key);
      submission.current = null;
      onCreated(created);
    } catch (error) {
      const result = serverErrors(error, PREFIX, t, reportFieldKey);
      setErrors(result.fields);
      setSummary(result.summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form rp-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('reports.form.label')}
    >
      <ErrorSummary items={summary} />
      <SelectField
        id={fieldId(PREFIX, 'categoryCode')}
        label={t('reports.form.category')}
        hint={category?.description}
        value={draft.categoryCode}
        error={errors.categoryCode}
        options={[
          { value: '', label: t('form.choose') },
          ...categories.map((c) => ({
            value: c.code,
            label: lang === 'en' ? c.nameEn || c.nameVi : c.nameVi,
          })),
        ]}
        onChange={(e) => change({ categoryCode: e.target.value, answers: {} })}
      />
      <CategoryQuestions
        prefix={PREFIX}
        questions={category?.attributes ?? []}
        answers={draft.answers}
        errors={errors}
        onChange={(answers) => change({ answers })}
      />
      <TextAreaField
        id={fieldId(PREFIX, 'description')}
        label={t('reports.form.description')}
        hint={t('reports.form.descriptionHint')}
        value={draft.description}
        error={errors.description}
        rows={5}
        maxLength={DESCRIPTION_MAX}
        onChange={(e) => change({ description: e.target.value })}
      />
      <PhotoPicker
        id={fieldId(PREFIX, 'photoIds')}
        label={t('reports.photos.label')}
        hint={t('reports.photos.hint')}
        items={photos}
        onItemsChange={setPhotos}
        error={errors.photoIds}
        altOf={(n) => t('reports.photos.alt', { n })}
        onUseLocation={draft.point ? undefined : (point) => change({ point })}
      />
      <LocationFields
        prefix={PREFIX}
        point={draft.point}
        unitCode={draft.unitCode}
        address={draft.address}
        units={units}
        errors={errors}
        onChange={change}
      />
      <NearbyReports
        categoryCode={draft.categoryCode}
        point={draft.point}
        reportHref={reportHref}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('reports.form.contact')}</legend>
        <p className="field__hint">{t('reports.form.contactHint')}</p>
        <TextField
          id={fieldId(PREFIX, 'contact.name')}
          label={`${t('reports.form.name')} ${t('form.optional')}`}
          value={draft.name}
          error={errors['contact.name']}
          autoComplete="name"
          maxLength={200}
          onChange={(e) => change({ name: e.target.value })}
        />
        <TextField
          id={fieldId(PREFIX, 'contact.phone')}
          label={`${t('reports.form.phone')} ${t('form.optional')}`}
          hint={t('reports.form.phoneHint')}
          value={draft.phone}
          error={errors['contact.phone']}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          onChange={(e) => change({ phone: e.target.value })}
        />
        <TextField
          id={fieldId(PREFIX, 'contact.email')}
          label={`${t('reports.form.email')} ${t('form.optional')}`}
          value={draft.email}
          error={errors['contact.email']}
          type="email"
          autoComplete="email"
          onChange={(e) => change({ email: e.target.value })}
        />
        <CheckboxField
          id={fieldId(PREFIX, 'anonymous')}
          label={t('reports.form.anonymous')}
          hint={t('reports.form.anonymousHint')}
          checked={draft.anonymous}
          onChange={(e) => change({ anonymous: e.target.checked })}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('reports.form.submit')}
        </button>
        {busy ? (
          <span role="status" className="muted">
            {t('reports.form.submitting')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
