// The leader's direction screen (ý kiến chỉ đạo, bút phê): the direction, the lead unit and
// person, supporting units, units for information and the deadline — a few clicks: the lead
// unit and person are two selects, the deadline is the document's own unless changed.
import { useT } from '../../../i18n/i18n-context.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import type { Unit } from '../../org/index.ts';
import type { DirectDraft } from '../lib/direct-form.ts';
import type { FormErrors } from '../lib/form-checks.ts';
import { PersonSelect } from './PersonSelect.tsx';
import { UnitChecklist } from './UnitChecklist.tsx';

const HANDLERS = ['specialist', 'desk_officer', 'leader', 'secretariat'] as const;

export function DirectFields({
  prefix,
  draft,
  onChange,
  errors,
  units,
}: {
  prefix: string;
  draft: DirectDraft;
  onChange: (patch: Partial<DirectDraft>) => void;
  errors: FormErrors;
  /** The units under the document's unit, in tree order. */
  units: readonly Unit[];
}) {
  const t = useT();
  return (
    <>
      <TextAreaField
        id={`${prefix}-direction`}
        label={t('documents.direct.text')}
        hint={t('documents.direct.textHint')}
        rows={3}
        value={draft.direction}
        error={errors.direction}
        onChange={(e) => onChange({ direction: e.target.value })}
      />
      <SelectField
        id={`${prefix}-leadUnitCode`}
        label={t('documents.direct.lead')}
        value={draft.leadUnitCode}
        error={errors.leadUnitCode}
        // Another unit has other people: the person is picked again.
        onChange={(e) => onChange({ leadUnitCode: e.target.value, leadUserId: '' })}
        options={[
          { value: '', label: t('form.choose') },
          ...units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
        ]}
      />
      <PersonSelect
        id={`${prefix}-leadUserId`}
        label={t('documents.direct.leadPerson')}
        unitCode={draft.leadUnitCode}
        roles={HANDLERS}
        value={draft.leadUserId}
        emptyLabel={t('documents.direct.leadPersonNone')}
        onChange={(id) => onChange({ leadUserId: id })}
      />
      <TextField
        id={`${prefix}-deadline`}
        label={t('documents.direct.deadline')}
        hint={t('documents.direct.deadlineHint')}
        value={draft.deadline}
        error={errors.deadline}
        onChange={(e) => onChange({ deadline: e.target.value })}
      />
      <UnitChecklist
        id={`${prefix}-support`}
        legend={t('documents.direct.support')}
        units={units}
        selected={draft.supportUnitCodes}
        exclude={draft.leadUnitCode ? [draft.leadUnitCode] : []}
        onChange={(codes) => onChange({ supportUnitCodes: codes })}
      />
      <UnitChecklist
        id={`${prefix}-info`}
        legend={t('documents.direct.info')}
        units={units}
        selected={draft.infoUnitCodes}
        exclude={[...(draft.leadUnitCode ? [draft.leadUnitCode] : []), ...draft.supportUnitCodes]}
        onChange={(codes) => onChange({ infoUnitCodes: codes })}
      />
    </>
  );
}
