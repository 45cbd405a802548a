import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { TextField } from '../../../ui/Field.tsx';

const MIN_YEAR = 1976;
const MAX_YEAR = 2199;

/** Year input with previous/next buttons (years the shared calendar supports). */
export function YearSelector({
  year,
  onChange,
}: {
  year: number;
  onChange: (year: number) => void;
}) {
  const t = useT();
  const [text, setText] = useState(String(year));
  useEffect(() => setText(String(year)), [year]);

  const commit = (value: string) => {
    const n = Number.parseInt(value, 10);
    if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) onChange(n);
    else setText(String(year));
  };

  return (
    <form
      className="year-selector"
      onSubmit={(e) => {
        e.preventDefault();
        commit(text);
      }}
    >
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={year <= MIN_YEAR}
        onClick={() => onChange(year - 1)}
      >
        <span aria-hidden="true">‹ </span>
        {t('calendar.prevYear')}
      </button>
      <TextField
        id="calendar-year"
        label={t('calendar.year')}
        inputMode="numeric"
        className="field--short"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => commit(text)}
      />
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={year >= MAX_YEAR}
        onClick={() => onChange(year + 1)}
      >
        {t('calendar.nextYear')}
        <span aria-hidden="true"> ›</span>
      </button>
    </form>
  );
}
