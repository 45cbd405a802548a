// Per-unit statistics of field reports received in a period, with the total row. Numbers
// are formatted for the reader's language (vi: 97,5 %).
import { useI18n } from '../../../i18n/i18n-context.tsx';
import type { ReportStats, UnitStats } from '../admin/reports-admin.api.ts';

type Row = Omit<UnitStats, 'unitCode' | 'unitName'>;

export function ReportStatsTable({ stats }: { stats: ReportStats }) {
  const { t, lang } = useI18n();
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const n = (x: number | null, digits = 0) =>
    x === null
      ? '—'
      : x.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pct = (x: number | null) =>
    x === null ? '—' : x.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
  const cells = (r: Row) => (
    <>
      <td>{n(r.received)}</td>
      <td>{n(r.open)}</td>
      <td>{n(r.finished)}</td>
      <td>{n(r.onTime)}</td>
      <td>{n(r.late)}</td>
      <td>{pct(r.onTimeRate)}</td>
      <td>{n(r.avgWorkingDaysToResolve, 1)}</td>
      <td>{n(r.reopened)}</td>
      <td>
        {r.avgRating === null
          ? '—'
          : t('reportStats.ratingValue', { avg: n(r.avgRating, 1), count: n(r.rated) })}
      </td>
    </>
  );
  if (stats.items.length === 0) return <p>{t('reportStats.empty')}</p>;
  return (
    // The table has no link or button, so on a narrow screen its scrolling box takes the focus
    // itself: keyboard users can then scroll it with the arrow keys (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-wrap" aria-labelledby="report-stats-caption" tabIndex={0}>
      <table className="table table--dense">
        <caption id="report-stats-caption">
          {t('reportStats.caption', { from: stats.from, to: stats.to })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('reportStats.unit')}</th>
            <th scope="col">{t('reportStats.received')}</th>
            <th scope="col">{t('reportStats.open')}</th>
            <th scope="col">{t('reportStats.finished')}</th>
            <th scope="col">{t('reportStats.onTime')}</th>
            <th scope="col">{t('reportStats.late')}</th>
            <th scope="col">{t('reportStats.onTimeRate')}</th>
            <th scope="col">{t('reportStats.avgDays')}</th>
            <th scope="col">{t('reportStats.reopened')}</th>
            <th scope="col">{t('reportStats.rating')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.items.map((i) => (
            <tr key={i.unitCode}>
              <th scope="row">{i.unitName ?? i.unitCode}</th>
              {cells(i)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('reportStats.total')}</th>
            {cells(stats.total)}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
