// One month as a table, Monday first, marking weekends, holidays, compensatory days and
// override days; each marked day carries its name for hover and screen readers.
import { useI18n } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { CalendarDay, DayKind } from '../api/calendar.types.ts';
import { DAY_SYMBOL } from './day-style.ts';
import { mondayIndex, monthWeeks } from './month-grid.ts';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** The month `month` (1–12) of `year`; `days` maps ISO date → special day. */
export function MonthGrid({
  year,
  month,
  days,
  today,
}: {
  year: number;
  month: number;
  days: ReadonlyMap<string, CalendarDay>;
  today: string;
}) {
  const { t, lang } = useI18n();
  const captionId = `cal-${year}-${month}`;
  return (
    <table className="cal" aria-labelledby={captionId}>
      <caption id={captionId} className="cal__caption">
        {t('calendar.monthTitle', { month, year })}
      </caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col">
              <abbr title={t(`weekday.long.${d}`)}>{t(`weekday.short.${d}`)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week) => (
          <tr key={week.find((d) => d) ?? 'empty'}>
            {week.map((iso, i) => {
              // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no identity but their position.
              if (!iso) return <td key={`pad-${i}`} className="cal__pad" />;
              const special = days.get(iso);
              const kind: DayKind | undefined =
                special?.kind ?? (mondayIndex(iso) >= 5 ? 'weekend' : undefined);
              const name = special
                ? lang === 'vi'
                  ? special.nameVi
                  : special.nameEn || special.nameVi
                : '';
              const description = [
                `${t(`weekday.long.${mondayIndex(iso)}`)}, ${formatDate(iso)}`,
                kind ? t(`dayKind.${kind}`) : '',
                name,
              ]
                .filter(Boolean)
                .join(' – ');
              const classes = [
                'cal__day',
                kind ? `cal__day--${kind}` : '',
                iso === today ? 'cal__day--today' : '',
              ];
              return (
                <td key={iso} className={classes.filter(Boolean).join(' ')} title={description}>
                  <span className="cal__num" aria-hidden="true">
                    {Number(iso.slice(8))}
                  </span>
                  {kind && DAY_SYMBOL[kind] ? (
                    <span className="cal__mark" aria-hidden="true">
                      {DAY_SYMBOL[kind]}
                    </span>
                  ) : null}
                  <span className="visually-hidden">
                    {description}
                    {iso === today ? ` (${t('calendar.today')})` : ''}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
