// Sharing a document (chia sẻ) with units and with people picked by name.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import type { Unit } from '../../org/index.ts';
import { PersonSelect } from './PersonSelect.tsx';
import { UnitChecklist } from './UnitChecklist.tsx';

const STAFF = ['specialist', 'desk_officer', 'leader', 'secretariat'] as const;

/** The units and people chosen; `names` keeps the people's names for the list. */
export interface ShareDraft {
  unitCodes: string[];
  people: { id: string; name: string }[];
}

export function ShareFields({
  prefix,
  draft,
  onChange,
  error,
  units,
}: {
  prefix: string;
  draft: ShareDraft;
  onChange: (next: ShareDraft) => void;
  error?: string;
  units: readonly Unit[];
}) {
  const t = useT();
  const [unit, setUnit] = useState('');
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  return (
    <>
      {error ? (
        <p className="field__error" id={`${prefix}-share-error`}>
          {error}
        </p>
      ) : null}
      <UnitChecklist
        id={`${prefix}-unitCodes`}
        legend={t('documents.action.shareUnits')}
        units={units}
        selected={draft.unitCodes}
        onChange={(codes) => onChange({ ...draft, unitCodes: codes })}
      />
      <fieldset className="fieldset" id={`${prefix}-userIds`}>
        <legend className="fieldset__legend">{t('documents.action.sharePeople')}</legend>
        <SelectField
          id={`${prefix}-share-unit`}
          label={t('documents.action.sharePersonUnit')}
          value={unit}
          onChange={(e) => {
            setUnit(e.target.value);
            setPerson(null);
          }}
          options={[
            { value: '', label: t('form.choose') },
            ...units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
          ]}
        />
        <PersonSelect
          id={`${prefix}-share-person`}
          label={t('documents.action.sharePerson')}
          unitCode={unit}
          roles={STAFF}
          value={person?.id ?? ''}
          onChange={(id, member) => setPerson(member ? { id, name: member.fullName } : null)}
        />
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!person}
          onClick={() => {
            if (person && !draft.people.some((p) => p.id === person.id))
              onChange({ ...draft, people: [...draft.people, person] });
            setPerson(null);
          }}
        >
          {t('documents.action.shareAdd')}
        </button>
        {draft.people.length > 0 ? (
          <ul className="doc-file-list">
            {draft.people.map((p) => (
              <li key={p.id}>
                {p.name}{' '}
                <button
                  type="button"
                  className="button button--link button--small"
                  onClick={() =>
                    onChange({ ...draft, people: draft.people.filter((x) => x.id !== p.id) })
                  }
                >
                  {t('documents.action.shareRemove', { name: p.name })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>
    </>
  );
}
