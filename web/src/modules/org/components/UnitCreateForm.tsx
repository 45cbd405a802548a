// Create a unit (admin). The parent is chosen among the units currently loaded.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, parseDisplayDate, todayVn } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { UNIT_KINDS, type Unit, type UnitKind } from '../api/unit.types.ts';
import { createUnit } from '../api/units.api.ts';
import { sortUnits } from './unit-tree.ts';

const P = 'unit-create';

/**
 * The create-unit form; `onCreated` receives the new unit. `mayParent` limits the parents
 * offered to the units the user administers (a unit administrator), who may not create a
 * top-level unit either.
 */
export function UnitCreateForm({
  units,
  defaultParent,
  onCreated,
  mayParent,
}: {
  units: Unit[];
  defaultParent: string | null;
  onCreated: (unit: Unit) => void;
  mayParent?: (code: string) => boolean;
}) {
  const t = useT();
  const allowRoot = !mayParent;

  const [draft, setDraft] = useState({
    code: '',
    name: '',
    fullName: '',
    kind: 'commune' as UnitKind,
    category: '',
    parentCode: defaultParent && (!mayParent || mayParent(defaultParent)) ? defaultParent : '',
    validFrom: formatDate(todayVn()),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!draft.code.trim()) local.code = t('units.codeRequired');
    if (!draft.name.trim()) local.name = t('units.nameRequired');
    if (!allowRoot && !draft.parentCode) local.parentCode = t('access.parentRequired');
    const validFrom = parseDisplayDate(draft.validFrom);
    if (!validFrom) local.validFrom = t('validation.date');
    setErrors(local);
    setSummary(summaryItems(local, P));
    if (Object.keys(local).length || !validFrom) return;
    setBusy(true);
    try {
      const unit = await createUnit({
        code: draft.code.trim(),
        name: draft.name.trim(),
        fullName: draft.fullName.trim() || draft.name.trim(),
        kind: draft.kind,
        category: draft.category.trim() || undefined,
        parentCode: draft.parentCode || null,
        validFrom,
      });
      onCreated(unit);
    } catch (error) {
      const result = serverErrors(error, P, t);
      setErrors(result.fields);
      setSummary(result.summary);
    } finally {
      setBusy(false);
    }
  };

  const parents = [
    { value: '', label: allowRoot ? t('units.noParent') : t('form.choose') },
    ...sortUnits(units)
      .filter((u) => !mayParent || mayParent(u.code))
      .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
  ];
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary items={summary} />
      <div className="grid grid--2">
        <TextField
          id={`${P}-code`}
          label={t('unit.code')}
          value={draft.code}
          onChange={set('code')}
          error={errors.code}
        />
        <SelectField
          id={`${P}-kind`}
          label={t('unit.kind')}
          value={draft.kind}
          onChange={set('kind')}
          error={errors.kind}
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
        />
      </div>
      <TextField
        id={`${P}-name`}
        label={t('unit.name')}
        value={draft.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextField
        id={`${P}-fullName`}
        label={t('unit.fullName')}
        hint={t('units.fullNameHint')}
        value={draft.fullName}
        onChange={set('fullName')}
        error={errors.fullName}
      />
      <div className="grid grid--2">
        <TextField
          id={`${P}-category`}
          label={t('unit.category')}
          value={draft.category}
          onChange={set('category')}
          error={errors.category}
        />
        <TextField
          id={`${P}-validFrom`}
          label={t('unit.validFrom')}
          hint={t('hint.dateFormat')}
          inputMode="numeric"
          value={draft.validFrom}
          onChange={set('validFrom')}
          error={errors.validFrom}
        />
      </div>
      <SelectField
        id={`${P}-parentCode`}
        label={t('unit.parent')}
        value={draft.parentCode}
        onChange={set('parentCode')}
        error={errors.parentCode}
        options={parents}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('units.createSubmit')}
      </button>
    </form>
  );
}
