// The year as 12 month grids, or one month at a time with previous/next.
import { useMemo, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { todayVn } from '../../../lib/format.ts';
import { LoadError, Loading } from '../../../ui/Notice.tsx';
import type { CalendarDay } from '../api/calendar.types.ts';
import { CalendarLegend } from './CalendarLegend.tsx';
import { MonthGrid } from './MonthGrid.tsx';

type Mode = 'year' | 'month';
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Shows `year`; moving past December or January changes the year through `onYearChange`. */
export function CalendarView({
  year,
  days,
  loading,
  error,
  onRetry,
  onYearChange,
}: {
  year: number;
  days: CalendarDay[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onYearChange: (year: number) => void;
}) {
  const t = useT();
  const today = todayVn();
  const [mode, setMode] = useState<Mode>('month');
  const [month, setMonth] = useState(() =>
    Number(today.slice(0, 4)) === year ? Number(today.slice(5, 7)) : 1,
  );
  const byDate = useMemo(() => new Map((days ?? []).map((d) => [d.date, d])), [days]);

  const step = (delta: number) => {
    const next = month + delta;
    if (next < 1) {
      setMonth(12);
      onYearChange(year - 1);
    } else if (next > 12) {
      setMonth(1);
      onYearChange(year + 1);
    } else setMonth(next);
  };

  return (
    <section aria-labelledby="cal-view-title" className="section">
      <h2 id="cal-view-title" className="section__title">
        {t('calendar.viewTitle', { year })}
      </h2>
      <div className="toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('calendar.viewMode')}</legend>
          <button type="button" aria-pressed={mode === 'month'} onClick={() => setMode('month')}>
            {t('calendar.modeMonth')}
          </button>
          <button type="button" aria-pressed={mode === 'year'} onClick={() => setMode('year')}>
            {t('calendar.modeYear')}
          </button>
        </fieldset>
        {mode === 'month' ? (
          <div className="button-group button-group--tight">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => step(-1)}
            >
              {t('calendar.prevMonth')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => step(1)}
            >
              {t('calendar.nextMonth')}
            </button>
          </div>
        ) : null}
      </div>
      <CalendarLegend />
      {error ? <LoadError error={error} onRetry={onRetry} /> : null}
      {loading ? <Loading /> : null}
      {mode === 'month' ? (
        <p className="visually-hidden" role="status">
          {t('calendar.monthTitle', { month, year })}
        </p>
      ) : null}
      <div className={mode === 'year' ? 'cal-year' : 'cal-month'}>
        {mode === 'year' ? (
          MONTHS.map((m) => <MonthGrid key={m} year={year} month={m} days={byDate} today={today} />)
        ) : (
          <MonthGrid year={year} month={month} days={byDate} today={today} />
        )}
      </div>
    </section>
  );
}
