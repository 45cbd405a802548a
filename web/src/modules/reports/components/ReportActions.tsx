// The staff actions panel: one button per action the server allows now (`allowedActions`), each
// opening its small form; sent with the version the user saw. A 409 version_conflict reloads
// the report with a notice instead of overwriting a colleague's work.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { Notice } from '../../../ui/Notice.tsx';
// The picker's own file, not identity/index.ts (that barrel pulls the admin screens in).
import { StaffSelect } from '../../identity/components/StaffSelect.tsx';
import { UnitSelect } from '../../org/index.ts';
import { type Report, STAFF_ACTIONS, type StaffAction } from '../api/report.types.ts';
import { postReportAction } from '../api/reports.api.ts';
import {
  buildReportAction,
  DANGEROUS_ACTIONS,
  emptyReportActionDraft,
  REPORT_ACTION_FIELDS,
  REPORT_ACTION_OPTIONAL,
  type ReportActionDraft,
} from '../lib/action-payload.ts';
import { isUploading, type PhotoItem, uploadedIds } from '../lib/photos.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import { ReplyTemplatePicker } from './ReplyTemplatePicker.tsx';

/** Who may be given a report (reports.actions.ts: specialist or leader over the unit). */
const ASSIGNABLE_ROLES = ['specialist', 'leader'] as const;

/** Which templates fill which field of which action. */
const TEMPLATE_KIND: Partial<
  Record<StaffAction, { field: 'reply' | 'reason'; kind: 'resolve' | 'reject' | 'info' }>
> = {
  resolve: { field: 'reply', kind: 'resolve' },
  reject: { field: 'reason', kind: 'reject' },
  request_info: { field: 'reason', kind: 'info' },
};

const PREFIX = 'rq-action';

interface ReportActionsProps {
  report: Report;
  /** Other open reports the report may be merged into. */
  mergeTargets: { value: string; label: string }[];
  onChanged: (report: Report) => void;
  onConflict: () => void;
}

/** Buttons for the allowed actions and the open action's form. */
export function ReportActions({ report, mergeTargets, onChanged, onConflict }: ReportActionsProps) {
  const t = useT();
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [draft, setDraft] = useState<ReportActionDraft>(emptyReportActionDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [flash, setFlash] = useState<{ kind: 'success' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // After-photos of a resolution (ảnh sau khi xử lý).
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const allowed = STAFF_ACTIONS.filter((a) => report.allowedActions.includes(a));

  useEffect(() => {
    if (open)
      formRef.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [open]);

  const close = () => {
    const was = open;
    setOpen(null);
    if (was) document.querySelector<HTMLElement>(`[data-action="${was}"]`)?.focus();
  };

  const toggle = (action: StaffAction) => {
    setOpen((current) => (current === action ? null : action));
    setDraft(emptyReportActionDraft());
    setPhotos([]);
    setErrors({});
    setSummary([]);
    setFlash(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!open || busy) return;
    const built = buildReportAction(open, draft);
    const waiting = open === 'resolve' && isUploading(photos);
    if (!built.payload || waiting) {
      const fields = Object.fromEntries(
        Object.entries(built.errors ?? {}).map(([k, m]) => [k, t(m)]),
      );
      if (waiting) fields.photoIds = t('reports.photos.waitUpload');
      setErrors(fields);
      setSummary(summaryItems(fields, PREFIX));
      return;
    }
    const photoIds = open === 'resolve' ? uploadedIds(photos) : [];
    setBusy(true);
    setErrors({});
    setSummary([]);
    try {
      const updated = await postReportAction(
        report.id,
        open,
        report.version,
        photoIds.length ? { ...built.payload, photoIds } : built.payload,
      );
      setFlash({
        kind: 'success',
        text: t('reports.detail.actionDone', { action: t(`reports.action.${open}`) }),
      });
      setOpen(null);
      onChanged(updated);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        setFlash({ kind: 'info', text: t('reports.detail.conflict') });
        setOpen(null);
        onConflict();
      } else {
        const result = serverErrors(error, PREFIX, t);
        setErrors(result.fields);
        setSummary(result.summary);
      }
    } finally {
      setBusy(false);
    }
  };

  const fields = open
    ? [...REPORT_ACTION_FIELDS[open], ...(REPORT_ACTION_OPTIONAL[open] ?? [])]
    : [];
  const required = (key: keyof ReportActionDraft) =>
    open ? REPORT_ACTION_FIELDS[open].includes(key) : false;
  const fieldLabel = (key: keyof ReportActionDraft) =>
    open === 'request_info' && key === 'reason'
      ? t('reports.field.question')
      : t(`reports.field.${key}`);
  const label = (key: keyof ReportActionDraft) =>
    required(key) ? fieldLabel(key) : `${fieldLabel(key)} ${t('form.optional')}`;
  const template = open ? TEMPLATE_KIND[open] : undefined;

  return (
    <section className="panel" aria-labelledby="rq-actions-title">
      <h2 id="rq-actions-title" className="panel__title">
        {t('reports.detail.actions')}
      </h2>
      {flash ? <Notice kind={flash.kind}>{flash.text}</Notice> : null}
      {allowed.length === 0 ? <p className="muted">{t('reports.detail.noActions')}</p> : null}
      <div className="dq-actions__buttons">
        {allowed.map((action) => (
          <button
            key={action}
            type="button"
            data-action={action}
            className={`button button--small ${DANGEROUS_ACTIONS.has(action) ? 'button--warning' : 'button--secondary'}`}
            aria-expanded={open === action}
            aria-controls={open === action ? `${PREFIX}-form` : undefined}
            onClick={() => toggle(action)}
          >
            {t(`reports.action.${action}`)}
          </button>
        ))}
      </div>
      {open ? (
        <form
          id={`${PREFIX}-form`}
          ref={formRef}
          className="dq-action-form"
          onSubmit={onSubmit}
          noValidate
          aria-label={t(`reports.action.${open}`)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <ErrorSummary items={summary} />
          {fields.length === 0 ? <p>{t('reports.detail.confirmOnly')}</p> : null}
          {open === 'request_info' ? (
            <p className="muted">{t('reports.field.questionIntro')}</p>
          ) : null}
          {template ? (
            <ReplyTemplatePicker
              id={`${PREFIX}-template`}
              categoryCode={report.categoryCode}
              kind={template.kind}
              onPick={(text) => setDraft((d) => ({ ...d, [template.field]: text }))}
            />
          ) : null}
          {fields.map((key) => {
            const id = `${PREFIX}-${key}`;
            const set = (value: string) => setDraft((d) => ({ ...d, [key]: value }));
            if (key === 'unitCode')
              return (
                <UnitSelect
                  key={key}
                  id={id}
                  label={label(key)}
                  value={draft.unitCode}
                  error={errors.unitCode}
                  onChange={set}
                />
              );
            if (key === 'targetId')
              return mergeTargets.length ? (
                <SelectField
                  key={key}
                  id={id}
                  label={label(key)}
                  hint={t('reports.field.targetIdHint')}
                  value={draft.targetId}
                  error={errors.targetId}
                  options={[{ value: '', label: t('form.choose') }, ...mergeTargets]}
                  onChange={(e) => set(e.target.value)}
                />
              ) : (
                <p key={key} className="field__error" id={id}>
                  {t('reports.field.noMergeTargets')}
                </p>
              );
            if (key === 'assigneeUsername')
              return (
                // By name from the staff over the handling unit: whom reports.actions.ts accepts.
                <StaffSelect
                  key={key}
                  id={id}
                  label={t('staff.assignee')}
                  hint={t('staff.assigneeHint')}
                  unitCode={report.handlingUnitCode}
                  roles={ASSIGNABLE_ROLES}
                  value={draft.assigneeUsername}
                  error={errors.assigneeUsername}
                  onChange={set}
                />
              );
            return (
              <TextAreaField
                key={key}
                id={id}
                label={label(key)}
                hint={
                  key === 'reply'
                    ? t('reports.field.replyHint')
                    : open === 'request_info'
                      ? t('reports.field.questionHint')
                      : undefined
                }
                value={draft[key]}
                error={errors[key]}
                rows={key === 'reply' ? 5 : 3}
                onChange={(e) => set(e.target.value)}
              />
            );
          })}
          {open === 'resolve' ? (
            <PhotoPicker
              id={`${PREFIX}-photoIds`}
              label={t('reports.photos.afterLabel')}
              hint={t('reports.photos.afterHint')}
              items={photos}
              onItemsChange={setPhotos}
              error={errors.photoIds}
              altOf={(n) => t('reports.photos.afterAlt', { n })}
            />
          ) : null}
          <div className="button-group">
            <button type="submit" className="button" disabled={busy}>
              {t('reports.detail.confirm')}
            </button>
            <button type="button" className="button button--link" onClick={close}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
