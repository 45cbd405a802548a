import { useT } from '../../../i18n/i18n-context.tsx';
import { DAY_KINDS } from '../api/calendar.types.ts';
import { DAY_SYMBOL } from './day-style.ts';

/** The legend of the month grids. */
export function CalendarLegend() {
  const t = useT();
  return (
    <section aria-labelledby="cal-legend-title" className="cal-legend">
      <h3 id="cal-legend-title" className="visually-hidden">
        {t('calendar.legend')}
      </h3>
      <ul className="cal-legend__list">
        {DAY_KINDS.map((kind) => (
          <li key={kind}>
            <span className={`cal-legend__swatch cal__day--${kind}`} aria-hidden="true">
              {DAY_SYMBOL[kind]}
            </span>
            {t(`dayKind.${kind}`)}
          </li>
        ))}
        <li>
          <span className="cal-legend__swatch cal__day--today" aria-hidden="true" />
          {t('calendar.today')}
        </li>
      </ul>
    </section>
  );
}
