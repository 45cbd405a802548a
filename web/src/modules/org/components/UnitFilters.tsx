import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, parseDisplayDate } from '../../../lib/format.ts';
import { CheckboxField, TextField } from '../../../ui/Field.tsx';

interface UnitFiltersProps {
  asOf: string;
  includeClosed: boolean;
  onChange: (next: { asOf: string; includeClosed: boolean }) => void;
}

/** "As of date" and "show closed units" filters of the unit tree. */
export function UnitFilters({ asOf, includeClosed, onChange }: UnitFiltersProps) {
  const t = useT();
  const [text, setText] = useState(formatDate(asOf));
  const [error, setError] = useState<string | undefined>();
  // Filters restored from the URL or session replace what is typed.
  useEffect(() => setText(formatDate(asOf)), [asOf]);

  const apply = () => {
    if (!text.trim()) {
      setError(undefined);
      onChange({ asOf: '', includeClosed });
      return;
    }
    const iso = parseDisplayDate(text);
    if (!iso) {
      setError(t('validation.date'));
      return;
    }
    setError(undefined);
    onChange({ asOf: iso, includeClosed });
  };

  return (
    <form
      className="filters"
      aria-label={t('units.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <TextField
        id="units-as-of"
        label={t('units.asOf')}
        hint={t('hint.dateEmptyToday')}
        inputMode="numeric"
        value={text}
        error={error}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
      />
      <CheckboxField
        id="units-include-closed"
        label={t('units.includeClosed')}
        checked={includeClosed}
        onChange={(e) => onChange({ asOf, includeClosed: e.target.checked })}
      />
      <button type="submit" className="button button--secondary">
        {t('action.apply')}
      </button>
    </form>
  );
}
