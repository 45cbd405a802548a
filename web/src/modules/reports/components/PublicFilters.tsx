// Filters of the public list: category, status, unit and period. Applied on submit; the page
// keeps them in the URL.
import { type FormEvent, useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, parseDisplayDate } from '../../../lib/format.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { type PublicReportFilter, REPORT_STATUSES } from '../api/report.types.ts';

interface PublicFiltersProps {
  filter: PublicReportFilter;
  categories: { value: string; label: string }[];
  /** Units to choose from; without them the unit code is typed. */
  units: { value: string; label: string }[];
  onChange: (filter: PublicReportFilter) => void;
}

/** The filter form. */
export function PublicFilters({ filter, categories, units, onChange }: PublicFiltersProps) {
  const t = useT();
  const [draft, setDraft] = useState(filter);
  const [from, setFrom] = useState(formatDate(filter.from));
  const [to, setTo] = useState(formatDate(filter.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  useEffect(() => {
    setDraft(filter);
    setFrom(formatDate(filter.from));
    setTo(formatDate(filter.to));
  }, [filter]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const f = from.trim() ? parseDisplayDate(from) : '';
    const e = to.trim() ? parseDisplayDate(to) : '';
    const problems = {
      from: f === null ? t('validation.date') : undefined,
      to: e === null ? t('validation.date') : undefined,
    };
    setErrors(problems);
    if (f === null || e === null) return;
    onChange({ ...draft, from: f, to: e });
  };

  return (
    <form
      className="rp-filters"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('reports.filters.label')}
    >
      <SelectField
        id="rp-filter-category"
        label={t('reports.filters.category')}
        value={draft.category}
        options={[{ value: '', label: t('form.all') }, ...categories]}
        onChange={(e) => setDraft({ ...draft, category: e.target.value })}
      />
      <SelectField
        id="rp-filter-status"
        label={t('reports.filters.status')}
        value={draft.status}
        options={[
          { value: '', label: t('form.all') },
          ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) })),
        ]}
        onChange={(e) =>
          setDraft({ ...draft, status: e.target.value as PublicReportFilter['status'] })
        }
      />
      {units.length ? (
        <SelectField
          id="rp-filter-unit"
          label={t('reports.filters.unit')}
          value={draft.unit}
          options={[{ value: '', label: t('form.all') }, ...units]}
          onChange={(e) => setDraft({ ...draft, unit: e.target.value })}
        />
      ) : (
        <TextField
          id="rp-filter-unit"
          label={t('reports.filters.unitCode')}
          hint={t('reports.filters.unitCodeHint')}
          value={draft.unit}
          inputMode="numeric"
          onChange={(e) => setDraft({ ...draft, unit: e.target.value.trim() })}
        />
      )}
      <TextField
        id="rp-filter-from"
        label={t('reports.filters.from')}
        hint={t('hint.dateFormat')}
        value={from}
        error={errors.from}
        onChange={(e) => setFrom(e.target.value)}
      />
      <TextField
        id="rp-filter-to"
        label={t('reports.filters.to')}
        hint={t('hint.dateFormat')}
        value={to}
        error={errors.to}
        onChange={(e) => setTo(e.target.value)}
      />
      <div className="rp-filters__actions">
        <button type="submit" className="button">
          {t('action.apply')}
        </button>
      </div>
    </form>
  );
}
