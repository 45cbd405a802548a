// Search box and filters of the procedure list; typing searches after a short pause.
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { ONLINE_LEVELS, PROCEDURE_LEVELS, type ProcedureFilter } from '../api/procedure.types.ts';

/** Edits `filter`; text inputs are debounced, selects apply at once. */
export function ProcedureFilters({
  filter,
  onChange,
}: {
  filter: ProcedureFilter;
  onChange: (f: ProcedureFilter) => void;
}) {
  const t = useT();
  const [q, setQ] = useState(filter.q);
  const [field, setField] = useState(filter.field);
  const debouncedQ = useDebounced(q);
  const debouncedField = useDebounced(field);

  // Filters restored from the URL or session replace what is typed.
  useEffect(() => setQ(filter.q), [filter.q]);
  useEffect(() => setField(filter.field), [filter.field]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text triggers a search.
  useEffect(() => {
    if (debouncedQ !== filter.q || debouncedField !== filter.field)
      onChange({ ...filter, q: debouncedQ, field: debouncedField });
  }, [debouncedQ, debouncedField]);

  return (
    <search aria-label={t('procedures.filters')}>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ ...filter, q, field });
        }}
      >
        <TextField
          id="procedures-q"
          type="search"
          label={t('procedures.search')}
          hint={t('procedures.searchHint')}
          className="filters__grow"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <TextField
          id="procedures-field"
          label={t('procedures.filterField')}
          value={field}
          onChange={(e) => setField(e.target.value)}
        />
        <SelectField
          id="procedures-level"
          label={t('procedure.level')}
          value={filter.level}
          options={[
            { value: '', label: t('form.all') },
            ...PROCEDURE_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) })),
          ]}
          onChange={(e) => onChange({ ...filter, q, field, level: e.target.value })}
        />
        <SelectField
          id="procedures-onlineLevel"
          label={t('procedure.onlineLevel')}
          value={filter.onlineLevel}
          options={[
            { value: '', label: t('form.all') },
            ...ONLINE_LEVELS.map((l) => ({ value: l, label: t(`onlineLevel.${l}`) })),
          ]}
          onChange={(e) => onChange({ ...filter, q, field, onlineLevel: e.target.value })}
        />
        <button type="submit" className="button button--secondary">
          {t('action.search')}
        </button>
      </form>
    </search>
  );
}
