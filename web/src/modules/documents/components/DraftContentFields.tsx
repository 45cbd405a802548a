// The content of a draft (nội dung dự thảo), shared by the drafting form and the revision:
// summary, body (paragraphs separated by a blank line), the signer block and the recipients.
// Field ids follow the body paths (`${prefix}-signer-title`), so the error summary and the
// server's field problems land on them.
import { useT } from '../../../i18n/i18n-context.tsx';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import type { Unit } from '../../org/index.ts';
import type { FormErrors } from '../lib/form-checks.ts';
import type { ContentDraft } from '../lib/outgoing-form.ts';
import { PersonSelect } from './PersonSelect.tsx';
import { UnitChecklist } from './UnitChecklist.tsx';

const LEADERS = ['leader'] as const;

export function DraftContentFields({
  prefix,
  draft,
  onChange,
  errors,
  issuingUnit,
  units,
}: {
  prefix: string;
  draft: ContentDraft;
  onChange: (patch: Partial<ContentDraft>) => void;
  errors: FormErrors;
  /** The issuing unit: its leaders are offered as signers. */
  issuingUnit: string;
  /** Every unit of the platform (recipients). */
  units: readonly Unit[];
}) {
  const t = useT();
  return (
    <>
      <TextAreaField
        id={`${prefix}-summary`}
        label={t('documents.draft.summary')}
        hint={t('documents.draft.summaryHint')}
        rows={2}
        value={draft.summary}
        error={errors.summary}
        onChange={(e) => onChange({ summary: e.target.value })}
      />
      <TextAreaField
        id={`${prefix}-paragraphs`}
        label={t('documents.draft.body')}
        hint={t('documents.draft.bodyHint')}
        rows={12}
        value={draft.body}
        error={errors.paragraphs}
        onChange={(e) => onChange({ body: e.target.value })}
      />
      <fieldset className="fieldset doc-signer" id={`${prefix}-signer`}>
        <legend className="fieldset__legend">{t('documents.draft.signer')}</legend>
        <TextField
          id={`${prefix}-signer-authority`}
          label={t('documents.draft.authority')}
          hint={t('documents.draft.authorityHint')}
          value={draft.authority}
          error={errors['signer.authority']}
          onChange={(e) => onChange({ authority: e.target.value })}
        />
        <TextField
          id={`${prefix}-signer-title`}
          label={t('documents.draft.signerTitle')}
          hint={t('documents.draft.signerTitleHint')}
          value={draft.signerTitle}
          error={errors['signer.title']}
          onChange={(e) => onChange({ signerTitle: e.target.value })}
        />
        <PersonSelect
          id={`${prefix}-signer-userId`}
          roles={LEADERS}
          emptyLabel={t('documents.draft.signerNone')}
          label={t('documents.draft.signerAccount')}
          hint={t('documents.draft.signerAccountHint')}
          unitCode={issuingUnit}
          value={draft.signerUserId}
          error={errors['signer.userId']}
          onChange={(id, member) =>
            onChange({
              signerUserId: id,
              // The printed name follows the account unless the drafter typed another.
              ...(member && !draft.signerName.trim() ? { signerName: member.fullName } : {}),
            })
          }
        />
        <TextField
          id={`${prefix}-signer-name`}
          label={t('documents.draft.signerName')}
          value={draft.signerName}
          error={errors['signer.name']}
          onChange={(e) => onChange({ signerName: e.target.value })}
        />
      </fieldset>
      <fieldset className="fieldset" id={`${prefix}-recipients`}>
        <legend className="fieldset__legend">{t('documents.draft.recipients')}</legend>
        <UnitChecklist
          id={`${prefix}-recipients-units`}
          legend={t('documents.draft.recipientUnits')}
          hint={t('documents.draft.recipientUnitsHint')}
          units={units}
          selected={draft.recipientUnits}
          error={errors['recipients.units']}
          onChange={(codes) => onChange({ recipientUnits: codes })}
        />
        <TextAreaField
          id={`${prefix}-recipients-external`}
          label={`${t('documents.draft.external')} ${t('form.optional')}`}
          hint={t('documents.draft.externalHint')}
          rows={3}
          value={draft.external}
          error={errors['recipients.external']}
          onChange={(e) => onChange({ external: e.target.value })}
        />
        <TextAreaField
          id={`${prefix}-recipients-places`}
          label={t('documents.draft.places')}
          hint={t('documents.draft.placesHint')}
          rows={4}
          value={draft.places}
          error={errors['recipients.places']}
          onChange={(e) => onChange({ places: e.target.value })}
        />
      </fieldset>
    </>
  );
}
