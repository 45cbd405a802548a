// Tasks by status (bar chart) and field reports on a map coloured by their SLA state.
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { LazyReportMap, type MapMarker } from '../../reports/index.ts';
import { countByStatus, listTasks } from '../../tasks/index.ts';
import { listSlaReports } from '../api/ioc.api.ts';
import { SLA_TONE_STATUS, slaState } from '../lib/sla.ts';
import { ChartPanel } from './ChartPanel.tsx';
import { EChart } from './EChart.tsx';

export function TasksStatusPanel({
  unit,
  refresh,
  dark,
}: {
  unit: string;
  refresh: number;
  dark?: boolean;
}) {
  const t = useT();
  const tasks = useAsync((signal) => listTasks({ unit }, undefined, signal), [unit, refresh]);
  const title = t('ioc.tasks.title');
  const counts = useMemo(() => countByStatus(tasks.data?.items ?? []), [tasks.data]);
  const option = useMemo(
    () => ({
      grid: { left: 140, right: 32, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map((c) => c.label) },
      series: [
        {
          type: 'bar',
          data: counts.map((c) => c.count),
          itemStyle: { color: dark ? '#8cc8ff' : '#1f5fa8' },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [counts, dark],
  );
  return (
    <ChartPanel
      id="tasks"
      title={title}
      subtitle={tasks.data?.nextCursor ? t('ioc.tasks.firstPage') : undefined}
      loading={tasks.loading}
      error={tasks.error}
      onRetry={tasks.reload}
      table={
        tasks.data
          ? {
              headers: [t('ioc.col.status'), t('ioc.col.count')],
              rows: counts.map((c) => [c.label, c.count]),
            }
          : null
      }
      footer={
        <p>
          <Link to={`/nhiem-vu?unit=${encodeURIComponent(unit)}`}>{t('ioc.tasks.open')}</Link>
        </p>
      }
    >
      {counts.length > 0 ? (
        <EChart
          option={option}
          label={title}
          dark={dark}
          height={Math.max(140, counts.length * 36 + 40)}
        />
      ) : null}
    </ChartPanel>
  );
}

export function ReportsMapPanel({ unit, refresh }: { unit: string; refresh: number }) {
  const t = useT();
  const navigate = useNavigate();
  const reports = useAsync((signal) => listSlaReports(unit, signal), [unit, refresh]);
  const title = t('ioc.map.title');
  const markers = useMemo<MapMarker[]>(
    () =>
      (reports.data ?? [])
        .filter((r) => r.lat !== null && r.long !== null)
        .map((r) => ({
          id: r.id,
          lat: r.lat as number,
          long: r.long as number,
          status: SLA_TONE_STATUS[slaState(r)],
          label: `${r.code} — ${r.categoryName} — ${t(`ioc.sla.${slaState(r)}`)}`,
        })),
    [reports.data, t],
  );
  return (
    <ChartPanel
      id="map"
      title={title}
      loading={reports.loading}
      error={reports.error}
      onRetry={reports.reload}
      table={
        reports.data
          ? {
              headers: [
                t('ioc.col.code'),
                t('ioc.col.category'),
                t('ioc.col.sla'),
                t('ioc.col.due'),
              ],
              rows: reports.data.map((r) => [
                r.code,
                r.categoryName,
                t(`ioc.sla.${slaState(r)}`),
                formatDateTime(r.dueAt),
              ]),
            }
          : null
      }
      footer={
        <ul className="ioc-legend" aria-label={t('ioc.map.legend')}>
          {(['overdue', 'open', 'done'] as const).map((s) => (
            <li key={s}>
              <span
                className={`ioc-legend__dot rp-tone--${SLA_TONE_STATUS[s]}`}
                aria-hidden="true"
              />
              {t(`ioc.sla.${s}`)}
            </li>
          ))}
        </ul>
      }
    >
      {reports.data ? (
        <LazyReportMap
          label={title}
          markers={markers}
          frameKey={unit}
          onSelect={(id) => navigate(`/phan-anh/xu-ly/${encodeURIComponent(id)}`)}
        />
      ) : null}
    </ChartPanel>
  );
}
