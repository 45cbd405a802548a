// Unit ranking (bar chart; a click or a button picks that unit: drill-down) and the 766 index
// with its six groups (Quyết định 766/QĐ-TTg; regulations.md §5).
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useI18n, useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { hasRole, useAuth } from '../../identity/index.ts';
import { getIndex766, getIndicatorRanking, getIndicatorValue } from '../api/ioc.api.ts';
import type { RankingRow } from '../api/ioc.types.ts';
import { ENTERING_ROLES } from '../lib/entering.ts';
import { formatNumber, formatPeriod, formatRate } from '../lib/period.ts';
import { ChartPanel } from './ChartPanel.tsx';
import { EChart } from './EChart.tsx';

/** The ranking endpoint, or — while it is missing — the children's values, sorted. */
async function loadRanking(
  unit: string,
  period: string,
  signal: AbortSignal,
): Promise<RankingRow[]> {
  try {
    return await getIndicatorRanking('dossiers.on_time', unit, period, signal);
  } catch (error) {
    const v = await getIndicatorValue('dossiers.on_time', unit, period, {
      children: true,
      signal,
    }).catch(() => {
      throw error;
    });
    return (v.children ?? [])
      .map((c) => ({
        rank: null,
        unitCode: c.unit,
        unitName: '',
        numerator: c.numerator,
        denominator: c.denominator,
        value: c.value,
      }))
      .sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  }
}

export function RankingPanel({
  unit,
  year,
  nameOf,
  onUnit,
  refresh,
  dark,
}: {
  unit: string;
  year: string;
  nameOf: (code: string) => string;
  onUnit: (code: string) => void;
  refresh: number;
  dark?: boolean;
}) {
  const t = useT();
  const { lang } = useI18n();
  const ranking = useAsync((signal) => loadRanking(unit, year, signal), [unit, year, refresh]);
  const title = t('ioc.ranking.title');
  const rows = useMemo(
    () => (ranking.data ?? []).map((r) => ({ ...r, name: r.unitName || nameOf(r.unitCode) })),
    [ranking.data, nameOf],
  );
  const option = useMemo(
    () => ({
      grid: { left: 140, right: 48, top: 8, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.value),
          itemStyle: { color: dark ? '#8cc8ff' : '#1f5fa8' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number | null }) => formatRate(p.value),
          },
          cursor: 'pointer',
        },
      ],
    }),
    [rows, dark],
  );
  return (
    <ChartPanel
      id="ranking"
      title={title}
      subtitle={`${t('ioc.tile.onTime')} — ${formatPeriod(year, lang)}`}
      loading={ranking.loading}
      error={ranking.error}
      onRetry={ranking.reload}
      table={
        ranking.data
          ? {
              headers: [t('ioc.col.rank'), t('ioc.col.unit'), t('ioc.col.rate')],
              rows: rows.map((r, i) => [r.rank ?? i + 1, r.name, r.value]),
            }
          : null
      }
      footer={
        rows.length > 0 ? (
          <nav className="ioc-drill" aria-label={t('ioc.ranking.drill')}>
            <span>{t('ioc.ranking.drill')}:</span>
            {rows.map((r) => (
              <button
                key={r.unitCode}
                type="button"
                className="button button--secondary button--small"
                onClick={() => onUnit(r.unitCode)}
              >
                {r.name} ({formatRate(r.value)})
              </button>
            ))}
          </nav>
        ) : null
      }
    >
      {rows.length > 0 ? (
        <EChart
          option={option}
          label={title}
          dark={dark}
          height={Math.max(160, rows.length * 32 + 40)}
          onClick={(c) => {
            const row = rows[c.dataIndex];
            if (row) onUnit(row.unitCode);
          }}
        />
      ) : null}
    </ChartPanel>
  );
}

export function Index766Panel({
  unit,
  year,
  dark,
}: {
  unit: string;
  year: string;
  dark?: boolean;
}) {
  const t = useT();
  const { lang } = useI18n();
  const { user } = useAuth();
  const index = useAsync((signal) => getIndex766(unit, year, signal), [unit, year]);
  const title = t('ioc.i766.title');
  const groups = index.data?.groups ?? [];
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: groups.map((g) => g.code) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          name: t('ioc.i766.score'),
          data: groups.map((g) => g.score),
          itemStyle: { color: '#1e7b34' },
        },
        {
          type: 'bar',
          name: t('ioc.i766.points'),
          data: groups.map((g) => g.points),
          itemStyle: { color: '#8a96a3' },
        },
      ],
    }),
    [groups, t],
  );
  // Sub-indicators with no data source that nobody has entered yet score 0: say which, and
  // (for those who may) link to entering them.
  const missing = groups.flatMap((g) =>
    g.indicators.filter((i) => i.origin === 'entered' && i.noData),
  );
  const canEnter = ENTERING_ROLES.some((role) => hasRole(user, role));
  const rows = groups.flatMap((g) => [
    [g.code, '', g.points, g.score] as (string | number | null)[],
    ...g.indicators.map((i) => [g.code, i.code, i.target, i.score, i.rate]),
  ]);
  return (
    <ChartPanel
      id="i766"
      title={title}
      subtitle={
        index.data
          ? `${formatPeriod(year, lang)} — ${t('ioc.i766.total', { total: formatNumber(index.data.total, 2) })}`
          : formatPeriod(year, lang)
      }
      loading={index.loading}
      error={index.error}
      onRetry={index.reload}
      table={
        index.data
          ? {
              headers: [
                t('ioc.i766.group'),
                t('ioc.col.indicator'),
                t('ioc.i766.pointsOrTarget'),
                t('ioc.i766.score'),
                t('ioc.col.rate'),
              ],
              rows,
            }
          : null
      }
    >
      {groups.length > 0 ? <EChart option={option} label={title} dark={dark} /> : null}
      {missing.length > 0 ? (
        <div className="ioc-i766-missing">
          <p>
            <strong>{t('ioc.i766.missing')}</strong>
          </p>
          <ul>
            {missing.map((i) => (
              <li key={i.code}>
                {i.name}
                {canEnter ? (
                  <>
                    {' — '}
                    <Link
                      to={`/chi-tieu/nhap-so-lieu?${new URLSearchParams({ indicator: i.code, unit, period: year })}`}
                    >
                      {t('ioc.i766.enter')}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </ChartPanel>
  );
}
