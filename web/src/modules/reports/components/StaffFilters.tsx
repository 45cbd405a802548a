// Filters of the staff queue: applied as soon as they change (staff pages avoid extra clicks).
import { useT } from '../../../i18n/i18n-context.tsx';
import { CheckboxField, SelectField } from '../../../ui/Field.tsx';
import { REPORT_STATUSES, type StaffReportFilter } from '../api/report.types.ts';

/** The id of the first filter (focused by the `/` shortcut). */
export const REPORT_QUEUE_FIRST_FILTER = 'rq-filter-status';

/** The queue's filter bar. */
export function StaffFilters({
  filter,
  categories,
  units,
  onChange,
}: {
  filter: StaffReportFilter;
  categories: { value: string; label: string }[];
  units: { value: string; label: string }[];
  onChange: (filter: StaffReportFilter) => void;
}) {
  const t = useT();
  return (
    <fieldset className="rp-filters rp-filters--staff">
      <legend className="visually-hidden">{t('reports.filters.label')}</legend>
      <SelectField
        id={REPORT_QUEUE_FIRST_FILTER}
        label={t('reports.filters.status')}
        value={filter.status}
        options={[
          { value: '', label: t('reports.filters.allOpen') },
          ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) })),
        ]}
        onChange={(e) =>
          onChange({ ...filter, status: e.target.value as StaffReportFilter['status'] })
        }
      />
      <SelectField
        id="rq-filter-category"
        label={t('reports.filters.category')}
        value={filter.category}
        options={[{ value: '', label: t('form.all') }, ...categories]}
        onChange={(e) => onChange({ ...filter, category: e.target.value })}
      />
      <SelectField
        id="rq-filter-unit"
        label={t('reports.filters.unit')}
        value={filter.unit}
        options={[{ value: '', label: t('form.all') }, ...units]}
        onChange={(e) => onChange({ ...filter, unit: e.target.value })}
      />
      <CheckboxField
        id="rq-filter-overdue"
        label={t('reports.filters.overdue')}
        checked={filter.overdue}
        onChange={(e) => onChange({ ...filter, overdue: e.target.checked })}
      />
      <CheckboxField
        id="rq-filter-mine"
        label={t('reports.filters.mine')}
        checked={filter.mine}
        onChange={(e) => onChange({ ...filter, mine: e.target.checked })}
      />
    </fieldset>
  );
}
