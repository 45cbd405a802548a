// The inputs of one action's small form (which ones: actionFields).
import { useT } from '../../../i18n/i18n-context.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
// The picker's own file, not identity/index.ts (that barrel pulls the admin screens in).
import { StaffSelect } from '../../identity/components/StaffSelect.tsx';
import { UnitSelect } from '../../org/index.ts';
import { type DossierAction, RETURN_METHODS, type ReturnMethod } from '../api/dossier.types.ts';
import { type ActionContext, type ActionDraft, actionFields } from '../lib/action-payload.ts';

/** Who may be given a dossier (dossiers.actions.ts: specialist or leader over the unit). */
const ASSIGNABLE_ROLES = ['specialist', 'leader'] as const;

interface ActionFieldsProps {
  prefix: string;
  action: DossierAction;
  draft: ActionDraft;
  onChange: (patch: Partial<ActionDraft>) => void;
  errors: FieldErrors;
  /** finish: the optional result file, uploaded before the action. */
  resultFile: File | null;
  onResultFile: (file: File | null) => void;
  /** What decides the fields beyond the action (a result returned unpaid needs a reason). */
  context?: ActionContext;
}

/** Renders the fields `action` needs. */
export function ActionFields({
  prefix,
  action,
  draft,
  onChange,
  errors,
  resultFile,
  onResultFile,
  context,
}: ActionFieldsProps) {
  const t = useT();
  const fields = actionFields(action, context);
  if (!fields.length) return <p>{t('dossiers.detail.confirmOnly')}</p>;
  const common = (key: keyof ActionDraft) => ({
    id: `${prefix}-${key}`,
    error: errors[key],
    value: draft[key],
  });

  return (
    <>
      {fields.map((key) => {
        switch (key) {
          case 'unitCode':
            return (
              <UnitSelect
                key={key}
                id={`${prefix}-${key}`}
                label={t('dossiers.detail.forwardUnit')}
                value={draft.unitCode}
                error={errors.unitCode}
                onChange={(unitCode) => onChange({ unitCode })}
              />
            );
          case 'assigneeUsername': {
            // Picked by name from the staff over the handling unit (or, when forwarding, over
            // the unit it goes to): the same people the server's assign rule accepts.
            const unit =
              action === 'forward' && draft.unitCode
                ? draft.unitCode
                : (context?.handlingUnitCode ?? '');
            return (
              <StaffSelect
                key={key}
                id={`${prefix}-${key}`}
                label={
                  action === 'assign'
                    ? t('staff.assignee')
                    : `${t('staff.forwardUser')} ${t('form.optional')}`
                }
                hint={action === 'assign' ? t('staff.assigneeHint') : undefined}
                emptyLabel={action === 'assign' ? undefined : t('staff.forwardNone')}
                unitCode={unit}
                roles={ASSIGNABLE_ROLES}
                value={draft.assigneeUsername}
                error={errors.assigneeUsername}
                onChange={(assigneeUsername) => onChange({ assigneeUsername })}
              />
            );
          }
          case 'method':
            return (
              <SelectField
                key={key}
                {...common(key)}
                label={t('dossiers.detail.method')}
                options={[
                  { value: '', label: t('form.choose') },
                  ...RETURN_METHODS.map((m) => ({ value: m, label: t(`dossiers.method.${m}`) })),
                ]}
                onChange={(e) => onChange({ method: e.target.value as ReturnMethod | '' })}
              />
            );
          case 'newDue':
            return (
              <TextField
                key={key}
                {...common(key)}
                label={t('dossiers.detail.newDue')}
                hint={t('dossiers.detail.newDueHint')}
                inputMode="numeric"
                autoComplete="off"
                onChange={(e) => onChange({ newDue: e.target.value })}
              />
            );
          case 'resultSummary':
            return (
              <div key={key}>
                <TextAreaField
                  {...common(key)}
                  label={t('dossiers.detail.resultSummary')}
                  rows={3}
                  onChange={(e) => onChange({ resultSummary: e.target.value })}
                />
                <div className="field">
                  <label className="field__label" htmlFor={`${prefix}-resultFile`}>
                    {t('dossiers.detail.resultFile')} {t('form.optional')}
                  </label>
                  <input
                    id={`${prefix}-resultFile`}
                    type="file"
                    onChange={(e) => onResultFile(e.target.files?.[0] ?? null)}
                  />
                  {resultFile ? <p className="muted">{resultFile.name}</p> : null}
                </div>
              </div>
            );
          default: {
            const labels = {
              reason:
                action === 'return_result'
                  ? t('dossiers.detail.unpaidReasonLabel')
                  : t('dossiers.detail.reasonLabel'),
              items: t('dossiers.detail.items'),
              note: `${t('dossiers.detail.note')} ${t('form.optional')}`,
            } as Record<string, string>;
            return (
              <TextAreaField
                key={key}
                {...common(key)}
                label={labels[key] ?? key}
                hint={key === 'items' ? t('dossiers.detail.itemsHint') : undefined}
                rows={key === 'items' ? 4 : 2}
                onChange={(e) => onChange({ [key]: e.target.value })}
              />
            );
          }
        }
      })}
    </>
  );
}
