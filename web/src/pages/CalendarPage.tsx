import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { todayVn } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  CalendarView,
  DueCalculator,
  OverridesEditor,
  useCalendarDays,
  WorkingHoursForm,
  YearSelector,
} from '../modules/calendar/index.ts';
import { adminRoots, can, useAuth } from '../modules/identity/index.ts';

/** /quan-tri/lich — working calendar, overrides, deadline calculator, working hours. */
export function CalendarPage() {
  const t = useT();
  const { user } = useAuth();
  useDocumentTitle(t('calendar.title'));
  const [params, setParams] = useSearchParams();
  const year = Number.parseInt(params.get('nam') ?? '', 10) || Number(todayVn().slice(0, 4));
  const setYear = (next: number) => setParams({ nam: String(next) }, { replace: true });
  const days = useCalendarDays(year);

  return (
    <div className="page">
      <h1 className="page__title">{t('calendar.title')}</h1>
      <YearSelector year={year} onChange={setYear} />
      <CalendarView
        year={year}
        days={days.data}
        loading={days.loading}
        error={days.error}
        onRetry={days.reload}
        onYearChange={setYear}
      />
      <OverridesEditor
        year={year}
        canEdit={can(user, 'calendar.overrides')}
        onSaved={days.reload}
      />
      <div className="grid grid--2 grid--top">
        <DueCalculator />
        <WorkingHoursForm editRoots={can(user, 'calendar.workingHours') ? adminRoots(user) : []} />
      </div>
    </div>
  );
}
