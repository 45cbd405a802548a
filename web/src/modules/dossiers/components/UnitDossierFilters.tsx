// Filters of the leader's unit view: unit, status, channel, outcome, procedure, a period of
// reception or of finishing, overdue only.
// Selects apply at once; the typed dates apply with the button (or Enter).
import { type FormEvent, useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, parseDisplayDate } from '../../../lib/format.ts';
import { CheckboxField, SelectField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import type { Procedure } from '../../procedures/index.ts';
import {
  CHANNELS,
  type Channel,
  DATE_FIELDS,
  type DateField,
  DOSSIER_STATUSES,
  OUTCOMES,
  type Outcome,
} from '../api/dossier.types.ts';
import { useProcedureById } from '../hooks/use-dossiers.ts';
import { useInstantValue } from '../hooks/use-instant-value.ts';
import { ProcedurePicker } from './ProcedurePicker.tsx';
import { channelOf, outcomeOf } from './QueueFilters.tsx';

/** The unit view's filter state (dates 'YYYY-MM-DD'), as kept in the URL. */
export interface UnitFilter {
  unit: string;
  status: string;
  procedure: string;
  from: string;
  to: string;
  /** The day from/to bound: reception, or finishing (the on-time figures link with this). */
  dates: DateField;
  overdue: boolean;
  /** Reception channel ('' = any): the dashboard's channel figures link here. */
  channel: Channel | '';
  /** Finished early, on time or late ('' = any): the on-time figures link here. */
  outcome: Outcome | '';
}

/** Id of the first filter, focused by the `/` shortcut. */
export const UNIT_FIRST_FILTER = 'unit-filter-unit';

/** A URL's `dates` value as a DateField (anything else: reception). */
export const dateFieldOf = (v: string | null | undefined): DateField =>
  DATE_FIELDS.find((d) => d === v) ?? 'received';

interface UnitDossierFiltersProps {
  filter: UnitFilter;
  onChange: (next: UnitFilter) => void;
  units: { value: string; label: string }[];
}

/** The filter bar. */
export function UnitDossierFilters({ filter, onChange, units }: UnitDossierFiltersProps) {
  const t = useT();
  const [from, setFrom] = useState(formatDate(filter.from));
  const [to, setTo] = useState(formatDate(filter.to));
  const [errors, setErrors] = useState<FieldErrors>({});
  const procedure = useProcedureById(filter.procedure || undefined);
  // The one just picked shows at once, before its catalogue entry is fetched back by id.
  const [picked, setPicked] = useState<Procedure | null>(null);
  const shownProcedure = !filter.procedure
    ? null
    : picked?.id === filter.procedure
      ? picked
      : (procedure.data ?? null);
  const [shown, setShown] = useInstantValue(filter);
  const set = (patch: Partial<UnitFilter>) => {
    setShown({ ...shown, ...patch });
    onChange({ ...filter, ...patch });
  };

  useEffect(() => setFrom(formatDate(filter.from)), [filter.from]);
  useEffect(() => setTo(formatDate(filter.to)), [filter.to]);

  const applyDates = (event: FormEvent) => {
    event.preventDefault();
    const f = from.trim() ? parseDisplayDate(from) : '';
    const e = to.trim() ? parseDisplayDate(to) : '';
    const found: FieldErrors = {};
    if (f === null) found.from = t('validation.date');
    if (e === null) found.to = t('validation.date');
    if (f && e && f > e) found.to = t('dossiers.validation.dateOrder');
    setErrors(found);
    if (f !== null && e !== null && !Object.keys(found).length) set({ from: f, to: e });
  };

  return (
    <search aria-label={t('dossiers.queue.filters')}>
      <form className="filters" onSubmit={applyDates} noValidate>
        <SelectField
          id={UNIT_FIRST_FILTER}
          label={t('dossiers.unit.unit')}
          value={shown.unit}
          options={units}
          onChange={(e) => set({ unit: e.target.value })}
        />
        <SelectField
          id="unit-filter-status"
          label={t('dossiers.queue.status')}
          value={shown.status}
          options={[
            { value: '', label: t('form.all') },
            ...DOSSIER_STATUSES.map((s) => ({ value: s, label: t(`dossiers.status.${s}`) })),
          ]}
          onChange={(e) => set({ status: e.target.value })}
        />
        <SelectField
          id="unit-filter-channel"
          label={t('dossiers.queue.channel')}
          value={shown.channel}
          options={[
            { value: '', label: t('form.all') },
            ...CHANNELS.map((c) => ({ value: c, label: t(`dossiers.channel.${c}`) })),
          ]}
          onChange={(e) => set({ channel: channelOf(e.target.value) })}
        />
        <SelectField
          id="unit-filter-outcome"
          label={t('dossiers.unit.outcome')}
          value={shown.outcome}
          options={[
            { value: '', label: t('form.all') },
            ...OUTCOMES.map((o) => ({ value: o, label: t(`dossiers.outcome.${o}`) })),
          ]}
          onChange={(e) => set({ outcome: outcomeOf(e.target.value) })}
        />
        <ProcedurePicker
          id="unit-filter-procedure"
          className="filters__grow"
          label={t('dossiers.unit.procedure')}
          value={shownProcedure}
          onChange={(p) => {
            setPicked(p);
            set({ procedure: p?.id ?? '' });
          }}
        />
        <SelectField
          id="unit-filter-dates"
          label={t('dossiers.unit.dates')}
          value={shown.dates}
          options={DATE_FIELDS.map((d) => ({ value: d, label: t(`dossiers.unit.dates.${d}`) }))}
          onChange={(e) => set({ dates: dateFieldOf(e.target.value) })}
        />
        <TextField
          id="unit-filter-from"
          label={t('dossiers.unit.from')}
          hint={t('hint.dateFormat')}
          inputMode="numeric"
          value={from}
          error={errors.from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          id="unit-filter-to"
          label={t('dossiers.unit.to')}
          hint={t('hint.dateFormat')}
          inputMode="numeric"
          value={to}
          error={errors.to}
          onChange={(e) => setTo(e.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t('action.apply')}
        </button>
        <CheckboxField
          id="unit-filter-overdue"
          label={t('dossiers.queue.overdueOnly')}
          checked={shown.overdue}
          onChange={(e) => set({ overdue: e.target.checked })}
        />
      </form>
    </search>
  );
}
